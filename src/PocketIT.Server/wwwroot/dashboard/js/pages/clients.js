// Clients (tenants): list, create, edit, delete, notes logbook, custom fields, technicians, installer.
import { h, replace, select, card, empty, notice, field, busy } from '../dom.js';
import { api, request } from '../api.js';
import { session } from '../session.js';
import { when, whenTitle, absolute } from '../format.js';

// Runtimes the server can package (?platform=); Windows ones get the bootstrapper EXE when it is published.
const INSTALLER_PLATFORMS = [
  ['win-x64', 'Windows (x64)'], ['win-arm64', 'Windows (ARM64)'], ['linux-x64', 'Linux (x64)'],
  ['linux-arm64', 'Linux (ARM64)'], ['osx-arm64', 'macOS (Apple silicon)'],
];

export async function renderClients() {
  const [clients, devices] = await Promise.all([api.get('/api/clients'), api.get('/api/devices').catch(() => [])]);
  const counts = new Map();
  for (const d of devices) counts.set(d.client_id, (counts.get(d.client_id) || 0) + 1);
  let createCard = null;
  if (session.isAdmin) {
    const note = notice();
    const name = h('input', { name: 'name', required: true, maxlength: 200, 'data-testid': 'client-name' });
    const contact = h('input', { name: 'contact_name', maxlength: 200 });
    const email = h('input', { name: 'contact_email', type: 'email', maxlength: 200 });
    const notes = h('input', { name: 'notes', maxlength: 2000 });
    const create = h('button', { class: 'btn btn-primary', type: 'submit', 'data-testid': 'client-create' }, 'Create client');
    createCard = card('New client', h('form', { class: 'form-grid', onsubmit: (e) => {
      e.preventDefault();
      busy(create, async () => {
        const created = await api.post('/api/clients', { name: name.value.trim(), contact_name: contact.value.trim() || null, contact_email: email.value.trim() || null, notes: notes.value.trim() || null });
        location.hash = `#/clients/${created.id}`;
      }, note);
    } }, field('Name', name), field('Contact name', contact), field('Contact email', email), field('Notes', notes), h('div', { class: 'form-actions' }, create), note));
  }
  const rows = clients.map((c) => h('tr', { dataset: { client: c.id } },
    h('td', {}, h('a', { href: `#/clients/${c.id}`, text: c.name }), h('div', { class: 'muted small mono', text: c.slug })),
    h('td', { class: 'num', text: String(counts.get(c.id) || 0) }),
    h('td', { text: c.contact_name || '—' }),
    h('td', { text: c.contact_email || '—' }),
    h('td', { class: 'truncate', text: c.notes || '' }),
    h('td', { text: when(c.created_at), title: whenTitle(c.created_at) })));
  return h('div', { class: 'page', 'data-page': 'clients' },
    h('header', { class: 'page-head' }, h('h1', { text: 'Clients' }), h('p', { class: 'muted', text: session.isAdmin ? 'Every organisation you support.' : 'The organisations assigned to you.' })),
    h('section', { class: 'card' }, clients.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'table', 'data-testid': 'client-table' },
      h('thead', {}, h('tr', {}, ['Client', 'Devices', 'Contact', 'Email', 'Notes', 'Created'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, rows))) : empty('No clients assigned to you.')),
    createCard);
}

function filenameFrom(response, fallback) {
  const cd = response.headers.get('Content-Disposition') || '';
  const m = cd.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return m ? decodeURIComponent(m[1]) : fallback;
}

export async function renderClient(id) {
  const client = await api.get(`/api/clients/${id}`);
  const [notes, fields, assigned, users, devices] = await Promise.all([
    api.get(`/api/clients/${id}/notes`),
    api.get(`/api/clients/${id}/custom-fields`),
    session.isAdmin ? api.get(`/api/clients/${id}/users`) : Promise.resolve(null),
    session.isAdmin ? api.get('/api/admin/users') : Promise.resolve([]),
    api.get('/api/devices').catch(() => []),
  ]);
  const deviceCount = devices.filter((d) => d.client_id === id).length;
  const title = h('h1', { 'data-testid': 'client-title', text: client.name });

  // Details (edit for admins)
  let details;
  if (session.isAdmin) {
    const note = notice();
    const name = h('input', { value: client.name, required: true, maxlength: 200, 'aria-label': 'Name' });
    const contact = h('input', { value: client.contact_name || '', maxlength: 200 });
    const email = h('input', { value: client.contact_email || '', type: 'email', maxlength: 200 });
    const text = h('textarea', { rows: 3, maxlength: 2000 }); text.value = client.notes || '';
    const save = h('button', { class: 'btn btn-primary', type: 'submit', 'data-testid': 'client-save' }, 'Save');
    const del = h('button', { class: 'btn btn-danger', type: 'button', 'data-testid': 'client-delete', onclick: () => {
      if (!confirm(`Delete client “${client.name}”? This cannot be undone.`)) return;
      busy(del, async () => { await api.del(`/api/clients/${id}`); location.hash = '#/clients'; }, note);
    } }, 'Delete client');
    const installerNote = notice();
    const platform = h('select', { 'data-testid': 'installer-platform', 'aria-label': 'Installer platform' },
      ...INSTALLER_PLATFORMS.map(([rid, label]) => h('option', { value: rid }, label)));
    const installer = h('button', { class: 'btn', type: 'button', 'data-testid': 'download-installer', onclick: () => busy(installer, async () => {
      let response;
      try {
        response = await request('GET', `/api/clients/${id}/installer?platform=${encodeURIComponent(platform.value)}`, undefined, { raw: true });
      } catch (e) {
        throw new Error(`The installer could not be downloaded: ${e.message}${e.status === 404 ? ' (this server may not offer installer downloads yet)' : ''}`);
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: filenameFrom(response, `PocketIT-${client.slug}-setup`) });
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      installerNote.show('Installer downloaded. It enrolls the device into this client on first launch (token valid 24 h).', 'ok');
    }, installerNote) }, '⤓ Download installer');
    details = card('Details', h('form', { class: 'form-grid', onsubmit: (e) => {
      e.preventDefault();
      busy(save, async () => {
        await api.patch(`/api/clients/${id}`, { name: name.value.trim(), contact_name: contact.value.trim(), contact_email: email.value.trim(), notes: text.value.trim() });
        client.name = name.value.trim();
        title.textContent = client.name;
        note.show('Client saved.', 'ok');
      }, note);
    } }, field('Name', name), field('Contact name', contact), field('Contact email', email), field('Notes', text),
    h('div', { class: 'form-actions' }, save, h('span', { class: 'spacer' }), del), note),
    h('div', { class: 'installer-row' }, platform, installer, h('span', { class: 'muted small', text: `${deviceCount} device${deviceCount === 1 ? '' : 's'} enrolled` })), installerNote);
  } else {
    details = card('Details', h('dl', { class: 'kv' },
      h('dt', { text: 'Slug' }), h('dd', { class: 'mono', text: client.slug }),
      h('dt', { text: 'Contact' }), h('dd', { text: client.contact_name || '—' }),
      h('dt', { text: 'Email' }), h('dd', { text: client.contact_email || '—' }),
      h('dt', { text: 'Notes' }), h('dd', { class: 'prewrap', text: client.notes || '—' }),
      h('dt', { text: 'Devices' }), h('dd', { text: String(deviceCount) })));
  }

  // Notes logbook
  const noteList = h('ol', { class: 'comments', 'data-testid': 'client-notes' });
  const renderNotes = () => replace(noteList, notes.length ? notes.map((n) => h('li', { class: 'comment' },
    h('div', { class: 'msg-head' }, h('span', { class: 'msg-who', text: n.created_by }), h('time', { class: 'msg-time', text: when(n.created_at), title: whenTitle(n.created_at) }),
      session.canWrite ? h('button', { class: 'btn btn-ghost btn-small', type: 'button', 'aria-label': 'Delete note', onclick: async () => {
        await api.del(`/api/clients/${id}/notes/${n.id}`);
        notes.splice(notes.indexOf(n), 1); renderNotes();
      } }, 'Delete') : null),
    h('div', { class: 'msg-body', text: n.content }))) : h('li', { class: 'empty', text: 'No notes yet.' }));
  renderNotes();
  let noteForm = null;
  if (session.canWrite) {
    const nnote = notice();
    const text = h('textarea', { rows: 2, maxlength: 5000, placeholder: 'Add to the logbook…', 'aria-label': 'Note', required: true });
    const add = h('button', { class: 'btn btn-primary', type: 'submit' }, 'Add note');
    noteForm = h('form', { class: 'stack', onsubmit: (e) => {
      e.preventDefault();
      busy(add, async () => {
        const content = text.value.trim();
        const { id: nid } = await api.post(`/api/clients/${id}/notes`, { content });
        notes.unshift({ id: nid, content, created_by: session.user.username, created_at: new Date().toISOString() });
        text.value = ''; renderNotes();
      }, nnote);
    } }, text, nnote, h('div', { class: 'form-actions' }, add));
  }

  // Custom fields
  const fieldList = h('div', {});
  const renderFields = () => {
    const entries = Object.entries(fields);
    replace(fieldList, entries.length ? h('dl', { class: 'kv', 'data-testid': 'custom-fields' }, entries.map(([k, v]) => [h('dt', { text: k }),
      h('dd', {}, h('span', { text: v }), session.isAdmin ? h('button', { class: 'btn btn-ghost btn-small', type: 'button', 'aria-label': `Delete field ${k}`, onclick: async () => {
        await api.del(`/api/clients/${id}/custom-fields/${encodeURIComponent(k)}`);
        delete fields[k]; renderFields();
      } }, 'Remove') : null)])) : empty('No custom fields.'));
  };
  renderFields();
  let fieldForm = null;
  if (session.isAdmin) {
    const fnote = notice();
    const key = h('input', { placeholder: 'Field', 'aria-label': 'Field name', required: true, maxlength: 100 });
    const value = h('input', { placeholder: 'Value', 'aria-label': 'Field value', maxlength: 2000 });
    const set = h('button', { class: 'btn', type: 'submit' }, 'Set');
    fieldForm = h('form', { class: 'inline-form', onsubmit: (e) => {
      e.preventDefault();
      busy(set, async () => {
        await api.put(`/api/clients/${id}/custom-fields`, { fields: { [key.value.trim()]: value.value } });
        fields[key.value.trim()] = value.value; key.value = ''; value.value = ''; renderFields();
      }, fnote);
    } }, key, value, set, fnote);
  }

  // Technicians
  let techCard = null;
  if (assigned) {
    const tnote = notice();
    const list = h('ul', { class: 'link-list', 'data-testid': 'client-technicians' });
    const renderTechs = () => replace(list, assigned.length ? assigned.map((u) => h('li', {},
      h('span', { text: `${u.display_name || u.username} ` }), h('span', { class: 'muted small', text: `${u.role} · since ${absolute(u.assigned_at)}` }),
      h('button', { class: 'btn btn-ghost btn-small', type: 'button', onclick: () => busy(null, async () => {
        await api.del(`/api/clients/${id}/users/${u.id}`);
        assigned.splice(assigned.indexOf(u), 1); renderTechs();
      }, tnote) }, 'Unassign'))) : h('li', { class: 'empty', text: 'Nobody is assigned; admins see every client.' }));
    renderTechs();
    const candidates = users.filter((u) => u.role === 'technician' || u.role === 'viewer');
    const pick = select([['', 'Choose a user…'], ...candidates.map((u) => [u.id, `${u.display_name || u.username} (${u.role})`])], '', { 'aria-label': 'User to assign' });
    const assign = h('button', { class: 'btn', type: 'submit' }, 'Assign');
    techCard = card('Assigned staff', list, h('form', { class: 'inline-form', onsubmit: (e) => {
      e.preventDefault();
      if (!pick.value) return;
      busy(assign, async () => {
        await api.post(`/api/clients/${id}/users`, { user_id: Number(pick.value) });
        const u = users.find((x) => x.id === Number(pick.value));
        assigned.push({ ...u, assigned_at: new Date().toISOString() }); renderTechs();
      }, tnote);
    } }, pick, assign), tnote);
  }

  return h('div', { class: 'page', 'data-page': 'client' },
    h('header', { class: 'page-head' }, h('a', { class: 'back', href: '#/clients', text: '← Clients' }), title, h('span', { class: 'muted mono', text: client.slug })),
    h('div', { class: 'grid-2' },
      h('div', { class: 'col' }, details, card('Custom fields', fieldList, fieldForm), techCard),
      h('div', { class: 'col' }, card('Logbook', noteForm, noteList))));
}
