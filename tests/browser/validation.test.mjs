// The Validation tab: every published number of tests/reference, computed in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedSite, watchProblems, root, assertOnPhoneScreen } from './helpers.mjs';

const site = useServedSite('public/build/app.js');

test('Validation tab: every published number of tests/reference is shown and reproduced in the browser', async () => {
  const dir = join(root, 'tests/reference');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const expected = files.flatMap((f) => f.cases.flatMap((c) => c.values)).length;
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/validation`);
  await page.waitForSelector('.validation .status[data-total]');
  const { passed, total } = await page.$eval('.validation .status', (e) => ({ passed: Number(e.dataset.passed), total: Number(e.dataset.total) }));
  assert.equal(total, expected);
  assert.equal(passed, total, await page.textContent('.validation'));
  assert.equal(await page.locator('.validation tr.pass').count(), expected);
  assert.deepEqual(await page.$$eval('.validation-group h2', (hs) => hs.map((x) => x.textContent)), files.map((f) => f.title));
  assert.deepEqual(problems, []);
  await page.close();
});

test('Validation tab: at 360 px every column of a row (published, computed, difference, allowed, reproduced) is on screen', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${site.server.url}#/validation`);
  await page.waitForSelector('.validation .status[data-total]');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, [2, 3, 4, 5, 6].map((k) => `.validation tr.pass td:nth-of-type(${k})`));
  await page.close();
});
