// Browser tests of the calculator shell as a new user meets it: quick clicks, Cancel, links
// that cannot be read, a 360 px phone, a decimal comma, and a screen reader's view (axe-core).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, requireBuilt, watchProblems, leastSquaresColumn, assertAboEq35, chooseOption, axeViolations, computeAndCancel, ABO_FREQUENCIES } from './helpers.mjs';

let server, browser;
const moduleLoads = []; // every fetch of the wasm binary: one per worker start

before(async () => {
  requireBuilt('public/build/app.js', 'public/build/worker.js', 'public/build/rbcmatch.wasm');
  server = await startServer();
  browser = await launchBrowser();
  browser.context.on('request', (r) => { if (r.url().endsWith('rbcmatch.wasm')) moduleLoads.push(r.url()); });
});

after(async () => {
  await browser?.close();
  server?.stop();
});

async function openPage(hash, viewport) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = watchProblems(page);
  await page.goto(`${server.url}${hash}`);
  return { page, problems };
}

const status = (page) => page.textContent('.status');
const waitStatus = (page, text) => page.waitForFunction((t) => document.querySelector('.status')?.textContent === t, text);

async function enterAbo(page, values) {
  await page.selectOption('#gt-system', 'abo');
  await chooseOption(page, 'genotypes', 'constraint', 'none');
  for (const [i, v] of values.entries()) await page.fill(`#gt-f-${i}`, String(v));
}

test('shell: twenty quick clicks on Compute load the module once and show the last result', async () => {
  const { page, problems } = await openPage('#/genotypes');
  await page.waitForSelector('#gt-result-table');
  const loadsBefore = moduleLoads.length;
  assert.ok(loadsBefore >= 1, 'module loads are seen');
  await enterAbo(page, ABO_FREQUENCIES);
  await page.evaluate(() => { for (let i = 0; i < 20; i++) document.querySelector('#genotypes-compute').click(); });
  await waitStatus(page, 'Done.');
  assertAboEq35(await leastSquaresColumn(page));
  assert.equal(moduleLoads.length, loadsBefore, 'no worker restart, so no second load of the module');
  assert.deepEqual(problems, []);
  await page.close();
});

test('shell: Cancel stops the running computation at a checkpoint, keeps the module, and the next one works', async () => {
  const { page, problems } = await openPage('#/genotypes?system=rh&population=rh%2Fthesis-table-3.4&multistart=1');
  await page.waitForSelector('#gt-result-table');
  assert.ok(await page.evaluate(() => globalThis.crossOriginIsolated), 'served pages are cross-origin isolated');
  const loadsBefore = moduleLoads.length;
  // Compute and Cancel in one task: the call is with the worker, which stops at its first checkpoint.
  await computeAndCancel(page, 'genotypes');
  await page.click('#genotypes-compute');
  await waitStatus(page, 'Done.');
  assert.equal(await page.locator('.multistart').count(), 1);
  assert.equal(moduleLoads.length, loadsBefore, 'the module was not reloaded');
  assert.deepEqual(problems, []);
  await page.close();
});

test('shell: a link that cannot be read is reported and kept; nothing is computed from it', async () => {
  const broken = [
    ['#/genotypes?system=abo&frequencies=0.44,0.43', /2 values, the system 4 phenotypes/],
    ['#/genotypes?system=rhesus&population=rh%2Fthesis-table-3.4', /"rhesus" is not a system/],
    ['#/genotypes?system=abo&population=abo%2Fnowhere', /"abo\/nowhere" is not a population/],
    ['#/genotypes?system=rh&population=rh%2Fthesis-table-3.4&multistart=maybe', /Multistart: "maybe"/],
    ['#/genotypes?system=rh&population=rh%2Fthesis-table-3.4&constraint=positive', /Constraint: "positive" is not one of distribution, nonnegative, none/],
    ['#/genotypes?system=rh&population=rh%2Fthesis-table-3.4&tolerance=abc', /Tolerance: "abc" not a number/],
    ['#/genotypes?system=rh&population=rh%2Fthesis-table-3.4&tolerence=1e-6', /"tolerence" is not a setting/],
  ];
  for (const [hash, reason] of broken) {
    const { page, problems } = await openPage(hash);
    await page.waitForSelector('.link-problems:not([hidden])');
    assert.match(await page.textContent('.link-problems'), reason, hash);
    assert.match(await page.textContent('.link-problems'), /nothing was computed/, hash);
    await page.waitForTimeout(200);
    assert.equal(await page.locator('#gt-result-table').count(), 0, `${hash}: no numbers shown as if they were the link's`);
    assert.equal(new URL(page.url()).hash, hash, 'the link stays in the address bar');
    assert.deepEqual(problems, []);
    await page.close();
  }
  const { page } = await openPage('#/allocations?x=1');
  await page.waitForSelector('.link-problems');
  assert.match(await page.textContent('.link-problems'), /“allocations”, which this page does not have/);
  assert.equal(new URL(page.url()).hash, '#/allocations?x=1');
  await page.close();
});

test('shell: edits mark the result stale, withdraw its CSV and leave the address bar alone until Compute', async () => {
  const { page } = await openPage('#/genotypes?system=abo&population=abo%2Fthesis-table-4.4');
  await page.waitForSelector('#gt-result-table');
  const computedUrl = page.url();
  assert.ok(await page.getAttribute('.results a[download]', 'href'));
  await page.fill('#gt-f-0', '0.45');
  assert.equal(page.url(), computedUrl);
  assert.ok(await page.isVisible('.stale-note'));
  assert.equal(await page.getAttribute('.results a[download]', 'href'), null, 'a stale result cannot be downloaded');
  await page.fill('#gt-f-0', '0.44');
  await page.click('#genotypes-compute');
  await waitStatus(page, 'Done.');
  assert.ok(!(await page.isVisible('.stale-note')));
  assert.match(decodeURIComponent(page.url()), /frequencies=0\.44,/);
  await page.close();
});

test('shell: a decimal comma and a pasted cell with a tab are read as numbers', async () => {
  const { page } = await openPage('#/genotypes');
  await page.waitForSelector('#gt-result-table');
  await enterAbo(page, ['0x1', '0.43', '0.09', '0.04']);
  assert.equal(await page.textContent('[data-error-for="frequencies[0]"]'), 'not a number', 'hexadecimal is not a frequency');
  await enterAbo(page, ['0,44', '0.43\t', ' 0,09 ', '0.04']);
  assert.equal(await page.textContent('[data-error-for="frequencies[0]"]'), '');
  await page.click('#genotypes-compute');
  await waitStatus(page, 'Done.');
  assertAboEq35(await leastSquaresColumn(page));
  // Exact values by touch, not only by a tooltip: a tap shows the full value, another the rounded.
  const cell = page.locator('#gt-result-table td.ls span.num').first();
  const [rounded, exact] = [await cell.textContent(), await cell.getAttribute('title')];
  await cell.click();
  assert.equal(await cell.textContent(), exact);
  await cell.click();
  assert.equal(await cell.textContent(), rounded);
  await page.close();
});

test('shell: an error from the module reads in the user\'s words, and an edit clears the status that pointed at it', async () => {
  const { page } = await openPage('#/genotypes');
  await page.waitForSelector('#gt-result-table');
  await enterAbo(page, [0.2, 0.1, 0.1, 0.1]);
  await page.click('#genotypes-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent.startsWith('Not computed'));
  const message = await page.textContent('[data-error-for="frequencies"]');
  assert.match(message, /^The frequencies add up to 0\.5, which is 0\.5 away from 1/);
  assert.doesNotMatch(message, /sum_tolerance|frequencies\[/);
  await page.fill('#gt-f-0', '0.7');
  assert.equal(await page.textContent('.status'), '');
  await page.close();
});

test('shell: the calculator fits a 360 px phone; wide tables scroll in their own box', async () => {
  const { page } = await openPage('#/genotypes?system=rh&population=rh%2Fthesis-table-3.4', { width: 360, height: 740 });
  await page.waitForSelector('#gt-result-table');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await page.close();
});

test('shell: axe-core finds no violations on a computed result, fresh and stale', async () => {
  const { page } = await openPage('#/genotypes?system=abo&population=abo%2Fthesis-table-4.4');
  await page.waitForSelector('#gt-result-table');
  assert.deepEqual(await axeViolations(page), []);
  await page.fill('#gt-f-0', '0.45');
  assert.deepEqual(await axeViolations(page), [], 'stale state');
  await page.close();
});
