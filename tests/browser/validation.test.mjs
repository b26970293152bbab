// The Validation tab: every published number of tests/reference, computed in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedSite, watchProblems, root } from './helpers.mjs';

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
