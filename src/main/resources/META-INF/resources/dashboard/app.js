// The dashboard: sign in with an API key, then a small hash router over three views.

import {api, ApiError, session, whenUnauthorized} from './api.js';
import {claimView} from './claim.js';
import {claims} from './claims.js';
import {problemText, replace} from './dom.js';
import {Live} from './live.js';
import {overview} from './overview.js';

const $ = id => document.getElementById(id);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ctx = {role: null, name: null, live: null, view: null};

function showSignIn(message = '') {
  ctx.live?.stop();
  ctx.live = null;
  ctx.view?.dispose?.();
  ctx.view = null;
  ctx.role = null;
  document.body.dataset.role = '';
  $('nav').hidden = true;
  $('session').hidden = true;
  replace($('view'));
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
  $('api-key').value = '';
  $('api-key').setAttribute('aria-invalid', message ? 'true' : 'false');
  $('api-key').focus();
}

function refusal(error) {
  if (error.status === 401) {
    return 'This API key was not accepted. Check that you pasted the whole key (it starts with cl_) '
      + 'and that it has not been revoked.';
  }
  if (error.status === 0) return `Cannot reach the service: ${error.problem.detail}`;
  return `Sign-in failed: ${problemText(error)}`;
}

async function signIn(key) {
  try {
    const me = await api('/me', {key});
    session.key = key;
    ctx.role = me.role;
    ctx.name = me.name;
  } catch (error) {
    session.key = null;
    showSignIn(error instanceof ApiError ? refusal(error) : String(error));
    return false;
  }
  $('sign-in').hidden = true;
  $('sign-in-error').textContent = '';
  $('nav').hidden = false;
  $('session').hidden = false;
  document.body.dataset.role = ctx.role;
  replace($('who'), `${ctx.name} (${ctx.role.toLowerCase()})`);
  ctx.live = new Live(mode => {
    replace($('live'), {feed: 'Live', polling: 'Live (polling every 2 s)', connecting: 'Connecting…', off: 'Not live'}[mode]);
    $('live').dataset.mode = mode;
  });
  ctx.live.subscribe(event => ctx.view?.onChange?.(event, ctx.live.mode));
  ctx.live.start();
  route();
  return true;
}

function route() {
  if (!ctx.role) return;
  ctx.view?.dispose?.();
  const [path, search = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search);
  const parts = path.split('/').filter(Boolean);
  const root = $('view');
  let name;
  if (parts[0] === 'claims' && parts[1] && UUID.test(parts[1])) {
    name = 'claims';
    ctx.view = claimView(root, parts[1].toLowerCase(), ctx);
  } else if (parts[0] === 'claims') {
    name = 'claims';
    ctx.view = claims(root, params);
  } else {
    name = 'overview';
    ctx.view = overview(root, ctx);
  }
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  document.title = `${name === 'overview' ? 'Overview' : 'Claims'} · Claim Ledger`;
  // keyboard and screen-reader users land on the new view's heading
  (root.querySelector('.view-title') ?? $('main')).focus();
}

whenUnauthorized(() => {
  session.key = null;
  showSignIn('The service no longer accepts this API key (revoked or expired). Sign in again.');
});

$('sign-in-form').addEventListener('submit', event => {
  event.preventDefault();
  const key = $('api-key').value.trim();
  if (!key) {
    showSignIn('Paste an API key first.');
    return;
  }
  $('sign-in-error').textContent = 'Checking the key…';
  signIn(key);
});
$('sign-out').addEventListener('click', () => {
  session.key = null;
  showSignIn();
});
window.addEventListener('hashchange', route);

if (session.key) {
  signIn(session.key);
} else {
  showSignIn();
}
