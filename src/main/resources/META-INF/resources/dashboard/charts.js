// Two small charts drawn as SVG by hand: no library to download, style or keep up to date.
// Drawn at the width of their container, so that text keeps its size on a phone.
// Colours come from the stylesheet (classes st-<STATUS>), numbers are printed next to the marks.

import {svg, words} from './dom.js';

/** Horizontal bars, one per item: [{key, label, value}]. */
export function barChart(items, {title, width = 420}) {
  const row = 30;
  const labelWidth = 110;
  const barSpace = width - labelWidth - 50;
  const max = Math.max(1, ...items.map(i => i.value));
  const summary = items.map(i => `${i.label} ${i.value}`).join(', ');
  return svg('svg', {
    class: 'chart bars', viewBox: `0 0 ${width} ${items.length * row + 4}`, role: 'img',
    'aria-label': `${title}: ${summary}`,
  },
  items.map((item, n) => {
    const y = n * row + 2;
    const w = item.value === 0 ? 0 : Math.max(2, (item.value / max) * barSpace);
    return svg('g', {'data-key': item.key},
      svg('text', {x: labelWidth - 8, y: y + row / 2 + 5, 'text-anchor': 'end', class: 'label'}, item.label),
      svg('rect', {x: labelWidth, y: y + 4, width: w.toFixed(1), height: row - 10, rx: 3, class: `bar st-${item.key}`}),
      svg('text', {x: labelWidth + w + 6, y: y + row / 2 + 5, class: 'value', 'data-count': item.key}, String(item.value)));
  }));
}

/** Stacked vertical bars: weeks [{start: Date, counts: {STATUS: n}}], series = statuses in stack order. */
export function weeklyChart(weeks, series, {title, width = 560}) {
  const height = 220;
  const left = 34;
  const bottom = 36;
  const top = 12;
  const plot = height - bottom - top;
  const totals = weeks.map(w => series.reduce((s, k) => s + (w.counts[k] || 0), 0));
  const max = Math.max(1, ...totals);
  const step = Math.max(1, Math.ceil(max / 4));
  const ticks = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  const slot = (width - left - 8) / weeks.length;
  const barWidth = Math.min(32, slot * 0.7);
  const labelEvery = Math.ceil(46 / slot);          // room for "Nov 23" under every nth week
  const label = d => d.toLocaleDateString('en', {month: 'short', day: 'numeric', timeZone: 'UTC'});
  const summary = weeks.map((w, n) => `week of ${label(w.start)}: ${totals[n]}`).join(', ');
  const scale = v => (v / (ticks[ticks.length - 1] || 1)) * plot;
  return svg('svg', {class: 'chart weeks', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `${title}: ${summary}`},
  ticks.map(v => svg('g', {},
    svg('line', {x1: left, x2: width - 4, y1: top + plot - scale(v), y2: top + plot - scale(v), class: 'grid'}),
    svg('text', {x: left - 6, y: top + plot - scale(v) + 4, 'text-anchor': 'end', class: 'tick'}, String(v)))),
  weeks.map((w, n) => {
    const x = left + n * slot + (slot - barWidth) / 2;
    let y = top + plot;
    const parts = series.filter(k => w.counts[k]).map(k => {
      const hgt = scale(w.counts[k]);
      y -= hgt;
      return svg('rect', {x: x.toFixed(1), y: y.toFixed(1), width: barWidth.toFixed(1), height: hgt.toFixed(1),
        class: `bar st-${k}`}, svg('title', {}, `${words(k)}: ${w.counts[k]}`));
    });
    return svg('g', {'data-week': w.start.toISOString().slice(0, 10), 'data-total': totals[n]},
      parts,
      totals[n] ? svg('text', {x: x + barWidth / 2, y: y - 3, 'text-anchor': 'middle', class: 'value'}, String(totals[n])) : null,
      (weeks.length - 1 - n) % labelEvery === 0
        ? svg('text', {x: x + barWidth / 2, y: height - bottom + 16, 'text-anchor': 'middle', class: 'tick'}, label(w.start))
        : null);
  }));
}
