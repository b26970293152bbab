// Browser tests of the Frequencies calculator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems, axeViolations } from './helpers.mjs';

const site = useServedSite('public/build/app.js');

const rows = (page) => page.$$eval('#fq-result-table tbody tr', (trs) => trs.map((tr) =>
  [tr.querySelector('th').textContent, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]));

test('Frequencies: ABO and D from Table 4.4, every group with its usability and receivability', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/frequencies?antigens=A,B,D`);
  await page.waitForSelector('#fq-result-table');
  const table = await rows(page);
  assert.equal(table.length, 8);
  assert.deepEqual(table.map((r) => r[0]), ['O D-', 'A D-', 'B D-', 'AB D-', 'O D+', 'A D+', 'B D+', 'AB D+']);
  // O RhD-negative can be given to everyone; AB RhD-positive can receive from everyone.
  assert.ok(Math.abs(Number(table[0][3]) - 1) < 1e-4, `usability of O D-: ${table[0][3]}`);
  assert.ok(Math.abs(Number(table[7][4]) - 1) < 1e-4, `receivability of AB D+: ${table[7][4]}`);
  const total = table.reduce((s, r) => s + Number(r[1]), 0);
  assert.ok(Math.abs(total - 1) < 5e-4, `frequencies add up to ${total}`);
  assert.equal(await page.locator('.warnings').count(), 0, 'no warning about a system the antigens do not use');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Frequencies: ticking antigens sets their order; all 17 come a page at a time, rarest first', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/frequencies?antigens=K`);
  await page.waitForSelector('#fq-result-table');
  await page.check('#fq-a-Fya');
  assert.equal(await page.textContent('#fq-order'), 'K, Fya');
  for (const a of ['A', 'B', 'D', 'C', 'c', 'E', 'e', 'k', 'Fyb', 'Jka', 'Jkb', 'M', 'N', 'S', 's']) await page.check(`#fq-a-${a}`);
  await page.evaluate(() => { document.querySelector('details.options').open = true; });
  await page.selectOption('#frequencies-opt-order', 'rarest');
  await page.click('#frequencies-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assert.match(await page.textContent('#fq-page'), /Showing groups 1–256 of 131072/);
  const shown = await rows(page);
  assert.equal(shown.length, 256);
  const f = shown.map((r) => Number(r[1].replace('≈ 0', '0')));
  assert.ok(f.every((v, i) => i === 0 || v >= f[i - 1] || Number.isNaN(v)), 'rarest first');
  await page.close();
});

test('Frequencies: a link with an unknown antigen or population is reported and kept', async () => {
  const page = await site.browser.context.newPage();
  const hash = '#/frequencies?antigens=A,Q&rh=rh%2Fnowhere';
  await page.goto(`${site.server.url}${hash}`);
  await page.waitForSelector('.link-problems:not([hidden])');
  const text = await page.textContent('.link-problems');
  assert.match(text, /"Q" not known here/);
  assert.match(text, /Population for rh: "rh\/nowhere"/);
  assert.equal(new URL(page.url()).hash, hash);
  await page.close();
});

test('Frequencies: fits a 360 px phone, and axe-core finds no violations', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${site.server.url}#/frequencies?antigens=A,B,D,C,c,E,e`);
  await page.waitForSelector('#fq-result-table');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
