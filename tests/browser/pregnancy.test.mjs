// Browser tests of the Pregnancy calculator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems, axeViolations, assertOnPhoneScreen } from './helpers.mjs';

const site = useServedSite('public/build/app.js');

const rows = (page) => page.$$eval('#pg-table tbody tr', (trs) => Object.fromEntries(trs.map((tr) =>
  [tr.querySelector('th').textContent, Number(tr.querySelectorAll('td')[1].querySelector('span.num').textContent)])));

test('Pregnancy: an RhD-negative mother, a random father: the fetus is RhD-positive with the D allele\'s frequency', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/pregnancy?mother=RhD-neg`);
  await page.waitForSelector('#pg-table');
  // Hardy-Weinberg by hand (thesis eq. 3.4): 1 - sqrt(f_d), f_d = 0.168 (Table 3.1).
  assert.ok(Math.abs((await rows(page)).D - (1 - Math.sqrt(0.168))) < 5e-4);
  // A known RhD-negative father: the fetus cannot carry D.
  await page.fill('#pg-father', 'RhD-neg');
  await page.click('#pregnancy-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.' && location.hash.includes('father'));
  assert.equal((await rows(page)).D, 0);
  // The link reproduces it; the CSV lists the antigens and "any".
  const again = await site.browser.context.newPage();
  await again.goto(page.url());
  await again.waitForSelector('#pg-table');
  assert.deepEqual(await rows(again), await rows(page));
  const csv = decodeURIComponent((await page.getAttribute('.results a[download]', 'href')).replace(/^data:text\/csv;charset=utf-8,/, ''));
  assert.match(csv, /^antigen,system,probability_fetus_carries/);
  assert.deepEqual(problems, []);
  await again.close();
  await page.close();
});

test('Pregnancy: a father written another way than the mother is marked at his field, then fixed', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/pregnancy?mother=O+RhD-neg`);
  await page.waitForSelector('#pg-table');
  await page.fill('#pg-father', 'R1R1');
  assert.match(await page.textContent('[data-error-for="pg-father"]'), /Write the father’s Rh the way the mother’s is written \(RhD only\)/);
  await page.fill('#pg-father', 'A Jk(a+b-)');
  assert.match(await page.textContent('[data-error-for="pg-father"]'), /Kidd is given for the father but not for the mother/);
  await page.fill('#pg-father', 'A RhD-pos');
  await page.click('#pregnancy-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.' && location.hash.includes('father'));
  assert.equal(await page.textContent('[data-error-for="pg-father"]'), '');
  assert.ok((await rows(page)).A >= 0.5, 'an A father passes A at least half the time');
  await page.close();
});

test('Pregnancy: at 360 px the answer column and every box are on screen; axe-core finds no violations', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${site.server.url}#/pregnancy?mother=O+rr+K-+Fy(a-b%2B)&father=K%2Bk%2B`);
  await page.waitForSelector('#pg-table');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, [
    '#pg-table tbody td.num',
  ]);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('Pregnancy: one format per column: every probability with 4 decimals, 0 and 1 included', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/pregnancy?mother=O+RhD-neg+K-&father=${encodeURIComponent('A RhD-neg K+k-')}`);
  await page.waitForSelector('#pg-table');
  const cells = await page.$$eval('.results td.num', (tds) => tds.map((td) => td.textContent));
  assert.ok(cells.includes('0.0000') && cells.includes('1.0000'), cells.join(' '));
  for (const text of cells) assert.match(text, /^[01]\.\d{4}( \(1 in [\d\u202f]+\))?$/, `"${text}"`);
  await page.close();
});
