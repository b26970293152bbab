// Browser tests of the Relatives calculator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems, axeViolations, referenceCase, chooseOption, assertOnPhoneScreen } from './helpers.mjs';

const site = useServedSite('public/build/app.js');

const rows = (page) => page.$$eval('#rl-table tbody tr', (trs) => Object.fromEntries(trs.map((tr) =>
  [tr.querySelector('th').textContent, [...tr.querySelectorAll('td')].map((td) => td.textContent)])));

test('Relatives: an RhD-negative donor\'s parents and siblings (sec. 3.2.4), shown and kept in the link', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/relatives?group=RhD-neg`);
  await page.waitForSelector('#rl-table');
  assert.equal(await page.textContent('#rl-read'), 'RhD: d');
  const shown = await rows(page);
  const reference = referenceCase('relatives', 'thesis-sec-3.2.4-rhd-negative');
  for (const v of reference.values) {
    const label = v.label.equals === 'parent' ? 'Parent' : 'Sibling';
    assert.ok(Math.abs(Number(shown[label][0]) - v.published) <= v.tolerance, `${label}: ${shown[label][0]} vs ${v.published}`);
  }
  assert.match(await page.textContent('.rl-sentences'), /Sibling: 0\.4969, 3\.0 times a random person’s chance\. Type about 2 siblings/);
  // The link reproduces the result in a new page; the CSV has every relation.
  const link = page.url();
  const csv = decodeURIComponent((await page.getAttribute('.results a[download]', 'href')).replace(/^data:text\/csv;charset=utf-8,/, ''));
  assert.equal(csv.trim().split(/\r?\n/).length, 11);
  const again = await site.browser.context.newPage();
  await again.goto(link);
  await again.waitForSelector('#rl-table');
  assert.deepEqual(await rows(again), shown);
  assert.deepEqual(problems, []);
  await again.close();
  await page.close();
});

test('Relatives: an incomplete blood group is marked at its field, then completed and computed', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/relatives`);
  await page.waitForSelector('#rl-table');
  await page.fill('#rl-group', 'O RhD-neg Fy(a-)');
  assert.match(await page.textContent('[data-error-for="donor"]'), /Say \+ or − for Fyb/);
  await page.click('#relatives-compute');
  assert.match(await page.textContent('.status'), /correct the marked field/);
  await page.fill('#rl-group', 'O RhD-neg Fy(a-b+)');
  assert.equal(await page.textContent('[data-error-for="donor"]'), '');
  await page.click('#relatives-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assert.match(await page.textContent('h2'), /O RhD-neg Fy\(a-b\+\) \(O d Fy\(a-b\+\)\)/);
  await page.close();
});

test('Relatives: Caucasian Fy(a-b-) is undefined under least squares and 1/4 for siblings under gene counting (sec. 3.5.2)', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/relatives?group=Fy(a-b-)&duffy_population=duffy%2Fcaucasian-sec-3.5.2`);
  await page.waitForSelector('#rl-table');
  assert.match(await page.textContent('.warnings'), /0\/0 \(not defined\)/);
  await chooseOption(page, 'relatives', 'model', 'gene_counting');
  await page.click('#relatives-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  const reference = referenceCase('relatives', 'thesis-sec-3.5.2-duffy-caucasian');
  assert.ok(Math.abs(Number((await rows(page)).Sibling[0]) - reference.values[0].published) <= reference.values[0].tolerance);
  assert.match(await page.textContent('.warnings'), /limit as its frequency tends to 0/);
  await page.close();
});

test('Relatives: at 360 px every answer column and every box are on screen; axe-core finds no violations', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${site.server.url}#/relatives?group=O+R1R1+K-&summary=1`);
  await page.waitForSelector('#rl-table');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, [
    '#rl-table tbody td:nth-of-type(1)',
    '#rl-table tbody td:nth-of-type(2)',
    '#rl-table tbody td:nth-of-type(3)',
    '#rl-table tbody td:nth-of-type(4)',
    '#rl-table tbody td:nth-of-type(5)',
    '#rl-table tbody td:nth-of-type(6)',
  ]);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
