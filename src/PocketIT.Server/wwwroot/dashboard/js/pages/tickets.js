// Tickets: list with status filter, detail with comments, status/priority/assignee changes.
import { h, replace, append, select, badge, card, empty, notice, field, busy } from '../dom.js';
import { api } from '../api.js';
import { session } from '../session.js';
import { live } from '../live.js';
import { when, whenTitle, absolute, label, STATUS_LABELS, PRIORITIES } from '../format.js';

const STATUSES = Object.keys(STATUS_LABELS);
let statusFilter = '';

async function deviceNames() {
  try {
    const devices = await api.get('/api/devices');
    return new Map(devices.map((d) => [d.device_id, d.hostname || d.device_id]));
  } catch { return new Map(); }
}

async function assignees() {
  const me = session.user;
  const list = [[me.id, `${me.display_name || me.username} (me)`]];
  if (session.isAdmin) {
    try {
      for (const u of await api.get('/api/admin/users')) if (u.id !== me.id && u.role !== 'viewer') list.push([u.id, u.display_name || u.username]);
    } catch { /* technicians cannot list users */ }
  }
  return list;
}

export async function renderTickets() {
  const [tickets, names] = await Promise.all([api.get('/api/tickets'), deviceNames()]);
  const tbody = h('tbody', { 'data-testid': 'ticket-rows' });
  const filter = select([['', 'All statuses'], ...STATUSES.map((s) => [s, STATUS_LABELS[s]])], statusFilter, {
    'aria-label': 'Filter by status', 'data-testid': 'ticket-status-filter', onchange: () => { statusFilter = filter.value; update(); } });
  const priorityOrder = { critical: 0, high: 1, medium: 2, low: 3 };
  const sortSel = select([['new', 'Newest first'], ['priority', 'Priority']], 'new', { 'aria-label': 'Sort tickets', onchange: () => update() });
  const count = h('span', { class: 'muted small' });

  function update() {
    let list = tickets.filter((t) => !statusFilter || t.status === statusFilter);
    list = [...list].sort(sortSel.value === 'priority'
      ? (a, b) => (priorityOrder[a.priority] ?? 9) - (priorityOrder[b.priority] ?? 9) || b.id - a.id
      : (a, b) => b.id - a.id);
    count.textContent = `${list.length} ticket${list.length === 1 ? '' : 's'}`;
    replace(tbody, list.length ? list.map((t) => h('tr', { dataset: { ticket: t.id } },
      h('td', { class: 'mono', text: `#${t.id}` }),
      h('td', {}, h('a', { href: `#/tickets/${t.id}`, text: t.title }), t.ai_summary ? h('div', { class: 'muted small truncate', text: t.ai_summary }) : null),
      h('td', {}, h('a', { href: `#/devices/${encodeURIComponent(t.device_id)}`, text: names.get(t.device_id) || t.device_id })),
      h('td', {}, badge(STATUS_LABELS[t.status] || t.status, `st-${t.status}`)),
      h('td', {}, badge(label(t.priority), `pr-${t.priority}`)),
      h('td', { text: when(t.created_at), title: whenTitle(t.created_at) })))
      : h('tr', {}, h('td', { colspan: 6, class: 'empty-cell', text: 'No tickets.' })));
  }
  const off = live.on('ticket_created', async () => {
    const fresh = await api.get('/api/tickets').catch(() => null);
    if (fresh) { tickets.splice(0, tickets.length, ...fresh); update(); }
  });
  document.addEventListener('pocketit:leave', off, { once: true });
  update();

  return h('div', { class: 'page', 'data-page': 'tickets' },
    h('header', { class: 'page-head' }, h('h1', { text: 'Tickets' }), h('p', { class: 'muted', text: 'Support requests from end users, the assistant and staff.' })),
    h('section', { class: 'card' },
      h('div', { class: 'toolbar' }, filter, sortSel, h('span', { class: 'spacer' }), count),
      h('div', { class: 'table-wrap' }, h('table', { class: 'table', 'data-testid': 'ticket-table' },
        h('thead', {}, h('tr', {}, ['#', 'Title', 'Device', 'Status', 'Priority', 'Created'].map((t) => h('th', { scope: 'col', text: t })))), tbody))));
}

export async function renderTicket(id) {
  const [ticket, names, people] = await Promise.all([api.get(`/api/tickets/${id}`), deviceNames(), assignees()]);
  if (ticket.assigned_to != null && !people.some(([uid]) => uid === ticket.assigned_to)) people.push([ticket.assigned_to, `User #${ticket.assigned_to}`]);
  const note = notice();
  const statusBadge = h('span', { 'data-testid': 'ticket-status' }, badge(STATUS_LABELS[ticket.status] || ticket.status, `st-${ticket.status}`));

  let controls = null;
  if (session.canWrite) {
    const status = select(STATUSES.map((s) => [s, STATUS_LABELS[s]]), ticket.status, { 'data-testid': 'ticket-status-select' });
    const priority = select(PRIORITIES.map((p) => [p, label(p)]), ticket.priority, { 'data-testid': 'ticket-priority-select' });
    const assignee = select([['', 'Unassigned'], ...people], ticket.assigned_to ?? '', { 'data-testid': 'ticket-assignee-select' });
    const save = h('button', { class: 'btn btn-primary', type: 'submit', 'data-testid': 'ticket-save' }, 'Save changes');
    controls = h('form', { class: 'form-grid', onsubmit: (e) => {
      e.preventDefault();
      busy(save, async () => {
        const body = {};
        if (status.value !== ticket.status) body.status = status.value;
        if (priority.value !== ticket.priority) body.priority = priority.value;
        const assigned = assignee.value === '' ? null : Number(assignee.value);
        if (assigned !== (ticket.assigned_to ?? null)) body.assigned_to = assigned;
        if (!Object.keys(body).length) return note.show('Nothing changed.', 'info');
        await api.patch(`/api/tickets/${id}`, body);
        Object.assign(ticket, body);
        replace(statusBadge, badge(STATUS_LABELS[ticket.status] || ticket.status, `st-${ticket.status}`));
        note.show('Ticket updated.', 'ok');
      }, note);
    } }, field('Status', status), field('Priority', priority), field('Assignee', assignee), h('div', { class: 'form-actions' }, save), note);
  }

  const comments = h('ol', { class: 'comments', 'data-testid': 'comments' });
  const comment = (c) => h('li', { class: 'comment' },
    h('div', { class: 'msg-head' }, h('span', { class: 'msg-who', text: c.author }), h('time', { class: 'msg-time', text: when(c.created_at), title: whenTitle(c.created_at) })),
    h('div', { class: 'msg-body', text: c.content }));
  if (ticket.comments.length) append(comments, ticket.comments.map(comment)); else append(comments, h('li', { class: 'empty', 'data-empty': '', text: 'No comments yet.' }));

  let commentForm = null;
  if (session.canWrite) {
    const text = h('textarea', { rows: 3, maxlength: 10000, placeholder: 'Add a comment…', 'aria-label': 'Comment', 'data-testid': 'comment-input', required: true });
    const add = h('button', { class: 'btn btn-primary', type: 'submit', 'data-testid': 'comment-add' }, 'Add comment');
    const cnote = notice();
    commentForm = h('form', { class: 'stack', onsubmit: (e) => {
      e.preventDefault();
      busy(add, async () => {
        const content = text.value.trim();
        if (!content) return;
        const author = session.user.username;
        const { id: cid } = await api.post(`/api/tickets/${id}/comments`, { author, content });
        comments.querySelector('[data-empty]')?.remove();
        comments.append(comment({ id: cid, author, content, created_at: new Date().toISOString() }));
        text.value = '';
      }, cnote);
    } }, text, cnote, h('div', { class: 'form-actions' }, add));
  }

  const assignedName = people.find(([uid]) => uid === ticket.assigned_to)?.[1] ?? 'Unassigned';
  return h('div', { class: 'page', 'data-page': 'ticket' },
    h('header', { class: 'page-head' }, h('a', { class: 'back', href: '#/tickets', text: '← Tickets' }),
      h('h1', { 'data-testid': 'ticket-title', text: `#${ticket.id} ${ticket.title}` }), statusBadge),
    h('div', { class: 'grid-2' },
      h('div', { class: 'col' },
        card('Details', h('dl', { class: 'kv' },
          h('dt', { text: 'Device' }), h('dd', {}, h('a', { href: `#/devices/${encodeURIComponent(ticket.device_id)}`, text: names.get(ticket.device_id) || ticket.device_id })),
          h('dt', { text: 'Priority' }), h('dd', {}, badge(label(ticket.priority), `pr-${ticket.priority}`)),
          h('dt', { text: 'Category' }), h('dd', { text: ticket.category || '—' }),
          h('dt', { text: 'Assignee' }), h('dd', { text: assignedName }),
          h('dt', { text: 'Created' }), h('dd', { text: absolute(ticket.created_at) }),
          h('dt', { text: 'Updated' }), h('dd', { text: ticket.updated_at ? absolute(ticket.updated_at) : '—' })),
          ticket.description ? [h('h3', { class: 'sub', text: 'Description' }), h('p', { class: 'prewrap', text: ticket.description })] : null,
          ticket.ai_summary ? [h('h3', { class: 'sub', text: 'Assistant summary' }), h('p', { class: 'prewrap', text: ticket.ai_summary })] : null),
        controls ? card('Update', controls) : null),
      h('div', { class: 'col' }, card('Comments', comments, commentForm))));
}
