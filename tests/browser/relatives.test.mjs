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
  assert.equal(await page.textContent('#rl-read'), 'RhD: negative (d)');
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

test('Relatives: an unrelated person is a random person of the same model (0, 1.00); one format per column', async () => {
  // Under the defaults (O RhD-negative) "Unrelated person" showed -2.35e-6 and 0.99997.
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/relatives`);
  await page.waitForSelector('#rl-table');
  const shown = await rows(page);
  assert.deepEqual(shown['Unrelated person'].slice(1, 3), ['1.00', '0.0000']);
  const formats = [/^\d\.\d{4}( \(1 in [\d\u202f]+\))?$/, /^\d+\.\d{2}$/, /^-?\d\.\d{4}$/, /^\d+\.\d$/, /^\d+$/, /^\d+$/];
  for (const [label, cells] of Object.entries(shown))
    cells.forEach((text, k) => assert.match(text, formats[k], `${label}, column ${k + 1}: "${text}"`));
  assert.match(await page.textContent('.results'), /A random person is O d with probability 0\.0739 \(about 1 in 14;/);
  await page.close();
});

test('Relatives: Kell K+k- (0 in Table 4.4) is not defined as printed (eq. 3.28), and least squares says why it has a probability', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/relatives?group=${encodeURIComponent('K+k-')}&model=as_printed`);
  await page.waitForSelector('#rl-table');
  assert.match(await page.textContent('.warnings'), /Not defined: the table gives K\+k- frequency 0.*Least squares gives K\+k- frequency 0\.00148/);
  assert.equal((await rows(page)).Sibling[0], '—');
  await chooseOption(page, 'relatives', 'model', 'least_squares');
  await page.click('#relatives-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assert.match(await page.textContent('.warnings'), /The table gives K\+k- frequency 0 .*gives it 0\.00148: under random mating/);
  assert.match((await rows(page)).Sibling[0], /^0\.26\d\d$/);
  await page.close();
});
