// The one place that knows about Socket.IO. It connects to the server's `/it` namespace with the
// official socket.io client (vendored: vendor/socket.io.esm.min.js, MIT). When the client cannot be
// loaded or the namespace does not answer, `live.connected` stays false and pages show why
// ("live updates unavailable"); everything else keeps working over REST.
import { session } from './session.js';

const CLIENT_MODULE = '../vendor/socket.io.esm.min.js';
const listeners = new Map(); // event -> Set<fn>
const stateListeners = new Set();
let socket = null;
let loading = null;

export const live = {
  available: false,
  connected: false,
  failed: false,
  reason: 'Connecting to live updates…',

  /** Subscribes to a server event; returns an unsubscribe function. */
  on(event, fn) {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(fn);
    return () => listeners.get(event)?.delete(fn);
  },

  /** Called with the live state whenever it changes; returns an unsubscribe function. */
  onState(fn) {
    stateListeners.add(fn);
    return () => stateListeners.delete(fn);
  },

  emit(event, payload) {
    if (!socket || !live.connected) return false;
    socket.emit(event, payload);
    return true;
  },

  watchDevice(deviceId) { return live.emit('watch_device', { deviceId }); },
  unwatchDevice(deviceId) { return live.emit('unwatch_device', { deviceId }); },
  chatToDevice(deviceId, content) { return live.emit('chat_to_device', { deviceId, content }); },
  requestDiagnostic(deviceId, checkType = 'all') { return live.emit('request_diagnostic', { deviceId, checkType }); },
  systemTool(deviceId, tool, params = {}) {
    return live.emit('system_tool_request', { deviceId, requestId: `st-${Date.now()}`, tool, params });
  },

  async start() {
    if (socket || !session.token) return;
    const io = await loadClient();
    if (!io) return setState(false, false, true, 'Live updates unavailable: the real-time client could not be loaded.');
    if (!session.token || socket) return;
    // The bearer token goes in the handshake's `auth.token` (read again on each reconnect, so a new sign-in is used).
    const s = io('/it', { path: '/socket.io', auth: (cb) => cb({ token: session.token }), reconnectionDelayMax: 15000 });
    socket = s;
    setState(true, false, false, 'Connecting to live updates…');
    s.on('connect', () => setState(true, true, false, ''));
    s.on('disconnect', (why) => {
      if (why === 'io server disconnect') {
        // The server closed the session itself; the client does not retry that on its own.
        setState(true, false, true, 'Live updates were closed by the server; reconnecting…');
        s.connect();
      } else setState(true, false, false, 'Live updates disconnected; reconnecting…');
    });
    s.on('connect_error', (err) => setState(true, false, true,
      `Live updates unavailable: the server's real-time channel did not answer (${err?.message || 'connection refused'}). Retrying…`));
    s.onAny((event, payload) => {
      for (const fn of listeners.get(event) || []) {
        try { fn(payload); } catch (e) { console.error(e); }
      }
    });
  },

  stop() {
    const s = socket;
    socket = null;
    s?.off();
    s?.offAny();
    s?.disconnect();
    setState(false, false, false, 'Signed out.');
  },
};

function setState(available, connected, failed, reason) {
  Object.assign(live, { available, connected, failed, reason });
  for (const fn of stateListeners) fn(live);
}

function loadClient() {
  loading ??= import(CLIENT_MODULE).then((m) => m.io || m.default || null, () => null);
  return loading;
}
