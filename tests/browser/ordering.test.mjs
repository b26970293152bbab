// Browser tests of the Ordering tab (web/calculators/ordering/; the `ordering` operation, Li,
// Chiang, Down and Heddle 2021, sec. 4.3, Table 9). The numbers on screen are checked against
// the module's answers to the requests the page shows in its appendix (one per schedule).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems, axeViolations, assertOnPhoneScreen, computeAndCancel, statusDone as done, statusNotComputed as notComputed, hashParams, downloadedCsv as csvOf } from './helpers.mjs';
import { loadModule } from '../js/support.mjs';
import { toCsv } from '../../web/lib/csv.js';
import { rulesCsv, rulesOf } from '../../web/calculators/ordering/words.js';

const site = useServedSite('public/build/app.js');
const module = await loadModule();

// A short series, so each test computes in a moment.
const SMALL = '?days=400&test_days=100&seed=3';
const open = async (page, hash = SMALL) => {
  await page.goto(`${site.server.url}#/ordering${hash}`);
  await page.waitForSelector('#ord-days, p.error');
};
/** The requests of the appendix, one per schedule. */
const appendices = (page) => page.$$eval('details.request-appendix pre', (pres) => pres.map((p) => JSON.parse(p.textContent)));
function answer(request) {
  const response = JSON.parse(module.call('ordering', JSON.stringify(request)));
  assert.ok(response.result, JSON.stringify(response.error));
  return response.result;
}
const columnHeads = (page) => page.$$eval('#ord-rules thead th[data-rule]', (ths) => ths.map((th) => th.dataset.rule));
const row = (page, n) => page.$$eval(`#ord-rules tbody tr:nth-of-type(${n}) td`, (tds) => tds.map((td) => td.textContent.trim()));
const link = (page, selector) => page.getAttribute(selector, 'href').then((href) => decodeURIComponent(href.replace(/^data:text\/csv;charset=utf-8,/, '')));

test('Ordering: opens with Li et al.’s setting, both schedules side by side as Table 9, every number the module’s', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/ordering`);
  await done(page);
  assert.equal(await page.inputValue('#ord-days'), '1460');
  assert.equal(await page.inputValue('#ord-test-days'), '365');
  const requests = await appendices(page);
  assert.deepEqual(requests.map((r) => r.schedule), ['daily', 'twice_weekly']);
  assert.match(await page.textContent('details.request-appendix summary'), /the 2 requests .*rbcmatch ordering/);
  const answers = requests.map((r) => ({ schedule: r.schedule, result: answer(r) }));
  const rules = rulesOf(answers);
  // The gold standard once, then each schedule's forecast-bounded, tuned and least-cost rules.
  assert.deepEqual(await columnHeads(page), ['actual_demand', 'forecast_bounded-daily', 'tuned-daily', 'least_cost-daily',
    'forecast_bounded-twice_weekly', 'tuned-twice_weekly', 'least_cost-twice_weekly']);
  // Table 9's identity: ordering to actual demand keeps the stock at I0 = 780, at no sd.
  assert.equal((await row(page, 3))[0], '780 (0)');
  assert.equal((await row(page, 7))[0], `${rules[0].cost.total} (100 %)`);
  // The tuned rules' S* and s*, as the module's; twice weekly orders on Tuesdays and Fridays only.
  const tunedDaily = rules.find((r) => r.key === 'tuned-daily');
  const tunedTwice = rules.find((r) => r.key === 'tuned-twice_weekly');
  assert.match(await page.textContent('#ord-summary'), new RegExp(`\\(s\\*, S\\*\\) = \\(${tunedDaily.reorder}, ${tunedDaily.target}\\)`));
  assert.match(await page.textContent('#ord-summary'), new RegExp(`\\(s\\*, S\\*\\) = \\(${tunedTwice.reorder}, ${tunedTwice.target}\\)`));
  assert.ok(tunedTwice.order_days <= Math.ceil((2 * 365) / 7) + 1);
  assert.equal((await row(page, 1))[5], `${tunedTwice.order_days} (${(100 * tunedTwice.order_days_share).toFixed(2)} %)`);
  // The summary CSV is the table's rules, in the same order, at full precision.
  assert.equal(await csvOf(page), toCsv(rulesCsv(rules)));
  // The forecast's errors (Table 7's RMSE and MAPE) on the test days.
  const test = answers[0].result.forecast.test;
  assert.deepEqual((await page.$$eval('#ord-accuracy tbody tr:nth-of-type(2) td', (tds) => tds.map((td) => Number(td.title || NaN)))).slice(1, 3), [test.rmse, test.mape]);
  // Charts: the forecast's fit, the cost bars, the daily costs and stock, the two tuning steps.
  for (const id of ['ord-forecast-chart', 'ord-cost-bars', 'ord-cost-chart', 'ord-stock-chart', 'ord-target-chart', 'ord-reorder-chart']) {
    await page.waitForFunction((id) => document.querySelector(`#${id} canvas`)?.width > 0, id);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('Ordering: a pasted CSV with a missing day is refused at its line, next to the box; mended, it computes', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  await page.check('#ord-source-data');
  assert.equal(await page.isVisible('#ord-days'), false);
  // Before anything is typed: the box asks for data.
  await page.click('#ordering-compute');
  assert.match(await page.textContent('[data-error-for="data"]'), /paste or open the demand data/i);
  const days = Array.from({ length: 60 }, (_, t) => {
    const date = new Date(Date.UTC(2021, 0, 4 + t)).toISOString().slice(0, 10);
    return `${date};${80 + (t % 7) * 3}`;
  });
  const gap = ['date;units', ...days.slice(0, 20), ...days.slice(21)].join('\n');
  await page.fill('#ord-data', gap);
  await page.fill('#ord-test-days', '20');
  await page.click('#ordering-compute');
  await notComputed(page);
  assert.match(await page.textContent('[data-error-for="data"]'), /Line 22 .*2021-01-24/);
  assert.match(await page.textContent('.status'), /next to demand data/);
  assert.equal(await page.getAttribute('#ord-data', 'aria-invalid'), 'true');
  // Mended (and a decimal comma in a predictor column of a semicolon file is a number).
  await page.fill('#ord-data', ['date;units;beds', ...days.map((d, t) => `${d};${t % 3},5`)].join('\n'));
  await page.click('#ordering-compute');
  await done(page);
  assert.equal(await page.getAttribute('#ord-data', 'aria-invalid'), 'false');
  const [request] = await appendices(page);
  assert.equal(typeof request.demand, 'string');
  assert.equal(request.start_date, undefined, 'a CSV brings its own dates');
  assert.match(await page.textContent('.warnings'), /beds/); // the predictor is read, and said to be unused
  assert.deepEqual(problems, []);
  await page.close();
});

test('Ordering: a column of numbers pasted from a spreadsheet is one day a line from the start date; a fraction is refused at its line', async () => {
  const page = await site.browser.context.newPage();
  await open(page);
  await done(page);
  await page.check('#ord-source-data');
  const values = Array.from({ length: 50 }, (_, t) => 30 + ((t * 7) % 11));
  await page.fill('#ord-data', ['units', ...values.map(String)].join('\r\n'));
  await page.fill('#ord-test-days', '14');
  await page.fill('#ord-start-date', '2022-03-07');
  await page.fill('#ordering-opt-initial_stock', '200');
  await page.click('#ordering-compute');
  await done(page);
  const [request] = await appendices(page);
  assert.deepEqual(request.demand, values);
  assert.equal(request.start_date, '2022-03-07');
  assert.equal(request.initial_stock, 200);
  assert.match(await page.textContent('#ord-summary'), /14 test days from 2022-04-12/);
  // "30,5" in a column of units is half a unit: refused, naming the line.
  await page.fill('#ord-data', ['units', '30', '30,5', ...values.map(String)].join('\n'));
  assert.match(await page.textContent('[data-error-for="data"]'), /Line 3: the units must be a whole number/);
  await page.close();
});

test('Ordering: the link reproduces a result (one schedule, own (s, S), a forecast, a grid); a corrupted link is reported and kept', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  await page.selectOption('#ord-schedule', 'twice_weekly');
  await page.selectOption('#ord-forecast', 'seasonal_naive');
  await page.fill('#ord-fixed-reorder', '700');
  await page.fill('#ord-fixed-target', '900');
  await page.evaluate(() => { document.querySelector('details.ord-grids').open = true; });
  await page.fill('#ord-target-step', '20');
  await page.fill('#ordering-opt-urgent_cost', '500');
  await page.click('#ordering-compute');
  await done(page);
  const params = hashParams(page);
  assert.equal(params.get('schedule'), 'twice_weekly');
  assert.equal(params.get('fixed_target'), '900');
  assert.equal(params.get('urgent_cost'), '500');
  const heads = await columnHeads(page);
  assert.deepEqual(heads, ['actual_demand', 'forecast_bounded', 'tuned', 'least_cost', 'fixed']);
  const table = await page.textContent('#ord-rules');
  const [request] = await appendices(page);
  assert.deepEqual(request.target_grid, { from: 780, to: 2000, step: 20 });
  assert.deepEqual(request.fixed, { reorder: 700, target: 900 });

  const again = await site.browser.context.newPage();
  await again.goto(page.url());
  await done(again);
  assert.equal(await again.textContent('#ord-rules'), table);
  assert.equal(await again.inputValue('#ord-target-step'), '20');
  await again.close();

  // A corrupted link: nothing computed, every problem named, the link kept as received.
  const broken = await site.browser.context.newPage();
  const url = `${site.server.url}#/ordering?days=4OO&schedule=weekly&start_date=2019-02-30&fixed_reorder=5`;
  await broken.goto(url);
  await broken.waitForSelector('.link-problems:not([hidden])');
  const said = await broken.textContent('.link-problems');
  assert.match(said, /Days: .*not a number/);
  assert.match(said, /Delivery schedule: "weekly" is not one of/);
  assert.match(said, /Start date: is not a date of the calendar/);
  assert.match(said, /Your inventory target S|your inventory target S too/i);
  assert.equal(await broken.locator('.results table').count(), 0);
  assert.equal(new URL(broken.url()).hash, new URL(url).hash);
  await broken.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('Ordering: CSV of the daily trace, the forecast and the tuning; an edit withdraws them', async () => {
  const page = await site.browser.context.newPage();
  await open(page);
  await done(page);
  const requests = await appendices(page);
  const answers = requests.map((r) => ({ schedule: r.schedule, result: answer(r) }));
  const rules = rulesOf(answers);
  const trace = (await link(page, '.ord-csv a[download*="trace"]')).trim().split(/\r\n/);
  assert.equal(trace.length, 1 + 100);
  const head = trace[0].split(',');
  assert.deepEqual(head.slice(0, 3), ['date', 'demand', 'forecast']);
  assert.equal(head.length, 3 + 5 * rules.length);
  // Day 1 of the test days: its date, and the tuned daily rule's stock.
  const first = trace[1].split(',');
  assert.equal(first[0], answers[0].result.series.first_test_date);
  const tuned = rules.find((r) => r.key === 'tuned-daily');
  assert.equal(Number(first[head.indexOf('tuned-daily_inventory')]), tuned.trace.inventory[0]);
  const forecast = (await link(page, '.ord-csv a[download*="forecast"]')).trim().split(/\r\n/);
  assert.equal(forecast.length, 1 + 400);
  assert.equal(forecast.filter((l) => l.split(',')[1] === 'test').length, 100);
  const accuracy = (await link(page, '.ord-csv a[download*="accuracy"]')).trim().split(/\r\n/);
  assert.equal(accuracy[0], 'quantity,part,name,value');
  assert.ok(accuracy.includes(`rmse,test,,${answers[0].result.forecast.test.rmse}`));
  const tuning = (await link(page, '.ord-csv a[download*="tuning"]')).trim().split(/\r\n/);
  const t = answers.map((a) => a.result.tuning);
  const cells = (sf) => sf.cost.flat().filter((c) => c != null).length;
  assert.equal(tuning.length, 1 + t[0].target_curve.length + t[0].reorder_curve.length + t[1].reorder_curve.length + cells(t[0].surface) + cells(t[1].surface));
  await page.fill('#ord-seed', '4');
  assert.equal(await page.getAttribute('.ord-csv a[download*="trace"]', 'href'), null);
  assert.equal(await page.getAttribute('.result-actions a[download]', 'href'), null);
  await page.close();
});

test('Ordering: at 360 px the answers and every box are on screen; axe-core finds no violations', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page);
  await done(page);
  await page.fill('#ord-mean', 'x'); // a message on screen too
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, ['#ord-summary', '#ord-accuracy tbody td:nth-of-type(2)', '#ord-rules tbody th']);
  assert.deepEqual(await axeViolations(page), []);
  // The data box and the forecast box, shown, are on screen and clean too.
  await page.check('#ord-source-data');
  await page.selectOption('#ord-forecast', 'given');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('Ordering: Cancel stops both schedules’ calculations; twenty quick clicks leave one clean result', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  await computeAndCancel(page, 'ordering');
  assert.equal(await page.locator('.actions button.secondary').isVisible(), false);
  await page.fill('#ord-seed', '5');
  await page.evaluate(() => { for (let i = 0; i < 20; i++) document.querySelector('#ordering-compute').click(); });
  await done(page);
  assert.equal(await page.locator('#ord-rules').count(), 1);
  const requests = await appendices(page);
  assert.equal(requests.length, 2);
  assert.equal(requests[0].generate.seed, 5);
  const tuned = answer(requests[1]).rules.find((r) => r.id === 'tuned');
  assert.match(await page.textContent('#ord-summary'), new RegExp(`\\(s\\*, S\\*\\) = \\(${tuned.reorder}, ${tuned.target}\\) costs`));
  assert.deepEqual(problems, []);
  await page.close();
});

test('Ordering: the STL forecast with a regression on a predictor column; its settings checked, linked, and refused with the forecast that ignores them', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  assert.equal(await page.isVisible('#ord-seasonal-window'), false);
  await page.selectOption('#ord-forecast', 'stl');
  assert.equal(await page.isVisible('#ord-seasonal-window'), true);
  await page.fill('#ord-seasonal-window', '8');
  assert.match(await page.textContent('[data-error-for="seasonal_window"]'), /odd/);
  await page.fill('#ord-seasonal-window', 'periodic');
  await page.check('#ord-robust');
  // 140 days whose demand follows a lab column: the regression finds it.
  const rows = Array.from({ length: 140 }, (_, t) => {
    const date = new Date(Date.UTC(2022, 0, 3 + t)).toISOString().slice(0, 10);
    const lab = (t * 37) % 11;
    return `${date},${40 + 3 * lab + (t % 7 === 5 ? -8 : 0)},${lab}`;
  });
  await page.check('#ord-source-data');
  await page.fill('#ord-data', ['date,units,abnormal_inr', ...rows].join('\n'));
  await page.fill('#ord-test-days', '28');
  await page.fill('#ordering-opt-initial_stock', '300');
  await page.click('#ordering-compute');
  await done(page);
  const [request] = await appendices(page);
  assert.deepEqual(request.stl, { seasonal_window: 'periodic', trend_window: null, robust: true, refit: 'weekly' });
  const reg = answer(request).forecast.regression;
  assert.deepEqual(reg.predictors, ['abnormal_inr']);
  assert.equal(await page.textContent('#ord-regression tbody th'), 'abnormal_inr');
  assert.equal(Number(await page.getAttribute('#ord-regression tbody td', 'title')), reg.coefficients[0]);
  assert.ok(Math.abs(reg.coefficients[0] - 3) < 0.5, `coefficient ${reg.coefficients[0]}`);
  assert.match(await page.textContent('#ord-stl-words'), /seasonal window periodic.*robust/);
  assert.equal(await page.locator('#ord-stl-pattern tbody td').count(), 7);
  // The cost map of each schedule, with the tuned pair named for a screen reader.
  for (const schedule of ['daily', 'twice_weekly']) {
    await page.waitForFunction((id) => document.querySelector(`#${id} canvas`)?.width > 0, `ord-surface-${schedule}`);
    assert.match(await page.getAttribute(`#ord-surface-${schedule} canvas`, 'aria-label'), /tuned \(s\*, S\*\) = \(\d+, \d+\)/);
  }
  // Fitted once (Li et al.'s reading): sent, linked and said.
  await page.selectOption('#ord-refit', 'once');
  await page.click('#ordering-compute');
  await done(page);
  assert.equal((await appendices(page))[0].stl.refit, 'once');
  assert.match(await page.textContent('#ord-stl-words'), /Fitted once/);
  const params = hashParams(page);
  assert.equal(params.get('seasonal_window'), 'periodic');
  assert.equal(params.get('robust'), '1');
  assert.equal(params.get('refit'), 'once');
  // STL's settings with another forecast: the link says they are not read.
  const broken = await site.browser.context.newPage();
  await broken.goto(`${site.server.url}#/ordering?seasonal_window=9`);
  await broken.waitForSelector('.link-problems:not([hidden])');
  assert.match(await broken.textContent('.link-problems'), /Seasonal window: applies to the STL forecast only/);
  await broken.close();
  assert.deepEqual(problems, []);
  await page.close();
});
