// The claims table: filters, full-text search, keyset paging, sorted by update time.

import {api, query} from './api.js';
import {errorBox, h, replace, statusBadge, time, words} from './dom.js';
import {STATUSES} from './overview.js';

const TYPES = ['CASUALTY_COUNT', 'ATTRIBUTION', 'QUANTITY', 'EVENT', 'QUOTE', 'OTHER'];
const SORTS = [['-updatedAt', 'Recently updated first'], ['updatedAt', 'Least recently updated first'],
  ['-createdAt', 'Newest first'], ['relevance', 'Most relevant (with a search)']];
const FILTERS = ['q', 'status', 'type', 'tag', 'claimant', 'articleId', 'sort'];

export function claims(root, params) {
  const state = Object.fromEntries(FILTERS.map(f => [f, params.get(f) ?? '']));
  if (!state.sort) state.sort = '-updatedAt';
  const cursor = params.get('cursor') || '';
  const page = Number(params.get('page') || '1');

  const articles = h('select', {id: 'f-articleId', name: 'articleId'}, h('option', {value: ''}, 'Any article'));
  const form = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter claims'},
    field('q', 'Search', h('input', {id: 'f-q', name: 'q', type: 'search', value: state.q,
      placeholder: 'killed kabul, "service members"'})),
    field('status', 'Status', select('status', [['', 'Any status'], ...STATUSES.map(s => [s, words(s)])], state.status)),
    field('type', 'Type', select('type', [['', 'Any type'], ...TYPES.map(t => [t, words(t)])], state.type)),
    field('tag', 'Tag', h('input', {id: 'f-tag', name: 'tag', value: state.tag})),
    field('claimant', 'Claimant', h('input', {id: 'f-claimant', name: 'claimant', value: state.claimant})),
    field('articleId', 'Article', articles),
    field('sort', 'Order', select('sort', SORTS, state.sort)),
    h('div', {class: 'actions'},
      h('button', {type: 'submit'}, 'Apply'),
      h('a', {href: '#/claims', class: 'button secondary'}, 'Reset')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    location.hash = `#/claims${query({...values, sort: values.sort === '-updatedAt' ? '' : values.sort})}`;
  });

  const results = h('div', {class: 'results', 'aria-live': 'polite', 'aria-busy': 'true'}, 'Loading…');
  replace(root, h('h1', {tabindex: '-1', class: 'view-title'}, 'Claims'), form, results);

  api('/articles?limit=200').then(list => {
    for (const a of list.items) {
      articles.append(h('option', {value: a.id, selected: a.id === state.articleId}, `${a.title} (${a.publisher ?? a.url})`));
    }
    if (state.articleId && !list.items.some(a => a.id === state.articleId)) {
      articles.append(h('option', {value: state.articleId, selected: true}, state.articleId));
    }
  }).catch(() => {});

  const load = () => {
    const sort = state.sort === 'relevance' ? '' : state.sort;
    const {q, status, type, tag, claimant, articleId} = state;
    return api(`/claims${query({q, status, type, tag, claimant, articleId, sort, cursor, limit: 25})}`).then(list => {
      const next = list.nextCursor
        ? h('a', {class: 'button', rel: 'next', href: `#/claims${query({...state, sort: state.sort === '-updatedAt' ? '' : state.sort, cursor: list.nextCursor, page: page + 1})}`}, 'Next page')
        : null;
      const first = cursor ? h('a', {class: 'button secondary', href: `#/claims${query({...state, sort: state.sort === '-updatedAt' ? '' : state.sort})}`}, 'First page') : null;
      replace(results,
        list.items.length === 0 ? h('p', {class: 'empty'}, 'No claim matches these filters.') : table(list.items),
        h('nav', {class: 'pager', 'aria-label': 'Pages'}, first,
          h('span', {class: 'page-no'}, `Page ${page} · ${list.items.length} claims`), next));
      results.removeAttribute('aria-busy');
    }).catch(e => replace(results, errorBox(e)));
  };
  load();

  let pending = null;
  return {
    onChange(event) {
      if (event.entityType !== 'CLAIM') return;
      clearTimeout(pending);
      pending = setTimeout(load, 150);
    },
    dispose() { clearTimeout(pending); },
  };
}

function field(name, label, control) {
  return h('div', {class: `field f-${name}`}, h('label', {for: `f-${name}`}, label), control);
}

function select(name, options, value) {
  return h('select', {id: `f-${name}`, name},
    options.map(([v, label]) => h('option', {value: v, selected: v === value}, label)));
}

function table(items) {
  return h('table', {class: 'claims'},
    h('caption', {class: 'visually-hidden'}, 'Claims'),
    h('thead', {}, h('tr', {},
      ['Statement', 'Status', 'Type', 'Claimant', 'Tags', 'Updated'].map(t => h('th', {scope: 'col'}, t)))),
    h('tbody', {}, items.map(c => {
      const row = h('tr', {dataset: {id: c.id}},
        h('td', {'data-label': 'Statement'}, h('a', {href: `#/claims/${c.id}`}, c.statement)),
        h('td', {'data-label': 'Status'}, statusBadge(c.status)),
        h('td', {'data-label': 'Type'}, words(c.type)),
        h('td', {'data-label': 'Claimant'}, c.claimant ?? ''),
        h('td', {'data-label': 'Tags'}, (c.tags || []).join(', ')),
        h('td', {'data-label': 'Updated'}, time(c.updatedAt)));
      // The whole row opens the claim; the statement link is the keyboard's way in.
      row.addEventListener('click', e => {
        if (!e.target.closest('a')) location.hash = `#/claims/${c.id}`;
      });
      return row;
    })));
}
