// Builds DOM nodes from data without innerHTML, so nothing a claim says can become markup.

const SVG = 'http://www.w3.org/2000/svg';

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** h('p', {class: 'x'}, 'text', h('b', {}, 'bold')) */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG, tag), attrs, children);
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

export function replace(node, ...children) {
  clear(node);
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** "IN_REVIEW" -> "in review" */
export function words(value) {
  return value == null ? '' : String(value).toLowerCase().replaceAll('_', ' ');
}

export function statusBadge(status) {
  return h('span', {class: `badge st-${status}`, dataset: {status}}, words(status));
}

export function time(instant) {
  if (!instant) return '';
  const d = new Date(instant);
  return h('time', {datetime: instant, title: instant}, d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC');
}

export function ago(instant, now = Date.now()) {
  const s = Math.max(0, (now - new Date(instant).getTime()) / 1000);
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 129600) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

export function quantityText(q) {
  if (!q) return '';
  const qualifier = {
    EXACT: '', AT_LEAST: 'at least ', MORE_THAN: 'more than ', AT_MOST: 'at most ',
    FEWER_THAN: 'fewer than ', APPROXIMATELY: 'about ', RANGE: '',
  }[q.qualifier] ?? '';
  const value = q.qualifier === 'RANGE' ? `${q.value}–${q.upperValue}` : `${q.value}`;
  const unit = q.unit ? ` ${q.unit}` : '';
  const subject = q.subject ? ` ${q.subject}` : '';
  return `${words(q.measure)}: ${qualifier}${value}${unit}${subject}`;
}

/** A problem+json (or network failure) as one readable sentence. */
export function problemText(error) {
  const p = error.problem || {};
  const parts = [p.title || error.message];
  if (p.detail && p.detail !== p.title) parts.push(p.detail);
  if (Array.isArray(p.errors)) parts.push(p.errors.map(e => `${e.field}: ${e.message}`).join('; '));
  return parts.filter(Boolean).join(' — ');
}

export function errorBox(error) {
  return h('p', {class: 'error', role: 'alert'}, problemText(error));
}

/**
 * Changed field paths, shortened for reading: the embedded lists' ids are cut to their last
 * characters and a source's or link's fields are grouped ("source …c6f176: kind, stance").
 */
export function fieldsText(fields) {
  const groups = new Map();
  const plain = [];
  for (const f of fields) {
    const m = /^(sources|articles)\[([^\]]+)\]\.?(.*)$/.exec(f);
    if (!m) { plain.push(f); continue; }
    const key = `${m[1] === 'sources' ? 'source' : 'article link'} …${m[2].slice(-6)}`;
    if (!groups.has(key)) groups.set(key, []);
    if (m[3]) groups.get(key).push(m[3]);
  }
  return [...plain, ...[...groups].map(([k, v]) => (v.length ? `${k} (${v.join(', ')})` : k))].join(', ');
}
