// The single-file build (build/single/rbcmatch.html) works opened from file://, offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, requireBuilt, root, watchProblems, leastSquaresColumn, assertAboEq35, computeAndCancel } from './helpers.mjs';

let browser;
before(async () => {
  requireBuilt('build/single/rbcmatch.html');
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

test('single file: opened from file://, computes ABO eq. 3.5 with no network', async () => {
  const page = await browser.context.newPage();
  const problems = watchProblems(page);
  const requests = [];
  browser.context.on('request', (r) => requests.push(r.url()));
  await browser.context.setOffline(true);
  const file = pathToFileURL(join(root, 'build/single/rbcmatch.html')).href;
  await page.goto(`${file}#/genotypes?system=abo&frequencies=0.44,0.43,0.09,0.04&constraint=none`);
  await page.waitForSelector('#gt-result-table');
  assertAboEq35(await leastSquaresColumn(page));
  const foreign = requests.filter((u) => !(u.startsWith('file:') || u.startsWith('data:') || u.startsWith('blob:')));
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('single file: without shared memory (file:// is not cross-origin isolated) Cancel still stops, and the next compute works', async () => {
  const page = await browser.context.newPage();
  const problems = watchProblems(page);
  const file = pathToFileURL(join(root, 'build/single/rbcmatch.html')).href;
  await page.goto(`${file}#/genotypes?system=rh&population=rh%2Fthesis-table-3.4&multistart=1`);
  await page.waitForSelector('#gt-result-table');
  assert.equal(await page.evaluate(() => globalThis.crossOriginIsolated), false);
  await computeAndCancel(page, 'genotypes');
  await page.click('#genotypes-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assert.equal(await page.locator('.multistart').count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});
