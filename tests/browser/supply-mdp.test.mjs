// Browser tests of the Supply tab's "Issuing policy" panel (web/calculators/supply/mdp.js;
// `issuing_mdp`, van Sambeek 2020, sec. 5.4): the numbers on screen are checked against the
// module's answer to the request the page shows in its appendix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems, axeViolations, assertOnPhoneScreen, computeAndCancel, statusDone as done, statusNotComputed as notComputed, hashParams, requestAppendix as appendix, downloadedCsv as csvOf } from './helpers.mjs';
import { loadModule } from '../js/support.mjs';
import { toCsv } from '../../web/lib/csv.js';
import { mdpCsv, TABLE_ROWS } from '../../web/calculators/supply/mdp-results.js';

const site = useServedSite('public/build/app.js');
const module = await loadModule();

const open = async (page, hash = '?panel=mdp') => {
  await page.goto(`${site.server.url}#/supply${hash}`);
  await page.waitForSelector('#mdp-groups, p.error');
};
const rows = (page) => page.$$eval('#mdp-actions tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())));
const answerOf = async (page) => {
  const response = JSON.parse(module.call('issuing_mdp', JSON.stringify(await appendix(page))));
  assert.ok(response.result, JSON.stringify(response.error));
  return response.result;
};
/** Open the shell's Options box (closed, its fields are not shown). */
const openOptions = (page) => page.evaluate(() => { document.querySelector('details.options').open = true; });

test('Issuing policy: the RhD example gives the module’s optimal cost, the bounds chart and an action table of every stock in words', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  assert.equal(await page.isChecked('#supply-panel-mdp'), true);
  assert.equal(await page.inputValue('#mdp-preset'), 'rhd');
  const answer = await answerOf(page);
  assert.equal(answer.converged, true);
  assert.ok(answer.lower <= answer.average_cost && answer.average_cost <= answer.upper);
  assert.match(await page.textContent('#mdp-average'), new RegExp(`^${answer.average_cost.toFixed(4).replace(/0+$/, '').replace('.', '\\.')}`));
  assert.equal(await page.locator('#mdp-bounds-chart canvas').count(), 1);
  // The model's settings are options: the box is open, and the answer says what they were.
  assert.equal(await page.locator('details.options').evaluate((d) => d.open), true);
  const model = await page.textContent('.mdp-model');
  for (const [name, words] of [['donation_rate', 'donations? a day'], ['request_rate', 'requests? a day'], ['max_stock', 'at most'], ['shortage_cost', 'a shortage costs']]) {
    assert.match(model, new RegExp(`${words}`), name);
  }
  assert.match(model, new RegExp(`${answer.states} possible stocks`));
  const table = await rows(page);
  assert.equal(table.length, Math.min(answer.actions.length, TABLE_ROWS));
  assert.equal(table[0][0], 'empty');
  assert.match(table[0][1], /^refuse/);
  // Each row: the best action first, ties after "equally good".
  answer.actions.slice(0, table.length).forEach((s, i) => s.best.forEach((list, j) => {
    assert.equal(/equally good/.test(table[i][j + 1]), list.length > 1, `row ${i}, request ${answer.groups[j].name}`);
  }));
  const text = await page.textContent('main');
  assert.match(text, /van Sambeek/);
  assert.doesNotMatch(text, /seed 00\d/i);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Issuing policy: shares that do not sum to 1 are refused next to the groups; corrected, it computes; the link round-trips', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  await page.fill('#mdp-groups', 'O: -, 0.5\nA: A, 0.4');
  assert.equal(await page.inputValue('#mdp-preset'), '');
  await page.click('#mdp-compute');
  await notComputed(page);
  assert.match(await page.textContent('[data-error-for="groups"]'), /shares of donations sum to 0\.9/);
  await page.fill('#mdp-groups', 'O: -, 0.6, 0.3\nA: A, 0.4, 0.7');
  await openOptions(page);
  await page.fill('#mdp-opt-max_stock', '3');
  await page.click('#mdp-compute');
  await done(page);
  assert.equal(await page.textContent('[data-error-for="groups"]'), '');
  const answer = await answerOf(page);
  assert.deepEqual(answer.groups.map((g) => g.request_share), [0.3, 0.7]);
  const params = hashParams(page);
  assert.equal(params.get('panel'), 'mdp');
  assert.equal(params.get('max_stock'), '3');
  const again = await site.browser.context.newPage();
  await open(again, `?${params}`);
  await done(again);
  assert.deepEqual(await rows(again), await rows(page));
  assert.equal(again.url(), page.url());
  await again.close();
  // A link whose groups cannot be read is reported and kept; nothing is computed.
  await open(page, '?panel=mdp&groups=O%20-%200.5');
  await page.waitForSelector('.link-problems:not([hidden])');
  assert.match(await page.textContent('.link-problems'), /Groups: line 1/);
  assert.equal(await page.locator('#mdp-actions').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Issuing policy: the CSV holds the bounds of every iteration and every action', async () => {
  const page = await site.browser.context.newPage();
  await open(page, '?panel=mdp&groups=D-%3A%20-%2C%200.168%0AD%2B%3A%20D%2C%200.832&max_stock=2');
  await done(page);
  const answer = await answerOf(page);
  const csv = await csvOf(page);
  assert.equal(csv, toCsv(mdpCsv(answer)));
  const lines = csv.trim().split('\r\n');
  assert.equal(lines.filter((l) => l.startsWith('upper_bound,')).length, answer.iterations);
  assert.match(await page.getAttribute('.result-actions a[download]', 'download'), /supply-issuing-policy\.csv$/);
  await page.close();
});

test('Issuing policy: at 360 px the answer and the table are on screen; axe-core finds no violations; Cancel stops a large model; one over the limit is refused next to the stock bound', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page);
  await done(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, ['#mdp-average', '#mdp-actions tbody td:nth-last-of-type(1)']);
  assert.deepEqual(await axeViolations(page), []);
  // ABO with 3 phases and 6 units (18,564 stocks): Cancel, then a small model computes.
  await page.selectOption('#mdp-preset', 'abo');
  await openOptions(page);
  await page.fill('#mdp-opt-phases', '3');
  await page.fill('#mdp-opt-max_stock', '6');
  await computeAndCancel(page, 'mdp');
  // Over the state-space limit: refused next to the stock bound, naming what makes it large.
  await page.fill('#mdp-opt-max_stock', '8');
  await page.click('#mdp-compute');
  await notComputed(page);
  assert.match(await page.textContent('[data-error-for="max_stock"]'), /125,970 states .*4 blood groups x 3 ageing phases/);
  await page.fill('#mdp-opt-max_stock', '2');
  await page.click('#mdp-compute');
  await done(page);
  assert.equal((await answerOf(page)).states, 91);
  await page.close();
});
