// Browser tests of the one blood-group reader (web/lib/blood-group.js) in every tab that reads
// a typed blood group (issue 23): "O-", "A pos" and "0+" are typed as staff write them, the
// reading shown beside the field is checked, and Compute gives a result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems, axeViolations } from './helpers.mjs';

const site = useServedSite('public/build/app.js');

/** Compute and wait for this computation's "Done." (not an earlier one's). */
async function compute(page, id) {
  await page.evaluate(() => { document.querySelector('.status').textContent = ''; });
  await page.click(`#${id}-compute`);
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
}

const linked = (page, name) => new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get(name);

test('Relatives: O-, A pos and 0+ are read as ABO and RhD, shown, computed and kept in the link', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/relatives`);
  await page.waitForSelector('#rl-table');
  for (const [typed, reading] of [['O-', 'ABO: O · RhD: negative (d)'], ['A pos', 'ABO: A · RhD: positive (D)'],
    ['0+ K-', 'ABO: O · RhD: positive (D) · Kell (K, k): K-k+']]) {
    await page.fill('#rl-group', typed);
    assert.equal(await page.textContent('#rl-read'), reading, typed);
    assert.equal(await page.textContent('[data-error-for="donor"]'), '', typed);
    await compute(page, 'relatives');
    assert.equal(linked(page, 'group'), typed);
    assert.equal(await page.locator('#rl-table tbody tr').count(), 10, typed);
  }
  // A refusal suggests the nearest form that reads.
  await page.fill('#rl-group', 'O--');
  assert.equal(await page.textContent('[data-error-for="donor"]'), '“O--” has two signs: did you mean “O-” (O RhD-negative)?');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Pregnancy: an O- mother and an A pos father are read as such and computed', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/pregnancy`);
  await page.waitForSelector('#pg-table');
  await page.fill('#pg-mother', 'O-');
  await page.fill('#pg-father', 'A pos');
  assert.equal(await page.textContent('#pg-mother-read'), 'ABO: O · RhD: negative (d)');
  assert.equal(await page.textContent('#pg-father-read'), 'ABO: A · RhD: positive (D)');
  await compute(page, 'pregnancy');
  assert.equal(linked(page, 'father'), 'A pos');
  // An RhD-negative mother and an RhD-positive father: D is among the antigens she lacks.
  const lacked = await page.$$eval('#pg-table tbody tr th', (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(lacked, ['A', 'B', 'D']);
  await page.fill('#pg-father', '0+');
  assert.equal(await page.textContent('#pg-father-read'), 'ABO: O · RhD: positive (D)');
  await compute(page, 'pregnancy');
  await page.close();
});

test('Family: blood groups typed as A pos, O- and 0+ are read at their rows and computed', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/family`);
  await page.waitForSelector('.fm-table');
  const row = (k) => page.locator('.fm-members tbody tr').nth(k);
  const typed = [[0, 'A pos', 'Read as A · RhD-positive'], [2, 'O-', 'Read as O · RhD-negative'], [4, '0+', 'Read as O · RhD-positive']];
  for (const [k, text] of typed) await row(k).locator('input[aria-label="Blood group"]').fill(text);
  for (const [k, text, reading] of typed) {
    assert.equal(await row(k).locator('.fm-read').textContent(), reading, text);
    assert.equal(await row(k).locator('.field-error').textContent(), '', text);
  }
  await compute(page, 'family');
  const rhd = await page.$$eval('section.fm-system[data-system="rhd"] .fm-table tbody tr th', (ths) => ths.map((th) => th.textContent));
  assert.ok(rhd.includes('Brother') && rhd.includes('Patient'), `RhD rows: ${rhd}`);
  await page.close();
});

test('Frequencies: the patient group 0+, donor O- and filter A pos over A, B, D are read as groups and computed', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/frequencies`);
  await page.waitForSelector('#fq-result-table');
  await page.fill('#fq-group', '0+');
  await page.fill('#fq-donor', 'O-');
  await page.fill('#fq-filter', 'A pos');
  assert.equal(await page.textContent('#fq-group-read'), 'O D+');
  assert.equal(await page.textContent('#fq-donor-read'), 'O D-');
  assert.equal(await page.textContent('#fq-filter-read'), 'A D+');
  await compute(page, 'frequencies');
  await page.waitForSelector('#fq-donors-table');
  assert.equal(await page.locator('#fq-result-table tbody tr').count(), 1, 'the filter leaves the A D+ group');
  assert.match(await page.textContent('#fq-issue'), /relative opportunity loss \d\.\d{4}/);
  // A sign after an ABO group is RhD: with D not chosen it is refused, not read as "antigen A".
  await page.uncheck('#fq-a-D');
  assert.equal(await page.textContent('[data-error-for="group"]'),
    '“0+” is O RhD-positive, but D is not among the antigens chosen (A, B): write “O”, or add D');
  await page.close();
});

test('Allocation: stock and requests typed as O-, A pos and 0+ over A, B, D say their reading under the cell and compute', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  const params = new URLSearchParams({ antigens: 'A,B,D', max_shelf_life: '2', gamma: '0.5',
    stock: 'O D-:0:4;A D+:1:2;O D+:2:3', requests: 'A D+:2;O D-:1' });
  await page.goto(`${site.server.url}#/allocation?${params}`);
  await page.waitForSelector('#al-stock-table');
  assert.equal(await page.isVisible('#al-stock-0-group-read'), false, 'no reading where the cell says it already');
  for (const [id, typed, reading] of [['al-stock-0-group', 'O-', 'Read as O D-'], ['al-stock-1-group', 'A pos', 'Read as A D+'],
    ['al-stock-2-group', '0+', 'Read as O D+'], ['al-requests-0-group', 'A+', 'Read as A D+']]) {
    await page.fill(`#${id}`, typed);
    assert.equal(await page.textContent(`#${id}-read`), reading, typed);
    assert.equal(await page.textContent(`#${id}-error`), '', typed);
  }
  await compute(page, 'allocation');
  assert.match(await page.textContent('#al-issued'), /3 of 3 units requested/);
  // The link holds the groups as the tables write them.
  assert.equal(linked(page, 'stock'), 'O D-:0:4;A D+:1:2;O D+:2:3');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Matching: unit and patient types typed as O-, A pos and 0+ say the antigens read and compute', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/matching`);
  await page.waitForSelector('#mt-assignment-table');
  assert.equal(await page.isVisible('#mt-units-0-type-read'), false, 'no reading where the cell lists the antigens');
  for (const [id, typed, reading] of [['mt-units-0-type', 'O-', 'Read as none'], ['mt-units-2-type', 'A pos C c e', 'Read as A D C c e'],
    ['mt-requests-1-type', '0+', 'Read as D']]) {
    await page.fill(`#${id}`, typed);
    assert.equal(await page.textContent(`#${id}-read`), reading, typed);
    assert.equal(await page.textContent(`#${id}-error`), '', typed);
  }
  await compute(page, 'matching');
  assert.match(linked(page, 'units'), /^U1::3;U2:D c e:7;U3:A D C c e:20;/);
  assert.match(linked(page, 'requests'), /P2:other:D::1/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});
