// DOM helpers. Data is only ever inserted as text (textContent / text nodes), never parsed as HTML.

/**
 * Creates an element. `props`: class, text, on{Event} handlers, dataset, any attribute (set with
 * setAttribute; `hidden`/`disabled`/`checked`/`value`/`selected` as properties). Children: nodes,
 * strings (inserted as text nodes), arrays, null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (['value', 'checked', 'disabled', 'hidden', 'selected', 'required', 'readOnly'].includes(key)) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export function replace(el, ...children) {
  clear(el);
  return append(el, children);
}

const SVG = 'http://www.w3.org/2000/svg';
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** A labelled form field. */
export function field(label, control, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label', text: label }), control,
    hint ? h('span', { class: 'field-hint', text: hint }) : null);
}

export function select(options, value, props = {}) {
  return h('select', props, options.map(([v, label]) => h('option', { value: String(v), selected: String(v) === String(value ?? '') }, label)));
}

/** A message area for a form: `show(text, kind)` with kind 'error' | 'ok' | 'info'. */
export function notice() {
  const el = h('div', { class: 'notice', role: 'status', hidden: true });
  el.show = (text, kind = 'error') => {
    el.className = `notice notice-${kind}`;
    el.textContent = text;
    el.hidden = !text;
  };
  el.hide = () => { el.hidden = true; };
  return el;
}

export function card(title, ...children) {
  return h('section', { class: 'card' }, title ? h('h2', { class: 'card-title', text: title }) : null, children);
}

export function badge(text, kind) {
  return h('span', { class: `badge badge-${kind || 'neutral'}`, text });
}

export function empty(text) {
  return h('p', { class: 'empty', text });
}

/** Runs an async action with the button disabled; errors go to the notice (or are rethrown). */
export async function busy(button, action, note) {
  if (button) button.disabled = true;
  try {
    note?.hide?.();
    return await action();
  } catch (e) {
    if (note) note.show(e.message || String(e)); else throw e;
  } finally {
    if (button) button.disabled = false;
  }
}
