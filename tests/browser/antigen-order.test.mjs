// Browser tests of the Antigen order calculator (thesis ch. 7). The numbers on screen are
// checked against the module's answer to the request the page shows in its appendix, run here
// through the same wasm module, and against the thesis's sec. 7.3.1 (tests/reference).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems, axeViolations, assertOnPhoneScreen, referenceCase } from './helpers.mjs';
import { loadModule } from '../js/support.mjs';

const site = useServedSite('public/build/app.js');
const module = await loadModule();

const done = (page) => page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.', null, { timeout: 120000 });
const cells = (page, id) => page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())));
const open = async (page, hash = '') => {
  await page.goto(`${site.server.url}#/antigen-order${hash}`);
  await page.waitForSelector('#ao-order-table, .link-problems:not([hidden])', { timeout: 120000 });
};
/** The module's answer to the request the page computed (its appendix). */
async function moduleAnswer(page) {
  const request = JSON.parse(await page.textContent('details.request-appendix pre'));
  const response = JSON.parse(module.call('antigen_order', JSON.stringify(request)));
  assert.ok(response.result, JSON.stringify(response.error));
  return response.result;
}
/** The published value of sec. 7.3.1 for a model at n = 60, k = 2, with its tolerance. */
const published = (model) => {
  const v = referenceCase('antigen-order', `model-${model}-n-60-k-2`).values.find((x) => x.path === '/value');
  return { value: v.published, tolerance: v.tolerance };
};
const shown = async (page, selector) => Number((await page.textContent(selector)).replace(/[^\d.]/g, ''));
const csvOf = async (page, selector) => decodeURIComponent((await page.getAttribute(selector, 'href')).replace(/^data:text\/csv;charset=utf-8,/, ''))
  .trim().split(/\r?\n/);

test('Antigen order: the example (model 2, n = 60, k = 2) shows the module’s value, order and matched antigens, about 0.72; model 1 about 0.90', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  let expect = await moduleAnswer(page);
  assert.equal(expect.scenario.model, 2);
  const value = await shown(page, '#ao-value strong');
  assert.ok(Math.abs(value - expect.value) <= 0.00005, `shown ${value}, module ${expect.value}`);
  const ref = published(2);
  assert.ok(Math.abs(value - ref.value) <= ref.tolerance + 0.00005, `model 2: ${value} vs the thesis's ${ref.value}`);
  const order = await cells(page, 'ao-order-table');
  assert.deepEqual(order.map((r) => r[1]), expect.order.map((o) => o.antigen));
  order.forEach((r, i) => assert.ok(Math.abs(Number(r[3]) - expect.order[i].value) <= 0.00005, `cumulative at ${i + 1}`));
  assert.equal(Number(await page.textContent('#ao-average')), Number(expect.matched.average.toFixed(2)));
  assert.equal((await cells(page, 'ao-matched-table')).length, expect.antigens.length + 2);
  assert.equal(await page.locator('#ao-curve-table tbody tr').count(), expect.antigens.length + 1);
  assert.match(await page.textContent('#ao-first'), new RegExp(`Match first: ${expect.order.slice(0, 2).map((o) => o.antigen).join(', ')}`));
  await page.waitForSelector('.chart-box canvas');
  // Model 1: any compatible unit.
  await page.selectOption('#ao-model', '1');
  await page.click('#antigen-order-compute');
  await done(page);
  expect = await moduleAnswer(page);
  assert.equal(expect.scenario.model, 1);
  const one = await shown(page, '#ao-value strong');
  assert.ok(Math.abs(one - expect.value) <= 0.00005, `model 1: shown ${one}, module ${expect.value}`);
  const ref1 = published(1);
  assert.ok(Math.abs(one - ref1.value) <= ref1.tolerance + 0.00005, `model 1: ${one} vs the thesis's ${ref1.value}`);
  assert.match(page.url(), /model=1/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Antigen order: a wrong k is marked as you type, a share refused by the module is shown at its field; then it computes', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  await page.fill('#ao-k', '61');
  assert.match(await page.textContent('[data-error-for="k"]'), /k = 61 units cannot come from a stock of n = 60/);
  await page.click('#antigen-order-compute');
  assert.match(await page.textContent('.status'), /Please correct the marked field first: the units requested k/);
  await page.fill('#ao-k', '2');
  // An antigen with no share in Table 7.1, to order: the page asks for one.
  await page.selectOption('#ao-role-k', 'minor');
  assert.match(await page.textContent('[data-error-for="antibody_shares.k"]'), /Table 7.1 has no share for k: give one/);
  await page.fill('#ao-share-k', '0.01');
  assert.equal(await page.textContent('[data-error-for="antibody_shares.k"]'), '');
  // Work over the module's limit (declared in its message, not checked by the page): refused at the field.
  await page.selectOption('#ao-model', '3');
  await page.fill('#ao-draws', '100000');
  await page.fill('#ao-replications', '100');
  await page.click('#antigen-order-compute');
  await page.waitForFunction(() => /^Not computed/.test(document.querySelector('.status')?.textContent));
  assert.match(await page.textContent('.status'), /next to the patients simulated/);
  assert.match(await page.textContent('[data-error-for="draws"]'), /the limit is/);
  assert.equal(await page.locator('.results table').count(), 0);
  await page.fill('#ao-draws', '300');
  await page.fill('#ao-replications', '2');
  await page.selectOption('#ao-model', '2');
  await page.click('#antigen-order-compute');
  await done(page);
  assert.equal(await page.textContent('[data-error-for="draws"]'), '');
  const expect = await moduleAnswer(page);
  assert.deepEqual(expect.antigens.includes('k'), true);
  assert.deepEqual((await cells(page, 'ao-order-table')).map((r) => r[1]), expect.order.map((o) => o.antigen));
  assert.deepEqual(problems, []);
  await page.close();
});

test('Antigen order: the link reproduces a result (shares, populations, model, strategy); a corrupted link is reported and kept', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page, '?n=120&k=3&model=1&shares=E:0.5;K:0.1&patients=0&strategy=E,K&robustness=0');
  await done(page);
  const order = await cells(page, 'ao-order-table');
  assert.match(await page.textContent('#ao-strategy-title'), /Strategy in detail: E K/);
  assert.equal(await page.locator('.ao-robustness').count(), 0);
  const expect = await moduleAnswer(page);
  assert.deepEqual(expect.shares.find((s) => s.antigen === 'E').source, 'your value');
  assert.equal(expect.same_population, false, 'patients from population 2');
  const again = await site.browser.context.newPage();
  await again.goto(page.url());
  await again.waitForSelector('#ao-order-table');
  await done(again);
  assert.deepEqual(await cells(again, 'ao-order-table'), order);
  assert.equal(await again.inputValue('#ao-share-E'), '0.5');
  assert.equal(await again.textContent('#ao-source-E'), 'your value');
  assert.equal(await again.textContent('#ao-source-K'), 'your value');
  assert.match(await again.textContent('#ao-source-Jka'), /Table 7\.1/);
  await again.close();
  // A link that cannot be read: every problem said, nothing computed, the link kept.
  const hash = '#/antigen-order?antigens=E,Q&n=abc&model=7&shares=E:x&strategy=Zz';
  await page.goto(`${site.server.url}${hash}`);
  await page.waitForSelector('.link-problems:not([hidden])');
  const text = await page.textContent('.link-problems');
  assert.match(text, /Antigens to order: “Q” not known here/);
  assert.match(text, /Units in stock n: “abc” not a number/);
  assert.match(text, /Inventory model: “7” is not 1, 2 or 3/);
  assert.match(text, /Antibody share of E: “x” not a number/);
  assert.match(text, /Strategy in detail: “Zz” is not a blood group or an antigen the calculator knows/);
  assert.equal(await page.locator('.results table').count(), 0);
  assert.equal(new URL(page.url()).hash, hash);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Antigen order: CSV of the order, the curve and the strategies; Next pages the strategies; Details shows one', async () => {
  const page = await site.browser.context.newPage();
  await open(page);
  await done(page);
  const expect = await moduleAnswer(page);
  const order = await csvOf(page, '.result-actions a[download]');
  assert.equal(order[0], 'position,antigen,gain,share_prevented,se,tied_with');
  assert.equal(order.length, 1 + expect.order.length + expect.beyond_cutoff.length);
  assert.equal(order[1].split(',')[3], String(expect.order[0].value), 'full precision');
  const curve = await csvOf(page, '.ao-csv a[download*="curve"]');
  assert.equal(curve.length, 1 + expect.antigens.length + 1);
  const strategies = await csvOf(page, '.ao-csv a[download*="strategies"]');
  assert.equal(strategies.length, 1 + expect.strategies.length);
  assert.equal(strategies[1].split(',')[3], String(expect.strategies[0].value));
  assert.equal(await page.getAttribute('#ao-strategies', 'open'), null, 'the list folded at first');
  await page.click('#ao-strategies > summary');
  await page.click('#ao-next');
  await done(page);
  assert.match(await page.textContent('#ao-page'), /Strategies 65–128 of 4\u202f096/);
  await page.click('#ao-strategies-table tbody tr:nth-child(1) .ao-details');
  await done(page);
  await page.waitForSelector('#ao-groups-table');
  assert.match(page.url(), /strategy=/);
  await page.close();
});

test('Antigen order: model 3 shows progress and can be cancelled; then its noise, ties and stability are shown', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/antigen-order?model=3&draws=20000&replications=4&seed=1`);
  // It computes at once from the link: progress shows, then Cancel stops it.
  await page.waitForFunction(() => /Computing.*\d+%/.test(document.querySelector('.status')?.textContent), null, { timeout: 60000 });
  // The bar appears once a computation has run 300 ms, which may be after its first report.
  await page.locator('progress.progress:not([hidden])').waitFor({ timeout: 10000 });
  await page.click('.actions button.secondary');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Cancelled.');
  await page.fill('#ao-draws', '1000');
  await page.fill('#ao-replications', '3');
  await page.click('#antigen-order-compute');
  await done(page);
  const expect = await moduleAnswer(page);
  assert.equal(expect.simulation.draws, 1000);
  assert.match(await page.textContent('#ao-noise'), /1\u202f000 patients per strategy in each of 3 replications \(seed 1\)/);
  const order = await cells(page, 'ao-order-table');
  assert.deepEqual(order.map((r) => r[1]), expect.order.map((o) => o.antigen));
  const tied = expect.order.some((o) => o.tied_with.length);
  order.forEach((r, i) => assert.equal(tied && r[5] !== '—', expect.order[i].tied_with.length > 0, `tie at ${i + 1} said`));
  assert.ok(order.every((r) => /^± /.test(r[4])), 'a standard error on every row');
  // Every antigen's positions over the replications add up to the replications.
  const rows = await cells(page, 'ao-stability-table');
  for (const r of rows) assert.equal(r.slice(1).reduce((s, c) => s + Number(c || 0), 0), 3, `${r[0]}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Antigen order: the scenario grid, one request for model 2, one per scenario for model 3 (with progress), and Fig. 7.4’s positions', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  await page.click('#ao-grid-button');
  await done(page);
  assert.match(page.url(), /grid=1/);
  const scenarios = await cells(page, 'ao-grid-table');
  assert.equal(scenarios.length, 20);
  const expect = await moduleAnswer(page);
  scenarios.forEach((r, i) => {
    const s = expect.grid.scenarios[i];
    const partners = (q) => (s.tied_with[q].length ? ` (or ${s.tied_with[q].join(', ')})` : '');
    assert.equal(r.at(-1), s.order.map((a, q) => (s.tied[q] ? `≈${a}${partners(q)}` : a)).join(' '));
  });
  const heat = await cells(page, 'ao-heat-table');
  const m = expect.antigens.length;
  for (let q = 1; q <= m; q++) assert.ok(heat.reduce((s, r) => s + Number(r[q] || 0), 0) <= 20, `position ${q}`);
  for (const r of heat) assert.equal(r.slice(1).reduce((s, c) => s + Number(c || 0), 0), 20, `${r[0]}: every scenario places it`);
  // Model 3: split into the page's request and one per scenario; the same numbers as one request.
  await page.selectOption('#ao-model', '3');
  await page.fill('#ao-draws', '200');
  await page.fill('#ao-replications', '2');
  await page.click('#antigen-order-compute');
  await page.waitForFunction(() => /21 parts/.test(document.querySelector('.status')?.textContent), null, { timeout: 60000 });
  await done(page);
  const whole = await moduleAnswer(page);
  const grid3 = await cells(page, 'ao-grid-table');
  assert.equal(grid3.length, 20);
  grid3.forEach((r, i) => assert.ok(Math.abs(Number(r[2]) - whole.grid.scenarios[i].value) <= 0.00005, `scenario ${i}: ${r[2]} vs ${whole.grid.scenarios[i].value}`));
  assert.deepEqual(problems, []);
  await page.close();
});

test('Antigen order: at 360 px the answers and every box are on screen; axe-core finds no violations (models 2 and 3, with the grid)', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '?strategy=E,K&grid=1');
  await done(page);
  await page.fill('#ao-n', 'x'); // a message on screen too
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, [
    '#ao-value strong',
    '#ao-order-table tbody td:nth-of-type(1)',
    '#ao-order-table tbody td:nth-of-type(3)',
    '#ao-matched-table tbody td.num',
    '#ao-strategies-table tbody td:nth-of-type(3)',
    '#ao-groups-table tbody td:nth-of-type(2)',
  ]);
  assert.deepEqual(await axeViolations(page), []);
  await page.fill('#ao-n', '60');
  await page.selectOption('#ao-model', '3');
  await page.fill('#ao-draws', '300');
  await page.fill('#ao-replications', '2');
  await page.click('#antigen-order-compute');
  await done(page);
  await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('Antigen order: "1,000" in n is refused at n, not read as 1; pasted cells and decimal commas are read', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  // Was read as n = 1, and the message appeared at k ("k = 2 units cannot come from a stock of n = 1").
  await page.fill('#ao-n', '1,000');
  assert.match(await page.textContent('[data-error-for="n"]'), /is it 1000 or a decimal\? Write it without a thousands separator/);
  assert.equal(await page.textContent('[data-error-for="k"]'), '');
  await page.fill('#ao-n', '120\t');
  await page.fill('#ao-k', ' 3 ');
  await page.fill('#ao-share-E', '0,5');
  await page.click('#antigen-order-compute');
  await done(page);
  const request = JSON.parse(await page.textContent('details.request-appendix pre'));
  assert.deepEqual([request.n, request.k, request.antibody_shares], [120, 3, { E: 0.5 }]);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Antigen order: the strategy in detail as people write it ("Fy(a+) K+"), "K-" refused at the field; Details of the empty strategy shows it', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  // "Fy(a+)" and "K+" were refused as "not among the antigens to order".
  await page.fill('#ao-strategy', 'Fy(a+) K+');
  assert.equal(await page.textContent('[data-error-for="strategy"]'), '');
  await page.click('#antigen-order-compute');
  await done(page);
  assert.match(await page.textContent('#ao-strategy-title'), /Strategy in detail: K Fya$/);
  // The result's section had the strategy field's id (ao-strategy): two elements, one id.
  const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'every id once');
  assert.match(page.url(), /strategy=K%2CFya|strategy=K,Fya/);
  await page.fill('#ao-strategy', 'K-');
  assert.match(await page.textContent('[data-error-for="strategy"]'), /says K absent/);
  await page.fill('#ao-strategy', 'D');
  assert.match(await page.textContent('[data-error-for="strategy"]'), /D is always matched/);
  // The strategy of no minor antigen: its Details button showed nothing (it wrote an empty field).
  await page.goto(`${site.server.url}#/antigen-order?order=colex&limit=2`);
  await page.waitForSelector('#ao-strategies-table');
  await done(page);
  await page.evaluate(() => { document.querySelector('#ao-strategies').open = true; });
  await page.click('#ao-strategies-table tbody tr:nth-child(1) .ao-details');
  await page.waitForSelector('#ao-strategy-title');
  assert.match(await page.textContent('#ao-strategy-title'), /Strategy in detail: A, B and D only/);
  assert.equal(await page.inputValue('#ao-strategy'), 'none');
  assert.match(page.url(), /strategy=none/);
  assert.deepEqual(problems, []);
  await page.close();
});
