// Browser tests of the Supply tab (web/calculators/supply/): its panel switcher and the
// Availability panel (`acquisition`; Boppana and Chalasani 2007, sec. 4, Fig. 1-3). The
// paper's example comes from tests/reference/acquisition.json, and the numbers on screen are
// checked against the module's answer to the request the page shows in its appendix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedSite, watchProblems, axeViolations, assertOnPhoneScreen, root, statusDone as done, statusNotComputed as notComputed, hashParams, requestAppendix as appendix, downloadedCsv as csvOf } from './helpers.mjs';
import { loadModule } from '../js/support.mjs';
import { toCsv } from '../../web/lib/csv.js';
import { acquisitionCsv } from '../../web/calculators/supply/acquisition-results.js';

const site = useServedSite('public/build/app.js');
const module = await loadModule();
const reference = JSON.parse(readFileSync(join(root, 'tests/reference/acquisition.json'), 'utf8'));
const seedCases = reference.cases.filter((c) => c.op === 'acquisition' && c.id.startsWith('seed002'));

const open = async (page, hash = '') => {
  await page.goto(`${site.server.url}#/supply${hash}`);
  await page.waitForSelector('#acquisition-k, p.error');
};
const rows = (page, id) => page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())));
/** The exact values (title attributes) of a table's number cells, row by row. */
const exact = (page, id) => page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number((td.querySelector('[title]') ?? td).title))));
/** The module's answers to the page's request (its appendix) at each storage limit. */
function moduleAnswers(request, ks) {
  return ks.map((k) => {
    const response = JSON.parse(module.call('acquisition', JSON.stringify({ ...request, k })));
    assert.ok(response.result, JSON.stringify(response.error));
    return response.result;
  });
}

test('Supply: #/supply opens Availability with Boppana and Chalasani’s example and reproduces sec. 4’s rates on the 0.025 grid', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  assert.equal(await page.isChecked('#supply-panel-acquisition'), true);
  assert.equal(await page.inputValue('#acquisition-preset'), 'boppana-chalasani');
  const ks = seedCases.map((c) => c.request.k);
  assert.equal(await page.inputValue('#acquisition-k'), ks.join(', '));
  // The smallest rates: on the grid as published; exact as the module gives them, below the grid value.
  const minimum = await exact(page, 'acq-minimum');
  const shownKs = (await rows(page, 'acq-minimum')).map((r) => Number(r[0]));
  assert.deepEqual(shownKs, ks);
  const answers = moduleAnswers(await appendix(page), ks);
  seedCases.forEach((c, i) => {
    const grid = c.values.find((v) => v.path === '/minimum_rho/on_grid');
    assert.ok(Math.abs(minimum[i][2] - grid.published) <= grid.tolerance, `k = ${c.request.k}: on the grid ${minimum[i][2]}, published ${grid.published} (${c.source.where})`);
    assert.equal(minimum[i][0], answers[i].minimum_rho.exact);
    assert.ok(minimum[i][0] <= minimum[i][2] && minimum[i][0] > minimum[i][2] - c.request.grid_step, `k = ${c.request.k}: exact ${minimum[i][0]} just below the grid value`);
    assert.ok(minimum[i][1] >= c.request.target, 'the availability at the smallest rate reaches the target');
  });
  // At the chosen rate: availability, shortage (summing to 1), request unmet, mean stock.
  const atRate = await exact(page, 'acq-at-rate');
  answers.forEach((a, i) => {
    assert.deepEqual(atRate[i].slice(0, 4), [a.availability, a.shortage, a.request_unmet, a.mean_stock]);
    assert.ok(Math.abs(atRate[i][0] + atRate[i][1] - 1) < 1e-12);
  });
  // Fig. 3's curves and the distribution as charts, with the curve in a table too.
  assert.equal(await page.locator('#acq-curve-chart canvas').count(), 1);
  assert.equal(await page.locator('#acq-distribution-chart canvas').count(), 1);
  assert.equal((await rows(page, 'acq-curve')).length, answers[0].curve.length);
  // The shortage table: P[fewer than m] at the level m is the shortage.
  const levels = await rows(page, 'acq-levels');
  const atM = levels.findIndex((r) => r[0] === String(answers[0].m));
  // (A running sum of the distribution; the module sums the shortage its own way: equal to rounding.)
  assert.ok(Math.abs((await exact(page, 'acq-levels'))[atM][1] / answers[0].shortage - 1) < 1e-12);
  // The page cites the paper by its authors, never by its seed number.
  const text = await page.textContent('main');
  assert.match(text, /Boppana and Chalasani/);
  assert.doesNotMatch(text, /seed 00\d/i);
  assert.equal(hashParams(page).get('panel'), 'acquisition');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Supply: request sizes that do not sum to 1 are refused next to that field; corrected, the chain is computed; the link round-trips', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  await page.selectOption('#acquisition-preset', 'batch-fig1');
  assert.equal(await page.isVisible('#acquisition-batch'), true);
  assert.equal(await page.isVisible('#acquisition-target'), false, 'no target for the batch model');
  await page.fill('#acquisition-batch', '0.4, 0.3, 0.2');
  assert.equal(await page.inputValue('#acquisition-preset'), '', 'an edited example is the user’s own');
  await page.click('#acquisition-compute');
  await notComputed(page);
  assert.match(await page.textContent('[data-error-for="batch"]'), /sum to 0\.9/);
  assert.equal(await page.getAttribute('#acquisition-batch', 'aria-invalid'), 'true');
  assert.match(await page.textContent('.status'), /next to request sizes/);
  assert.equal(await page.locator('.results table').count(), 0);
  // A live check too: a minimum stock above the storage limit.
  await page.fill('#acquisition-m', '9');
  assert.match(await page.textContent('[data-error-for="m"]'), /^Must not exceed the storage limit k \(5\)$/);
  await page.fill('#acquisition-m', '2');
  await page.fill('#acquisition-batch', '0.4, 0.3, 0.2, 0.1');
  await page.click('#acquisition-compute');
  await done(page);
  assert.equal(await page.textContent('[data-error-for="batch"]'), '');
  const [answer] = moduleAnswers(await appendix(page), [5]);
  assert.equal(answer.model, 'batch');
  const levels = await exact(page, 'acq-levels');
  assert.equal(levels.length, 6, 'every level of a store of 5');
  levels.forEach((row, j) => assert.equal(row[0], answer.distribution[j]));
  assert.ok(Math.abs(answer.distribution.reduce((a, b) => a + b) - 1) < 1e-12);
  // The link holds the panel and the inputs, and reproduces the result in a new page.
  const params = hashParams(page);
  assert.equal(params.get('panel'), 'acquisition');
  assert.equal(params.get('model'), 'batch');
  assert.equal(params.get('batch'), '0.4,0.3,0.2,0.1');
  const again = await site.browser.context.newPage();
  await open(again, `?${params}`);
  await done(again);
  assert.equal(await again.inputValue('#acquisition-preset'), 'batch-fig1');
  assert.deepEqual(await rows(again, 'acq-levels'), await rows(page, 'acq-levels'));
  assert.deepEqual(await rows(again, 'acq-at-rate'), await rows(page, 'acq-at-rate'));
  assert.equal(again.url(), page.url());
  await again.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('Supply: a link it cannot read (an unknown panel, a value that is no number, an unknown setting) is reported and kept; nothing is computed', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  const hash = '?panel=nonsense&k=600&m=500';
  await open(page, hash);
  await page.waitForSelector('.link-problems:not([hidden])');
  assert.match(await page.textContent('.link-problems'), /Panel: "nonsense" is not one of acquisition/);
  assert.equal(await page.isChecked('#supply-panel-acquisition'), true, 'the first panel is shown');
  assert.equal(await page.inputValue('#acquisition-k'), '600');
  assert.equal(await page.locator('.results table').count(), 0);
  assert.equal(new URL(page.url()).hash, `#/supply${hash}`, 'the link is kept as received');
  await open(page, '?panel=acquisition&m=abc&colour=red');
  await page.waitForSelector('.link-problems:not([hidden])');
  const words = await page.textContent('.link-problems');
  assert.match(words, /Minimum stock m: "abc" not a number/);
  assert.match(words, /"colour" is not a setting of this calculator/);
  assert.doesNotMatch(words, /panel/);
  assert.equal(await page.locator('.results table').count(), 0);
  // Pressing Compute after correcting it works.
  await page.fill('#acquisition-m', '500');
  await page.click('#acquisition-compute');
  await done(page);
  assert.equal(hashParams(page).get('colour'), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Supply: the CSV holds every number shown: availability, the smallest rates, the curves and the distribution', async () => {
  const page = await site.browser.context.newPage();
  await open(page, '?panel=acquisition&k=20,30&m=5&rho=0.9&target=0.95&grid_step=0.05&from=0.5&to=2&step=0.05');
  await done(page);
  const answers = moduleAnswers(await appendix(page), [20, 30]);
  const csv = await csvOf(page);
  assert.equal(csv, toCsv(acquisitionCsv(answers)));
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'quantity,k,m,rho,level,value');
  assert.ok(lines.includes(`minimum_rho_exact,30,5,0.9,,${answers[1].minimum_rho.exact}`));
  assert.equal(lines.filter((l) => l.startsWith('stock_probability,20,')).length, 21);
  assert.equal(lines.filter((l) => l.startsWith('curve_availability,30,')).length, 31);
  assert.match(await page.getAttribute('.result-actions a[download]', 'download'), /supply-availability-20-30\.csv$/);
  await page.close();
});

test('Supply: the panel switcher names each panel’s question; each panel opens from its link and from its button, and writes its panel into the link', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  const panels = await page.$$eval('input[name="supply-panel"]', (inputs) => inputs.map((i) => ({ id: i.value, title: i.labels[0].textContent,
    question: document.getElementById(i.getAttribute('aria-describedby')).textContent })));
  assert.ok(panels.length >= 1);
  assert.equal(panels[0].id, 'acquisition');
  for (const p of panels) assert.match(p.question, /\?$/, `${p.id}: a question`);
  // By link: #/supply?panel=<id> opens it, computed with its defaults.
  for (const p of panels) {
    await page.goto(`${site.server.url}#/supply?panel=${p.id}`);
    await page.waitForFunction((id) => document.querySelector(`#supply-panel-${id}`)?.checked && document.querySelector('#supply-panel .calculator'), p.id);
    await done(page);
    assert.equal(await page.getAttribute('#supply-panel', 'aria-label'), p.title);
    assert.equal(await page.locator('#supply-panel .calculator').count(), 1, 'one panel at a time');
  }
  // By button: from the last panel to each other, then back; the old panel is gone.
  for (const p of [...panels.slice(0, -1), panels.at(-1)]) {
    if (!(await page.isChecked(`#supply-panel-${p.id}`))) await page.check(`#supply-panel-${p.id}`);
    await page.waitForFunction((title) => document.querySelector('#supply-panel')?.getAttribute('aria-label') === title
      && document.querySelector('#supply-panel .calculator'), p.title);
    await done(page);
    assert.equal(hashParams(page).get('panel'), p.id);
    assert.equal(await page.locator('#supply-panel .calculator').count(), 1, 'one panel at a time');
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('Supply: at 360 px the answers and every box are on screen; axe-core finds no violations', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page);
  await done(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, ['#acq-minimum tbody td:nth-of-type(1)', '#acq-minimum tbody td:nth-last-of-type(1)',
    '#acq-at-rate tbody td:nth-of-type(1)', '#acq-at-rate tbody td:nth-last-of-type(1)', '#acq-levels tbody td:nth-last-of-type(1)']);
  assert.deepEqual(await axeViolations(page), []);
  await page.selectOption('#acquisition-preset', 'batch-fig1');
  await page.click('#acquisition-compute');
  await done(page);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('Supply: a store of 20,000 units (the operation’s limit) with rho near 1: probabilities in [0, 1], the tiny tail kept, the chart drawn from fewer points', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page, '?panel=acquisition&k=20000&m=19000&rho=1.001&target=0.9999&grid_step=0.025&from=0.99&to=1.01&step=0.001');
  await done(page);
  const [answer] = moduleAnswers(await appendix(page), [20000]);
  const levels = await exact(page, 'acq-levels');
  for (const row of levels) for (const p of row) assert.ok(p >= 0 && p <= 1, `${p}`);
  assert.ok(levels[0][0] > 0 && levels[0][0] < 1e-6, 'P[exactly 1 unit] is tiny, not rounded to 0');
  assert.equal(levels[0][0], answer.distribution[1]);
  const [minimum] = await exact(page, 'acq-minimum');
  assert.equal(minimum[0], answer.minimum_rho.exact);
  assert.ok(minimum[1] >= 0.9999);
  const drawn = await page.evaluate(() => document.querySelector('#acq-distribution-chart canvas') != null);
  assert.ok(drawn);
  assert.deepEqual(problems, []);
  await page.close();
});
