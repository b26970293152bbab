// Browser tests of the Genotypes calculator on the served site (public/ via scripts/serve.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, requireBuilt, watchProblems, leastSquaresColumn, assertAboEq35, chooseOption, computeAndCancel, ABO_FREQUENCIES, assertOnPhoneScreen, assertGridColumnsFit } from './helpers.mjs';
import { CATALOGUE } from '../../web/calculators/catalogue.js';

let server, browser, page, problems;
const requests = [];
const consoleText = [];
let wasmType = null;

before(async () => {
  requireBuilt('public/build/app.js', 'public/build/worker.js', 'public/build/rbcmatch.wasm');
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  problems = watchProblems(page);
  page.on('console', (m) => consoleText.push(m.text()));
  browser.context.on('response', (r) => { if (r.url().endsWith('.wasm')) wasmType = r.headers()['content-type']; });
  // Every request the page (or its worker) makes, for the same-origin test.
  browser.context.on('request', (r) => requests.push(r.url()));
  await page.goto(`${server.url}#/genotypes`);
  await page.waitForSelector('#gt-f-0');
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('the wasm module is compiled by streaming, from a worker started before the app script', async () => {
  // Emscripten's loader uses WebAssembly.instantiateStreaming when the .wasm is served as
  // application/wasm, and says so on the console when it has to fall back to a full download.
  assert.equal(wasmType, 'application/wasm');
  assert.deepEqual(consoleText.filter((t) => /streaming compile failed|falling back to ArrayBuffer/.test(t)), []);
  const order = requests.map((u) => new URL(u).pathname.split('/').pop());
  assert.ok(order.includes('worker.js'), order.join(' '));
  assert.ok(!order.includes('rbcmatch.js'), 'the loader script is part of worker.js');
  assert.ok(!order.includes('charts.js') || order.indexOf('charts.js') > order.indexOf('worker.js'), 'Chart.js loads after the page is ready');
  // The page's inline script starts the worker while the page is parsed, and the app uses that
  // worker rather than starting its own.
  assert.equal(await page.evaluate(() => typeof globalThis.rbcmatchWorkerFactory), 'function');
  assert.deepEqual(page.workers().map((w) => new URL(w.url()).pathname.split('/').pop()), ['worker.js']);
});

async function enterAboFrequencies(values) {
  await page.selectOption('#gt-system', 'abo');
  await chooseOption(page, 'genotypes', 'constraint', 'none');
  for (const [i, v] of values.entries()) await page.fill(`#gt-f-${i}`, String(v));
}

test('page: header, Genotypes tab active, the calculators still to come marked as coming', async () => {
  assert.equal(await page.textContent('header h1'), 'rbcmatch');
  assert.equal(await page.textContent('nav .tab[aria-current="page"]'), 'Genotypes');
  const coming = await page.$$eval('nav .tab.coming', (els) => els.map((e) => e.firstChild.textContent));
  // Marked as the catalogue says, not a list kept here that goes stale as calculators land.
  assert.deepEqual(coming, CATALOGUE.filter((c) => c.coming).map((c) => c.title));
  assert.ok(coming.length < CATALOGUE.length);
});

test('Genotypes: ABO, thesis eq. 3.5, numbers on screen', async () => {
  await enterAboFrequencies(ABO_FREQUENCIES);
  await page.click('#genotypes-compute');
  await page.waitForSelector('#gt-result-table');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assertAboEq35(await leastSquaresColumn(page));
  // Full value kept in the title of each rounded number.
  const title = await page.getAttribute('#gt-result-table tbody td.num span', 'title');
  assert.ok(title && !Number.isNaN(Number(title)), `title holds the full value: ${title}`);
  // Charts drawn, CSV offered.
  assert.equal(await page.locator('.results canvas').count(), 2);
  const csv = decodeURIComponent((await page.getAttribute('.results a[download]', 'href')).replace(/^data:text\/csv;charset=utf-8,/, ''));
  assert.match(csv.split('\r\n')[0], /^phenotype,antigens,phenotype_frequency,genotype,genotype_short,least_squares_x,least_squares_given_phenotype,gene_counting_x,gene_counting_given_phenotype$/);
  assert.equal(csv.trim().split('\r\n').length, 1 + 6);
});

test('Genotypes: a negative frequency is marked next to its field; a corrected input computes', async () => {
  await enterAboFrequencies([0.44, 0.43, -0.09, 0.04]);
  const error = page.locator('[data-error-for="frequencies[2]"]');
  assert.match(await error.textContent(), /0/); // live check, before any computing
  assert.equal(await page.getAttribute('#gt-f-2', 'aria-invalid'), 'true');
  await page.click('#genotypes-compute');
  // Nothing is sent while a field is wrong; the message stays next to row 2.
  await page.waitForFunction(() => document.querySelector('.status')?.textContent.startsWith('Please correct'));
  assert.match(await error.textContent(), /≥ ?0/);
  for (const i of [0, 1, 3]) assert.equal(await page.textContent(`[data-error-for="frequencies[${i}]"]`), '');

  await page.fill('#gt-f-2', '0.09');
  assert.equal(await error.textContent(), '');
  await page.click('#genotypes-compute');
  await page.waitForSelector('#gt-result-table');
  assertAboEq35(await leastSquaresColumn(page));
});

test('Genotypes: the URL holds the state; opening it reproduces the result', async () => {
  await enterAboFrequencies(ABO_FREQUENCIES);
  await page.check('#genotypes-opt-multistart');
  // The address bar follows the result on screen, not every keystroke.
  await page.click('#genotypes-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  const url = page.url();
  assert.match(url, /#\/genotypes\?.*system=abo/);
  assert.match(decodeURIComponent(url), /frequencies=0\.44,0\.43,0\.09,0\.04/);
  assert.match(url, /multistart=1/);
  assert.match(url, /constraint=none/);

  const other = await browser.context.newPage();
  const otherProblems = watchProblems(other);
  await other.goto(url);
  await other.waitForSelector('#gt-result-table'); // computed on load, no click
  assert.equal(await other.inputValue('#gt-system'), 'abo');
  assert.equal(await other.inputValue('#gt-f-3'), '0.04');
  assert.ok(await other.isChecked('#genotypes-opt-multistart'));
  assert.equal(await other.inputValue('#genotypes-opt-constraint'), 'none');
  assertAboEq35(await leastSquaresColumn(other));
  assert.equal(await other.locator('.multistart').count(), 1, 'multistart summary shown');
  assert.deepEqual(otherProblems, []);
  await other.close();
});

test('Genotypes: a built-in table whose printed rows add up to 0.984 computes, with no error at its sum', async () => {
  // The AABB Black Rh column: its 'rare' rows are 0, as printed; the API renormalises it.
  await page.selectOption('#gt-system', 'rh');
  await page.selectOption('#gt-population', 'rh/african-aabb-2008');
  const note = page.locator('.sum-note');
  assert.match(await note.textContent(), /as the source prints it/);
  assert.equal(await note.getAttribute('class'), 'sum-note');
  await page.click('#genotypes-compute');
  await page.waitForSelector('#gt-result-table');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assert.match(await page.textContent('.results'), /summed to 0\.984/);
  // Typed numbers that far from 1 are still an error.
  await enterAboFrequencies([0.44, 0.43, 0.09, 0.024]);
  assert.match(await note.textContent(), /please correct/);
});

test('Genotypes: Cancel stops the computation, and the next one works', async () => {
  await enterAboFrequencies(ABO_FREQUENCIES);
  await computeAndCancel(page, 'genotypes');
  await page.click('#genotypes-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assertAboEq35(await leastSquaresColumn(page));
});

test('Genotypes: at 360 px both genotype frequency columns, the share and every box are on screen (Rh, 36 genotypes)', async () => {
  const phone = await browser.context.newPage();
  await phone.setViewportSize({ width: 360, height: 740 });
  await phone.goto(`${server.url}#/genotypes?system=rh&population=rh%2Fthesis-table-3.4`);
  await phone.waitForSelector('#gt-result-table');
  await assertOnPhoneScreen(phone, ['#gt-result-table tbody td[rowspan]', '#gt-result-table tbody td.ls', '#gt-result-table tbody td.given', '#gt-result-table tbody td.gc']);
  // The caption is whole, not cut mid-word at the screen's edge.
  const caption = await phone.$eval('#gt-result-table caption', (c) => c.getBoundingClientRect().right);
  assert.ok(caption <= 360, `caption ends at ${caption} px`);
  await phone.close();
});

test('Genotypes: at 1280 px every frequency box is as wide as its heading’s words and shows what it holds', async () => {
  const wide = await browser.context.newPage();
  await wide.goto(`${server.url}#/genotypes?system=rh&population=rh%2Fthesis-table-3.4`);
  await wide.waitForSelector('#gt-result-table');
  await assertGridColumnsFit(wide);
  await wide.close();
});

test('no request leaves the page origin', async () => {
  const origin = new URL(server.url).origin;
  assert.ok(requests.length > 0);
  const foreign = requests.filter((u) => !(u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:')));
  assert.deepEqual(foreign, []);
  assert.ok(requests.some((u) => u.endsWith('.wasm') || u.endsWith('rbcmatch.js')), 'the module was loaded from this origin');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
