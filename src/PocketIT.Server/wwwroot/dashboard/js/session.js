// The signed-in user for this browser tab: token, user and clients, kept in sessionStorage.
const KEY = 'pocketit.session';

function load() {
  try { return JSON.parse(sessionStorage.getItem(KEY)) || null; } catch { return null; }
}

export const session = {
  data: load(),
  prefs: {},
  get token() { return this.data?.token ?? null; },
  get user() { return this.data?.user ?? null; },
  get clients() { return this.data?.clients ?? []; },
  get role() { return this.user?.role ?? 'viewer'; },
  get isAdmin() { return this.role === 'admin' || this.role === 'superadmin'; },
  get canWrite() { return this.role !== 'viewer'; },
  set(result) {
    this.data = { token: result.token, user: result.user, clients: result.clients || [] };
    sessionStorage.setItem(KEY, JSON.stringify(this.data));
  },
  clear() {
    this.data = null;
    this.prefs = {};
    sessionStorage.removeItem(KEY);
  },
};
