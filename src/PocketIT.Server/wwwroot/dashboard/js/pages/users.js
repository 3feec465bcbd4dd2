// Users (admin): list with backup-code counts, create, change role, reset password, delete, new backup codes.
import { h, replace, select, card, notice, field, busy } from '../dom.js';
import { api } from '../api.js';
import { session } from '../session.js';
import { when, whenTitle } from '../format.js';
import { backupCodeList } from './login.js';

const ROLES = [['viewer', 'Viewer'], ['technician', 'Technician'], ['admin', 'Admin'], ['superadmin', 'Superadmin']];

export async function renderUsers() {
  const users = await api.get('/api/admin/users');
  const note = notice();
  const output = h('div', {});
  const tbody = h('tbody', { 'data-testid': 'user-rows' });

  const renderRows = () => replace(tbody, users.map((u) => {
    const self = u.id === session.user.id;
    const role = select(ROLES.filter(([r]) => r !== 'superadmin' || session.role === 'superadmin' || u.role === 'superadmin'), u.role,
      { 'aria-label': `Role of ${u.username}`, disabled: self, onchange: () => busy(role, async () => {
        await api.put(`/api/admin/users/${u.id}`, { role: role.value });
        u.role = role.value; note.show(`${u.username} is now ${role.value}.`, 'ok');
      }, note).then(() => { role.value = u.role; }) });
    const reset = h('button', { class: 'btn btn-small', type: 'button', onclick: () => {
      const password = prompt(`New password for ${u.username} (at least 8 characters):`);
      if (!password) return;
      busy(reset, async () => { await api.put(`/api/admin/users/${u.id}`, { password }); note.show(`Password of ${u.username} reset.`, 'ok'); }, note);
    } }, 'Reset password');
    const codes = h('button', { class: 'btn btn-small', type: 'button', onclick: () => busy(codes, async () => {
      const result = await api.post(`/api/admin/users/${u.id}/backup-codes`);
      u.backup_code_count = result.backup_codes.length; renderRows();
      replace(output, card(`New backup codes for ${u.username}`, h('p', { class: 'muted small', text: 'Shown once. Hand them over securely.' }), backupCodeList(result.backup_codes)));
    }, note) }, 'New backup codes');
    const del = h('button', { class: 'btn btn-small btn-danger', type: 'button', disabled: self, onclick: () => {
      if (!confirm(`Delete ${u.username}?`)) return;
      busy(del, async () => { await api.del(`/api/admin/users/${u.id}`); users.splice(users.indexOf(u), 1); renderRows(); note.show(`${u.username} deleted.`, 'ok'); }, note);
    } }, 'Delete');
    return h('tr', { dataset: { user: u.id } },
      h('td', {}, h('span', { class: 'strong', text: u.display_name || u.username }), h('div', { class: 'muted small', text: `@${u.username}${self ? ' (you)' : ''}` })),
      h('td', {}, role),
      h('td', { class: 'num', text: String(u.backup_code_count ?? 0) }),
      h('td', { text: when(u.last_login), title: whenTitle(u.last_login) }),
      h('td', { class: 'actions' }, h('div', { class: 'row-actions' }, reset, codes, del)));
  }));
  renderRows();

  const cnote = notice();
  const username = h('input', { required: true, maxlength: 100, autocomplete: 'off', 'data-testid': 'new-username' });
  const display = h('input', { maxlength: 200 });
  const password = h('input', { type: 'password', required: true, autocomplete: 'new-password', 'data-testid': 'new-password' });
  const role = select(ROLES.filter(([r]) => r !== 'superadmin' || session.role === 'superadmin'), 'technician', { 'data-testid': 'new-role' });
  const create = h('button', { class: 'btn btn-primary', type: 'submit', 'data-testid': 'user-create' }, 'Create user');
  const form = h('form', { class: 'form-grid', onsubmit: (e) => {
    e.preventDefault();
    busy(create, async () => {
      const created = await api.post('/api/admin/users', { username: username.value.trim(), password: password.value, display_name: display.value.trim() || null, role: role.value });
      users.push({ ...created, display_name: display.value.trim() || null, backup_code_count: 0, last_login: null });
      renderRows(); form.reset(); cnote.show(`${created.username} created.`, 'ok');
    }, cnote);
  } }, field('Username', username), field('Display name', display), field('Password', password), field('Role', role), h('div', { class: 'form-actions' }, create), cnote);

  return h('div', { class: 'page', 'data-page': 'users' },
    h('header', { class: 'page-head' }, h('h1', { text: 'Users' }), h('p', { class: 'muted', text: 'IT staff accounts, their roles and two-factor backup codes.' })),
    h('section', { class: 'card' }, note, h('div', { class: 'table-wrap' }, h('table', { class: 'table', 'data-testid': 'user-table' },
      h('thead', {}, h('tr', {}, ['User', 'Role', 'Backup codes', 'Last sign-in', ''].map((t) => h('th', { scope: 'col', text: t })))), tbody))),
    output,
    card('New user', form));
}
