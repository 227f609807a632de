// The overview: counts by status, verdicts per week, the latest changes, the longest waits in review.

import {api, query} from './api.js';
import {barChart, weeklyChart} from './charts.js';
import {ago, errorBox, fieldsText, h, replace, statusBadge, time, words} from './dom.js';

export const STATUSES = ['UNVERIFIED', 'IN_REVIEW', 'VERIFIED', 'FALSE', 'MISLEADING', 'DISPUTED', 'UNPROVEN', 'SUPERSEDED'];
export const VERDICTS = ['VERIFIED', 'FALSE', 'MISLEADING', 'DISPUTED', 'UNPROVEN'];
const WEEKS = 12;
const VERDICT_PAGES = 25;            // at most 25 x 200 claims per verdict are read for the chart
const statements = new Map();        // claim id -> statement, to name the claims in the recent changes

export function overview(root) {
  const counts = h('div', {class: 'body', 'aria-busy': 'true'}, 'Loading…');
  const weekly = h('div', {class: 'body', 'aria-busy': 'true'}, 'Loading…');
  const recent = h('div', {class: 'body', 'aria-busy': 'true'}, 'Loading…');
  const waiting = h('div', {class: 'body', 'aria-busy': 'true'}, 'Loading…');
  replace(root,
    h('h1', {tabindex: '-1', class: 'view-title'}, 'Overview'),
    h('div', {class: 'grid'},
      card('counts', 'Claims by status', counts),
      card('weekly', `Verdicts per week (last ${WEEKS} weeks)`, weekly),
      card('recent', 'Most recent changes', recent),
      card('waiting', 'Waiting longest in review', waiting)));

  let recentItems = [];
  let lastStats = null;
  let lastWeeks = null;
  const drawCounts = stats => {
    lastStats = stats;
    replace(counts,
      h('p', {class: 'total'}, h('strong', {'data-total': stats.total}, String(stats.total)), ' claims'),
      barChart(STATUSES.map(s => ({key: s, label: words(s), value: stats.byStatus[s] ?? 0})),
        {title: 'Claims by status', width: chartWidth(counts, 420)}),
      h('p', {class: 'hint'}, h('a', {href: '#/claims'}, 'All claims')));
    counts.removeAttribute('aria-busy');
  };
  const loadCounts = () => api('/stats/claims').then(stats => {
    drawCounts(stats);
    return stats;
  }).catch(e => replace(counts, errorBox(e)));

  const drawWeekly = ({weeks, read, truncated}) => {
    lastWeeks = {weeks, read, truncated};
    replace(weekly,
      weeklyChart(weeks, VERDICTS, {title: 'Verdicts per week', width: chartWidth(weekly, 560)}),
      h('ul', {class: 'legend'}, VERDICTS.map(v => h('li', {}, h('span', {class: `swatch st-${v}`}), words(v)))),
      h('p', {class: 'hint'}, `${read} verdicts, counted by the verdictAt of the claims that hold them now; `
        + 'a verdict reopened since is not counted.' + (truncated ? ' Only the first 5,000 per verdict were read.' : '')));
    weekly.removeAttribute('aria-busy');
  };
  const loadWeekly = stats => verdictsPerWeek(stats).then(drawWeekly).catch(e => replace(weekly, errorBox(e)));

  // charts are drawn at their container's width: draw them again when it changes
  let resizing = null;
  const onResize = () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      if (lastStats) drawCounts(lastStats);
      if (lastWeeks) drawWeekly(lastWeeks);
    }, 100);
  };
  window.addEventListener('resize', onResize);

  const drawRecent = () => {
    replace(recent, recentItems.length === 0 ? h('p', {}, 'No changes yet.')
      : h('ol', {class: 'changes'}, recentItems.slice(0, 10).map(changeItem)));
    recent.removeAttribute('aria-busy');
    const unnamed = [...new Set(recentItems.slice(0, 10)
      .filter(r => r.entityType === 'CLAIM' && !statements.has(r.entityId)).map(r => r.entityId))];
    if (unnamed.length) {
      Promise.allSettled(unnamed.map(id => api(`/claims/${id}`).then(c => statements.set(id, c.statement))))
        .then(results => { if (results.some(x => x.status === 'fulfilled')) drawRecent(); });
      unnamed.forEach(id => statements.set(id, null));   // asked once; a deleted claim keeps its id
    }
  };
  const loadRecent = () => api('/history?limit=10').then(page => {
    for (const r of page.items) {
      const statement = r.changes.find(c => c.field === 'statement')?.to;
      if (r.entityType === 'CLAIM' && typeof statement === 'string' && !statements.get(r.entityId)) {
        statements.set(r.entityId, statement);
      }
    }
    recentItems = page.items.map(r => ({
      revision: r.revision, timestamp: r.timestamp, actor: r.actor, reason: r.reason, entityType: r.entityType,
      entityId: r.entityId, what: words(r.type), fields: r.changes.map(c => c.field),
      status: statusChange(r.changes),
    }));
    drawRecent();
  }).catch(e => replace(recent, errorBox(e)));

  const loadWaiting = () => api('/claims?status=IN_REVIEW&sort=updatedAt&limit=8').then(page => {
    replace(waiting, page.items.length === 0 ? h('p', {}, 'No claim is in review.')
      : h('ol', {class: 'waiting'}, page.items.map(c => h('li', {},
        h('a', {href: `#/claims/${c.id}`}, c.statement),
        h('span', {class: 'meta'}, `unchanged for ${ago(c.updatedAt)} · ${c.claimant ?? 'no claimant'}`)))));
    waiting.removeAttribute('aria-busy');
  }).catch(e => replace(waiting, errorBox(e)));

  const loadAll = () => {
    loadCounts().then(stats => stats && loadWeekly(stats));
    loadRecent();
    loadWaiting();
  };
  loadAll();

  let pending = null;
  let verdictsMoved = false;
  return {
    onChange(event, mode) {
      if (!event.entityType) return;     // e.g. ledger.checkpoint: no claim or article changed
      if (mode === 'feed' && event.revision) {
        recentItems = [{
          revision: event.revision, timestamp: event.timestamp, actor: event.actor, reason: event.reason,
          entityType: event.entityType, entityId: event.entityId, what: words(String(event.event).replace(/^\w+\./, '')),
          fields: event.changedFields || [], status: event.status,
        }, ...recentItems.filter(r => r.revision !== event.revision || r.entityId !== event.entityId)];
        drawRecent();
      }
      verdictsMoved ||= !!event.status || event.event === 'claim.status_changed';
      clearTimeout(pending);
      pending = setTimeout(() => {
        loadCounts().then(stats => { if (stats && verdictsMoved) loadWeekly(stats); verdictsMoved = false; });
        if (mode !== 'feed') loadRecent();
        loadWaiting();
      }, 150);
    },
    dispose() {
      clearTimeout(pending);
      clearTimeout(resizing);
      window.removeEventListener('resize', onResize);
    },
  };
}

/** The container's width in CSS pixels, within sensible bounds. */
function chartWidth(container, widest) {
  return Math.round(Math.min(widest, Math.max(280, container.clientWidth || widest)));
}

function card(id, title, body) {
  return h('section', {class: 'card', id: `card-${id}`, 'aria-labelledby': `card-${id}-title`},
    h('h2', {id: `card-${id}-title`}, title), body);
}

function statusChange(changes) {
  const c = changes.find(x => x.field === 'status');
  return c ? {from: c.from, to: c.to} : null;
}

function changeItem(r) {
  const target = r.entityType === 'CLAIM'
    ? h('a', {href: `#/claims/${r.entityId}`}, statements.get(r.entityId) || `claim …${r.entityId.slice(-6)}`)
    : `article …${r.entityId.slice(-6)}`;
  const status = !r.status ? null
    : r.status.from ? [' ', statusBadge(r.status.from), ' → ', statusBadge(r.status.to)] : [' ', statusBadge(r.status.to)];
  return h('li', {dataset: {revision: r.revision}},
    h('span', {class: 'rev'}, `#${r.revision}`), ' ', h('span', {class: 'what'}, r.what), ' ', target, status,
    h('span', {class: 'meta'}, time(r.timestamp), ` · ${r.actor}`, r.reason ? ` · “${r.reason}”` : '',
      r.fields.length && r.what !== 'created' ? ` · ${fieldsText(r.fields)}` : ''));
}

/** Monday 00:00 UTC of the week an instant falls in. */
function weekStart(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

/**
 * Reads, per verdict, the claims holding it that changed in the window (a verdict's verdictAt is
 * never later than its claim's updatedAt), page by page, and counts them by the week of verdictAt.
 */
async function verdictsPerWeek(stats) {
  const first = weekStart(new Date(Date.now() - (WEEKS - 1) * 7 * 86400000));
  const weeks = Array.from({length: WEEKS}, (_, n) => ({start: new Date(first.getTime() + n * 7 * 86400000), counts: {}}));
  let read = 0;
  let truncated = false;
  await Promise.all(VERDICTS.filter(v => (stats.byStatus[v] ?? 0) > 0).map(async verdict => {
    let cursor = null;
    let pages = 0;
    do {
      const page = await api(`/claims${query({status: verdict, updatedSince: first.toISOString(), sort: 'updatedAt', limit: 200, cursor})}`);
      for (const c of page.items) {
        if (!c.verdictAt) continue;
        const n = Math.floor((new Date(c.verdictAt) - first) / (7 * 86400000));
        if (n < 0 || n >= WEEKS) continue;
        weeks[n].counts[verdict] = (weeks[n].counts[verdict] || 0) + 1;
        read += 1;
      }
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < VERDICT_PAGES);
    truncated ||= !!cursor;
  }));
  return {weeks, read, truncated};
}
