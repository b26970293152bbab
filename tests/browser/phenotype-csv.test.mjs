// Browser tests of importing and exporting a phenotype table as CSV (web/lib/phenotype-csv-controls.js)
// on the Genotypes tab: a file, a bad file reported by line, a column pasted from a spreadsheet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems, axeViolations } from './helpers.mjs';

const site = useServedSite('public/build/app.js');
const values = (page) => page.$$eval('[id^="gt-f-"]', (inputs) => inputs.filter((i) => i.tagName === 'INPUT').map((i) => i.value));
const file = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('Phenotype CSV: a semicolon file with decimal commas is imported, then computed; export gives it back', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/genotypes?system=abo`);
  await page.waitForSelector('#gt-f-0');
  await page.setInputFiles('#gt-csv-file', file('abo.csv', 'Phenotype;Frequency\nO;0,45\nA;0,40\nB;0,11\nAB;0,04\n'));
  await page.waitForSelector('.csv-report .note');
  assert.deepEqual(await values(page), ['0.45', '0.4', '0.11', '0.04']);
  assert.equal(await page.inputValue('#gt-population'), '');
  assert.match(await page.textContent('.csv-report'), /Imported 4 phenotypes from abo.csv/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#gt-csv-export')]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  assert.equal(text, 'phenotype,frequency\r\nO,0.45\r\nA,0.4\r\nB,0.11\r\nAB,0.04\r\n');
  await page.click('#genotypes-compute');
  await page.waitForSelector('#gt-result-table');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Phenotype CSV: a bad file is refused with every bad line named, and the table is unchanged', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/genotypes?system=abo`);
  await page.waitForSelector('#gt-f-0');
  const before = await values(page);
  await page.setInputFiles('#gt-csv-file', file('bad.csv', 'O,0.44\nQ,0.43\nB,x\nAB,0.04\n'));
  await page.waitForSelector('.csv-report [role=alert]');
  const report = await page.textContent('.csv-report');
  assert.match(report, /bad.csv was not imported: 2 rows need correcting/);
  assert.match(report, /Line 2: “Q” is not a phenotype of ABO/);
  assert.match(report, /Line 3: “x” is not a number/);
  assert.deepEqual(await values(page), before);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('Phenotype CSV: a column pasted from a spreadsheet fills the boxes from where it is pasted', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/genotypes?system=abo`);
  await page.waitForSelector('#gt-f-0');
  const paste = (selector, text) => page.$eval(selector, (input, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await paste('#gt-f-1', '0,43\n0,09\n0,04\n');
  assert.deepEqual((await values(page)).slice(1), ['0,43', '0,09', '0,04']);
  // More values than boxes below: nothing pasted, and said so.
  await paste('#gt-f-2', '0.1\n0.2\n0.3\n');
  assert.match(await page.textContent('.csv-report'), /only 2 phenotypes from B down; nothing was pasted/);
  assert.deepEqual((await values(page)).slice(1), ['0,43', '0,09', '0,04']);
  // Two columns pasted: read as a table.
  await paste('#gt-f-0', 'O\t0.5\nA\t0.3\nB\t0.1\nAB\t0.1');
  assert.deepEqual(await values(page), ['0.5', '0.3', '0.1', '0.1']);
  await page.close();
});
