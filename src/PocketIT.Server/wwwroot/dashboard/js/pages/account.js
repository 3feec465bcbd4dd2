// My account: profile, password, two-factor, own backup codes, preferences (applied at once).
import { h, replace, select, card, notice, field, busy } from '../dom.js';
import { api } from '../api.js';
import { session } from '../session.js';
import { absolute } from '../format.js';
import { applyPreferences, PAGES } from '../app.js';
import { backupCodeList } from './login.js';

export async function renderAccount() {
  const profile = await api.get('/api/admin/user/profile');

  const pnote = notice();
  const display = h('input', { value: profile.display_name || '', maxlength: 200, required: true, 'aria-label': 'Display name' });
  const psave = h('button', { class: 'btn btn-primary', type: 'submit' }, 'Save');
  const profileCard = card('Profile',
    h('dl', { class: 'kv' }, h('dt', { text: 'Username' }), h('dd', { text: profile.username }), h('dt', { text: 'Role' }), h('dd', { text: profile.role }),
      h('dt', { text: 'Member since' }), h('dd', { text: absolute(profile.created_at) }), h('dt', { text: 'Last sign-in' }), h('dd', { text: absolute(profile.last_login) })),
    h('form', { class: 'inline-form', onsubmit: (e) => {
      e.preventDefault();
      busy(psave, async () => {
        await api.put('/api/admin/user/profile', { display_name: display.value.trim() });
        session.set({ ...session.data, user: { ...session.user, display_name: display.value.trim() } });
        document.querySelector('[data-testid=whoami]').textContent = display.value.trim();
        pnote.show('Profile saved.', 'ok');
      }, pnote);
    } }, field('Display name', display), psave), pnote);

  // Preferences
  const prefs = session.prefs;
  const prefNote = notice();
  const save = (key, value) => busy(null, async () => {
    await api.put('/api/admin/user/preferences', { [key]: String(value) });
    applyPreferences({ [key]: String(value) });
    prefNote.show('Preference saved.', 'ok');
  }, prefNote);
  const theme = select([['dark', 'Dark'], ['light', 'Light']], prefs.theme || 'dark', { 'data-testid': 'pref-theme', onchange: () => save('theme', theme.value) });
  const page = select(PAGES.map((p) => [p, p[0].toUpperCase() + p.slice(1)]), prefs.defaultPage || 'fleet', { 'data-testid': 'pref-default-page', onchange: () => save('defaultPage', page.value) });
  const perPage = select([10, 25, 50, 100, 200].map((n) => [n, String(n)]), prefs.itemsPerPage || '25', { 'data-testid': 'pref-items', onchange: () => save('itemsPerPage', perPage.value) });
  const dates = select([['relative', 'Relative (5 min ago)'], ['absolute', 'Absolute (date and time)']], prefs.dateFormat || 'relative', { 'data-testid': 'pref-dates', onchange: () => save('dateFormat', dates.value) });
  const prefCard = card('Preferences', h('div', { class: 'form-grid' }, field('Theme', theme), field('Default page', page), field('Items per page', perPage), field('Dates', dates)), prefNote);

  // Password
  const wnote = notice();
  const current = h('input', { type: 'password', required: true, autocomplete: 'current-password' });
  const next = h('input', { type: 'password', required: true, autocomplete: 'new-password' });
  const change = h('button', { class: 'btn btn-primary', type: 'submit' }, 'Change password');
  const pwForm = h('form', { class: 'form-grid', onsubmit: (e) => {
    e.preventDefault();
    busy(change, async () => {
      await api.put('/api/admin/user/password', { currentPassword: current.value, newPassword: next.value });
      pwForm.reset();
      wnote.show('Password changed. Other sessions were signed out; sign in again here when asked.', 'ok');
    }, wnote);
  } }, field('Current password', current), field('New password', next), h('div', { class: 'form-actions' }, change), wnote);

  // Two-factor
  const tnote = notice();
  const tout = h('div', {});
  const tpass = h('input', { type: 'password', required: true, autocomplete: 'current-password', 'aria-label': 'Password to confirm' });
  const regen = h('button', { class: 'btn', type: 'button', onclick: () => {
    if (!tpass.value) return tnote.show('Enter your password first.');
    busy(regen, async () => {
      const result = await api.post('/api/admin/user/2fa/backup-codes', { password: tpass.value });
      replace(tout, h('p', { class: 'muted small', text: 'Your new backup codes (shown once; the old ones no longer work):' }), backupCodeList(result.backup_codes));
      tnote.hide();
    }, tnote);
  } }, 'New backup codes');
  const reset = h('button', { class: 'btn btn-danger', type: 'button', onclick: () => {
    if (!tpass.value) return tnote.show('Enter your password first.');
    if (!confirm('Reset two-factor authentication? You will set it up again at your next sign-in.')) return;
    busy(reset, async () => {
      await api.post('/api/admin/user/2fa/reset', { password: tpass.value });
      tnote.show('Two-factor reset. Set it up again at your next sign-in.', 'ok');
    }, tnote);
  } }, 'Reset two-factor');
  const setup = h('button', { class: 'btn', type: 'button', 'data-testid': 'totp-setup', onclick: () => busy(setup, async () => {
    const started = await api.post('/api/admin/2fa/setup', {});
    const code = h('input', { inputmode: 'numeric', maxlength: 6, required: true, class: 'code-input', 'aria-label': 'Code from the app' });
    const confirmButton = h('button', { class: 'btn btn-primary', type: 'submit' }, 'Turn on');
    replace(tout, h('form', { class: 'stack setup-inline', onsubmit: (e) => {
      e.preventDefault();
      busy(confirmButton, async () => {
        const result = await api.post('/api/admin/2fa/confirm', { code: code.value.trim() });
        if (result.token) session.set({ ...session.data, token: result.token });
        replace(tout, h('p', { class: 'muted small', text: 'Two-factor is on. Your backup codes (shown once):' }), backupCodeList(result.backup_codes || result.backupCodes || []));
        tnote.show('Two-factor authentication is on.', 'ok');
      }, tnote);
    } },
    h('p', { class: 'muted small', text: 'Scan the QR code with an authenticator app, then enter the code it shows.' }),
    h('img', { class: 'qr', src: started.qrDataUri, alt: 'QR code for your authenticator app', width: 180, height: 180 }),
    h('p', { class: 'muted small' }, 'Key: ', h('code', { class: 'manual-key', text: started.manualKey })),
    h('div', { class: 'inline-form' }, code, confirmButton)));
  }, tnote) }, 'Set up two-factor');
  const codesLeft = profile.backup_code_count ?? 0;
  const twoFactorCard = card('Two-factor authentication',
    codesLeft > 0
      ? h('p', { class: 'muted', text: `On. ${codesLeft} unused backup code${codesLeft === 1 ? '' : 's'} left.` })
      : h('p', { class: 'muted', text: 'You sign in with a password only (or have no backup codes left). Set up an authenticator app to protect your account.' }),
    codesLeft > 0 ? null : h('div', { class: 'form-actions' }, setup),
    h('h3', { class: 'sub', text: codesLeft > 0 ? 'Manage' : 'If two-factor is on' }),
    h('div', { class: 'stack' }, field('Confirm with your password', tpass), h('div', { class: 'form-actions' }, regen, reset)),
    tnote, tout);

  return h('div', { class: 'page', 'data-page': 'account' },
    h('header', { class: 'page-head' }, h('h1', { text: 'My account' }), h('p', { class: 'muted', text: 'Your profile, security and how the dashboard looks.' })),
    h('div', { class: 'grid-2' },
      h('div', { class: 'col' }, profileCard, prefCard),
      h('div', { class: 'col' }, card('Password', pwForm), twoFactorCard)));
}
