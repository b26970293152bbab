// Browser tests of the Frequencies calculator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems, axeViolations, referenceCase, assertOnPhoneScreen } from './helpers.mjs';

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
  assert.match(text, /Population 1 for Rh: "rh\/nowhere"/);
  assert.equal(new URL(page.url()).hash, hash);
  await page.close();
});

test('Frequencies: at 360 px the answer columns, the sort buttons and every box are on screen; axe-core finds no violations', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${site.server.url}#/frequencies?antigens=A,B,D,C,c,E,e&group=O+D%2B+C%2B+c%2B+E-+e%2B&donors=99&patients=0`);
  await page.waitForSelector('#fq-result-table');
  await page.waitForSelector('#fq-donors-table');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, [
    '#fq-result-table tbody td:nth-of-type(1)',
    '#fq-result-table tbody td:nth-of-type(2)',
    '#fq-result-table tbody td:nth-of-type(3)',
    '#fq-result-table tbody td:nth-of-type(4)',
    '#fq-result-table tbody td:nth-of-type(5)',
    '#fq-donors-table tbody td:nth-of-type(3)',
    '#fq-rarity-table tbody td:nth-of-type(3)',
  ]);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

const donorRows = (page) => page.$$eval('#fq-donors-table tbody tr', (trs) => trs.map((tr) =>
  [tr.querySelector('th').textContent, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]));

test('Frequencies: a patient’s group (Example 4.1) with its donor groups, best first, and one issue’s loss', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  const example = referenceCase('frequencies', 'thesis-example-4.1');
  await page.goto(`${site.server.url}#/frequencies?antigens=${example.request.antigens.join(',')}`);
  await page.waitForSelector('#fq-result-table');
  // Written as staff write it: ABO as O, Rh with signs, Duffy as Fy(a+), MNS as S-s+.
  await page.fill('#fq-group', 'O D+ C- E+ K- Fy(a+) S-s+');
  await page.fill('#fq-donor', 'O D- C- E+ K- Fya+ S- s+');
  await page.click('#frequencies-compute');
  await page.waitForSelector('#fq-donors-table');
  const published = example.values.find((v) => v.path === '/query/frequency').published;
  const shown = await page.textContent('.fq-query');
  const frequency = Number(shown.match(/Among donors: 1 in [\d,]+ \(([\d.]+)\)/)[1]);
  assert.ok(Math.abs(frequency - published) < 5e-4, `Example 4.1: ${frequency} vs ${published}`);
  const donors = await donorRows(page);
  assert.equal(donors.length, 16); // the subsets of {D, E, Fya, s}
  assert.equal(donors[0][0], 'O D+ C- E+ K- Fya+ S- s+');
  assert.equal(Number(donors[0][3]), 0);
  const losses = donors.map((r) => Number(r[3].replace(/\(tie\)|undefined/g, '').trim() || NaN));
  assert.ok(losses.every((v, i) => i === 0 || Number.isNaN(v) || v >= losses[i - 1]), `best first: ${losses}`);
  assert.match(await page.textContent('#fq-issue'), /relative opportunity loss \d\.\d{4}/);
  // The link holds the patient and the donor group.
  const params = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
  assert.equal(params.get('group'), 'O D+ C- E+ K- Fy(a+) S-s+');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Frequencies: an incomplete or incompatible group is marked at its field, then fixed', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/frequencies?antigens=A,B,D,K`);
  await page.waitForSelector('#fq-result-table');
  await page.fill('#fq-group', 'A D+');
  assert.match(await page.textContent('[data-error-for="group"]'), /Say \+ or − for K/);
  await page.fill('#fq-group', 'A D+ K-');
  await page.fill('#fq-donor', 'B D- K-');
  assert.match(await page.textContent('[data-error-for="donor_group"]'), /Not compatible: the donor has B/);
  await page.click('#frequencies-compute');
  assert.match(await page.textContent('.status'), /correct the marked field/);
  await page.fill('#fq-donor', 'O D- K-');
  await page.click('#frequencies-compute');
  await page.waitForSelector('#fq-issue');
  assert.equal(await page.textContent('[data-error-for="donor_group"]'), '');
  // The diagram of Fig. 4.1: 16 groups; A D+ K- is served by itself, A D- K-, O D+ K-, O D- K-.
  assert.equal(await page.locator('svg.hasse .hasse-node').count(), 16);
  assert.equal(await page.locator('svg.hasse .hasse-node.patient').count(), 1);
  assert.equal(await page.locator('svg.hasse .hasse-node.donor').count(), 3);
  await page.close();
});

test('Frequencies: donors a 99 % / 1 % mixture, patients African; weights out of range are refused', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/frequencies?antigens=Fya,Fyb`);
  await page.waitForSelector('#fq-result-table');
  await page.selectOption('#fq-scenario', 'seed-004');
  assert.equal(await page.inputValue('#fq-share-donors'), '99');
  await page.click('#frequencies-compute');
  await page.waitForFunction(() => document.querySelectorAll('#fq-result-table thead th').length === 6);
  const table = await rows(page);
  // Fy(a-b-): 1 % x 0.68 of donors, 0.68 of patients (thesis sec. 3.5.2).
  assert.equal(table[0][0], 'Fya- Fyb-');
  assert.ok(Math.abs(Number(table[0][1]) - 0.0068) < 1e-4, table[0].join(' | '));
  assert.ok(Math.abs(Number(table[0][3]) - 0.68) < 1e-4, table[0].join(' | '));
  await page.fill('#fq-share-donors', '99,5'); // a decimal comma
  assert.equal(await page.textContent('[data-error-for="donors"]'), '');
  await page.fill('#fq-share-donors', '120');
  assert.match(await page.textContent('[data-error-for="donors"]'), /0 to 100/);
  await page.close();
});

test('Frequencies: a filter and Next / Previous page through the matching groups', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/frequencies?antigens=A,B,D,C,c,E,e,K,k,Fya,Fyb&filter=O+D-&limit=64`);
  await page.waitForSelector('#fq-result-table');
  assert.match(await page.textContent('#fq-page'), /Showing groups 1–64 of 256 matching \(2048 in all\)/);
  assert.ok((await rows(page)).every((r) => r[0].startsWith('O D-')));
  await page.click('#fq-next');
  await page.waitForFunction(() => /Showing groups 65–128/.test(document.querySelector('#fq-page')?.textContent));
  assert.equal(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('offset'), '64');
  await page.click('#fq-prev');
  await page.waitForFunction(() => /Showing groups 1–64/.test(document.querySelector('#fq-page')?.textContent));
  assert.ok(await page.isDisabled('#fq-prev'));
  await page.close();
});

test('Frequencies: a column heading sorts the whole table; a second click reverses it', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/frequencies?antigens=A,B,D,K`);
  await page.waitForSelector('#fq-result-table');
  await page.click('#fq-sort-usability');
  await page.waitForFunction(() => document.querySelector('#fq-sort-usability')?.textContent.includes('▼'));
  let u = (await rows(page)).map((r) => Number(r[3]));
  assert.ok(u.every((v, i) => i === 0 || v <= u[i - 1]), `most usable first: ${u}`);
  assert.equal(await page.getAttribute('th:has(#fq-sort-usability)', 'aria-sort'), 'descending');
  assert.equal(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('order'), 'most_usable');
  await page.click('#fq-sort-usability');
  await page.waitForFunction(() => document.querySelector('#fq-sort-usability')?.textContent.includes('▲'));
  u = (await rows(page)).map((r) => Number(r[3]));
  assert.ok(u.every((v, i) => i === 0 || v >= u[i - 1]), `least usable first: ${u}`);
  await page.close();
});

test('Frequencies: your own Duffy frequencies, typed or from CSV, computed and kept in the link', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/frequencies?antigens=Fya,Fyb`);
  await page.waitForSelector('#fq-result-table');
  await page.selectOption('#fq-pop1-duffy', 'own');
  // It starts from the table chosen before (Table 4.4: Fy(a-b-) 0, Fy(a+b-) 0.17, ...).
  assert.equal(await page.inputValue('#fq-own1-duffy-1'), '0.17');
  await page.setInputFiles('#fq-own1-duffy-csv-file', { name: 'duffy.csv', mimeType: 'text/csv',
    buffer: Buffer.from('phenotype;frequency\nFy(a-b-);0,68\nFy(a+b-);0,06\nFy(a-b+);0,25\nFy(a+b+);0,01\n') });
  // The file is read asynchronously: wait for the import's report.
  await page.waitForSelector('#fq-own1-duffy-csv-report .note');
  assert.equal(await page.inputValue('#fq-own1-duffy-0'), '0.68');
  await page.click('#frequencies-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.' &&
    document.querySelector('#fq-result-table tbody tr td')?.textContent.startsWith('0.68'));
  const hash = new URL(page.url()).hash;
  assert.match(decodeURIComponent(hash), /duffy=own:0.68;0.06;0.25;0.01/);
  // The link reproduces it; a bad value in it is reported at once.
  const again = await site.browser.context.newPage();
  await again.goto(`${site.server.url}${hash}`);
  await again.waitForSelector('#fq-result-table');
  assert.equal(await again.inputValue('#fq-own1-duffy-0'), '0.68');
  await again.goto(`${site.server.url}#/frequencies?antigens=Fya&duffy=own:0.5;x;0.5`);
  await again.waitForSelector('.link-problems:not([hidden])');
  assert.match(await again.textContent('.link-problems'), /the link has 3 frequencies, the system 4 phenotypes/);
  // A frequency out of range is marked at its box.
  await page.fill('#fq-own1-duffy-2', '1.5');
  assert.match(await page.textContent('#fq-own1-duffy-2-error'), /≤ 1/);
  assert.deepEqual(problems, []);
  await again.close();
  await page.close();
});

test('Frequencies: a group’s name in the table looks it up as the patient’s group', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/frequencies?antigens=A,B,D`);
  await page.waitForSelector('#fq-result-table');
  await page.click('#fq-result-table tbody button:text-is("A D+")');
  await page.waitForSelector('#fq-donors-table');
  assert.equal(await page.inputValue('#fq-group'), 'A D+');
  // A D+ can be served by A D+, A D-, O D+ and O D-.
  assert.equal(await page.locator('#fq-donors-table tbody tr').count(), 4);
  assert.equal(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('group'), 'A D+');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
