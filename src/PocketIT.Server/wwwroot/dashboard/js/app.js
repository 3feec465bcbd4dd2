// The shell: sign-in gate, navigation, hash routes and preferences.
import { h, replace } from './dom.js';
import { api, setUnauthorizedHandler } from './api.js';
import { session } from './session.js';
import { live } from './live.js';
import { renderLogin } from './pages/login.js';
import { renderFleet } from './pages/fleet.js';
import { renderDevice } from './pages/device.js';
import { renderTickets, renderTicket } from './pages/tickets.js';
import { renderClients, renderClient } from './pages/clients.js';
import { renderUsers } from './pages/users.js';
import { renderAccount } from './pages/account.js';
import { renderSettings } from './pages/settings.js';

const root = document.getElementById('app');

const NAV = [
  { page: 'fleet', label: 'Fleet', icon: '▦' },
  { page: 'tickets', label: 'Tickets', icon: '✉' },
  { page: 'clients', label: 'Clients', icon: '◫' },
  { page: 'users', label: 'Users', icon: '☺', admin: true },
  { page: 'settings', label: 'Settings', icon: '⚙', admin: true },
  { page: 'account', label: 'My account', icon: '◉' },
];
export const PAGES = NAV.map((n) => n.page);

const ROUTES = [
  [/^fleet$/, () => renderFleet()],
  [/^devices\/(.+)$/, (m) => renderDevice(decodeURIComponent(m[1]))],
  [/^tickets$/, () => renderTickets()],
  [/^tickets\/(\d+)$/, (m) => renderTicket(Number(m[1]))],
  [/^clients$/, () => renderClients()],
  [/^clients\/(\d+)$/, (m) => renderClient(Number(m[1]))],
  [/^users$/, () => renderUsers(), true],
  [/^settings$/, () => renderSettings(), true],
  [/^account$/, () => renderAccount()],
];

let main = null;
let nav = null;
let offLiveState = null;
let renderToken = 0;

export function applyPreferences(prefs) {
  session.prefs = { ...session.prefs, ...prefs };
  document.documentElement.dataset.theme = session.prefs.theme === 'light' ? 'light' : 'dark';
}

export function navigate(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

function defaultPage() {
  const page = session.prefs.defaultPage;
  const entry = NAV.find((n) => n.page === page);
  return entry && (!entry.admin || session.isAdmin) ? page : 'fleet';
}

async function signedIn() {
  try {
    applyPreferences(await api.get('/api/admin/user/preferences'));
  } catch { /* keep defaults */ }
  buildShell();
  live.start();
  if (!location.hash || location.hash === '#/' || location.hash === '#/login') location.hash = `#/${defaultPage()}`;
  else route();
}

function signOut() {
  live.stop();
  session.clear();
  applyPreferences({ theme: 'dark' });
  history.replaceState(null, '', '#/login');
  showLogin();
}

function showLogin(message) {
  main = null;
  replace(root, renderLogin({ onSignedIn: (result) => { session.set(result); signedIn(); }, message }));
}

function buildShell() {
  const user = session.user;
  const liveBadge = h('span', { class: 'live-pill', 'data-testid': 'live-state' });
  const updateLive = () => {
    liveBadge.textContent = live.connected ? 'Live' : live.failed ? 'Live updates off' : 'Connecting';
    liveBadge.className = `live-pill ${live.connected ? 'live-on' : 'live-off'}`;
    liveBadge.title = live.connected ? 'Live updates connected' : live.reason;
  };
  offLiveState?.();
  offLiveState = live.onState(updateLive);
  updateLive();

  nav = h('nav', { class: 'nav', 'aria-label': 'Main' },
    NAV.filter((n) => !n.admin || session.isAdmin).map((n) =>
      h('a', { href: `#/${n.page}`, class: 'nav-link', dataset: { page: n.page } },
        h('span', { class: 'nav-icon', 'aria-hidden': 'true', text: n.icon }), h('span', { text: n.label }))));

  main = h('main', { class: 'main', id: 'main' });
  replace(root,
    h('div', { class: 'shell' },
      h('aside', { class: 'sidebar' }, h('div', { class: 'sidebar-inner' },
        h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true', text: 'P' }), h('span', { class: 'brand-name', text: 'Pocket IT' })),
        nav,
        h('div', { class: 'sidebar-foot' },
          h('div', { class: 'whoami' },
            h('span', { class: 'whoami-name', 'data-testid': 'whoami', text: user.display_name || user.username }),
            h('span', { class: 'whoami-role', text: user.role })),
          liveBadge,
          h('button', { class: 'btn btn-ghost btn-block', type: 'button', 'data-testid': 'sign-out', onclick: signOut }, 'Sign out')))),
      main));
}

async function route() {
  if (!session.token) return showLogin();
  if (!main) buildShell();
  const path = (location.hash || '').replace(/^#\/?/, '') || defaultPage();
  const match = ROUTES.map(([re, render, admin]) => [path.match(re), render, admin]).find(([m]) => m);
  const section = path.split('/')[0];
  for (const link of nav.querySelectorAll('.nav-link')) {
    const active = link.dataset.page === section || (section === 'devices' && link.dataset.page === 'fleet');
    link.classList.toggle('active', active);
    if (active) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  const token = ++renderToken;
  document.dispatchEvent(new CustomEvent('pocketit:leave'));
  if (!match || (match[2] && !session.isAdmin)) {
    replace(main, h('div', { class: 'page' }, h('h1', { text: 'Not found' }), h('p', { class: 'muted', text: 'There is no such page.' })));
    return;
  }
  replace(main, h('div', { class: 'page loading', text: 'Loading…' }));
  try {
    const page = await match[1](match[0]);
    if (token === renderToken) replace(main, page);
  } catch (e) {
    if (token !== renderToken) return;
    replace(main, h('div', { class: 'page' }, h('h1', { text: 'Something went wrong' }),
      h('div', { class: 'notice notice-error', role: 'alert', text: e.message || String(e) })));
  }
  main.focus?.();
}

setUnauthorizedHandler(() => {
  live.stop();
  session.clear();
  showLogin('Your session has ended. Please sign in again.');
});

window.addEventListener('hashchange', () => { if (session.token) route(); });
if (session.token) signedIn(); else showLogin();
