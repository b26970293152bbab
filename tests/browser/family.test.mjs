// Browser tests of the Family calculator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems, axeViolations, chooseOption, assertOnPhoneScreen, assertGridColumnsFit } from './helpers.mjs';

const site = useServedSite('public/build/app.js');

const chances = (page, system) => page.$$eval(`section.fm-system[data-system="${system}"] .fm-table tbody tr`, (trs) =>
  Object.fromEntries(trs.map((tr) => [tr.querySelector('th').textContent, [...tr.querySelectorAll('td.num span.num')].map((s) => Number(s.textContent))])));
// Every chance on screen, phenotypes and genotypes: its text and its exact value (the title).
const shownChances = (page) => page.$$eval('section.fm-system td.num', (tds) =>
  tds.map((td) => ({ text: td.textContent, exact: Number(td.querySelector('span.num').title) })));

test('Family: parents and siblings of an O RhD-negative patient; the link reproduces it', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/family`);
  await page.waitForSelector('.fm-table');
  const abo = await chances(page, 'abo');
  // The patient is O and the mother A: she must pass O, so she is A/O; the father passes O too.
  assert.deepEqual(abo.Patient, [1, 0, 0, 0]);
  assert.equal(abo.Father[3], 0, 'an O child rules out an AB father');
  for (const row of Object.values(abo)) assert.ok(Math.abs(row.reduce((s, v) => s + v, 0) - 1) < 2e-4);
  assert.equal(await page.locator('.fm-tree .fm-node').count(), 5);
  const again = await site.browser.context.newPage();
  await again.goto(page.url());
  await again.waitForSelector('.fm-table');
  assert.deepEqual(await chances(again, 'abo'), abo);
  assert.deepEqual(problems, []);
  await again.close();
  await page.close();
});

test('Family: O parents with an AB child are refused, the child is marked; a corrected entry computes', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/family?people=${encodeURIComponent('Mum::|O;Dad::|O;Kid:Dad:Mum|O')}`);
  await page.waitForSelector('.fm-table');
  const kid = page.locator('.fm-members tbody tr').nth(2);
  await kid.locator('input[aria-label="Blood group"]').fill('AB');
  await page.click('#family-compute');
  await page.waitForFunction(() => /Not computed/.test(document.querySelector('.status')?.textContent ?? ''));
  assert.match(await page.textContent('[data-error-for="people"]'), /cannot all be true in this family: check Kid/);
  assert.match(await kid.getAttribute('class'), /fm-conflict/);
  await kid.locator('input[aria-label="Blood group"]').fill('O');
  await page.click('#family-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assert.doesNotMatch(await kid.getAttribute('class') ?? '', /fm-conflict/);
  await page.close();
});

test('Family: add a person and choose the parents; a blood group that cannot be read is marked at its row', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/family`);
  await page.waitForSelector('.fm-table');
  await page.click('#fm-add');
  const row = page.locator('.fm-members tbody tr').last();
  await row.locator('input[aria-label="Name"]').fill('Niece');
  await row.locator('select[aria-label="Mother"]').selectOption('Sister');
  await row.locator('input[aria-label="Blood group"]').fill('Fy(a-)');
  assert.match(await row.locator('.field-error').textContent(), /Say \+ or − for Fyb/);
  await row.locator('input[aria-label="Blood group"]').fill('');
  await page.click('#family-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assert.equal((await chances(page, 'abo')).Niece.length, 4);
  assert.match(new URL(page.url()).hash, /Niece%3A%3ASister/);
  await page.close();
});

test('Family: at 360 px every member’s chances, the family in words and every box are on screen; axe-core finds no violations', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${site.server.url}#/family`);
  await page.waitForSelector('.fm-table');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, [
    '.fm-table tbody td:nth-of-type(1)',
    '.fm-table tbody td:nth-of-type(2)',
    '.fm-table tbody td:nth-of-type(3)',
    '.fm-table tbody td:nth-of-type(4)',
    '.fm-table tbody td:nth-of-type(5)',
    '.fm-tree-list li',
  ]);
  // The tree's words are legible (the picture scaled to a phone had text about 7 px high).
  assert.ok(await page.$eval('.fm-tree-list li', (li) => parseFloat(getComputedStyle(li).fontSize)) >= 14);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('Family: "+ parents" and "+ child" add a person\'s parents or child and link them', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/family`);
  await page.waitForSelector('.fm-table');
  const mother = page.locator('.fm-members tbody tr').first();
  await mother.locator('.fm-add-parents').click();
  assert.equal(await page.locator('.fm-members tbody tr').count(), 7);
  assert.equal(await mother.locator('select[aria-label="Father"]').inputValue(), "Mother's father");
  assert.equal(await mother.locator('select[aria-label="Mother"]').inputValue(), "Mother's mother");
  assert.ok(await mother.locator('.fm-add-parents').isHidden());
  await page.click('#family-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assert.equal(await page.locator('.fm-tree .fm-node').count(), 7);
  // "+ child" of the Patient: a new row with the Patient as a parent.
  const patient = page.locator('.fm-members tbody tr').nth(2);
  await patient.locator('.fm-add-child').click();
  const child = page.locator('.fm-members tbody tr').last();
  assert.equal(await child.locator('input[aria-label="Name"]').inputValue(), "Patient's child");
  assert.equal(await child.locator('select[aria-label="Father"]').inputValue(), 'Patient');
  await page.click('#family-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.' && document.querySelectorAll('.fm-tree .fm-node').length === 8);
  await page.close();
});

test('Family: one format per column, small chances as "1 in N"; as printed, the note gives the founders\' sum and its factor', async () => {
  // The default family showed "5.41e-4" beside four-decimal numbers and "1" beside "1.0000".
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/family`);
  await page.waitForSelector('.fm-table');
  const cells = await shownChances(page);
  assert.ok(cells.some((c) => c.exact > 0 && c.exact < 1e-3), 'the family has a chance below 0.001 to show');
  assert.ok(cells.some((c) => c.exact === 1), 'and a certain one');
  for (const { text, exact } of cells) {
    assert.match(text, /^[01]\.\d{4}( \(1 in [\d\u202f]+\))?$/, `a chance shown as "${text}"`);
    assert.equal(/1 in/.test(text), exact > 1e-12 && exact < 1e-3, `"${text}" for ${exact}`);
  }
  assert.match(await page.textContent('.results'), /The chance of the typed blood groups all together in such a family: \d\.\d{4}( \(about 1 in [\d\u202f]+\))?\./);
  assert.equal(await page.locator('.fm-note').count(), 0, 'least squares: x sums to 1, no note');
  // Table 4.4 ABO as printed: x sums to 0.998823; two genotypes drawn from the population
  // here, the founders Mother and Father.
  await chooseOption(page, 'family', 'model', 'as_printed');
  await page.click('#family-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.' && document.querySelector('.fm-note'));
  const note = await page.textContent('.fm-note[data-code="founders_renormalised"]');
  assert.match(note, /ABO genotype frequencies x add up to 0\.998823/);
  assert.match(note, /divided by 0\.998823\^2 = 0\.997647/);
  await page.close();
});

test('Family: at 1280 px every box of the members is as wide as its heading’s words and shows what it holds', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/family?people=${encodeURIComponent('Grandmother::|A RhD-pos K-;Grandfather::|;Mother:Grandfather:Grandmother|O RhD-neg K- Fy(a-b+)')}`);
  await page.waitForSelector('.fm-table');
  await assertGridColumnsFit(page);
  await page.close();
});
