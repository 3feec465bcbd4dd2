// Sign-in: password, then a TOTP or backup code when 2FA is on, or the first-time 2FA setup.
import { h, replace, field, notice, busy } from '../dom.js';
import { request } from '../api.js';

export function renderLogin({ onSignedIn, message }) {
  const box = h('div', { class: 'login-box' });
  const wrap = h('div', { class: 'login' }, h('div', { class: 'login-brand' },
    h('span', { class: 'brand-mark brand-mark-lg', 'aria-hidden': 'true', text: 'P' }),
    h('h1', { text: 'Pocket IT' }),
    h('p', { class: 'muted', text: 'Sign in to the IT dashboard' })), box);
  passwordStep(box, onSignedIn, message);
  return wrap;
}

function passwordStep(box, onSignedIn, message) {
  const note = notice();
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { class: 'btn btn-primary btn-block', type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'stack', 'data-testid': 'login-form', onsubmit: (e) => {
    e.preventDefault();
    busy(submit, async () => {
      const result = await request('POST', '/api/admin/login', { username: username.value.trim(), password: password.value }, { token: '' });
      if (result.token) return onSignedIn(result);
      if (result.requires2FA) return codeStep(box, result.tempToken, onSignedIn);
      if (result.requiresSetup) return setupStep(box, result.tempToken, onSignedIn);
      throw new Error('Unexpected answer from the server.');
    }, note);
  } }, field('Username', username), field('Password', password), note, submit);
  replace(box, form);
  if (message) note.show(message, 'info');
  queueMicrotask(() => username.focus());
}

function codeStep(box, tempToken, onSignedIn) {
  const note = notice();
  const code = h('input', { name: 'code', autocomplete: 'one-time-code', inputmode: 'text', required: true, maxlength: 12, class: 'code-input' });
  const submit = h('button', { class: 'btn btn-primary btn-block', type: 'submit' }, 'Verify');
  replace(box, h('form', { class: 'stack', 'data-testid': 'code-form', onsubmit: (e) => {
    e.preventDefault();
    busy(submit, async () => {
      onSignedIn(await request('POST', '/api/admin/verify-2fa', { tempToken, code: code.value.trim() }, { token: '' }));
    }, note);
  } },
  h('h2', { class: 'login-step', text: 'Two-factor authentication' }),
  h('p', { class: 'muted', text: 'Enter the 6-digit code from your authenticator app, or one of your backup codes (ABCD-1234).' }),
  field('Code', code), note, submit,
  h('button', { class: 'btn btn-ghost btn-block', type: 'button', onclick: () => passwordStep(box, onSignedIn) }, 'Back')));
  queueMicrotask(() => code.focus());
}

async function setupStep(box, tempToken, onSignedIn) {
  const note = notice();
  replace(box, h('p', { class: 'muted', text: 'Preparing two-factor setup…' }));
  let setup;
  try {
    setup = await request('POST', '/api/admin/2fa/setup', { tempToken }, { token: '' });
  } catch (e) {
    replace(box, h('div', { class: 'notice notice-error', text: e.message }),
      h('button', { class: 'btn btn-ghost btn-block', type: 'button', onclick: () => passwordStep(box, onSignedIn) }, 'Back'));
    return;
  }
  const code = h('input', { name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', required: true, maxlength: 6, class: 'code-input' });
  const submit = h('button', { class: 'btn btn-primary btn-block', type: 'submit' }, 'Confirm and sign in');
  replace(box, h('form', { class: 'stack', 'data-testid': 'setup-form', onsubmit: (e) => {
    e.preventDefault();
    busy(submit, async () => {
      const result = await request('POST', '/api/admin/2fa/confirm', { tempToken, code: code.value.trim() }, { token: '' });
      showBackupCodes(box, result.backupCodes || result.backup_codes || [], () => onSignedIn(result));
    }, note);
  } },
  h('h2', { class: 'login-step', text: 'Set up two-factor authentication' }),
  h('p', { class: 'muted', text: 'Scan this QR code with an authenticator app, then enter the 6-digit code it shows.' }),
  h('img', { class: 'qr', src: setup.qrDataUri, alt: 'QR code for your authenticator app', width: 180, height: 180 }),
  h('p', { class: 'muted small' }, 'Or enter this key by hand: ', h('code', { class: 'manual-key', 'data-testid': 'manual-key', text: setup.manualKey })),
  field('Code', code), note, submit));
  queueMicrotask(() => code.focus());
}

export function backupCodeList(codes) {
  return h('ol', { class: 'backup-codes', 'data-testid': 'backup-codes' }, codes.map((c) => h('li', { text: c })));
}

function showBackupCodes(box, codes, done) {
  replace(box, h('div', { class: 'stack' },
    h('h2', { class: 'login-step', text: 'Save your backup codes' }),
    h('p', { class: 'muted', text: 'Each code signs you in once if you lose your authenticator. They are shown only now: store them somewhere safe.' }),
    backupCodeList(codes),
    h('button', { class: 'btn btn-primary btn-block', type: 'button', onclick: done }, 'I have saved them — continue')));
}
