// One device: profile, health, diagnostics (readable), chat with the end user, live actions, tickets.
import { h, replace, append, select, badge, card, empty, notice } from '../dom.js';
import { api, enc } from '../api.js';
import { session } from '../session.js';
import { live } from '../live.js';
import { when, whenTitle, absolute, parseDate, healthKind, number, label, STATUS_LABELS } from '../format.js';
import { scoreRing } from './fleet.js';
import { healthHistoryChart } from './healthHistory.js';

const CHECK_TYPES = ['all', 'cpu', 'memory', 'disk', 'network', 'top_processes', 'event_log', 'windows_update', 'services'];
const TOOLS = [
  ['process_list', 'Process list'],
  ['service_list', 'Service list'],
  ['event_log_query', 'Event log (System)'],
];
const SENDERS = { user: 'End user', ai: 'Assistant', it_tech: 'Technician', system: 'System' };

/** Structured data as key/value lists and small tables, never as raw JSON or HTML. */
export function dataView(value, depth = 0) {
  if (value === null || value === undefined || value === '') return h('span', { class: 'muted', text: '—' });
  if (typeof value === 'boolean') return badge(value ? 'Yes' : 'No', value ? 'ok' : 'off');
  if (typeof value !== 'object') return h('span', { text: typeof value === 'number' ? number(value, 2) : String(value) });
  if (Array.isArray(value)) {
    if (!value.length) return h('span', { class: 'muted', text: 'none' });
    if (value.every((v) => v === null || typeof v !== 'object')) return h('span', { text: value.map((v) => String(v)).join(', ') });
    if (value.every((v) => v && typeof v === 'object' && !Array.isArray(v)) && depth < 3) {
      const keys = [...new Set(value.flatMap((v) => Object.keys(v)))].slice(0, 8);
      const shown = value.slice(0, 25);
      return h('div', { class: 'table-wrap' }, h('table', { class: 'table table-compact' },
        h('thead', {}, h('tr', {}, keys.map((k) => h('th', { text: label(k) })))),
        h('tbody', {}, shown.map((v) => h('tr', {}, keys.map((k) => h('td', {}, v[k] !== null && typeof v[k] === 'object' ? h('span', { class: 'muted', text: summarize(v[k]) }) : dataView(v[k], depth + 1)))))),
        value.length > shown.length ? h('caption', { class: 'muted small', text: `${value.length - shown.length} more not shown` }) : null));
    }
    return h('ol', { class: 'plain-list' }, value.slice(0, 50).map((v) => h('li', {}, dataView(v, depth + 1))));
  }
  if (depth > 4) return h('span', { class: 'muted', text: summarize(value) });
  const entries = Object.entries(value);
  if (!entries.length) return h('span', { class: 'muted', text: 'empty' });
  return h('dl', { class: 'kv' }, entries.map(([k, v]) => [h('dt', { text: label(k) }), h('dd', {}, dataView(v, depth + 1))]));
}

function summarize(v) {
  if (Array.isArray(v)) return `${v.length} item${v.length === 1 ? '' : 's'}`;
  return Object.entries(v).slice(0, 4).map(([k, x]) => `${k}: ${typeof x === 'object' ? '…' : x}`).join(', ');
}

function parseData(text) {
  if (text === null || text === undefined) return null;
  try { return JSON.parse(text); } catch { return text; }
}

function statusBadge(status) {
  const kind = { ok: 'ok', completed: 'ok', warning: 'warn', error: 'bad', failed: 'bad' }[status] || 'neutral';
  return badge(label(status), kind);
}

/** The assistant's action of a message: live replies carry it as `action`, stored ones as `message_type` + `metadata`. */
function actionOf(m) {
  if (m.action && typeof m.action === 'object' && m.action.type) return m.action;
  if (!m.message_type || m.message_type === 'text') return null;
  const meta = typeof m.metadata === 'string' ? parseData(m.metadata) : m.metadata;
  return meta && typeof meta === 'object' && !Array.isArray(meta) ? { ...meta, type: m.message_type } : { type: m.message_type };
}

function actionText(a) {
  const detail = a.checkType ?? a.actionId ?? (a.ticketId != null ? `#${a.ticketId}` : null);
  return `Assistant action: ${label(String(a.type))}${detail != null && detail !== '' ? ` (${detail})` : ''}`;
}

export function chatMessage(m) {
  const sender = typeof m.sender === 'string' && m.sender ? m.sender : 'user';
  const name = typeof m.sender_name === 'string' && m.sender_name ? m.sender_name : null;
  const who = name ? `${SENDERS[sender] || label(sender)} · ${name}` : (SENDERS[sender] || label(sender));
  const action = actionOf(m);
  return h('li', { class: `msg msg-${sender}`, dataset: { sender } },
    h('div', { class: 'msg-head' }, h('span', { class: 'msg-who', text: who }), h('time', { class: 'msg-time', text: when(m.created_at), title: whenTitle(m.created_at) })),
    h('div', { class: 'msg-body', text: String(m.content ?? m.text ?? '') }),
    action ? h('div', { class: 'msg-action' }, badge(actionText(action), 'info')) : null);
}

/** A JSON column as stored (e.g. `logged_in_users`); what cannot be parsed is shown as the text it is. */
function parseColumn(text) {
  if (typeof text !== 'string') return text;
  try { return JSON.parse(text); } catch { return text; }
}

function userList(text) {
  const users = parseColumn(text);
  return Array.isArray(users) ? (users.length ? users.map((u) => String(u)).join(', ') : 'none') : users;
}

const GB = (v) => (v == null ? null : `${number(v)} GB`);

/** Every profile field the server stores (notes §10), grouped; all device-supplied values go in as text. */
function profile(d, clientName) {
  const groups = [
    ['Device', [
      ['Hostname', d.hostname], ['Device ID', d.device_id], ['Client', clientName],
      ['Manufacturer', d.device_manufacturer], ['Model', d.device_model], ['Form factor', d.form_factor], ['Serial number', d.serial_number],
      ['Signed-in user', d.current_user], ['Logged-in users', userList(d.logged_in_users)], ['Previously logged in', userList(d.previous_logged_in_users)],
      ['Agent version', d.client_version], ['Enrolled', absolute(d.enrolled_at)], ['Last seen', `${when(d.last_seen)} (${absolute(d.last_seen)})`],
    ]],
    ['Operating system', [
      ['Operating system', d.os_version], ['Name', d.os_name], ['Edition', d.os_edition], ['Version', d.os_display_version], ['Build', d.os_build],
      ['Architecture', d.os_architecture], ['Installed', d.os_install_date], ['Last boot', parseDate(d.last_boot_time) ? absolute(d.last_boot_time) : d.last_boot_time],
      ['Uptime', d.uptime_hours == null ? null : `${number(d.uptime_hours)} hours`],
      ['Domain', d.domain], ['Domain join', d.domain_join_type],
    ]],
    ['Hardware', [
      ['CPU', d.cpu_model], ['Processor cores', d.processor_count], ['Memory', GB(d.total_ram_gb)], ['Disk', GB(d.total_disk_gb)],
      ['GPU', d.gpu_model], ['BIOS', [d.bios_manufacturer, d.bios_version].filter(Boolean).join(' ') || null],
      ['TPM', d.tpm_version], ['Secure Boot', d.secure_boot], ['Certificate fingerprint', d.certificate_fingerprint],
    ]],
  ];
  const shown = new Set(['hostname', 'device_id', 'client_id', 'device_manufacturer', 'device_model', 'form_factor', 'serial_number', 'current_user',
    'logged_in_users', 'previous_logged_in_users', 'client_version', 'enrolled_at', 'last_seen', 'os_version', 'os_name', 'os_edition',
    'os_display_version', 'os_build', 'os_architecture', 'os_install_date', 'last_boot_time', 'uptime_hours', 'domain', 'domain_join_type',
    'cpu_model', 'processor_count', 'total_ram_gb', 'total_disk_gb', 'gpu_model', 'bios_manufacturer', 'bios_version', 'tpm_version',
    'secure_boot', 'certificate_fingerprint', 'network_adapters', 'status', 'health_score']);
  // Any further field a newer server adds is still shown, by name.
  const extra = Object.entries(d).filter(([k]) => !shown.has(k)).map(([k, v]) => [label(k), typeof v === 'object' && v !== null ? summarize(v) : v]);
  if (extra.length) groups.push(['Other', extra]);
  const value = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));
  const adapters = parseColumn(d.network_adapters);
  return h('div', { 'data-testid': 'device-profile' },
    groups.map(([title, rows]) => [
      h('h3', { class: 'sub', text: title }),
      h('dl', { class: 'kv kv-profile' }, rows.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: value(v) })])),
    ]),
    adapters ? [h('h3', { class: 'sub', text: 'Network adapters' }), h('div', { 'data-testid': 'network-adapters' }, dataView(adapters))] : null);
}

export async function renderDevice(id) {
  const historyPath = `/api/devices/${enc(id)}/health-history?days=7`;
  const [device, diagnostics, history, tickets, clients, healthPoints] = await Promise.all([
    api.get(`/api/devices/${enc(id)}`),
    api.get(`/api/devices/${enc(id)}/diagnostics`),
    api.get(`/api/chat/${enc(id)}/history?limit=100`),
    api.get('/api/tickets'),
    api.get('/api/clients').catch(() => []),
    api.get(historyPath).catch(() => []),
  ]);
  const clientName = clients.find((c) => c.id === device.client_id)?.name ?? '—';
  const name = device.hostname || device.device_id;
  const statusEl = h('span', { 'data-testid': 'device-status' });
  const showStatus = (status) => replace(statusEl, badge(status === 'online' ? 'Online' : 'Offline', status === 'online' ? 'ok' : 'off'));
  showStatus(device.status);

  // Chat
  const chatList = h('ol', { class: 'chat', 'data-testid': 'chat-log' });
  const renderHistory = (messages) => {
    const ordered = [...messages].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)) || (a.id ?? 0) - (b.id ?? 0));
    replace(chatList, ordered.length ? ordered.map(chatMessage) : h('li', { class: 'empty', 'data-empty': '', text: 'No messages yet.' }));
  };
  renderHistory(history);
  setTimeout(() => { chatList.scrollTop = chatList.scrollHeight; }, 0);
  const addMessage = (m) => {
    chatList.querySelector('[data-empty]')?.remove();
    chatList.append(chatMessage(m));
    chatList.scrollTop = chatList.scrollHeight;
  };

  const liveNote = h('div', { class: 'notice notice-info', 'data-testid': 'live-unavailable', hidden: true });
  const actionNote = notice();
  const writeControls = [];
  const chatInput = h('textarea', { rows: 2, maxlength: 10000, placeholder: 'Message the end user…', 'aria-label': 'Message to the device', 'data-testid': 'chat-input' });
  const sendButton = h('button', { class: 'btn btn-primary', type: 'submit', 'data-testid': 'chat-send' }, 'Send');
  const chatForm = session.canWrite ? h('form', { class: 'chat-form', onsubmit: (e) => {
    e.preventDefault();
    const content = chatInput.value.trim();
    if (!content) return;
    if (live.chatToDevice(device.device_id, content)) chatInput.value = '';
    else actionNote.show(live.reason || 'Live updates unavailable.');
  } }, chatInput, sendButton) : null;
  if (chatForm) writeControls.push(chatInput, sendButton);

  const checkSelect = select(CHECK_TYPES.map((c) => [c, c === 'all' ? 'All checks' : label(c)]), 'all', { 'aria-label': 'Diagnostic check' });
  const diagButton = h('button', { class: 'btn', type: 'button', 'data-testid': 'request-diagnostic', onclick: () => {
    if (live.requestDiagnostic(device.device_id, checkSelect.value)) actionNote.show(`Requested ${checkSelect.value === 'all' ? 'all checks' : label(checkSelect.value)}…`, 'info');
    else actionNote.show(live.reason || 'Live updates unavailable.');
  } }, 'Run diagnostic');
  const toolSelect = select(TOOLS, 'process_list', { 'aria-label': 'System tool' });
  const toolButton = h('button', { class: 'btn', type: 'button', 'data-testid': 'system-tool', onclick: () => {
    const params = toolSelect.value === 'event_log_query' ? { logName: 'System' } : toolSelect.value === 'service_list' ? { filter: 'all' } : {};
    if (live.systemTool(device.device_id, toolSelect.value, params)) actionNote.show(`Asked the device for ${label(toolSelect.value).toLowerCase()}…`, 'info');
    else actionNote.show(live.reason || 'Live updates unavailable.');
  } }, 'Run tool');
  const toolOutput = h('div', { class: 'tool-output', 'data-testid': 'tool-output' });
  if (session.canWrite) writeControls.push(checkSelect, diagButton, toolSelect, toolButton);

  let watching = false;
  let histories = 0;
  const syncLive = () => {
    liveNote.hidden = live.connected;
    liveNote.textContent = live.connected ? '' : (live.reason || 'Live updates unavailable.');
    for (const c of writeControls) c.disabled = !live.connected;
    // (Re)join the device's watchers on every new connection; the server answers with its status and recent chat.
    if (live.connected && !watching) watching = live.watchDevice(device.device_id);
    if (!live.connected) watching = false;
  };

  // Diagnostics
  const diagList = h('div', { class: 'diag-list', 'data-testid': 'diagnostics' });
  const renderDiagnostics = (list) => replace(diagList, list.length ? list.map((r) => h('details', { class: 'diag', open: false },
    h('summary', {}, h('span', { class: 'diag-type', text: label(r.check_type) }), statusBadge(r.status),
      h('time', { class: 'muted small', text: when(r.created_at), title: whenTitle(r.created_at) })),
    h('div', { class: 'diag-body' }, dataView(parseData(r.data))))) : empty('No diagnostics yet.'));
  renderDiagnostics(diagnostics);
  diagList.querySelector('details')?.setAttribute('open', '');

  // Tickets
  const mine = tickets.filter((t) => t.device_id === device.device_id);
  const ticketList = mine.length ? h('ul', { class: 'link-list', 'data-testid': 'device-tickets' }, mine.map((t) => h('li', {},
    h('a', { href: `#/tickets/${t.id}`, text: `#${t.id} ${t.title}` }), ' ', badge(STATUS_LABELS[t.status] || t.status, `st-${t.status}`), ' ',
    badge(label(t.priority), `pr-${t.priority}`)))) : empty('No tickets for this device.');

  // Live events for this device
  const offs = [
    live.onState(syncLive),
    live.on('device_status', (p) => {
      if (p?.device_id !== device.device_id) return;
      showStatus(p.status);
    }),
    live.on('device_chat_history', (p) => {
      // Sent each time we start watching. The first answer repeats what REST just gave; after a reconnect it
      // brings the messages missed while the socket was down (the server's most recent 50).
      if (p?.deviceId !== device.device_id || !Array.isArray(p.messages)) return;
      if (++histories === 1 || !p.messages.length) return;
      renderHistory(p.messages);
      chatList.scrollTop = chatList.scrollHeight;
    }),
    live.on('device_chat_update', (p) => {
      if (p?.deviceId !== device.device_id) return;
      if (p.message) addMessage({ ...p.message, created_at: p.message.created_at || new Date().toISOString() });
      if (p.response) addMessage({ sender: p.response.sender || 'ai', sender_name: p.response.agentName, content: p.response.text, action: p.response.action, created_at: new Date().toISOString() });
    }),
    live.on('device_ai_changed', (p) => {
      if (p?.deviceId !== device.device_id || !session.canWrite) return;
      if (p.ai_disabled === 'it_active') actionNote.show('The assistant is paused while you chat with the end user.', 'info');
    }),
    live.on('device_status_changed', (p) => {
      if (p?.deviceId !== device.device_id) return;
      showStatus(p.status);
    }),
    live.on('device_diagnostic_update', async (p) => {
      if (p?.deviceId !== device.device_id) return;
      actionNote.show(`${label(p.checkType)} diagnostic completed.`, 'ok');
      if (typeof p.healthScore === 'number') showHealth(p.healthScore);
      api.get(historyPath).then((points) => replace(historyEl, healthHistoryChart(points))).catch(() => {});
      renderDiagnostics(await api.get(`/api/devices/${enc(id)}/diagnostics`));
    }),
    live.on('system_tool_result', (p) => {
      if (p?.deviceId !== device.device_id) return;
      replace(toolOutput, h('h3', { class: 'sub', text: `${label(p.tool)} — ${p.success ? 'done' : 'failed'}` }),
        p.success ? dataView(p.data) : h('div', { class: 'notice notice-error', text: p.error || 'The tool failed.' }));
    }),
    live.on('error_message', (p) => actionNote.show(p?.message || 'The server refused the request.')),
  ];
  document.addEventListener('pocketit:leave', () => {
    offs.forEach((off) => off());
    live.unwatchDevice(device.device_id);
  }, { once: true });
  syncLive();

  const healthEl = h('div', { class: 'health-body', 'data-testid': 'device-health' });
  const showHealth = (score) => {
    const kind = healthKind(score);
    replace(healthEl, scoreRing(score, 96),
      h('div', {}, h('div', { class: `score score-${kind} score-lg`, text: score == null ? 'Not scanned' : `${score} / 100` }),
        h('p', { class: 'muted small', text: 'Mean of the latest result of each check: ok 100, warning 50, error 0.' })));
  };
  showHealth(device.health_score);
  const historyEl = h('div', { class: 'hist-wrap' }, healthHistoryChart(healthPoints));
  return h('div', { class: 'page', 'data-page': 'device' },
    h('header', { class: 'page-head' },
      h('a', { class: 'back', href: '#/fleet', text: '← Fleet' }),
      h('h1', { class: 'device-title', 'data-testid': 'device-hostname', text: name }), statusEl),
    h('div', { class: 'grid-2' },
      h('div', { class: 'col' },
        h('section', { class: 'card health-mini' }, h('h2', { class: 'card-title', text: 'Health' }), healthEl,
          h('h3', { class: 'sub', text: 'Last 7 days' }), historyEl),
        card('Profile', profile(device, clientName)),
        card('Tickets', ticketList)),
      h('div', { class: 'col' },
        card('Chat with the end user', liveNote, chatList, chatForm),
        session.canWrite ? card('Actions',
          h('div', { class: 'action-row' }, checkSelect, diagButton),
          h('div', { class: 'action-row' }, toolSelect, toolButton),
          actionNote, toolOutput) : null,
        card('Diagnostics', diagList))));
}
