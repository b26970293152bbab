// Browser tests of the Allocation calculator (thesis ch. 6). Published numbers come from
// tests/reference/allocation.json, never from this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems, axeViolations, referenceCase, assertOnPhoneScreen, assertGridColumnsFit } from './helpers.mjs';
import { STOCK, REQUESTS, formatGridParam } from '../../web/calculators/allocation/grids.js';

const site = useServedSite('public/build/app.js');

/** The link of a reference case's request: the page's own form of it (docs/user-guide.md). */
function linkOf(request) {
  const params = new URLSearchParams({
    antigens: request.antigens.join(','), max_shelf_life: String(request.max_shelf_life), gamma: String(request.gamma),
    stock: formatGridParam(STOCK, request.stock, request.antigens),
    requests: formatGridParam(REQUESTS, request.requests, request.antigens),
  });
  return `#/allocation?${params}`;
}

/** The API's label "{A, B}, r = 2" as the page writes it: ["AB", "2"]. */
const staff = (label) => {
  const [, set, r] = label.match(/^\{(.*)\}(?:, r = (\d+))?$/);
  return [set.replace(/[, ]/g, '') || 'O', ...(r == null ? [] : [r])];
};

const cells = (page, id) => page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())));

/** Every value of a reference case that the page shows in a table: its row's label and number. */
async function assertReference(page, c) {
  const tables = { stock: ['al-stock-table', 4], stock_groups: ['al-groups-table', 3] };
  for (const v of c.values) {
    const [, list, index, field] = v.path.split('/');
    assert.equal(field, 'remaining', v.path);
    const [id, column] = tables[list];
    const row = (await cells(page, id))[Number(index)];
    const label = staff(v.label.equals);
    assert.deepEqual(row.slice(0, label.length), label, `${c.id} ${v.name}: row ${row}`);
    assert.ok(Math.abs(Number(row[column]) - v.published) <= v.tolerance, `${c.id} ${v.name}: shown ${row[column]}, published ${v.published}`);
  }
}

test('Allocation: the default is thesis Table 6.1 (γ = ½): the stock left, and the only optimum', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  const c = referenceCase('allocation', 'thesis-table-6.1-gamma-1-2');
  await page.goto(`${site.server.url}#/allocation`);
  await page.waitForSelector('#al-stock-table');
  // The page's example is the reference case's request, as its link says.
  const params = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
  const reference = new URLSearchParams(linkOf(c.request).split('?')[1]);
  for (const key of ['antigens', 'max_shelf_life', 'gamma', 'stock', 'requests']) assert.equal(params.get(key), reference.get(key), key);
  await assertReference(page, c);
  assert.match(await page.textContent('#al-uniqueness'), /This is the only allocation of least cost/);
  assert.equal(await page.locator('#al-allocation-table .al-varies').count(), 0);
  assert.match(await page.textContent('#al-issued'), /8 of 8 units requested/);
  // The picture, for a desktop and for a phone: a line per pair that carries units.
  for (const which of ['wide', 'narrow']) {
    assert.equal(await page.locator(`svg.al-picture.${which} g.al-edge line`).count(), await page.locator('#al-allocation-table tbody tr').count(), which);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('Allocation: several optima (γ = 0) are said, and the varying numbers marked “one choice among several”', async () => {
  const page = await site.browser.context.newPage();
  const c = referenceCase('allocation', 'thesis-table-6.1-gamma-0');
  await page.goto(`${site.server.url}${linkOf(c.request)}`);
  await page.waitForSelector('#al-stock-table');
  await assertReference(page, c);
  const note = await page.textContent('#al-uniqueness');
  assert.match(note, /Other allocations have the same least cost/);
  assert.match(note, /not the only answer/);
  const marked = await page.locator('#al-allocation-table tbody tr.varying').count();
  assert.ok(marked > 0, 'some issued units are one choice among several');
  assert.equal(await page.locator('#al-allocation-table tbody tr.varying td.al-varies', { hasText: 'one choice among several' }).count(), marked);
  assert.equal(await page.locator('svg.al-picture.wide g.al-edge.varying line').count(), marked);
  // γ = 1: the stock left per blood group (Table 6.1's row) is the same in every optimum.
  const g1 = referenceCase('allocation', 'thesis-table-6.1-gamma-1');
  await page.goto(`${site.server.url}${linkOf(g1.request)}`);
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.' && document.querySelector('#al-uniqueness'));
  await page.waitForFunction(() => new URLSearchParams(location.hash.split('?')[1]).get('gamma') === '1');
  await assertReference(page, g1);
  await page.close();
});

test('Allocation: a bad cell is marked as you type; an error from the module lands at its cell; then it computes', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/allocation`);
  await page.waitForSelector('#al-stock-table');
  await page.fill('#al-stock-1-units', '-1');
  assert.equal(await page.textContent('[data-error-for="stock[1].units"]'), 'must be ≥ 0');
  assert.equal(await page.getAttribute('#al-stock-1-units', 'aria-invalid'), 'true');
  await page.fill('#al-requests-0-group', 'O K+');
  assert.equal(await page.textContent('[data-error-for="requests[0].group"]'), '“K+”: K is not among the antigens chosen (A, B)');
  // A (group, r) pair given twice.
  await page.fill('#al-stock-2-residual_shelf_life', '0');
  assert.match(await page.textContent('[data-error-for="stock[2]"]'), /Same blood group and residual shelf life as row 1/);
  await page.click('#allocation-compute');
  assert.match(await page.textContent('.status'), /Please correct the 3 marked fields first/);
  await page.fill('#al-stock-1-units', '2');
  await page.fill('#al-requests-0-group', 'O');
  await page.fill('#al-stock-2-residual_shelf_life', '2');
  // More units than an entry may have: only the module knows the limit, and says so at the cell.
  await page.fill('#al-stock-0-units', '2000000');
  await page.click('#allocation-compute');
  await page.waitForFunction(() => /Not computed/.test(document.querySelector('.status')?.textContent));
  assert.match(await page.textContent('[data-error-for="stock[0].units"]'), /^Units of stock row 1 must be at most \d+/);
  await page.fill('#al-stock-0-units', '4');
  await page.click('#allocation-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assert.equal(await page.textContent('[data-error-for="stock[0].units"]'), '');
  assert.match(await page.textContent('#al-issued'), /8 of 8 units requested/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Allocation: rows added and removed; the link reproduces the result in a new page', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/allocation`);
  await page.waitForSelector('#al-stock-table');
  await page.click('#al-requests-add');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'al-requests-4-group');
  assert.equal(await page.textContent('[data-error-for="requests[4].group"]'), 'enter a blood group');
  await page.fill('#al-requests-4-group', 'AB');
  assert.match(await page.textContent('[data-error-for="requests[4]"]'), /Same blood group as row 4/);
  await page.click('[aria-label="Remove request row 4"]');
  assert.equal(await page.inputValue('#al-requests-3-group'), 'AB');
  await page.fill('#al-requests-3-units', '5');
  await page.click('[aria-label="Remove request row 2"]');
  assert.equal(await page.locator('#al-requests-grid tbody tr:not(.al-row-error)').count(), 3);
  assert.equal(await page.inputValue('#al-requests-1-group'), 'B');
  // Only O units can serve O: 9 requested of the 6 in stock.
  await page.fill('#al-requests-0-units', '9');
  await page.fill('#al-gamma', '0,8');
  assert.equal(await page.inputValue('#al-gamma-slider'), '0.8');
  await page.click('#allocation-compute');
  await page.waitForFunction(() => new URLSearchParams(location.hash.split('?')[1]).get('requests') === 'O:9;B:2;AB:5');
  const link = page.url();
  const shown = { allocation: await cells(page, 'al-allocation-table'), requests: await cells(page, 'al-requests-table'), summary: await page.textContent('.al-summary') };
  assert.match(shown.summary, /Shortage: 3 units requested cannot be met/);
  const again = await site.browser.context.newPage();
  await again.goto(link);
  await again.waitForSelector('#al-stock-table');
  assert.deepEqual({ allocation: await cells(again, 'al-allocation-table'), requests: await cells(again, 'al-requests-table'),
    summary: await again.textContent('.al-summary') }, shown);
  assert.equal(await again.inputValue('#al-gamma'), '0,8');
  await again.close();
  await page.close();
});

test('Allocation: a link that cannot be read is reported cell by cell, kept, and nothing is computed', async () => {
  const page = await site.browser.context.newPage();
  const hash = '#/allocation?antigens=A,B&max_shelf_life=2&gamma=0.5&stock=O:0:4;A:x:1;B:1&requests=O:2;Q:1';
  await page.goto(`${site.server.url}${hash}`);
  await page.waitForSelector('.link-problems:not([hidden])');
  const text = await page.textContent('.link-problems');
  assert.match(text, /Stock row 3: “B:1” is not group:r:units/);
  assert.match(text, /Residual shelf life of stock row 2: not a number/);
  assert.match(text, /Blood group of request row 2: “Q” is not a blood group/);
  assert.equal(await page.locator('.results table').count(), 0);
  assert.equal(new URL(page.url()).hash, hash);
  await page.close();
});

test('Allocation: a CSV with a bad line is refused by line number; a good one fills the grid', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/allocation`);
  await page.waitForSelector('#al-stock-table');
  const file = (text) => ({ name: 'stock.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  // The file is read asynchronously: wait for the report to say `words`.
  const report = async (words) => {
    await page.waitForFunction((w) => document.querySelector('#al-stock-csv-report').textContent.includes(w), words);
    return page.textContent('#al-stock-csv-report');
  };
  await page.setInputFiles('#al-stock-csv-file', file('blood group;r;units\nO;0;4\nA;1;-2\nB;1;3\n'));
  assert.match(await report('not imported'), /stock\.csv was not imported: one line needs correcting\. The grid is unchanged\.\s*Line 3: units “-2”: must be ≥ 0/);
  assert.equal(await page.locator('#al-stock-grid tbody tr:not(.al-row-error)').count(), 12);
  await page.setInputFiles('#al-stock-csv-file', file('O;0;4\nA;1;2,0\n\nB;1;3\nAB;2;1\n'));
  assert.match(await report('Imported'), /Imported 4 rows from stock\.csv/);
  assert.equal(await page.inputValue('#al-stock-1-units'), '2,0');
  await page.click('#allocation-compute');
  await page.waitForFunction(() => new URLSearchParams(location.hash.split('?')[1]).get('stock') === 'O:0:4;A:1:2;B:1:3;AB:2:1');
  await page.close();
});

test('Allocation: at 360 px the answer columns, the picture and every box are on screen; axe-core finds no violations', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  const c = referenceCase('allocation', 'thesis-table-6.1-gamma-0');
  await page.goto(`${site.server.url}${linkOf(c.request)}`);
  await page.waitForSelector('#al-stock-table');
  await page.fill('#al-requests-0-units', 'x'); // an error message on screen too
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, [
    '#al-allocation-table tbody td.al-match',
    '#al-allocation-table tbody td:nth-last-of-type(2)',
    '#al-allocation-table tbody td:nth-last-of-type(1)',
    '#al-requests-table tbody td:nth-of-type(3)',
    '#al-requests-table tbody td:nth-of-type(4)',
    '#al-stock-table tbody td:nth-of-type(4)',
    '.al-picture.narrow',
  ]);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('Allocation: the patients\' population changes the opportunity loss; the link keeps it', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/allocation`);
  await page.waitForSelector('.results table');
  assert.equal(await page.isVisible('#al-pop-abo'), true);
  assert.equal(await page.isVisible('#al-pop-rh'), false, 'Rh is not among the antigens');
  const before = await page.textContent('.al-summary');
  await page.selectOption('#al-pop-abo', 'abo/african-reid-2012');
  await page.click('#allocation-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.' && location.hash.includes('abo_population'));
  const params = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
  assert.equal(params.get('abo_population'), 'abo/african-reid-2012');
  assert.notEqual(await page.textContent('.al-summary'), before, 'another population, another least cost');
  const again = await site.browser.context.newPage();
  await again.goto(page.url());
  await again.waitForSelector('.results table');
  assert.equal(await again.inputValue('#al-pop-abo'), 'abo/african-reid-2012');
  await again.close();
  await page.close();
});

test('Allocation: at 1280 px every grid box is as wide as its heading’s words and shows what it holds', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/allocation`);
  await page.waitForSelector('#al-stock-table');
  await assertGridColumnsFit(page);
  await page.close();
});
