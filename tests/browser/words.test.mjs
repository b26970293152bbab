// The page's words and notation (issue 23, item 4): menus and hints in words, not the API's
// identifiers (which stay in links and requests); papers cited by author and year;
// formulas as MathML; the printout showing the inputs as the page does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, axeViolations, chooseOption } from './helpers.mjs';

const site = useServedSite('public/build/app.js');

const TABS = ['genotypes', 'relatives', 'family', 'pregnancy', 'frequencies', 'allocation', 'matching', 'lp', 'systems'];

/** Every option of every menu in <main>, and the text of the Options box, with the box open. */
async function menusAndHints(page, tab) {
  await page.goto(`${site.server.url}#/${tab}`);
  await page.waitForSelector('.results > *, .link-problems:not([hidden])');
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('main details.options')) d.open = true;
    return {
      options: [...document.querySelectorAll('main select option')].map((o) => ({ value: o.value, text: o.textContent })),
      hints: document.querySelector('main .option-grid')?.innerText ?? '',
      text: document.querySelector('main').innerText,
    };
  });
}

test('words: no menu shows an API identifier and no option hint is written in the API’s notation, on any tab', async () => {
  const page = await site.browser.context.newPage();
  for (const tab of TABS) {
    const { options, hints } = await menusAndHints(page, tab);
    const coded = options.filter((o) => o.text.includes('_') || o.text === 'colex');
    assert.deepEqual(coded, [], `${tab}: menus show identifiers`);
    for (const code of [/\b(lambda|pi|rho|alpha|beta|gamma|Delta)(_\d)?\b/, /\b[a-z]+_[a-z_]+\b/, /`/, /seed 004/, /x >= 0/]) {
      assert.doesNotMatch(hints, code, `${tab}: the options' hints`);
    }
  }
  await page.close();
});

test('words: a chosen option is sent and linked by its identifier, shown in words', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/relatives?group=RhD-neg`);
  await page.waitForSelector('#rl-table');
  await chooseOption(page, 'relatives', 'model', 'gene_counting');
  assert.equal(await page.$eval('#relatives-opt-model', (s) => s.selectedOptions[0].textContent), 'Gene counting (Hardy–Weinberg)');
  await page.click('#relatives-compute');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assert.match(page.url(), /[?&]model=gene_counting\b/);
  await page.close();
});

test('words: a patient group from a link shows as words in its box; the link keeps the identifier', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/matching?preset=abod&units=U1:D:3&requests=P1:sickle_cell:D::1;P2:autoimmune_haemolysis:D::1`);
  await page.waitForSelector('#mt-assignment-table');
  assert.equal(await page.inputValue('#mt-requests-0-group'), 'sickle cell');
  assert.equal(await page.inputValue('#mt-requests-1-group'), 'autoimmune haemolysis');
  assert.match(decodeURIComponent(page.url()), /P1:sickle_cell:D::1/);
  await page.close();
});

test('words: the papers are cited by author and year, not as “seed 004”; no internal names on the page', async () => {
  const page = await site.browser.context.newPage();
  for (const tab of ['matching', 'frequencies', 'systems', 'lp', 'validation']) {
    await page.goto(`${site.server.url}#/${tab}`);
    // The Validation tab runs every reference file first (about 40 s on 2 busy cores), as its own test allows.
    await page.waitForSelector(tab === 'validation' ? '.validation .status[data-total]' : '.results > *', { timeout: 120000 });
    const text = await page.evaluate(() => {
      for (const d of document.querySelectorAll('main details')) d.open = true;
      return [document.body.innerText, ...[...document.querySelectorAll('[title], option')].map((e) => `${e.title} ${e.textContent}`)].join('\n');
    });
    for (const internal of [/seed 00\d/, /frequencies array/, /`lp_text`/, /allocate operation/, /tests\/reference\/glpk/]) {
      assert.doesNotMatch(text, internal, tab);
    }
  }
  await page.goto(`${site.server.url}#/frequencies`);
  await page.waitForSelector('#fq-scenario');
  assert.match(await page.textContent('#fq-scenario'), /Oyebolu et al\. 2024/);
  await page.close();
});

test('notation: formulas are MathML (λ₄ π₄ as subscripts), and axe-core finds no violations with the options open', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/matching`);
  await page.waitForSelector('#mt-objective-table');
  await page.evaluate(() => { for (const d of document.querySelectorAll('main details')) d.open = true; });
  const fifo = await page.$eval('#mt-objective-table tbody tr:nth-child(4) td math', (m) => [...m.querySelectorAll('msub')].map((s) => s.textContent));
  assert.deepEqual(fifo, ['λ4', 'π4']);
  // Laid out as mathematics: the subscript sits lower and smaller than its letter.
  const [base, index] = await page.$eval('#mt-objective-table tbody tr:nth-child(4) td math msub', (s) => [...s.children].map((c) => {
    const r = c.getBoundingClientRect();
    return { bottom: r.bottom, height: r.height };
  }));
  assert.ok(index.bottom > base.bottom && index.height < base.height, JSON.stringify({ base, index }));
  assert.ok(await page.locator('#matching-opt-fifo_weight-hint math').count() >= 2);
  assert.doesNotMatch(await page.textContent('main'), /lambda_|pi_\d|\brho\b/);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('print: the options as the page shows them, no raw request in the record, the request folded into an appendix', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/genotypes?system=abo&population=abo%2Fthesis-table-4.4&constraint=none`);
  await page.waitForSelector('#gt-result-table');
  await page.emulateMedia({ media: 'print' });
  const record = await page.innerText('.print-record');
  assert.match(record, /Constraint: none \(as printed, eq\. 3\.24\)/);
  assert.match(record, /Sum tolerance: 0\.015/);
  assert.match(record, /Link: http/);
  const printed = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(printed, /"sum_tolerance"|"constraint"|\{"system"/, 'the printout shows no JSON');
  assert.equal(await page.$eval('details.request-appendix', (d) => d.open), false);
  const request = JSON.parse(await page.textContent('details.request-appendix pre'));
  assert.equal(request.constraint, 'none');
  assert.equal(request.system, 'abo');
  await page.emulateMedia({ media: 'screen' });
  await page.close();
});

test('Family: each phenotype heading is aligned with its numbers', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/family`);
  await page.waitForSelector('.fm-table');
  const aligned = await page.$$eval('.fm-table', (tables) => tables.flatMap((t) => [...t.tHead.rows[0].cells].map((th, k) => {
    const td = t.tBodies[0].rows[0].cells[k];
    return `${th.textContent}: ${getComputedStyle(th).textAlign} / ${getComputedStyle(td).textAlign}`;
  })));
  for (const line of aligned) {
    const [heading, numbers] = line.split(': ')[1].split(' / ');
    assert.equal(heading.replace('start', 'left'), numbers.replace('start', 'left'), line);
  }
  await page.close();
});
