// Browser tests of the Systems tab: a system of the user's own, defined, saved, used by the
// Genotypes tab, and carried by a link into a browser that never saved it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, launchBrowser, watchProblems, axeViolations, assertOnPhoneScreen, assertGridColumnsFit } from './helpers.mjs';

const site = useServedSite('public/build/app.js');

// Seed 004 sec. 3's African Duffy numbers are not needed here: any table summing to 1.
const DUFFY_NULL = { loci: 'FY: FY*A = Fya, FY*B = Fyb, FY*Null =', frequencies: ['0,68', '0.09', '0.22', '0.01'] };

async function showSystem(page, { name, loci, empty }) {
  await page.fill('#sy-name', name);
  await page.fill('#sy-loci', loci);
  await page.fill('#sy-empty', empty ?? '');
  await page.click('#systems-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
}

test('Systems: define a system, see its genotypes, save it with a table, and use it in Genotypes', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/systems`);
  await page.waitForSelector('#sy-loci');
  await showSystem(page, { name: 'Duffy, silent allele', loci: DUFFY_NULL.loci, empty: 'Fy(a-b-)' });
  const rows = await page.$$eval('#sy-phenotypes tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelectorAll('td')[1].textContent]));
  assert.deepEqual(rows, [['Fy(a-b-)', 'FY*Null/FY*Null'], ['Fy(a+b-)', 'FY*A/FY*A, FY*A/FY*Null'],
    ['Fy(a-b+)', 'FY*B/FY*B, FY*B/FY*Null'], ['Fy(a+b+)', 'FY*A/FY*B']]);
  // A bad table is refused at Save, naming the problem; then corrected and saved.
  await page.fill('#sy-f-0', '0.68');
  await page.click('#sy-save');
  assert.match(await page.textContent('.sy-save-report'), /Not saved: correct the 3 marked frequencies/);
  for (const [i, v] of DUFFY_NULL.frequencies.entries()) await page.fill(`#sy-f-${i}`, v);
  await page.click('#sy-save');
  assert.match(await page.textContent('.sy-save-report'), /Not saved: give the population table a name/);
  await page.fill('#sy-pop-name', 'Made-up donors');
  await page.click('#sy-save');
  assert.match(await page.textContent('.sy-save-report'), /Saved “Duffy, silent allele” with the table “Made-up donors”/);
  assert.match(await page.textContent('.sy-saved'), /Duffy, silent allele — Fya, Fyb; 1 population table/);

  // The Genotypes tab lists it, with its table, and computes with it.
  await page.click('.sy-saved a[href^="#/genotypes"]');
  await page.waitForSelector('#gt-system');
  await page.waitForFunction(() => document.querySelector('#gt-system')?.value.startsWith('my-'));
  assert.equal(await page.inputValue('#gt-f-0'), '0.68');
  await page.click('#genotypes-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  const link = page.url();
  const params = new URLSearchParams(new URL(link).hash.split('?')[1]);
  assert.equal(params.get('own_loci'), DUFFY_NULL.loci);
  assert.equal(params.get('frequencies'), '0.68,0.09,0.22,0.01');
  assert.deepEqual(problems, []);

  // The link in a browser that never saved the system: it is rebuilt from the link and computed.
  const stranger = await launchBrowser(); // a profile of its own: nothing saved
  const other = await stranger.context.newPage();
  await other.goto(link);
  await other.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assert.match(await other.textContent('#gt-system option:checked'), /Duffy, silent allele \(from the link\)/);
  assert.equal(await other.locator('.link-problems:not([hidden])').count(), 0);
  // A link whose system was edited into nonsense is reported and kept, not computed.
  const broken = link.replace(/own_loci=[^&]*/, 'own_loci=FY%20FY*A');
  await other.goto('about:blank');
  await other.goto(broken);
  await other.waitForSelector('.link-problems:not([hidden])');
  assert.match(await other.textContent('.link-problems'), /The link’s own system: Line 1: start with the locus name and a colon/);
  await stranger.close();

  // The Frequencies tab puts it in place of the built-in Duffy system, with its table: the
  // groups without Fya and Fyb are 0.68 of donors (its own Fy(a-b-) share).
  await page.goto(`${site.server.url}#/frequencies?antigens=Fya,Fyb`);
  await page.waitForSelector('#fq-result-table');
  await page.selectOption('#fq-own-system', { label: 'Duffy, silent allele' });
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.' && location.hash.includes('own_loci'));
  const groups = await page.$$eval('#fq-result-table tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent]));
  assert.deepEqual(groups.map((g) => g[0]), ['Fya- Fyb-', 'Fya+ Fyb-', 'Fya- Fyb+', 'Fya+ Fyb+']);
  assert.deepEqual(groups.map((g) => Number(g[1])), [0.68, 0.09, 0.22, 0.01]);
  const frequenciesLink = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
  assert.equal(frequenciesLink.get('duffy'), 'own:0.68;0.09;0.22;0.01');
  // Back to the built-in systems: the Duffy table is the thesis's again (no Fy(a-b-)).
  await page.selectOption('#fq-own-system', '');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.' && !location.hash.includes('own_loci'));
  assert.equal(await page.locator('#fq-result-table tbody tr').count(), 4);
  assert.deepEqual(problems, []);

  // Deleting it removes it from the list (and from Genotypes).
  await page.goto(`${site.server.url}#/systems`);
  await page.waitForSelector('.sy-saved li');
  page.once('dialog', (d) => d.accept());
  await page.click('.sy-saved button');
  await page.waitForFunction(() => document.querySelectorAll('.sy-saved li').length === 0);
  await page.close();
});

test('Systems: a definition the module refuses is marked at the field, then fixed', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/systems`);
  await page.waitForSelector('#sy-loci');
  await page.fill('#sy-loci', 'FY FY*A = Fya');
  assert.match(await page.textContent('[data-error-for="system"]'), /Line 1: start with the locus name and a colon/);
  // Two alleles of one name: marked at the loci as you type, on its line.
  await page.fill('#sy-name', 'Twice');
  await page.fill('#sy-loci', 'K: K = K, K = k');
  assert.equal(await page.textContent('[data-error-for="system"]'), 'Line 1: the allele “K” is listed twice in locus K');
  // What only the module finds (two antigens differing in case) is marked at the loci too.
  await page.fill('#sy-loci', 'FY: A = Fya, B = fya');
  await page.click('#systems-compute');
  await page.waitForFunction(() => /Not computed/.test(document.querySelector('.status')?.textContent ?? ''));
  assert.match(await page.textContent('[data-error-for="system"]'), /Antigens 'Fya' and 'fya' differ only in upper and lower case/);
  await showSystem(page, { name: 'Kell', loci: 'KEL: K = K, k = k' });
  assert.equal(await page.locator('#sy-phenotypes tbody tr').count(), 3);
  await page.close();
});

test('Systems: at 360 px the genotypes and every frequency box are on screen; axe-core finds no violations', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${site.server.url}#/systems?name=Duffy&loci=${encodeURIComponent(DUFFY_NULL.loci)}`);
  await page.waitForSelector('#sy-phenotypes');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, [
    '#sy-phenotypes tbody td:nth-of-type(2)',
    '#sy-f-0',
  ]);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('Systems: at 1280 px every frequency box is as wide as its heading’s words', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/systems?name=Duffy&loci=${encodeURIComponent(DUFFY_NULL.loci)}`);
  await page.waitForSelector('#sy-phenotypes');
  await page.fill('#sy-f-0', '0.000123456');
  await assertGridColumnsFit(page);
  await page.close();
});
