// One claim: what it says, its evidence and links, its verdict, its lineage and its timeline.

import {api, atLeast, query} from './api.js';
import {errorBox, fieldsText, h, problemText, quantityText, replace, statusBadge, time, words} from './dom.js';
import {VERDICTS} from './overview.js';

/** The workflow's moves (README, Verification workflow) and the least role that may make each. */
function nextStatuses(status) {
  const next = status === 'UNVERIFIED' ? ['IN_REVIEW']
    : status === 'IN_REVIEW' ? [...VERDICTS]
      : VERDICTS.includes(status) ? ['IN_REVIEW'] : [];
  return status === 'SUPERSEDED' ? [] : [...next, 'SUPERSEDED'];
}
const leastRole = status => (status === 'IN_REVIEW' ? 'CHECKER' : 'EDITOR');

export function claimView(root, id, ctx) {
  const head = h('div', {class: 'claim-head', 'aria-live': 'polite'}, h('p', {}, 'Loading…'));
  const facts = h('div', {class: 'facts'});
  const lineage = h('div', {class: 'body'});
  const timeline = h('div', {class: 'body'});
  const diff = h('div', {class: 'diff', id: 'diff', 'aria-live': 'polite'});
  const verify = h('p', {class: 'verify-result', id: 'verify-result', role: 'status'});
  const verifyButton = h('button', {type: 'button', id: 'verify', class: 'secondary'}, 'Verify history');
  verifyButton.addEventListener('click', async () => {
    verifyButton.disabled = true;
    replace(verify, 'Recomputing the hash chain…');
    try {
      const v = await api(`/claims/${id}/history/verify`);
      verify.className = `verify-result ${v.valid ? 'ok' : 'bad'}`;
      replace(verify, v.valid
        ? `History verified: the hash chain of all ${v.revisions} revisions is intact.`
        : `History broken: revision ${v.firstBrokenRevision} no longer matches its hash (${v.revisions} checked).`);
    } catch (e) {
      verify.className = 'verify-result bad';
      replace(verify, problemText(e));
    } finally {
      verifyButton.disabled = false;
    }
  });

  replace(root,
    h('p', {class: 'crumbs'}, h('a', {href: '#/claims'}, '← Claims')),
    head, facts,
    h('section', {class: 'card', 'aria-labelledby': 'lineage-title'}, h('h2', {id: 'lineage-title'}, 'Lineage'), lineage),
    h('section', {class: 'card', 'aria-labelledby': 'timeline-title'},
      h('div', {class: 'card-head'}, h('h2', {id: 'timeline-title'}, 'Timeline'), verifyButton),
      verify, timeline, diff));

  let current = null;
  let revisions = [];
  let historyCursor = null;

  const loadClaim = async () => {
    try {
      const {data, etag} = await api(`/claims/${id}`, {withEtag: true});
      current = {claim: data, etag};
      drawClaim(data, etag);
    } catch (e) {
      current = null;
      replace(head, h('h1', {tabindex: '-1', class: 'view-title'}, e.status === 410 ? 'A deleted claim' : 'Claim'), errorBox(e));
      replace(facts);
    }
  };

  const drawClaim = (c, etag) => {
    replace(head,
      h('h1', {tabindex: '-1', class: 'view-title'}, c.statement),
      h('p', {class: 'status-line'}, statusBadge(c.status), ' ', h('span', {class: 'meta'},
        `${words(c.type)} · version ${c.version} · updated `, time(c.updatedAt))));
    const verdict = c.explanation || c.verdictAt
      ? h('section', {class: 'card verdict', 'aria-labelledby': 'verdict-title'},
        h('h2', {id: 'verdict-title'}, VERDICTS.includes(c.status) ? 'Verdict' : 'Explanation'),
        h('p', {}, statusBadge(c.status), c.verdictAt ? [' given ', time(c.verdictAt)] : null),
        c.explanation ? h('p', {class: 'explanation'}, c.explanation) : null)
      : null;
    // a live refresh keeps what the user was typing into the status form
    const typed = {
      status: facts.querySelector('#st-status')?.value,
      explanation: facts.querySelector('#st-explanation')?.value,
      supersededBy: facts.querySelector('#st-superseded')?.value,
    };
    // ... and what the form last said (a refused change's reason must not vanish with a refresh)
    const said = facts.querySelector('.status-form .form-message');
    const saidClass = said?.className;
    const saidText = said?.textContent;
    replace(facts,
      h('section', {class: 'card', 'aria-labelledby': 'about-title'},
        h('h2', {id: 'about-title'}, 'The claim'),
        h('dl', {class: 'pairs'},
          pair('Claimant', c.claimant ? `${c.claimant}${c.claimantKind ? ` (${words(c.claimantKind)})` : ''}` : '—'),
          pair('Claim date', c.claimDate ?? '—'),
          c.eventDate ? pair('Event date', c.eventDate) : null,
          pair('Location', c.location ?? '—'),
          c.language ? pair('Language', c.language) : null,
          pair('Tags', c.tags?.length ? c.tags.join(', ') : '—'),
          c.quantity ? pair('Quantity', quantityText(c.quantity)) : null,
          c.attribution ? pair('Attribution',
            `${c.attribution.attributedBy ?? 'someone'}: ${c.attribution.actor} ${words(c.attribution.role)}`) : null,
          c.supersededBy ? pair('Superseded by', h('a', {href: `#/claims/${c.supersededBy}`}, c.supersededBy)) : null)),
      verdict,
      atLeast(ctx.role, 'CHECKER') ? statusForm(c, etag) : null,
      h('section', {class: 'card', 'aria-labelledby': 'sources-title'},
        h('h2', {id: 'sources-title'}, `Sources (${c.sources.length})`),
        c.sources.length === 0 ? h('p', {}, 'No source yet.') : h('ul', {class: 'sources'}, c.sources.map(s => h('li', {},
          h('span', {class: `stance stance-${s.stance}`}, words(s.stance)), ' ',
          h('a', {href: s.url, rel: 'noopener noreferrer', target: '_blank'}, s.title || s.publisher || s.url),
          h('span', {class: 'meta'}, [s.publisher, words(s.kind)].filter(Boolean).join(' · ')),
          s.note ? h('span', {class: 'note'}, s.note) : null)))),
      h('section', {class: 'card', 'aria-labelledby': 'articles-title'},
        h('h2', {id: 'articles-title'}, `Articles (${c.articles.length})`),
        c.articles.length === 0 ? h('p', {}, 'Not linked to an article.') : h('ul', {class: 'articles'}, c.articles.map(a => h('li', {},
          h('span', {class: 'role'}, words(a.role)), ' ',
          h('a', {href: a.url, rel: 'noopener noreferrer', target: '_blank'}, a.title || a.url),
          a.excerpt ? h('q', {class: 'excerpt'}, a.excerpt) : null,
          h('span', {class: 'meta'}, h('a', {href: `#/claims${query({articleId: a.articleId})}`}, 'claims of this article')))))));
    const status = facts.querySelector('#st-status');
    if (status) {
      if ([...status.options].some(o => o.value === typed.status)) {
        status.value = typed.status;
        status.dispatchEvent(new Event('change'));
      }
      facts.querySelector('#st-explanation').value = typed.explanation ?? '';
      facts.querySelector('#st-superseded').value = typed.supersededBy ?? '';
      const message = facts.querySelector('.status-form .form-message');
      if (said && message) {
        message.className = saidClass;
        message.textContent = saidText;
      }
    }
  };

  const statusForm = (c, etag) => {
    const options = nextStatuses(c.status).filter(s => atLeast(ctx.role, leastRole(s)));
    if (options.length === 0) return null;
    const message = h('p', {class: 'form-message', role: 'status'});
    const superseded = h('div', {class: 'field', hidden: true},
      h('label', {for: 'st-superseded'}, 'Superseded by (claim id)'),
      h('input', {id: 'st-superseded', name: 'supersededBy', autocomplete: 'off'}));
    const status = h('select', {id: 'st-status', name: 'status'}, options.map(s => h('option', {value: s}, words(s))));
    status.addEventListener('change', () => { superseded.hidden = status.value !== 'SUPERSEDED'; });
    superseded.hidden = status.value !== 'SUPERSEDED';
    const form = h('form', {class: 'status-form', 'data-edit': 'status'},
      h('div', {class: 'field'}, h('label', {for: 'st-status'}, 'New status'), status),
      h('div', {class: 'field wide'}, h('label', {for: 'st-explanation'}, 'Explanation (recorded as the reason)'),
        h('textarea', {id: 'st-explanation', name: 'explanation', rows: 2})),
      superseded,
      h('div', {class: 'actions'}, h('button', {type: 'submit'}, 'Change status')),
      message);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const values = Object.fromEntries(new FormData(form));
      const body = {status: values.status};
      if (values.explanation?.trim()) body.explanation = values.explanation.trim();
      if (values.status === 'SUPERSEDED' && values.supersededBy?.trim()) body.supersededBy = values.supersededBy.trim();
      replace(message, 'Saving…');
      // a live refresh may have rebuilt the form meanwhile: answer in the form on the page
      const shown = () => facts.querySelector('.status-form .form-message') ?? message;
      try {
        await api(`/claims/${id}/status`, {method: 'POST', body, headers: {'If-Match': etag}});
        form.reset();
        replace(shown(), '');
        await refresh();
      } catch (err) {
        const message = shown();
        message.className = 'form-message error';
        const p = err.problem || {};
        replace(message, err.status === 412
          ? 'Someone changed this claim meanwhile; it has been reloaded, please check and try again.'
          : problemText(err) + (p.unmetRule && !problemText(err).includes(p.unmetRule) ? ` (${p.unmetRule})` : ''));
        if (err.status === 412) await loadClaim();
      }
    });
    return h('section', {class: 'card edit', 'aria-labelledby': 'edit-title'},
      h('h2', {id: 'edit-title'}, 'Change status'), form);
  };

  const loadLineage = () => api(`/claims/${id}/lineage`).then(page => page.items).then(chain => {
    replace(lineage, chain.length <= 1
      ? h('p', {}, 'Nothing supersedes this claim, and it supersedes nothing.')
      : h('ol', {class: 'chain', 'aria-label': 'Supersession chain, oldest first'}, chain.map(link => {
        const label = [link.quantity ? quantityText(link.quantity) : link.statement];
        const here = link.id === id;
        return h('li', {class: here ? 'here' : ''},
          here ? h('strong', {'aria-current': 'true'}, label) : h('a', {href: `#/claims/${link.id}`}, label),
          h('span', {class: 'meta'}, statusBadge(link.status), ` ${link.claimDate ?? ''}`),
          link.quantity ? h('span', {class: 'statement'}, link.statement) : null);
      })));
  }).catch(e => replace(lineage, errorBox(e)));

  const drawTimeline = () => {
    if (revisions.length === 0) { replace(timeline, h('p', {}, 'No history.')); return; }
    const fromRev = revisions.length > 1 ? revisions[1].revision : revisions[0].revision;
    const toRev = revisions[0].revision;
    const rows = revisions.map((r, n) => {
      const previous = revisions[n + 1];
      const diffPrevious = previous
        ? h('button', {type: 'button', class: 'small secondary', 'data-diff-previous': r.revision},
          `Diff with #${previous.revision}`)
        : null;
      diffPrevious?.addEventListener('click', () => showDiff(previous.revision, r.revision));
      return h('li', {class: 'rev', dataset: {revision: r.revision}},
        h('div', {class: 'rev-head'},
          h('span', {class: 'rev-no'}, `#${r.revision}`), ' ',
          h('span', {class: `type type-${r.type}`}, words(r.type)), ' ',
          time(r.timestamp), ' · ', h('span', {class: 'actor'}, r.actor)),
        r.reason ? h('p', {class: 'reason'}, `“${r.reason}”`) : null,
        h('p', {class: 'fields'}, r.changes.length ? `Changed: ${fieldsText(r.changes.map(c => c.field))}` : 'No field changed'),
        h('div', {class: 'rev-actions'},
          h('label', {}, h('input', {type: 'radio', name: 'diff-from', value: r.revision, checked: r.revision === fromRev}), ' from'),
          h('label', {}, h('input', {type: 'radio', name: 'diff-to', value: r.revision, checked: r.revision === toRev}), ' to'),
          diffPrevious));
    });
    const compare = h('button', {type: 'button', id: 'diff-selected'}, 'Diff selected revisions');
    compare.addEventListener('click', () => {
      const from = timeline.querySelector('input[name=diff-from]:checked')?.value;
      const to = timeline.querySelector('input[name=diff-to]:checked')?.value;
      if (from && to) showDiff(Math.min(from, to), Math.max(from, to));
    });
    const more = historyCursor ? h('button', {type: 'button', class: 'secondary'}, 'Older revisions') : null;
    more?.addEventListener('click', () => loadHistory(true));
    replace(timeline,
      h('fieldset', {class: 'timeline-pick'}, h('legend', {}, 'Every revision, newest first. Pick two to compare.'),
        h('ol', {class: 'timeline'}, rows)),
      h('div', {class: 'actions'}, compare, more));
  };

  const loadHistory = async (older = false) => {
    try {
      const page = await api(`/claims/${id}/history${query({limit: 50, cursor: older ? historyCursor : null})}`);
      revisions = older ? [...revisions, ...page.items] : page.items;
      historyCursor = page.nextCursor;
      drawTimeline();
    } catch (e) {
      replace(timeline, errorBox(e));
    }
  };

  const showDiff = async (from, to) => {
    replace(diff, `Comparing revision ${from} with ${to}…`);
    try {
      const d = await api(`/claims/${id}/diff${query({from, to})}`);
      replace(diff,
        h('h3', {id: 'diff-title'}, `Changes from revision ${d.from} to ${d.to}`),
        d.changes.length === 0 ? h('p', {}, 'No field differs.')
          : h('table', {class: 'diff-table', 'aria-labelledby': 'diff-title'},
            h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Field'), h('th', {scope: 'col'}, 'Before'), h('th', {scope: 'col'}, 'After'))),
            h('tbody', {}, d.changes.map(c => h('tr', {},
              h('th', {scope: 'row'}, c.field),
              h('td', {class: 'from', 'data-label': 'Before'}, show(c.from)),
              h('td', {class: 'to', 'data-label': 'After'}, show(c.to)))))));
    } catch (e) {
      replace(diff, errorBox(e));
    }
  };

  const refresh = () => Promise.all([loadClaim(), loadHistory(), loadLineage()]);
  refresh();

  let pending = null;
  return {
    onChange(event) {
      if (event.entityType === 'CLAIM' && (event.entityId === id || (current && current.claim.supersededBy === event.entityId))) {
        clearTimeout(pending);
        pending = setTimeout(() => {
          refresh().then(() => {
            head.classList.add('flash');
            setTimeout(() => head.classList.remove('flash'), 1500);
          });
        }, 100);
      }
    },
    dispose() { clearTimeout(pending); },
  };
}

function pair(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function show(value) {
  if (value === null || value === undefined) return h('span', {class: 'none'}, '—');
  return typeof value === 'string' ? value : JSON.stringify(value);
}
