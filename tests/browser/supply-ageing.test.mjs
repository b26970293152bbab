// Browser tests of the Supply tab's Ageing panel (web/calculators/supply/ageing.js; the
// `ageing` operation, van Sambeek 2020, thesis ch. 5.3). The thesis's R and N come from
// tests/reference/ageing.json, and the numbers on screen are checked against the module's
// answer to the request the page shows in its appendix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedSite, watchProblems, axeViolations, assertOnPhoneScreen, root, statusDone as done, statusNotComputed as notComputed, hashParams, requestAppendix as appendix, downloadedCsv as csvOf } from './helpers.mjs';
import { loadModule } from '../js/support.mjs';
import { toCsv } from '../../web/lib/csv.js';
import { ageingCsv } from '../../web/calculators/supply/ageing-results.js';

const site = useServedSite('public/build/app.js');
const module = await loadModule();
const reference = JSON.parse(readFileSync(join(root, 'tests/reference/ageing.json'), 'utf8'));
const daysCase = reference.cases.find((c) => c.id === 'thesis-eq-5.4-days');

const open = async (page, hash = '?panel=ageing') => {
  await page.goto(`${site.server.url}#/supply${hash}`);
  await page.waitForSelector('#ageing-shelf-life, p.error');
};
const rows = (page, id) => page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())));
/** The exact values (title attributes) of a table's number cells, row by row. */
const exact = (page, id) => page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number((td.querySelector('[title]') ?? td).title))));
function answer(request) {
  const response = JSON.parse(module.call('ageing', JSON.stringify(request)));
  assert.ok(response.result, JSON.stringify(response.error));
  return response.result;
}

test('Supply, Ageing: opens with the thesis’s 35 days in 35 phases; moments, error table and stock as the module computes them', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  assert.equal(await page.isChecked('#supply-panel-ageing'), true);
  assert.equal(await page.inputValue('#ageing-preset'), 'thesis-days');
  assert.equal(await page.inputValue('#ageing-shelf-life'), String(daysCase.request.shelf_life));
  assert.equal(await page.inputValue('#ageing-phases'), String(daysCase.request.phases));
  const request = await appendix(page);
  const r = answer(request);
  // Eq. 5.4 as the Validation tab checks it: mean R, variance R^2 / N.
  const moments = await exact(page, 'age-moments');
  for (const v of daysCase.values.filter((x) => ['/moments/mean', '/moments/variance', '/moments/sd'].includes(x.path))) {
    const row = { '/moments/mean': 0, '/moments/variance': 1, '/moments/sd': 2 }[v.path];
    assert.ok(Math.abs(moments[row][0] - v.published) <= v.tolerance, `${v.name}: ${moments[row][0]}`);
  }
  // The error table: one row per N, its numbers the module's, the average miss falling with N.
  const errors = await exact(page, 'age-errors');
  assert.equal(errors.length, r.error_table.length);
  errors.forEach((row, i) => {
    const e = r.error_table[i];
    assert.deepEqual([row[0], row[1], row[7]], [e.sd, e.mean_absolute_error, e.kolmogorov]);
    if (i) assert.ok(row[1] < errors[i - 1][1], 'the average miss falls with N');
  });
  assert.match(await page.textContent('#age-summary'), /misses 35 days by 4\.71 days on average/);
  // Charts: the cdfs, the density, the error against N, the stock by phase and in total.
  for (const id of ['age-cdf-chart', 'age-density-chart', 'age-error-chart', 'age-phase-chart', 'age-total-chart']) {
    assert.equal(await page.locator(`#${id} canvas`).count(), 1, id);
  }
  assert.equal((await rows(page, 'age-curve')).length, r.curves.t.length);
  const stock = await exact(page, 'age-stock');
  assert.deepEqual(stock.slice(0, 3).map((x) => x[0]), [r.stock.per_phase_mean, r.stock.total_mean, r.stock.outdating_rate]);
  const text = await page.textContent('main');
  assert.match(text, /van Sambeek/);
  assert.doesNotMatch(text, /seed 00\d/i);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Supply, Ageing: a stock by phase of the wrong length is refused next to its field; corrected, it is computed; the link round-trips', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  await page.selectOption('#ageing-preset', 'thesis-weeks');
  assert.equal(await page.inputValue('#ageing-state'), '7, 7, 7, 7, 7');
  await page.fill('#ageing-state', '7, 7, 7');
  assert.equal(await page.inputValue('#ageing-preset'), '', 'an edited example is the user’s own');
  // Checked as it is typed, and named when Compute is pressed.
  assert.match(await page.textContent('[data-error-for="state"]'), /^Gives 3 counts: give one for each of the N = 5 phases$/);
  assert.equal(await page.getAttribute('#ageing-state', 'aria-invalid'), 'true');
  await page.click('#ageing-compute');
  assert.match(await page.textContent('.status'), /Please correct the marked field first: stock by phase/i);
  assert.equal(await page.locator('.results.stale').count(), 1, 'nothing computed: the earlier result is marked out of date');
  // The module's own limit, shown at its field: a mean stock above 100,000 units.
  await page.fill('#ageing-state', '7, 7, 7, 7, 7');
  await page.fill('#ageing-arrival-rate', '5000');
  await page.click('#ageing-compute');
  await notComputed(page);
  assert.match(await page.textContent('[data-error-for="arrival_rate"]'), /mean stock, arrival rate x shelf life, is at most 100,000 units \(got 175000\)/);
  assert.equal(await page.getAttribute('#ageing-arrival-rate', 'aria-invalid'), 'true');
  await page.fill('#ageing-arrival-rate', '1');
  await page.click('#ageing-compute');
  await done(page);
  assert.equal(await page.textContent('[data-error-for="state"]'), '');
  assert.equal(await page.textContent('[data-error-for="arrival_rate"]'), '');
  assert.equal(await page.inputValue('#ageing-preset'), 'thesis-weeks');
  const r = answer(await appendix(page));
  const stateRow = (await exact(page, 'age-stock'))[3][0];
  assert.equal(stateRow, r.stock.state.probability);
  const weeks = reference.cases.find((c) => c.id === 'thesis-eq-5.14').values.find((v) => v.path === '/stock/state/probability');
  assert.ok(Math.abs(stateRow - weeks.published) <= weeks.tolerance, 'eq. 5.14 as the Validation tab checks it');
  // The link holds the panel and the inputs, and reproduces the result in a new page.
  const params = hashParams(page);
  assert.equal(params.get('panel'), 'ageing');
  assert.equal(params.get('state'), '7,7,7,7,7');
  const again = await site.browser.context.newPage();
  await open(again, `?${params}`);
  await done(again);
  assert.equal(await again.inputValue('#ageing-preset'), 'thesis-weeks');
  assert.deepEqual(await rows(again, 'age-errors'), await rows(page, 'age-errors'));
  assert.deepEqual(await rows(again, 'age-stock'), await rows(page, 'age-stock'));
  assert.equal(again.url(), page.url());
  await again.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('Supply, Ageing: a link it cannot read is reported and kept; nothing is computed', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  const hash = '?panel=ageing&phases=2.5&compare_phases=1,x&colour=red';
  await open(page, hash);
  await page.waitForSelector('.link-problems:not([hidden])');
  const words = await page.textContent('.link-problems');
  assert.match(words, /Phases N: "2\.5" must be a whole number/);
  assert.match(words, /Curves for N: "1,x" x: not a number/);
  assert.match(words, /"colour" is not a setting of this calculator/);
  assert.equal(await page.locator('.results table').count(), 0);
  assert.equal(new URL(page.url()).hash, `#/supply${hash}`, 'the link is kept as received');
  await page.fill('#ageing-phases', '5');
  await page.fill('#ageing-compare-phases', '1, 5');
  await page.click('#ageing-compute');
  await done(page);
  assert.equal(hashParams(page).get('colour'), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Supply, Ageing: the CSV holds every number: curves, moments, error table and the stock distributions', async () => {
  const page = await site.browser.context.newPage();
  await open(page, '?panel=ageing&shelf_life=7&phases=7&compare_phases=1,7&tolerance=0.5&arrival_rate=2&error_table=1,7,70&points=15');
  await done(page);
  const r = answer(await appendix(page));
  const csv = await csvOf(page);
  assert.equal(csv, toCsv(ageingCsv(r)));
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'quantity,phases,x,value');
  assert.equal(lines.filter((l) => l.startsWith('erlang_cdf,7,')).length, 15);
  assert.equal(lines.filter((l) => l.startsWith('error_mean_absolute_error,')).length, 3);
  // The stock's distribution with its tails sums to 1.
  const total = lines.filter((l) => /^stock_total_(probability|above|below),/.test(l)).reduce((s, l) => s + Number(l.split(',')[3]), 0);
  assert.ok(Math.abs(total - 1) < 1e-12, `sums to ${total}`);
  assert.match(await page.getAttribute('.result-actions a[download]', 'download'), /supply-shelf-life-R7-N7\.csv$/);
  await page.close();
});

test('Supply, Ageing: at 360 px the answers are on screen; axe-core finds no violations', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page);
  await done(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, ['#age-moments tbody td:nth-of-type(1)', '#age-errors tbody td:nth-of-type(2)',
    '#age-errors tbody td:nth-last-of-type(1)', '#age-stock tbody td:nth-last-of-type(1)']);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
