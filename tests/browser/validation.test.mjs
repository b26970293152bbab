// The Validation tab: every published number of tests/reference, computed in the browser, and
// the independent checks of the calculators without published numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedSite, watchProblems, axeViolations, root, assertOnPhoneScreen } from './helpers.mjs';
import { CATALOGUE } from '../../web/calculators/catalogue.js';

const site = useServedSite('public/build/app.js');

const dir = join(root, 'tests/reference');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const order = (f) => CATALOGUE.findIndex((c) => c.id === f.calculator);

test('Validation tab: every published number of tests/reference is shown and reproduced in the browser', async () => {
  const expected = files.flatMap((f) => f.cases.flatMap((c) => c.values)).length;
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/validation`);
  await page.waitForSelector('.validation .status[data-total]', { timeout: 120000 }); // the simulated antigen orders take seconds each
  const { passed, total } = await page.$eval('.validation .status', (e) => ({ passed: Number(e.dataset.passed), total: Number(e.dataset.total) }));
  assert.equal(total, expected);
  assert.equal(passed, total, await page.textContent('.validation'));
  assert.equal(await page.locator('.validation tr.pass').count(), expected);
  // One section per calculator, in the navigation's order.
  assert.deepEqual(await page.$$eval('.validation-group h2', (hs) => hs.map((x) => x.textContent)),
    [...files].sort((a, b) => order(a) - order(b)).map((f) => f.title));
  assert.deepEqual(problems, []);
  await page.close();
});

test('Validation tab: Family, Pregnancy and Systems show the independent checks they pass, each with its kind, size and tolerance', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/validation`);
  await page.waitForSelector('.validation .status[data-checks-total]', { timeout: 60000 });
  const checks = files.flatMap((f) => f.checks ?? []);
  const run = checks.filter((c) => !c.tests);
  const { passed, total } = await page.$eval('.validation .status', (e) => ({ passed: Number(e.dataset.checksPassed), total: Number(e.dataset.checksTotal) }));
  assert.equal(total, run.length);
  assert.equal(passed, total, await page.textContent('.validation'));
  for (const id of ['family', 'pregnancy', 'systems']) {
    const section = page.locator(`.validation-group[data-calculator="${id}"]`);
    const rows = await section.locator('.validation-checks tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    const file = files.find((f) => f.calculator === id);
    assert.equal(rows.length, file.checks.length, id);
    for (const [k, check] of file.checks.entries()) {
      const [kind, what, size, , allowed, passes] = rows[k];
      assert.equal(kind, check.kind);
      assert.ok(what.startsWith(check.title), `${id}: ${what}`);
      if (check.tests) {
        // A check only the Catch2 suite runs says so and names the tests.
        assert.match(passes, /in the Catch2 suite/);
        for (const t of check.tests) assert.ok(what.includes(t), t);
      } else {
        assert.match(size, /\d/, `${id}: a size`);
        assert.match(allowed, check.standard_errors ? /^4 SE$/ : /^± 1e-12$/);
        assert.match(passes, /^✓ yes \(\d+ numbers compared\)$/);
      }
    }
  }
  assert.match(await page.textContent('.validation .status'), /independent checks pass here; \d+ more in the Catch2 suite/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Validation tab: at 360 px every column of a row (published, computed, difference, allowed, reproduced) is on screen', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${site.server.url}#/validation`);
  await page.waitForSelector('.validation .status[data-total]', { timeout: 120000 }); // the simulated antigen orders take seconds each
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, [2, 3, 4, 5, 6].map((k) => `.validation tr.pass td:nth-of-type(${k})`));
  await page.close();
});
