// Shared set-up for the browser tests: the static server on a free port, and headless
// Debian Chromium driven by playwright-core with a fresh profile per browser.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Fail (not skip) when a build output is missing: `make test` builds them first. */
export function requireBuilt(...relativePaths) {
  for (const p of relativePaths) {
    if (!existsSync(join(root, p))) throw new Error(`${p} is missing: run \`node scripts/build-web.mjs --single\` (after \`make wasm\`) first`);
  }
}

/** Start scripts/serve.mjs on a free port; resolves to {url, stop()}. */
export function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs'), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) resolve({ url: match[1], stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited early (${code}): ${out}`)));
  });
}

/** Launch Chromium with a fresh user data dir; resolves to {browser, close()}. */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'rbcmatch-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

/** Collect console errors and CSP violations of a page, to assert on at the end. */
export function watchProblems(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** The least-squares column of the result table: {genotypeLabel: shownText}. */
export async function leastSquaresColumn(page) {
  return page.$$eval('#gt-result-table tbody tr', (rows) => Object.fromEntries(rows.map((r) => {
    const genotype = r.querySelector('td.genotype').firstChild.textContent.trim();
    return [genotype, r.querySelector('td.ls').textContent.trim()];
  })));
}

/** Genotype label -> order-free key: "O/A" and "A/O" both -> "AO". */
export const genotypeKey = (label) => (label.includes('/') ? label.split('/') : [...label]).sort().join('');

/** The case `id` of tests/reference/<calculator>.json: published numbers with their sources. */
export function referenceCase(calculator, id) {
  const file = JSON.parse(readFileSync(join(root, 'tests/reference', `${calculator}.json`), 'utf8'));
  return file.cases.find((c) => c.id === id) ?? assert.fail(`no reference case ${id}`);
}

// thesis eq. 3.5: ABO phenotypes O, A, B, AB -> least-squares genotype frequencies (3 decimals),
// by the iteration as printed (constraint "none"; the default, a distribution, differs by up to 6e-4).
const eq35 = referenceCase('genotypes', 'thesis-eq-3.5');
export const ABO_FREQUENCIES = eq35.request.frequencies;
export const ABO_EXPECTED = Object.fromEntries(eq35.values.map((v) => [genotypeKey(v.label.equals), v.published]));

/** Every shown least-squares value matches eq. 3.5 within the thesis's rounding. */
export function assertAboEq35(shown) {
  const keyed = Object.fromEntries(Object.entries(shown).map(([label, text]) => [genotypeKey(label), Number(text)]));
  assert.deepEqual(Object.keys(keyed).sort(), Object.keys(ABO_EXPECTED).sort(), `genotypes on screen: ${JSON.stringify(shown)}`);
  for (const [key, expected] of Object.entries(ABO_EXPECTED)) {
    // Shown to 4 decimals, so up to 0.00005 of rounding on top of the reference tolerance.
    const tolerance = eq35.values.find((v) => genotypeKey(v.label.equals) === key).tolerance + 0.00005;
    assert.ok(Math.abs(keyed[key] - expected) <= tolerance, `genotype ${key}: shown ${keyed[key]}, thesis eq. 3.5 ${expected}`);
  }
}


/** Choose an option of the calculator shell's Options box (opened first: closed, it is not rendered). */
export async function chooseOption(page, calculator, name, value) {
  await page.evaluate(() => { document.querySelector('details.options').open = true; });
  await page.selectOption(`#${calculator}-opt-${name}`, value);
}

/** axe-core's violations on the page, as "rule: targets" lines ([] when there are none). */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => Boolean(globalThis.axe)))) {
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  }
  return page.evaluate(async () => (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
}

/** Click Compute and Cancel in one task, so no reply can arrive in between; wait for "Cancelled.". */
export async function computeAndCancel(page, calculator) {
  await page.evaluate((id) => {
    document.querySelector(`#${id}-compute`).click();
    document.querySelector('.actions button.secondary').click();
  }, calculator);
  await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Cancelled.');
}

/**
 * For a test file that only needs the served site and a browser: starts both before its
 * tests (after checking the build exists) and stops them after. Returns {server, browser},
 * filled in once the tests run.
 */
export function useServedSite(...builtPaths) {
  const site = { server: null, browser: null };
  before(async () => {
    requireBuilt(...builtPaths);
    site.server = await startServer();
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    site.server?.stop();
  });
  return site;
}

/**
 * On a phone (call it with the viewport at 360 px) the answers and the inputs are on screen
 * (issue 23): the first cell of every answer column (one selector each, its first match), every
 * text box, menu, button and download link of <main> (every <details> opened first, so the
 * options are included) and every picture lie within the viewport, not off to the side in a
 * box that scrolls. Assertion failures name what lies outside and where.
 */
export async function assertOnPhoneScreen(page, answerColumns) {
  const { missing, outside } = await page.evaluate((selectors) => {
    for (const d of document.querySelectorAll('main details')) d.open = true;
    const width = document.documentElement.clientWidth;
    const where = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.left < -0.5 || r.right > width + 0.5) ? `${Math.round(r.left)} to ${Math.round(r.right)} px` : null;
    };
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.getAttribute('aria-label') ?? el.textContent).trim().slice(0, 30)}”`;
    const missing = selectors.filter((s) => !document.querySelector(s)?.getBoundingClientRect().width);
    const outside = [
      ...selectors.filter((s) => document.querySelector(s) && where(document.querySelector(s))).map((s) => `answer ${s} at ${where(document.querySelector(s))}`),
      ...[...document.querySelectorAll('main input:not([type=file]), main select, main textarea, main button, main a.button, main svg[role=img]')]
        .filter(where).map((el) => `${name(el)} at ${where(el)}`),
    ];
    return { missing, outside };
  }, answerColumns);
  assert.deepEqual(missing, [], 'answer columns not on the page');
  assert.deepEqual(outside, [], `outside a ${await page.evaluate(() => document.documentElement.clientWidth)} px screen`);
}

/**
 * On a desktop (1280 px) every column of a grid of boxes (a table with text boxes or menus)
 * is wide enough to read: each box at least as wide as the longest word of its column's
 * heading, and wide enough to show what it holds (Matching's id boxes were 16 px wide: P1
 * could not be seen). Every <details> is opened first.
 */
export async function assertGridColumnsFit(page) {
  const problems = await page.evaluate(() => {
    for (const d of document.querySelectorAll('main details')) d.open = true;
    const context = document.createElement('canvas').getContext('2d');
    const problems = [];
    for (const table of document.querySelectorAll('main table')) {
      const head = table.tHead?.rows[0];
      if (!head || !table.querySelector('tbody input[type=text], tbody select')) continue;
      const headings = [...head.cells].map((th) => {
        const visible = th.cloneNode(true);
        visible.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
        context.font = getComputedStyle(th).font;
        const words = visible.textContent.split(/\s+/).filter(Boolean);
        return { text: visible.textContent.trim(), word: Math.max(0, ...words.map((w) => context.measureText(w).width)) };
      });
      for (const row of table.tBodies[0]?.rows ?? []) {
        if (row.cells.length !== headings.length) continue; // a row of messages across the grid
        [...row.cells].forEach((cell, k) => {
          const box = cell.querySelector('input[type=text], select');
          if (!box || !headings[k].text) return;
          const width = box.getBoundingClientRect().width;
          if (width + 0.5 < headings[k].word) problems.push(`${table.id || table.className} “${headings[k].text}”: box ${Math.round(width)} px, heading's word ${Math.round(headings[k].word)} px`);
          if (box.tagName === 'INPUT' && box.scrollWidth > box.clientWidth + 1) problems.push(`${table.id || table.className} “${headings[k].text}”: “${box.value}” does not fit its ${Math.round(width)} px box`);
        });
      }
    }
    return problems;
  });
  assert.deepEqual(problems, [], 'grid columns too narrow at 1280 px');
}

// ---- a calculator's state, as the shell shows it ----

/** Waits until the shell's status says the result is done. */
export const statusDone = (page) => page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Done.');
/** Waits until the status says nothing was computed (a link the page could not read, say). */
export const statusNotComputed = (page) => page.waitForFunction(() => /^Not computed/.test(document.querySelector('.status')?.textContent));
/** The settings in the page's link (after `#/<calculator>?`). */
export const hashParams = (page) => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
/** The request the result's appendix shows. */
export const requestAppendix = async (page) => JSON.parse(await page.textContent('details.request-appendix pre'));
/** The text of the result's CSV download. */
export const downloadedCsv = async (page) => decodeURIComponent((await page.getAttribute('.result-actions a[download]', 'href')).replace(/^data:text\/csv;charset=utf-8,/, ''));
