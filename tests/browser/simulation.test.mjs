// Browser tests of the Simulation tab (simulate_issuing; seed 004 sec. 4, thesis sec. 6.4-6.5).
// The numbers on screen are checked against the module's answer to the request the page shows
// in its appendix, run here as one request through the same wasm module: the page spreads the
// replications over its workers and merges them, which must give that single run's answer.
// Every run is small (a few simulated days of the 1/33 scenario): seconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems, axeViolations, assertOnPhoneScreen } from './helpers.mjs';
import { loadModule } from '../js/support.mjs';
import { toCsv } from '../../web/lib/csv.js';
import { classWords, percent, replicationsCsv, traceCsv, traceWords } from '../../web/calculators/simulation/words.js';

const site = useServedSite('public/build/app.js');
const module = await loadModule();

const SMALL = '?preset=seed004_small&days=4&warm_up_days=2&replications=3';
const done = (page) => page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.', null, { timeout: 120000 });
const open = async (page, hash = SMALL) => {
  await page.goto(`${site.server.url}#/simulation${hash}`);
  await page.waitForSelector('#sim-preset, p.error', { timeout: 120000 });
};
/** The module's answer to the request the page computed (its appendix), as one request. */
async function moduleAnswer(page) {
  const request = JSON.parse(await page.textContent('details.request-appendix pre'));
  const response = JSON.parse(module.call('simulate_issuing', JSON.stringify(request)));
  assert.ok(response.result, JSON.stringify(response.error));
  return response.result;
}
const csvOf = async (page, selector) => decodeURIComponent((await page.getAttribute(selector, 'href')).replace(/^data:text\/csv;charset=utf-8,/, ''));

test('Simulation: a small run shows % short and % outdated per policy, the comparison and every table; the pooled answer is the single request’s', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  const expect = await moduleAnswer(page);
  assert.equal(expect.summary.replications, 3);
  // The preset's policies as the module has them, rule E1's look-ahead included (a page that
  // dropped it would run E0 under E1's label), and the look-ahead said in words.
  const preset = JSON.parse(module.call('simulate_issuing', JSON.stringify({ preset: 'seed004_small', days: 1, warm_up_days: 0, replications: 2 }))).result.scenario.policies;
  const ahead = preset.findIndex((p) => p.forecast);
  assert.ok(ahead >= 0, 'the preset has a policy that looks ahead');
  assert.deepEqual(expect.scenario.policies.map((p) => p.forecast ?? null), preset.map((p) => p.forecast ?? null));
  assert.match(await page.textContent(`#sim-policy-${ahead}-forecast`), /looks ahead \(rule E1\)/);
  // The replications' sums and the daily trace, at full precision: the merged ranges equal the single run.
  assert.equal(await csvOf(page, '.result-actions a[download]'), toCsv(replicationsCsv(expect)));
  assert.equal(await csvOf(page, '.sim-csv a[download*="trace"]'), toCsv(traceCsv(expect)));
  for (const [i, p] of expect.summary.policies.entries()) {
    assert.equal(await page.textContent(`#sim-policy-${i}-words .sim-short`), percent(p.shortage_share.mean));
    assert.equal(await page.textContent(`#sim-policy-${i}-words .sim-outdated`), percent(p.outdated_share.mean));
  }
  const outcomes = await page.$$eval('#sim-outcomes tbody tr', (trs) => trs.map((tr) => tr.querySelector('td').textContent));
  assert.equal(outcomes.length, expect.summary.policies.length);
  assert.match(outcomes[0], new RegExp(`^${percent(expect.summary.policies[0].shortage_share.mean).replace('.', '\\.')} \\(.+ to .+\\)$`), 'with its interval');
  assert.equal(await page.locator('#sim-comparison tbody tr').count(), expect.summary.policies.length - 1, 'each policy against the first');
  assert.equal(await page.locator('#sim-receivability-0 tbody tr').count(), expect.summary.policies[0].by_receivability.length);
  assert.equal(await page.locator('#sim-usability-1 tbody tr').count(), expect.summary.policies[1].by_usability.length);
  assert.equal(await page.locator('#sim-antigens tbody tr').count(), expect.scenario.antigens.length);
  await page.waitForSelector('#sim-trace-chart canvas');
  assert.match(page.url(), /policy=L0%3Amatch%3Alimited&policy=E0%3Amatch%3Aextended/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Simulation: presets come from the module; the thesis preset fills allocation policies with γ and computes', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  await page.selectOption('#sim-preset', 'thesis');
  // The module's thesis scenario (one day of it echoes every field).
  const scenario = JSON.parse(module.call('simulate_issuing', JSON.stringify({ preset: 'thesis', days: 1, warm_up_days: 0, replications: 1 }))).result.scenario;
  assert.equal(await page.inputValue('#sim-supply-rule'), scenario.supply.rule);
  assert.equal(await page.inputValue('#sim-supply-level'), String(scenario.supply.level));
  assert.equal(await page.inputValue('#sim-stock-units'), String(scenario.initial_stock.units));
  assert.equal(await page.locator('#sim-policy-table tbody tr').count(), scenario.policies.length);
  assert.equal(await page.inputValue('#sim-policy-2-gamma'), String(scenario.policies[2].gamma));
  assert.equal(await page.inputValue('#sim-policy-2-cost'), scenario.policies[2].cost);
  assert.equal(await page.inputValue('#sim-days'), '365');
  await page.fill('#sim-days', '2');
  await page.fill('#sim-warm_up_days', '0');
  await page.fill('#sim-replications', '2');
  await page.click('#simulation-compute');
  await done(page);
  const expect = await moduleAnswer(page);
  assert.deepEqual(expect.scenario.policies, scenario.policies);
  assert.equal(await page.locator('#sim-outcomes tbody tr').count(), 3);
  assert.equal(await page.locator('#sim-comparison tbody tr').count(), 2);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Simulation: wrong values are marked as you type, a module refusal is shown at its field; then it computes', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  await page.fill('#sim-supply-mean', '-1');
  assert.match(await page.textContent('[data-error-for="supply.mean"]'), /must be ≥ 0/);
  await page.fill('#sim-policy-1-label', 'L0');
  assert.match(await page.textContent('[data-error-for="policies[1].label"]'), /“L0” is the label of another policy/);
  await page.click('#simulation-compute');
  assert.match(await page.textContent('.status'), /Please correct the 2 marked fields first, starting with the units donated a day/);
  await page.fill('#sim-supply-mean', '106');
  await page.fill('#sim-policy-1-label', 'E0');
  // Each within its own limit, together over the module's (warm-up plus measured days at most 3650).
  await page.fill('#sim-warm_up_days', '3000');
  await page.fill('#sim-days', '1000');
  await page.click('#simulation-compute');
  await page.waitForFunction(() => /^Not computed/.test(document.querySelector('.status')?.textContent));
  assert.match(await page.textContent('.status'), /next to the measured days/);
  assert.match(await page.textContent('[data-error-for="days"]'), /warm-up plus measured days at most 3650/);
  assert.equal(await page.locator('.results table').count(), 0);
  await page.fill('#sim-warm_up_days', '2');
  await page.fill('#sim-days', '3');
  await page.click('#simulation-compute');
  await done(page);
  assert.equal(await page.textContent('[data-error-for="days"]'), '');
  const answer = await moduleAnswer(page);
  assert.equal(answer.scenario.days, 3);
  assert.equal(await page.locator('#sim-outcomes tbody tr').count(), answer.summary.policies.length);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Simulation: the link reproduces a result (supply, stock, policies); a corrupted link is reported and kept', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page, `${SMALL}&supply=negative_binomial&mean=100&dispersion=20&stock=500&max_age=5&policy=ABOD:match:abod&policy=G%3A1:allocate:0.5:exponential`);
  await done(page);
  const expect = await moduleAnswer(page);
  assert.deepEqual(expect.scenario.supply, { rule: 'negative_binomial', mean: 100, dispersion: 20 });
  assert.deepEqual(expect.scenario.initial_stock, { units: 500, max_age: 5 });
  assert.deepEqual(expect.scenario.policies.map((p) => p.label), ['ABOD', 'G:1']);
  const csv = await csvOf(page, '.result-actions a[download]');
  const again = await site.browser.context.newPage();
  await again.goto(page.url());
  await again.waitForSelector('#sim-outcomes');
  await done(again);
  assert.equal(await csvOf(again, '.result-actions a[download]'), csv);
  assert.equal(await again.inputValue('#sim-policy-1-gamma'), '0.5');
  assert.equal(await again.inputValue('#sim-supply-dispersion'), '20');
  await again.close();
  const hash = '#/simulation?preset=moon&days=abc&supply=rain&policy=X:match:best&policy=Y:allocate:7:linear&colour=red&seed=3&seed=4';
  await page.goto(`${site.server.url}${hash}`);
  await page.waitForSelector('.link-problems:not([hidden])');
  const text = await page.textContent('.link-problems');
  assert.match(text, /Start from: “moon” is not a scenario/);
  assert.match(text, /Measured days: “abc” not a number/);
  assert.match(text, /Donations: “rain” is not one of/);
  assert.match(text, /Policy 1: “best” is not a matching rule/);
  assert.match(text, /Policy 2: γ “7” is not a number from 0 to 1/);
  assert.match(text, /"colour" is not a setting of this calculator/);
  // A setting given twice is said, not silently read once; policies are a list and may repeat.
  assert.match(text, /"seed" is given 2 times; the form shows the first/);
  assert.doesNotMatch(text, /"policy" is given/);
  assert.equal(await page.locator('.results table').count(), 0);
  assert.equal(new URL(page.url()).hash, hash);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Simulation: CSV of the daily trace and of the replications, one row per day or replication and policy', async () => {
  const page = await site.browser.context.newPage();
  await open(page);
  await done(page);
  const trace = (await csvOf(page, '.sim-csv a[download*="trace"]')).trim().split(/\r\n/);
  assert.equal(trace[0], 'replication,policy,day,supplied,requested,issued,shortage,outdated,stock,mismatches,alloimmunisations');
  const labels = (await moduleAnswer(page)).scenario.policies.map((p) => p.label);  // the preset's, in order
  assert.equal(trace.length, 1 + labels.length * 4);
  const reps = (await csvOf(page, '.sim-csv a[download*="replications"]')).trim().split(/\r\n/);
  assert.equal(reps.length, 1 + 3 * labels.length);
  assert.deepEqual(reps.slice(1).map((r) => r.split(',').slice(0, 2).join(' ')), [0, 1, 2].flatMap((r) => labels.map((l) => `${r} ${l}`)));
  // An edit withdraws them (stale).
  await page.fill('#sim-days', '5');
  assert.equal(await page.getAttribute('.sim-csv a[download*="trace"]', 'href'), null);
  await page.close();
});

test('Simulation: progress and Cancel; twenty quick clicks leave one clean result', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page, '?preset=seed004_small&days=60&warm_up_days=30&replications=4');
  await page.waitForFunction(() => /Computing.*\d+%/.test(document.querySelector('.status')?.textContent), null, { timeout: 60000 });
  assert.match(await page.textContent('.status'), /4 replications in \d parts? on \d workers?/);
  // The bar appears once a computation has run 300 ms, which may be after its first report.
  await page.locator('progress.progress:not([hidden])').waitFor({ timeout: 10000 });
  await page.click('.actions button.secondary');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Cancelled.');
  assert.equal(await page.locator('.results table').count(), 0);
  await page.fill('#sim-days', '3');
  await page.fill('#sim-warm_up_days', '1');
  await page.evaluate(() => { for (let i = 0; i < 20; i++) document.querySelector('#simulation-compute').click(); });
  await done(page);
  assert.equal(await page.locator('#sim-outcomes').count(), 1);
  const expect = await moduleAnswer(page);
  assert.equal(await page.textContent('#sim-policy-0-words .sim-short'), percent(expect.summary.policies[0].shortage_share.mean));
  assert.equal(await page.locator('progress.progress:not([hidden])').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Simulation: at 360 px the answers and every box are on screen; axe-core finds no violations', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page);
  await done(page);
  await page.fill('#sim-days', 'x'); // a message on screen too
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, [
    '#sim-policy-0-words .sim-short',
    '#sim-outcomes tbody td:nth-of-type(1)',
    '#sim-outcomes tbody td:nth-of-type(2)',
    '#sim-comparison tbody td:nth-of-type(3)',
    '#sim-receivability-0 tbody td:nth-of-type(1)',
  ]);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('Simulation: the stock chart spans the stock, not 0 to it; its lines are told apart and their coinciding said in words', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  const expect = await moduleAnswer(page);
  const labels = expect.scenario.policies.map((p) => p.label);
  const label = await (await page.waitForSelector('#sim-trace-chart canvas[aria-label*="axis runs from"]')).getAttribute('aria-label');
  const [, low, high] = /axis runs from ([\d\u202f.]+) to ([\d\u202f.]+) units/.exec(label).map((x) => Number(String(x).replaceAll('\u202f', '')));
  const stocks = expect.trace.policies.flat().map((d) => d.stock);
  assert.ok(low > 0 && low <= Math.min(...stocks) && high >= Math.max(...stocks), `axis ${low} to ${high}, stock ${Math.min(...stocks)} to ${Math.max(...stocks)}`);
  assert.ok(high - low < Math.max(...stocks) / 2, 'the axis spans about the stock’s range, not 0 to it');
  // Each policy's line has its own dash and marker besides its colour, and says which.
  const styles = labels.map((l) => new RegExp(`${l}: (\\w+ line with \\w+)`).exec(label)?.[1]);
  assert.ok(styles.every(Boolean), label);
  assert.equal(new Set(styles).size, labels.length, 'every line drawn differently');
  // The seed004_small preset issues every unit under each rule: the stock is the same, and said so.
  assert.equal(await page.textContent('#sim-trace-words'), traceWords(expect.trace, labels));
  assert.match(await page.textContent('#sim-trace-words'), /lie on top of each other/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Simulation: powers of ten with a real superscript in the tables (10⁻⁴, not 10^-4)', async () => {
  const page = await site.browser.context.newPage();
  await open(page);
  await done(page);
  const expect = await moduleAnswer(page);
  const classes = expect.summary.policies[0].by_receivability.map((c) => c.factor);
  assert.ok(classes.some((c) => c.to < 0.001), 'the preset has classes below 0.001');
  const heads = await page.$$eval('#sim-receivability-0 tbody th', (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(heads, classes.map(classWords));
  assert.ok(heads.some((t) => /10⁻⁵/.test(t)), heads.join(' | '));
  assert.doesNotMatch(await page.textContent('.results'), /\^/);
  await page.close();
});

test('Simulation: rule E1 in the rule menu; it can be chosen for another policy or dropped, and a link keeps it', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page);
  await done(page);
  const selected = (k) => page.$eval(`#sim-policy-${k}-rule`, (s) => s.selectedOptions[0].textContent);
  assert.match(await selected(2), /\(E1\)/, 'the E1 policy’s menu says E1');
  assert.doesNotMatch(await selected(2), /E0/);
  assert.match(await selected(1), /\(E0\)/);
  const ahead = JSON.parse(await page.textContent('details.request-appendix pre')).policies[2].forecast;
  assert.ok(ahead);
  // E1 for the second policy: it gets the look-ahead, said in words, and computes with it.
  await page.selectOption('#sim-policy-1-rule', 'extended+ahead');
  assert.match(await page.textContent('#sim-policy-1-forecast'), /looks ahead \(rule E1\)/);
  assert.ok(await page.isVisible('#sim-policy-1-forecast'));
  // E0 for the third: its look-ahead goes (hidden, not sent).
  await page.selectOption('#sim-policy-2-rule', 'extended');
  assert.ok(!(await page.isVisible('#sim-policy-2-forecast')));
  await page.click('#simulation-compute');
  await done(page);
  const policies = JSON.parse(await page.textContent('details.request-appendix pre')).policies;
  assert.deepEqual(policies[1].forecast, ahead);
  assert.equal(policies[2].forecast, undefined);
  assert.match(page.url(), /policy=E0%3Amatch%3Aextended%3A5%2F1%2F0\.966&policy=E1%3Amatch%3Aextended(&|$)/);
  const again = await site.browser.context.newPage();
  await again.goto(page.url());
  await done(again);
  assert.equal(await again.inputValue('#sim-policy-1-rule'), 'extended+ahead');
  assert.equal(await again.inputValue('#sim-policy-2-rule'), 'extended');
  assert.deepEqual(JSON.parse(await again.textContent('details.request-appendix pre')).policies, policies);
  await again.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('Simulation: a link whose look-ahead is out of range is marked at its policy before anything is computed', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await open(page, `${SMALL}&policy=L0:match:limited&policy=E1:match:extended:20/1/0.966`);
  const error = page.locator('[data-error-for="policies[1].forecast"]');
  await page.waitForFunction(() => document.querySelector('[data-error-for="policies[1].forecast"]')?.textContent !== '');
  assert.match(await error.textContent(), /20 days of requests must be a whole number of days from 0 to 14/);
  assert.notEqual(await page.textContent('.status'), 'Done.');
  assert.equal(await page.locator('#sim-outcomes').count(), 0);
  // E0 for that policy drops the look-ahead, and the run goes ahead.
  await page.selectOption('#sim-policy-1-rule', 'extended');
  assert.equal(await error.textContent(), '');
  await page.click('#simulation-compute');
  await done(page);
  assert.equal(JSON.parse(await page.textContent('details.request-appendix pre')).policies[1].forecast, undefined);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Simulation: the age tables are folded, closed, named by what they hold; the stale note names the Simulate button', async () => {
  const page = await site.browser.context.newPage();
  await open(page);
  await done(page);
  const expect = await moduleAnswer(page);
  const folds = await page.$$eval('.results details.sim-fold', (ds) => ds.map((d) => ({ open: d.open, summary: d.querySelector('summary').textContent,
    table: d.querySelector('table')?.id })));
  assert.deepEqual(folds.map((f) => f.table), ['sim-stock-age', ...expect.scenario.demand.map((_, k) => `sim-issue-age-${k}`)]);
  assert.ok(folds.every((f) => !f.open), 'closed at first');
  assert.match(folds[0].summary, /stock at each age/);
  assert.match(folds[1].summary, new RegExp(expect.scenario.demand[0].id.replaceAll('_', ' ')));
  assert.ok(!(await page.isVisible('#sim-stock-age')));
  await page.click('details.sim-fold:has(#sim-stock-age) summary');
  assert.ok(await page.isVisible('#sim-stock-age'));
  await page.fill('#sim-days', '5');
  assert.equal(await page.textContent('.stale-note'), 'The inputs have changed: press Simulate to update this result.');
  assert.equal(await page.textContent('#simulation-compute'), 'Simulate');
  await page.goto(`${site.server.url}#/simulation?days=abc`);
  await page.waitForSelector('.link-problems:not([hidden])');
  assert.match(await page.textContent('.link-problems'), /then press Simulate\./);
  await page.close();
});

test('Simulation: the tab opened without a link has every field filled (replications from the module’s default) and computes', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  // A scenario of a few days, so the first computation is quick; the replications are left to the page.
  await open(page, '?preset=seed004_small&days=2&warm_up_days=0');
  await done(page);
  const replications = JSON.parse(module.call('describe', '{}')).result.operations.simulate_issuing.fields.find((f) => f.name === 'replications').default;
  assert.equal(await page.inputValue('#sim-replications'), String(replications));
  await page.selectOption('#sim-preset', 'thesis');
  assert.equal(await page.inputValue('#sim-replications'), String(replications), 'a preset leaves no field empty');
  assert.equal(await page.textContent('[data-error-for="replications"]'), '');
  await page.goto(`${site.server.url}#/simulation`);
  await page.waitForSelector('#sim-preset');
  assert.equal(await page.inputValue('#sim-replications'), String(replications));
  assert.doesNotMatch(await page.textContent('.status'), /correct/);
  assert.deepEqual(problems, []);
  await page.close();
});
