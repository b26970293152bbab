// Every message stands next to what it is about, and the status names that field; a link
// round trip keeps what the form started from; a link reports each problem once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems } from './helpers.mjs';

const site = useServedSite('public/build/app.js');

async function open(hash) {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}${hash}`);
  return { page, problems };
}
const status = (page) => page.textContent('.status');
const waitStatus = (page, pattern) => page.waitForFunction((p) => new RegExp(p).test(document.querySelector('.status')?.textContent ?? ''), pattern.source);
const rowErrors = (page) => page.$$eval('.fm-members tbody tr', (trs) => trs.map((tr) => [tr.querySelector('input[aria-label="Name"]').value, tr.querySelector('.field-error').textContent]));

test('Family: clearing one person\'s name asks for a name on that row only, and the status names the row', async () => {
  const { page, problems } = await open('#/family');
  await page.waitForSelector('.fm-table');
  await page.locator('.fm-members tbody tr').nth(2).locator('input[aria-label="Name"]').fill('');
  assert.deepEqual(await rowErrors(page), [['Mother', ''], ['Father', ''], ['', 'Give this person a name'], ['Sister', ''], ['Brother', '']]);
  await page.click('#family-compute');
  assert.equal(await status(page), 'Please correct the marked field first: person 3.');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Family: an impossible family is summed up under the family list, not below the button; the status says where', async () => {
  const { page } = await open(`#/family?people=${encodeURIComponent('Mum::|O;Dad::|O;Kid:Dad:Mum|AB')}`);
  await waitStatus(page, /^Not computed/);
  assert.equal(await status(page), 'Not computed: see the message next to the family.');
  const summary = page.locator('fieldset [data-error-for="people"]');
  assert.match(await summary.textContent(), /These ABO blood groups cannot all be true in this family: check Kid/);
  assert.equal(await page.textContent('.form-error'), '', 'nothing below the button');
  // It is in the family's fieldset, before the Compute button, and marks no input of its own.
  assert.ok(await page.evaluate(() => document.querySelector('[data-error-for="people"]').compareDocumentPosition(document.querySelector('#family-compute')) & Node.DOCUMENT_POSITION_FOLLOWING));
  assert.equal(await page.getAttribute('#fm-preset', 'aria-invalid'), null);
  assert.match(await page.locator('.fm-members tbody tr').nth(2).getAttribute('class'), /fm-conflict/);
  await page.close();
});

test('Frequencies: an own table that sums to 1.2 is marked as you type, naming the system; the status names the table', async () => {
  const { page, problems } = await open('#/frequencies?antigens=A,B');
  await page.waitForSelector('#fq-result-table');
  await page.selectOption('#fq-pop1-abo', 'own');
  const note = page.locator('#fq-own1-abo-sum-note');
  assert.equal(await note.textContent(), '');
  await page.fill('#fq-own1-abo-0', '0.64');  // 0.44 -> 0.64: the table sums to 1.2
  assert.equal(await note.textContent(), 'ABO, population 1: the frequencies add up to 1.2; they should add up to 1 (within 0.015)');
  assert.match(await note.getAttribute('class'), /field-error/);
  await page.click('#frequencies-compute');
  assert.equal(await status(page), 'Please correct the marked field first: ABO, population 1 (your frequencies).');
  // Within the tolerance it is only a note, and the result is computed.
  await page.fill('#fq-own1-abo-0', '0.45');
  assert.equal(await note.textContent(), 'not exactly 1: the frequencies will be divided by 1.01');
  await page.click('#frequencies-compute');
  await waitStatus(page, /^Done\.$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Systems: a repeated allele is named at the loci as you type; what only the module finds lands there too', async () => {
  const { page } = await open('#/systems');
  await page.waitForSelector('#sy-loci');
  await page.fill('#sy-loci', 'FY: FY*A = Fya, FY*A = Fyb');
  assert.equal(await page.textContent('[data-error-for="system"]'), 'Line 1: the allele “FY*A” is listed twice in locus FY');
  await page.click('#systems-compute');
  assert.equal(await status(page), 'Please correct the marked field first: the system.');
  // Antigens that differ only in case: refused by the module (system.antigens[1]), shown at the loci.
  await page.fill('#sy-loci', 'FY: FY*A = Fya, FY*B = fya');
  await page.click('#systems-compute');
  await waitStatus(page, /^Not computed/);
  assert.match(await page.textContent('[data-error-for="system"]'), /'Fya' and 'fya' differ only in upper and lower case/);
  assert.equal(await page.textContent('.form-error'), '');
  assert.equal(await status(page), 'Not computed: see the message next to the system.');
  await page.close();
});

test('Genotypes: the status names the field the module\'s message is next to', async () => {
  const { page } = await open('#/genotypes?system=abo&frequencies=0.2,0.1,0.1,0.1');
  await waitStatus(page, /^Not computed/);
  assert.equal(await status(page), 'Not computed: see the message next to the phenotype frequencies.');
  await page.close();
});

test('Family and Systems keep their “Start from” choice after a link round trip', async () => {
  const { page, problems } = await open('#/family');
  await page.waitForSelector('.fm-table');
  await page.selectOption('#fm-preset', 'generations');
  await page.click('#family-compute');
  await waitStatus(page, /^Done\.$/);
  const family = await open(new URL(page.url()).hash);
  await family.page.waitForSelector('.fm-table');
  assert.equal(await family.page.inputValue('#fm-preset'), 'generations');
  await family.page.close();

  await page.goto(`${site.server.url}#/systems`);
  await page.waitForSelector('#sy-loci');
  assert.equal(await page.inputValue('#sy-start'), 'example');
  await page.selectOption('#sy-start', 'builtin:kidd');
  await page.click('#systems-compute');
  await waitStatus(page, /^Done\.$/);
  const systems = await open(new URL(page.url()).hash);
  await systems.page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assert.equal(await systems.page.inputValue('#sy-start'), 'builtin:kidd', 'not the Duffy example beside Kidd fields');
  assert.match(await systems.page.inputValue('#sy-loci'), /^Kidd: /);
  // Edited, it is one's own: the link says so too.
  await systems.page.fill('#sy-name', 'Kidd, edited');
  assert.equal(await systems.page.inputValue('#sy-start'), 'own');
  await systems.page.click('#systems-compute');
  await waitStatus(systems.page, /^Done\.$/);
  const edited = await open(new URL(systems.page.url()).hash);
  await edited.page.waitForSelector('#sy-loci');
  assert.equal(await edited.page.inputValue('#sy-start'), 'own');
  assert.equal(await edited.page.inputValue('#sy-name'), 'Kidd, edited');
  assert.deepEqual([...problems, ...systems.problems, ...edited.problems], []);
  for (const p of [systems.page, edited.page, page]) await p.close();
});

test('Allocation: a corrupted link reports each problem once, γ written as γ', async () => {
  const { page } = await open('#/allocation?antigens=A,B&max_shelf_life=2&gamma=2&stock=O:0:4&requests=O:2');
  await page.waitForSelector('.link-problems:not([hidden])');
  const items = await page.$$eval('.link-problems li', (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(items.filter((t) => /γ|Γ/.test(t)), ['γ: “2” must be ≤ 1']);
  await page.close();
});

test('Validation: settings a link gives, which the tab does not have, are reported', async () => {
  const { page } = await open('#/validation?system=abo&tolerance=1');
  await page.waitForSelector('.validation .link-problems');
  const text = await page.textContent('.validation .link-problems');
  assert.match(text, /“system” is not a setting of this calculator/);
  assert.match(text, /“tolerance” is not a setting of this calculator/);
  await page.close();
});
