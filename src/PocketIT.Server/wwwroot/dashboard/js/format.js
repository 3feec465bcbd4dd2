// Dates, numbers and small labels, following the user's preferences.
import { session } from './session.js';

export function parseDate(value) {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function absolute(value) {
  const d = parseDate(value);
  if (!d) return '—';
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

export function relative(value, now = Date.now()) {
  const d = parseDate(value);
  if (!d) return '—';
  const seconds = Math.round((now - d.getTime()) / 1000);
  const future = seconds < 0;
  const s = Math.abs(seconds);
  let text;
  if (s < 45) text = 'just now';
  else if (s < 90) text = '1 min';
  else if (s < 3600) text = `${Math.round(s / 60)} min`;
  else if (s < 5400) text = '1 hour';
  else if (s < 86400) text = `${Math.round(s / 3600)} hours`;
  else if (s < 172800) text = '1 day';
  else if (s < 2592000) text = `${Math.round(s / 86400)} days`;
  else return absolute(value);
  if (text === 'just now') return text;
  return future ? `in ${text}` : `${text} ago`;
}

/** A date as the user prefers it; the other form is given as the element's title. */
export function when(value) {
  return session.prefs.dateFormat === 'absolute' ? absolute(value) : relative(value);
}
export function whenTitle(value) {
  return session.prefs.dateFormat === 'absolute' ? relative(value) : absolute(value);
}

export function healthKind(score) {
  if (score === null || score === undefined) return 'unscanned';
  if (score >= 70) return 'healthy';
  if (score >= 40) return 'warning';
  return 'critical';
}

export function number(value, digits = 1) {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return Number.isInteger(n) ? String(n) : n.toFixed(digits);
}

const ACRONYMS = new Map(['cpu', 'gpu', 'ram', 'os', 'ip', 'ipv4', 'ipv6', 'dns', 'mac', 'url', 'id', 'ai', 'tpm', 'bios', 'gb', 'mb', 'kb', 'tb', 'pid', 'vpn', 'ssd', 'hdd']
  .map((w) => [w, w === 'ipv4' ? 'IPv4' : w === 'ipv6' ? 'IPv6' : w.toUpperCase()]));

/** A machine name (`check_type`, `usedPercent`, `totalGB`) as words in sentence case: "Check type", "Used percent", "Total GB". */
export function label(text) {
  if (!text) return '—';
  const words = String(text)
    .replace(/[_-]+/g, ' ')
    .replace(/IPv([46])/g, 'ipv$1') // one word, not "I Pv4"
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim().split(/\s+/);
  return words.map((w, i) => {
    const lower = w.toLowerCase();
    if (ACRONYMS.has(lower)) return ACRONYMS.get(lower);
    if (w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w)) return w;
    return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
  }).join(' ');
}

export const STATUS_LABELS = { open: 'Open', in_progress: 'In progress', resolved: 'Resolved', closed: 'Closed' };
export const PRIORITIES = ['low', 'medium', 'high', 'critical'];
