// The dashboard in Debian's Chromium: sign in, counts, filters, a claim with lineage and timeline,
// diffs, verification, a live status change, roles, a refused key, and axe-core on every page.

import assert from 'node:assert/strict';
import {mkdir, mkdtemp, readFile, rm} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {chromium} from 'playwright-core';
import {apiKey, BASE_URL, call, patchClaim, setStatus} from './api.js';
import {seed} from './seed.js';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.SCREENSHOTS || 'screenshots';
const WIDE = {width: 1400, height: 1000};
const PHONE = {width: 390, height: 844};

let context;
let profile;
let data;
let editorKey;
let readerKey;
const problems = [];           // console errors (CSP violations among them) and page errors

before(async () => {
  await mkdir(SHOTS, {recursive: true});
  data = await seed();
  editorKey = await apiKey('desk-editor', 'EDITOR');
  readerKey = await apiKey('desk-reader', 'READER');
  profile = await mkdtemp(join(tmpdir(), 'claim-ledger-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: WIDE,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await context?.close();
  if (profile) await rm(profile, {recursive: true, force: true});
});

async function newPage() {
  const page = await context.newPage();
  page.on('console', m => { if (m.type() === 'error') problems.push(`${m.text()} (${m.location().url})`); });
  page.on('pageerror', e => problems.push(`${page.url()}: ${e.message}`));
  return page;
}

async function signIn(page, key) {
  await page.goto(`${BASE_URL}/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', {name: 'Sign in'}).click();
  await page.locator('#who').filter({hasText: /\(/}).waitFor();
}

/** axe-core, injected through the DevTools protocol (the page's CSP rightly forbids inline scripts). */
async function assertAccessible(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {resultTypes: ['violations']}));
  const serious = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(serious, [], `axe-core on ${name}`);
}

async function shoot(page, name) {
  await page.screenshot({path: join(SHOTS, `${name}.png`), fullPage: true});
}

async function atBothWidths(page, name) {
  await assertAccessible(page, `${name} at 1400 px`);
  await shoot(page, `${name}-1400`);
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);      // the charts are drawn again at the new width
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} fits a 390 px screen (overflows by ${overflow} px)`);
  await assertAccessible(page, `${name} at 390 px`);
  await shoot(page, `${name}-390`);
  await page.setViewportSize(WIDE);
}

describe('the dashboard', () => {
  test('refuses a bad key with a clear message and keeps nothing', async () => {
    const page = await newPage();
    const response = await page.goto(`${BASE_URL}/`);
    const csp = response.headers()['content-security-policy'];
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    await assertAccessible(page, 'sign-in');
    await page.getByLabel('API key').fill('cl_this-key-was-never-issued-0123456789');
    await page.getByRole('button', {name: 'Sign in'}).click();
    const alert = page.getByRole('alert').filter({hasText: 'not accepted'});
    await alert.waitFor();
    assert.match(await alert.textContent(), /This API key was not accepted/);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.equal(await page.locator('#view').textContent(), '');
    await assertAccessible(page, 'sign-in with an error');
    await shoot(page, 'sign-in-refused');
    await page.close();
  });

  test('signs in and shows the seeded counts, verdicts, changes and the longest waits', async () => {
    const page = await newPage();
    await signIn(page, editorKey);
    assert.equal(await page.locator('#who').textContent(), 'desk-editor (editor)');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('claimLedger.apiKey')), editorKey);
    assert.doesNotMatch(page.url(), /cl_/);
    await page.locator('#card-counts [data-total]').waitFor();
    assert.equal(await page.locator('#card-counts [data-total]').textContent(), String(data.expected.total));
    for (const [status, count] of Object.entries(data.expected)) {
      if (status === 'total') continue;
      assert.equal(await page.locator(`#card-counts [data-count="${status}"]`).textContent(), String(count), status);
    }
    const week = page.locator('#card-weekly g[data-total="2"]');
    await week.waitFor();
    assert.equal(await week.count(), 1, 'this week holds the two verdicts given');
    const recent = page.locator('#card-recent li');
    await recent.first().waitFor();
    assert.equal(await recent.count(), 10);
    const waiting = page.locator('#card-waiting li');
    await waiting.first().waitFor();
    assert.deepEqual(await waiting.locator('a').allTextContents(),
      ['At least 13 U.S. service members were killed', 'More than 150 people were injured']);
    await page.locator('#live[data-mode="feed"], #live[data-mode="polling"]').waitFor();
    await atBothWidths(page, 'overview');
    await page.close();
  });

  test('filters, searches and pages the claims table, and a row opens its claim', async () => {
    const page = await newPage();
    await signIn(page, editorKey);
    await page.getByRole('link', {name: 'Claims', exact: true}).click();
    const rows = page.locator('table.claims tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 25);
    await atBothWidths(page, 'claims');

    await page.getByRole('link', {name: 'Next page'}).click();
    await page.locator('.page-no', {hasText: 'Page 2'}).waitFor();
    assert.equal(await rows.count(), 12, 'the second page holds the other 12 of 37');
    assert.equal(await page.getByRole('link', {name: 'Next page'}).count(), 0);

    await page.getByRole('link', {name: 'Reset'}).click();
    await page.getByLabel('Status').selectOption('IN_REVIEW');
    await page.getByRole('button', {name: 'Apply'}).click();
    await page.waitForFunction(() => location.hash.includes('status=IN_REVIEW'));
    await page.locator('.page-no', {hasText: '2 claims'}).waitFor();
    assert.deepEqual(await rows.locator('.badge').allTextContents(), ['in review', 'in review']);

    await page.getByRole('link', {name: 'Reset'}).click();
    await page.getByLabel('Type').selectOption('ATTRIBUTION');
    await page.getByLabel('Tag').fill('kabul-airport-attack');
    await page.getByRole('button', {name: 'Apply'}).click();
    await page.locator('.page-no', {hasText: '2 claims'}).waitFor();

    await page.getByRole('link', {name: 'Reset'}).click();
    await page.getByLabel('Article').selectOption(data.article.id);
    await page.getByLabel('Claimant').fill('U.S. officials');
    await page.getByRole('button', {name: 'Apply'}).click();
    await page.locator('.page-no', {hasText: '1 claims'}).waitFor();
    assert.equal(await rows.locator('a').textContent(), 'U.S. officials accused ISIS-K of the attacks');

    await page.getByRole('link', {name: 'Reset'}).click();
    await page.getByLabel('Search').fill('injured');
    await page.getByRole('button', {name: 'Apply'}).click();
    await page.locator('.page-no', {hasText: '1 claims'}).waitFor();
    await rows.locator('td[data-label="Claimant"]').click();
    await page.locator('h1', {hasText: 'More than 150 people were injured'}).waitFor();
    assert.match(page.url(), new RegExp(`#/claims/${data.injured.id}$`));
    await page.close();
  });

  test('a claim shows its facts, lineage as a chain and every revision; diffs and verification are one click away', async () => {
    const page = await newPage();
    await signIn(page, editorKey);
    await page.goto(`${BASE_URL}/#/claims/${data.over70.id}`);
    await page.locator('h1', {hasText: 'Two explosions killed over 70 people'}).waitFor();
    const about = page.locator('.pairs');
    assert.match(await about.textContent(), /killed: more than 70 people/);
    assert.match(await page.locator('.sources').textContent(), /supports.*U\.S\. Department of Defense/);
    assert.match(await page.locator('.articles').textContent(), /appears in.*what we know about ISIS-K/);
    assert.match(await page.locator('.verdict').textContent(), /superseded.*The toll rose/);

    const chain = page.locator('ol.chain > li');
    await chain.first().waitFor();
    assert.equal(await chain.count(), 3);
    assert.match(await chain.nth(0).textContent(), /more than 70/);
    assert.match(await chain.nth(1).textContent(), /at least 90/);
    assert.match(await chain.nth(2).textContent(), /about 170/);
    assert.equal(await chain.nth(0).locator('[aria-current="true"]').count(), 1);

    const history = (await call('GET', `/claims/${data.over70.id}/history`)).body.items;
    const timeline = page.locator('ol.timeline > li');
    await timeline.first().waitFor();
    assert.equal(await timeline.count(), history.length);
    assert.deepEqual(await timeline.locator('.rev-no').allTextContents(), history.map(r => `#${r.revision}`));
    const revised = page.locator(`ol.timeline > li[data-revision="${history.find(r => r.reason === 'Global News updated the toll').revision}"]`);
    assert.match(await revised.textContent(), /bootstrap-admin/);
    assert.match(await revised.textContent(), /Changed: quantity\.value/);

    await timeline.first().getByRole('button', {name: /^Diff with #/}).click();
    const diffRows = page.locator('#diff table tbody tr');
    await diffRows.first().waitFor();
    assert.match(await page.locator('#diff').textContent(),
      new RegExp(`Changes from revision ${history[1].revision} to ${history[0].revision}`));
    assert.match(await page.locator('#diff').textContent(), /status.*UNVERIFIED.*SUPERSEDED/s);

    const oldest = history[history.length - 1].revision;
    await page.locator(`input[name=diff-from][value="${oldest}"]`).check();
    await page.getByRole('button', {name: 'Diff selected revisions'}).click();
    await page.locator('#diff h3', {hasText: `Changes from revision ${oldest} to ${history[0].revision}`}).waitFor();
    assert.match(await page.locator('#diff').textContent(), /quantity\.value.*60.*70/s);

    await page.getByRole('button', {name: 'Verify history'}).click();
    await page.locator('#verify-result.ok').waitFor();
    assert.equal(await page.locator('#verify-result').textContent(),
      `History verified: the hash chain of all ${history.length} revisions is intact.`);
    await assertAccessible(page, 'claim with a diff');
    await shoot(page, 'claim-diff-1400');

    await page.goto(`${BASE_URL}/#/claims/${data.marines.id}`);
    await page.locator('h1', {hasText: 'At least 13 U.S. service members were killed'}).waitFor();
    assert.equal(await page.locator('[data-edit]').count(), 1, 'an editor may change the status');
    await page.locator('ol.timeline > li').first().waitFor();
    await atBothWidths(page, 'claim');
    await page.goto(`${BASE_URL}/#/claims/${data.atLeast90.id}`);
    await page.locator('ol.chain > li').first().waitFor();
    await shoot(page, 'claim-lineage-1400');
    await page.close();
  });

  test('a status change made through the API appears live on the overview and the open claim', async () => {
    const overviewPage = await newPage();
    await signIn(overviewPage, editorKey);
    await overviewPage.locator('#card-counts [data-count="VERIFIED"]').waitFor();
    await overviewPage.locator('#live[data-mode="feed"], #live[data-mode="polling"]').waitFor();
    const claimPage = await newPage();
    await signIn(claimPage, editorKey);
    await claimPage.goto(`${BASE_URL}/#/claims/${data.marines.id}`);
    await claimPage.locator('.status-line .badge', {hasText: 'in review'}).waitFor();
    await claimPage.locator('#live[data-mode="feed"], #live[data-mode="polling"]').waitFor();
    const mode = await claimPage.locator('#live').getAttribute('data-mode');
    for (const p of [overviewPage, claimPage]) await p.evaluate(() => { window.notReloaded = true; });

    const changedAt = Date.now();
    await setStatus(data.marines.id, 'VERIFIED', {explanation: 'The Pentagon named all 13 service members'});
    // within a second of the change with the feed; the poll runs every 2 s without it
    const within = mode === 'feed' ? 2000 : 4500;   // with margin for a busy CI machine
    await claimPage.locator('.status-line .badge', {hasText: 'verified'}).waitFor({timeout: within});
    await overviewPage.locator('#card-counts [data-count="VERIFIED"]', {hasText: '2'}).waitFor({timeout: within});
    const took = Date.now() - changedAt;
    await claimPage.locator('.explanation', {hasText: 'The Pentagon named all 13 service members'}).waitFor();
    assert.equal(await overviewPage.locator('#card-counts [data-count="IN_REVIEW"]').textContent(), '1');
    for (const p of [overviewPage, claimPage]) assert.equal(await p.evaluate(() => window.notReloaded), true);
    console.log(`live update (${mode}) seen after ${took} ms`);
    await shoot(claimPage, 'claim-live-1400');
    await overviewPage.close();
    await claimPage.close();
  });

  test('reads the change feed with fetch() when the service has one, sending the key', async () => {
    // The feed answered by the test (whether or not this service has one), to prove the page's
    // stream reading: an event for a change made through the API updates the open claim.
    const page = await newPage();
    const requests = [];
    let deliver;
    const event = new Promise(resolve => { deliver = resolve; });
    await page.route('**/api/v1/feed*', async route => {
      requests.push({url: route.request().url(), headers: route.request().headers()});
      if (requests.length > 1) { await route.abort(); return; }
      await route.fulfill({status: 200, headers: {'Content-Type': 'text/event-stream'}, body: await event});
    });
    await signIn(page, editorKey);
    await page.goto(`${BASE_URL}/#/claims/${data.injured.id}`);
    await page.locator('.pairs', {hasText: 'Reuters'}).waitFor();

    await patchClaim(data.injured.id, {claimant: 'Reuters and AP'}, 'A second wire confirmed it');
    const latest = (await call('GET', `/claims/${data.injured.id}/history?limit=1`)).body.items[0];
    const envelope = {
      revision: latest.revision, timestamp: latest.timestamp, event: 'claim.updated', entityType: 'CLAIM',
      entityId: data.injured.id, actor: latest.actor, reason: latest.reason, requestId: latest.requestId,
      changedFields: ['claimant'], href: `/api/v1/claims/${data.injured.id}`,
    };
    deliver(`: heartbeat\n\nid: ${latest.revision}\nevent: claim.updated\ndata: ${JSON.stringify(envelope)}\n\n`);
    await page.locator('.pairs', {hasText: 'Reuters and AP'}).waitFor({timeout: 1500});
    await page.locator('ol.timeline > li', {hasText: 'A second wire confirmed it'}).waitFor();

    const first = requests[0];
    assert.equal(first.headers.authorization, `Bearer ${editorKey}`);
    assert.equal(first.headers.accept, 'text/event-stream');
    assert.match(new URL(first.url).searchParams.get('after'), /^\d+$/);
    assert.doesNotMatch(first.url, /cl_/);
    await page.close();
  });

  test('an editor changes a status with the form, and a refused move says which rule it broke', async () => {
    const filler = data.fillers[0];
    const page = await newPage();
    await signIn(page, editorKey);
    await page.goto(`${BASE_URL}/#/claims/${filler.id}`);
    await page.locator('.status-line .badge', {hasText: 'unverified'}).waitFor();
    await page.getByLabel('New status').selectOption('IN_REVIEW');
    await page.getByRole('button', {name: 'Change status'}).click();
    await page.locator('.status-line .badge', {hasText: 'in review'}).waitFor();
    assert.equal((await call('GET', `/claims/${filler.id}`)).body.status, 'IN_REVIEW');
    assert.match(await page.locator('ol.timeline > li').first().textContent(), /desk-editor.*Changed: status/s);

    await page.getByLabel('New status').selectOption('VERIFIED');
    await page.getByLabel(/Explanation/).fill('Looks right');
    await page.getByRole('button', {name: 'Change status'}).click();
    const refused = page.locator('.form-message.error');
    await refused.waitFor();
    assert.match(await refused.textContent(), /source/i);
    assert.equal((await call('GET', `/claims/${filler.id}`)).body.status, 'IN_REVIEW', 'nothing was written');
    assert.equal(await page.getByLabel(/Explanation/).inputValue(), 'Looks right', 'what was typed is kept');
    await assertAccessible(page, 'claim with a refused status change');
    await shoot(page, 'claim-refused-status-1400');
    await page.close();
  });

  test('a READER key sees everything but no edit control', async () => {
    const page = await newPage();
    await signIn(page, readerKey);
    assert.equal(await page.locator('#who').textContent(), 'desk-reader (reader)');
    await page.goto(`${BASE_URL}/#/claims/${data.injured.id}`);
    await page.locator('h1', {hasText: 'More than 150 people were injured'}).waitFor();
    await page.locator('ol.timeline > li').first().waitFor();
    assert.equal(await page.locator('[data-edit]').count(), 0);
    assert.equal(await page.getByRole('button', {name: 'Change status'}).count(), 0);
    assert.equal(await page.getByRole('button', {name: 'Verify history'}).count(), 1);
    await assertAccessible(page, 'claim as reader');
    await page.close();
  });

  test('works from the keyboard alone', async () => {
    const page = await newPage();
    await page.goto(`${BASE_URL}/`);
    await page.getByLabel('API key').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'api-key', 'the key field has the focus');
    await page.keyboard.type(readerKey);
    await page.keyboard.press('Enter');
    await page.locator('#card-counts [data-total]').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Overview', 'signed in, on the heading');
    const reached = [];
    for (let n = 0; n < 8 && !reached.includes('Claims'); n += 1) {
      await page.keyboard.press('Shift+Tab');
      reached.push(await page.evaluate(() => document.activeElement.textContent.trim()));
    }
    assert.ok(reached.includes('Claims'), `Shift+Tab reaches the Claims link (reached ${reached.join(' | ')})`);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused link shows its focus');
    await page.keyboard.press('Enter');
    await page.locator('table.claims tbody tr').first().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Claims', 'the new view\'s heading has the focus');
    await page.close();
  });

  test('Swagger UI still renders beside the dashboard', async () => {
    const page = await newPage();
    const response = await page.goto(`${BASE_URL}/q/swagger-ui/`);
    assert.equal(response.status(), 200);
    await page.locator('.swagger-ui .info .title', {hasText: 'Claim Ledger API'}).waitFor();
    await page.close();
  });

  test('a key revoked mid-session signs the page out with a message', async () => {
    const key = await call('POST', '/api-keys', {name: 'desk-temporary', role: 'READER'});
    const page = await newPage();
    await signIn(page, key.body.secret);
    await page.locator('#card-counts [data-total]').waitFor();
    await call('DELETE', `/api-keys/${key.body.id}`);
    await page.getByRole('link', {name: 'Claims', exact: true}).click();
    await page.getByRole('alert').filter({hasText: 'no longer accepts this API key'}).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.equal(await page.locator('#view').textContent(), '');
    await page.close();
  });

  test('signing out forgets the key', async () => {
    const page = await newPage();
    await signIn(page, readerKey);
    await page.getByRole('button', {name: 'Sign out'}).click();
    await page.getByLabel('API key').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    await page.close();
  });

  test('no page logged an error or a Content-Security-Policy violation', () => {
    // expected: the refused key's 401, the refused status move's 409, and a 404 from
    // /api/v1/feed on a service without the feed
    const expected = p => /status of 401/.test(p) || /status of 409.*\/status\)$/.test(p)
      || /status of 404.*\/api\/v1\/feed/.test(p);
    assert.deepEqual(problems.filter(p => !expected(p)), []);
  });
});
