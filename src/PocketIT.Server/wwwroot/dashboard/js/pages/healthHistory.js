// The device's health score over time as an inline SVG line (no library; CSP allows no inline script or style).
import { svg, h } from '../dom.js';
import { absolute, healthKind } from '../format.js';

const W = 560;
const H = 150;
const PAD = { left: 30, right: 12, top: 10, bottom: 24 };
const BANDS = [['healthy', 70, 100], ['warning', 40, 70], ['critical', 0, 40]];

/** `points`: [{score, created_at}] oldest first, as GET /api/devices/:id/health-history returns them. */
export function healthHistoryChart(points) {
  const valid = (Array.isArray(points) ? points : [])
    .map((p) => ({ score: Number(p?.score), at: new Date(p?.created_at) }))
    .filter((p) => Number.isFinite(p.score) && !Number.isNaN(p.at.getTime()));
  if (!valid.length) return h('p', { class: 'empty', 'data-testid': 'health-history-empty', text: 'No history yet: it starts with the next diagnostic result.' });

  const first = valid[0].at.getTime();
  const last = valid[valid.length - 1].at.getTime();
  const span = Math.max(last - first, 1);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  // One point sits in the middle; several spread from the first to the last snapshot.
  const x = (t) => PAD.left + (valid.length === 1 ? plotW / 2 : ((t - first) / span) * plotW);
  const y = (score) => PAD.top + (1 - Math.max(0, Math.min(100, score)) / 100) * plotH;

  const bands = BANDS.map(([kind, low, high]) => svg('rect', { class: `hist-band band-${kind}`, x: PAD.left, y: y(high), width: plotW, height: y(low) - y(high) }));
  const grid = [0, 40, 70, 100].flatMap((v) => [
    svg('line', { class: 'hist-grid', x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v) }),
    svg('text', { class: 'hist-axis', x: PAD.left - 6, y: y(v), 'text-anchor': 'end', 'dominant-baseline': 'central' }, String(v)),
  ]);
  const line = svg('polyline', { class: 'hist-line', fill: 'none', points: valid.map((p) => `${x(p.at.getTime()).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ') });
  const dots = valid.map((p) => svg('circle', { class: `hist-point point-${healthKind(p.score)}`, cx: x(p.at.getTime()).toFixed(1), cy: y(p.score).toFixed(1), r: 3.5 },
    svg('title', {}, `${p.score} / 100 — ${absolute(p.at.toISOString())}`)));
  const labels = [
    svg('text', { class: 'hist-axis', x: PAD.left, y: H - 6, 'text-anchor': 'start' }, absolute(valid[0].at.toISOString())),
    valid.length > 1 ? svg('text', { class: 'hist-axis', x: W - PAD.right, y: H - 6, 'text-anchor': 'end' }, absolute(valid[valid.length - 1].at.toISOString())) : null,
  ];
  const low = Math.min(...valid.map((p) => p.score));
  const high = Math.max(...valid.map((p) => p.score));
  return svg('svg', { class: 'hist-chart', 'data-testid': 'health-history', viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': `Health score over the last 7 days: ${valid.length} point${valid.length === 1 ? '' : 's'}, from ${low} to ${high}` },
  bands, grid, line, dots, labels);
}
