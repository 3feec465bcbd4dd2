// Fleet: health summary chart, stats, and the device table (search, filters, sort, pages).
// Only the rows of the current page are ever in the DOM, so 1,000+ devices stay fast.
import { h, svg, replace, select, badge, empty } from '../dom.js';
import { api } from '../api.js';
import { session } from '../session.js';
import { live } from '../live.js';
import { when, whenTitle, healthKind, number } from '../format.js';

const HEALTH = [
  ['healthy', 'Healthy', '≥ 70'],
  ['warning', 'Warning', '40–69'],
  ['critical', 'Critical', '< 40'],
  ['unscanned', 'Unscanned', 'no results'],
];

export function scoreRing(score, size = 112) {
  const r = size / 2 - 9;
  const c = 2 * Math.PI * r;
  const value = score === null || score === undefined ? 0 : Math.max(0, Math.min(100, Number(score)));
  return svg('svg', { class: `ring ring-${healthKind(score)}`, viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: 'img', 'aria-label': `Average health ${score == null ? 'unknown' : number(score)}` },
    svg('circle', { class: 'ring-track', cx: size / 2, cy: size / 2, r, 'stroke-width': 10, fill: 'none' }),
    svg('circle', { class: 'ring-value', cx: size / 2, cy: size / 2, r, 'stroke-width': 10, fill: 'none',
      'stroke-dasharray': `${(c * value) / 100} ${c}`, transform: `rotate(-90 ${size / 2} ${size / 2})`, 'stroke-linecap': 'round' }),
    svg('text', { class: 'ring-text', x: '50%', y: '50%', 'text-anchor': 'middle', 'dominant-baseline': 'central' }, score == null ? '—' : number(score)));
}

function healthChart(summary) {
  const total = HEALTH.reduce((n, [k]) => n + (summary.breakdown?.[k] || 0), 0);
  const rows = HEALTH.map(([key, labelText, range]) => {
    const count = summary.breakdown?.[key] || 0;
    const bar = h('span', { class: `bar-fill bar-${key}` });
    bar.style.width = `${total ? (count / total) * 100 : 0}%`;
    return h('div', { class: 'bar-row', 'data-testid': `health-${key}` },
      h('span', { class: 'bar-label' }, h('span', { class: `dot dot-${key}` }), labelText, h('span', { class: 'bar-range', text: range })),
      h('span', { class: 'bar-track' }, bar),
      h('span', { class: 'bar-count', text: String(count) }));
  });
  return h('section', { class: 'card health-card' },
    h('h2', { class: 'card-title', text: 'Fleet health' }),
    h('div', { class: 'health-body' },
      h('div', { class: 'health-avg' }, scoreRing(summary.avgScore), h('span', { class: 'muted small', text: 'Average score' })),
      h('div', { class: 'bars', role: 'list', 'aria-label': 'Devices by health' }, rows)));
}

function statTile(labelText, value, kind) {
  return h('div', { class: `stat ${kind ? `stat-${kind}` : ''}` }, h('span', { class: 'stat-value', text: String(value ?? '—') }), h('span', { class: 'stat-label', text: labelText }));
}

export async function renderFleet() {
  const [devices, summary, clients, stats] = await Promise.all([
    api.get('/api/devices'),
    api.get('/api/devices/health/summary'),
    api.get('/api/clients'),
    api.get('/api/admin/stats').catch(() => null),
  ]);
  const clientNames = new Map(clients.map((c) => [c.id, c.name]));
  const scores = new Map(summary.devices.map((d) => [d.device_id, d.health_score]));
  const rows = devices.map((d) => ({
    ...d,
    health_score: scores.get(d.device_id) ?? null,
    client_name: clientNames.get(d.client_id) ?? '—',
    search: `${d.hostname || ''} ${d.device_id} ${d.os_version || ''}`.toLowerCase(),
  }));
  const byId = new Map(rows.map((r) => [r.device_id, r]));
  const perPage = Math.max(5, Math.min(500, Number(session.prefs.itemsPerPage) || 25));
  const state = { q: '', client: '', status: '', health: '', sort: 'hostname', dir: 1, page: 1 };

  const search = h('input', { type: 'search', placeholder: 'Search hostname, ID or OS', 'aria-label': 'Search devices', 'data-testid': 'fleet-search',
    oninput: () => { state.q = search.value.trim().toLowerCase(); state.page = 1; update(); } });
  const clientFilter = select([['', 'All clients'], ...clients.map((c) => [c.id, c.name])], '', { 'aria-label': 'Filter by client', 'data-testid': 'fleet-client',
    onchange: () => { state.client = clientFilter.value; state.page = 1; update(); } });
  const statusFilter = select([['', 'Any status'], ['online', 'Online'], ['offline', 'Offline']], '', { 'aria-label': 'Filter by status', 'data-testid': 'fleet-status',
    onchange: () => { state.status = statusFilter.value; state.page = 1; update(); } });
  const healthFilter = select([['', 'Any health'], ...HEALTH.map(([k, l]) => [k, l])], '', { 'aria-label': 'Filter by health',
    onchange: () => { state.health = healthFilter.value; state.page = 1; update(); } });

  const columns = [
    ['hostname', 'Device'], ['status', 'Status'], ['health_score', 'Health'], ['client_name', 'Client'], ['os_version', 'OS'], ['last_seen', 'Last seen'],
  ];
  const headRow = h('tr', {}, columns.map(([key, text]) => h('th', { scope: 'col' },
    h('button', { class: 'sort', type: 'button', dataset: { key }, onclick: () => {
      state.dir = state.sort === key ? -state.dir : 1;
      state.sort = key;
      update();
    } }, text, h('span', { class: 'sort-mark', 'aria-hidden': 'true' })))));
  const tbody = h('tbody', { 'data-testid': 'device-rows' });
  const pager = h('div', { class: 'pager' });
  const countLabel = h('span', { class: 'muted small', 'data-testid': 'fleet-count' });

  function filtered() {
    const list = rows.filter((r) => (!state.q || r.search.includes(state.q))
      && (!state.client || String(r.client_id) === state.client)
      && (!state.status || r.status === state.status)
      && (!state.health || healthKind(r.health_score) === state.health));
    const k = state.sort;
    list.sort((a, b) => {
      let x = a[k]; let y = b[k];
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      if (typeof x === 'string') { x = x.toLowerCase(); y = String(y).toLowerCase(); }
      return (x < y ? -1 : x > y ? 1 : 0) * state.dir;
    });
    return list;
  }

  function row(d) {
    const kind = healthKind(d.health_score);
    return h('tr', { dataset: { device: d.device_id } },
      h('td', {}, h('a', { class: 'device-link', href: `#/devices/${encodeURIComponent(d.device_id)}`, text: d.hostname || d.device_id }),
        h('div', { class: 'muted small mono', text: d.device_id })),
      h('td', {}, badge(d.status === 'online' ? 'Online' : 'Offline', d.status === 'online' ? 'ok' : 'off')),
      h('td', {}, h('span', { class: `score score-${kind}`, text: d.health_score == null ? 'Not scanned' : String(d.health_score) })),
      h('td', { text: d.client_name }),
      h('td', { class: 'truncate', text: d.os_version || '—', title: d.os_version || '' }),
      h('td', { text: when(d.last_seen), title: whenTitle(d.last_seen) }));
  }

  function update() {
    const list = filtered();
    const pages = Math.max(1, Math.ceil(list.length / perPage));
    state.page = Math.min(state.page, pages);
    const start = (state.page - 1) * perPage;
    const slice = list.slice(start, start + perPage);
    replace(tbody, slice.length ? slice.map(row) : h('tr', {}, h('td', { colspan: columns.length, class: 'empty-cell', text: rows.length ? 'No device matches these filters.' : 'No devices enrolled yet.' })));
    for (const b of headRow.querySelectorAll('button.sort')) {
      const active = b.dataset.key === state.sort;
      b.classList.toggle('active', active);
      b.querySelector('.sort-mark').textContent = active ? (state.dir > 0 ? '▲' : '▼') : '';
      b.parentElement.setAttribute('aria-sort', active ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    }
    countLabel.textContent = list.length ? `${start + 1}–${start + slice.length} of ${list.length} devices` : '0 devices';
    replace(pager,
      h('button', { class: 'btn btn-small', type: 'button', disabled: state.page <= 1, 'aria-label': 'Previous page', onclick: () => { state.page--; update(); } }, '‹ Prev'),
      h('span', { class: 'pager-info', 'data-testid': 'fleet-page', text: `Page ${state.page} of ${pages}` }),
      h('button', { class: 'btn btn-small', type: 'button', disabled: state.page >= pages, 'aria-label': 'Next page', onclick: () => { state.page++; update(); } }, 'Next ›'));
  }

  const online = rows.filter((r) => r.status === 'online').length;
  let onlineCount = stats?.onlineDevices ?? online;
  const onlineTile = statTile('Online', onlineCount, 'ok');
  onlineTile.dataset.testid = 'fleet-online';
  const off = live.on('device_status_changed', (p) => {
    const d = byId.get(p?.deviceId);
    if (!d || (p.status !== 'online' && p.status !== 'offline')) return;
    if (d.status !== p.status) {
      onlineCount += p.status === 'online' ? 1 : -1;
      onlineTile.querySelector('.stat-value').textContent = String(Math.max(0, onlineCount));
    }
    d.status = p.status;
    d.last_seen = new Date().toISOString();
    update();
  });
  document.addEventListener('pocketit:leave', off, { once: true });

  update();
  return h('div', { class: 'page', 'data-page': 'fleet' },
    h('header', { class: 'page-head' }, h('h1', { text: 'Fleet' }), h('p', { class: 'muted', text: `${rows.length} devices across ${clients.length} client${clients.length === 1 ? '' : 's'}` })),
    h('div', { class: 'grid-top' },
      healthChart(summary),
      h('section', { class: 'card stats-card' }, h('h2', { class: 'card-title', text: 'At a glance' }),
        h('div', { class: 'stats' },
          statTile('Devices', stats?.totalDevices ?? rows.length),
          onlineTile,
          statTile('Open tickets', stats?.openTickets ?? '—', 'warn'),
          statTile('Critical', stats?.criticalDevices ?? summary.breakdown?.critical ?? 0, 'bad')))),
    h('section', { class: 'card' },
      h('div', { class: 'toolbar' }, search, clientFilter, statusFilter, healthFilter, h('span', { class: 'spacer' }), countLabel),
      h('div', { class: 'table-wrap' }, h('table', { class: 'table', 'data-testid': 'device-table' }, h('thead', {}, headRow), tbody)),
      pager),
    rows.length ? null : empty('Enroll a device with a client installer or an enrollment token to see it here.'));
}
