// The page's structure: the calculators grouped by the question they answer, a start view
// that says which calculator answers which question for whom, coming calculators in visible
// words, today's links still working, and all of it on a 360 px phone, by keyboard and for a
// screen reader (axe-core). The words come from web/calculators/catalogue.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedSite, watchProblems, axeViolations } from './helpers.mjs';
import { GROUPS } from '../../web/calculators/catalogue.js';

const site = useServedSite('public/build/app.js');
const all = GROUPS.flatMap((g) => g.calculators);
const coming = all.filter((c) => c.coming);

async function open(hash, viewport) {
  const page = await site.browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}${hash}`);
  return { page, problems };
}

test('start view: the page without a calculator says, per group, which calculator answers which question, for whom', async () => {
  for (const hash of ['', '#/', '#']) {
    const { page, problems } = await open(hash);
    await page.waitForSelector('.start-list');
    assert.equal(await page.textContent('.start h2'), 'Which calculator answers your question?', hash);
    assert.deepEqual(await page.$$eval('.start-group h3', (hs) => hs.map((x) => x.firstChild.textContent)), GROUPS.map((g) => g.title));
    for (const c of all) {
      const text = await page.textContent(`.start-entry[data-calculator="${c.id}"]`);
      assert.ok(text.includes(c.question), `${c.id}: its question`);
      assert.ok(text.includes(`For ${c.audience}.`), `${c.id}: for whom`);
      if (c.coming) assert.ok(text.includes(`Coming: ${c.coming}.`), `${c.id}: what is coming, in words`);
      else assert.equal(await page.getAttribute(`.start-entry[data-calculator="${c.id}"] a`, 'href'), `#/${c.id}`);
    }
    assert.equal(await page.textContent('nav [aria-current="page"]'), 'Start');
    assert.equal(await page.locator('.calculator').count(), 0, 'no calculator is mounted');
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('navigation: four groups with their names; every calculator in its group; coming ones say so in visible text', async () => {
  const { page } = await open('#/relatives');
  await page.waitForSelector('#rl-group');
  const groups = await page.$$eval('nav .nav-group', (gs) => gs.map((g) => ({
    title: g.querySelector('.nav-group-title').textContent,
    label: g.querySelector('ul').getAttribute('aria-labelledby') && document.getElementById(g.querySelector('ul').getAttribute('aria-labelledby')).textContent,
    links: [...g.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]),
  })));
  assert.deepEqual(groups.map((g) => g.title), ['Genetics', 'Blood groups', 'Stock', 'Tools']);
  assert.deepEqual(groups.map((g) => g.label), groups.map((g) => g.title), 'each list is labelled by its group');
  assert.deepEqual(groups.map((g) => g.links.map(([href]) => href)), GROUPS.map((g) => g.calculators.map((c) => `#/${c.id}`)));
  for (const c of coming) {
    const link = page.locator(`nav a[href="#/${c.id}"]`);
    assert.equal(await link.innerText(), `${c.title} coming`, `${c.id}: “coming” is visible text, not a tooltip`);
    assert.equal(await link.getAttribute('title'), null);
  }
  assert.equal(await page.textContent('nav [aria-current="page"]'), 'Relatives');
  // At 1280 px a group never breaks across lines: its links share one line.
  const tops = await page.$$eval('nav .nav-group', (gs) => gs.map((g) => new Set([...g.querySelectorAll('a')].map((a) => a.getBoundingClientRect().top)).size));
  assert.deepEqual(tops, [1, 1, 1, 1]);
  // Fourteen calculators in at most two lines of groups where they are shown; narrower, folded.
  for (const width of [900, 1024, 1280, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    const lines = await page.$$eval('nav .nav-group', (gs) => new Set(gs.map((g) => g.getBoundingClientRect().top)).size);
    assert.ok(lines <= 2, `${width} px: ${lines} lines of groups`);
    assert.equal(await page.isVisible('nav .nav-toggle'), false, `${width} px`);
  }
  for (const width of [360, 768]) {
    await page.setViewportSize({ width, height: 800 });
    assert.equal(await page.isVisible('nav .nav-menu'), false, `${width} px: folded`);
    assert.ok(await page.isVisible('nav .nav-toggle'), `${width} px: its button`);
  }
  await page.close();
});

test('a link to a coming calculator says what is coming; an unknown one is reported; neither computes', async () => {
  for (const c of coming) {
    const { page, problems } = await open(`#/${c.id}?x=1`);
    await page.waitForSelector('.coming-note');
    const note = await page.textContent('.coming-note');
    assert.ok(note.includes(c.question) && note.includes(c.coming), `${c.id}: ${note}`);
    assert.match(note, /Nothing was computed/);
    assert.equal(await page.textContent('nav [aria-current="page"]'), `${c.title} coming`);
    assert.ok(await page.isVisible('.start-list'), 'the calculators to use now are listed');
    assert.equal(new URL(page.url()).hash, `#/${c.id}?x=1`);
    assert.deepEqual(problems, []);
    await page.close();
  }
  const { page } = await open('#/antigens');
  await page.waitForSelector('.link-problems');
  assert.match(await page.textContent('.link-problems'), /“antigens”, which this page does not have/);
  await page.close();
});

test('links of today\'s form keep working: a shared Relatives link computes, and the start view links to each calculator', async () => {
  const { page, problems } = await open('#/relatives?group=O%20RhD-neg%20K-');
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
  assert.equal(await page.inputValue('#rl-group'), 'O RhD-neg K-');
  assert.equal(await page.title(), 'Relatives — rbcmatch');
  await page.click('header h1 a');
  await page.waitForSelector('.start-list');
  assert.equal(new URL(page.url()).hash, '#/');
  await page.click('.start-entry[data-calculator="family"] a');
  await page.waitForSelector('.fm-members');
  assert.equal(await page.textContent('nav [aria-current="page"]'), 'Family');
  assert.deepEqual(problems, []);
  await page.close();
});

test('navigation on a 360 px phone: one button names the calculator and opens the groups; keyboard and Escape work; nothing scrolls sideways', async () => {
  const { page } = await open('#/family', { width: 360, height: 740 });
  await page.waitForSelector('.fm-members');
  const toggle = page.locator('nav .nav-toggle');
  assert.equal(await toggle.innerText(), 'All calculators · Family');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.isVisible('nav .nav-menu'), false, 'folded at first');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360);
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.isVisible('nav a[href="#/lp"]'));
  assert.deepEqual(await axeViolations(page), [], 'the open menu');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360, 'the open menu fits');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Start', 'the menu follows its button');
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('nav-toggle')), true, 'Escape returns to the button');
  // Choosing a calculator folds the menu again.
  await toggle.click();
  await page.click('nav a[href="#/pregnancy"]');
  await page.waitForSelector('#pg-mother');
  assert.equal(await page.locator('nav .nav-toggle').getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('nav .nav-toggle').innerText(), 'All calculators · Pregnancy');
  await page.close();
});

test('navigation by keyboard on a desktop: brand, Start, then the calculators in group order', async () => {
  const { page } = await open('#/');
  await page.waitForSelector('.start-list');
  const order = [];
  for (let k = 0; k < 4; k++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.textContent));
  }
  assert.deepEqual(order, ['rbcmatch', 'Start', 'Genotypes', 'Relatives']);
  // Following a link keeps the focus on it, now the current calculator.
  await page.keyboard.press('Enter');
  await page.waitForSelector('#rl-group');
  assert.deepEqual(await page.evaluate(() => [document.activeElement.textContent, document.activeElement.getAttribute('aria-current')]), ['Relatives', 'page']);
  await page.close();
});

test('axe-core finds no violations on the start view (desktop and phone) or on a coming calculator\'s page', async () => {
  // A coming calculator's page, while the catalogue has one (every calculator is ready now).
  const pages = [['#/', null], ['#/', { width: 360, height: 740 }], ...coming.slice(0, 1).map((c) => [`#/${c.id}`, null])];
  for (const [hash, viewport] of pages) {
    const { page } = await open(hash, viewport);
    await page.waitForSelector('.start-list');
    assert.deepEqual(await axeViolations(page), [], `${hash} ${viewport ? 'phone' : 'desktop'}`);
    if (viewport) assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360);
    await page.close();
  }
});
