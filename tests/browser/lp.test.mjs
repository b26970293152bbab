// Browser tests of the LP calculator. Published numbers come from tests/reference/lp.json
// (thesis Table 6.1 as an LP; GLPK's examples with what glpsol prints), never from this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedSite, watchProblems, axeViolations, referenceCase, root, assertOnPhoneScreen, statusDone as done } from './helpers.mjs';

const site = useServedSite('public/build/app.js');

const rows = (page, id) => page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())));
const shownNumber = (page, selector) => page.getAttribute(selector, 'title').then(Number);

test('LP: the default is Table 6.1 as a CPLEX LP: the stock left and the least cost, as published', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  const c = referenceCase('lp', 'thesis-table-6.1-gamma-0-lp');
  await page.goto(`${site.server.url}#/lp`);
  await page.waitForSelector('#lp-variables');
  assert.equal(await page.inputValue('#lp-example'), c.id);
  assert.equal(await page.inputValue('#lp-model'), c.request.model);
  assert.match(await page.textContent('#lp-status'), /Optimal solution found/);
  const variables = await rows(page, 'lp-variables');
  for (const v of c.values) {
    if (v.path === '/objective') {
      assert.ok(Math.abs(await shownNumber(page, '#lp-objective strong span') - v.published) <= v.tolerance, v.name);
      continue;
    }
    const row = variables.find((r) => r[0] === v.label.equals) ?? assert.fail(`no row ${v.label.equals}`);
    assert.ok(Math.abs(Number(row[1]) - v.published) <= v.tolerance, `${v.name}: shown ${row[1]}`);
  }
  // Duals and ranges are shown for an optimal LP.
  const constraints = await rows(page, 'lp-constraints');
  assert.equal(constraints.length, 11);
  assert.match(constraints.find((r) => r[0] === 'request_O')[4], / to /);
  assert.equal(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('example'), c.id);
  assert.deepEqual(problems, []);
  await page.close();
});

test('LP: GLPK’s transp.mod solves as glpsol reports, with its ranging', async () => {
  const page = await site.browser.context.newPage();
  const c = referenceCase('lp', 'glpk-transp-mod');
  await page.goto(`${site.server.url}#/lp?example=${c.id}`);
  await page.waitForSelector('#lp-variables');
  await done(page);
  assert.equal(await page.inputValue('#lp-format'), 'mathprog');
  const objective = c.values.find((v) => v.path === '/objective');
  assert.ok(Math.abs(await shownNumber(page, '#lp-objective strong span') - objective.published) <= objective.tolerance);
  const variables = await rows(page, 'lp-variables');
  const low = c.values.find((v) => v.path === '/variables/0/ranging/objective_coefficient/0');
  const high = c.values.find((v) => v.path === '/variables/0/ranging/objective_coefficient/1');
  assert.equal(variables[0][0], 'x[Seattle,New-York]');
  assert.equal(variables[0][6], `${low.published} to ${high.published}`);
  await page.close();
});

test('LP: a syntax error shows its line number at the text box; the page keeps working; the link round-trips', async () => {
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/lp`);
  await page.waitForSelector('#lp-variables');
  await page.selectOption('#lp-format', 'cplex_lp');
  await page.fill('#lp-model', 'Maximize\n profit: 3 x + 2 y\nSubject To\n machine_1: x + y <=\nEnd\n');
  assert.equal(await page.inputValue('#lp-example'), '', 'an edited example is the user’s own model');
  await page.click('#lp-compute');
  await page.waitForFunction(() => /Not computed/.test(document.querySelector('.status')?.textContent));
  assert.match(await page.textContent('[data-error-for="model"]'), /^Line 5: missing right-hand side/);
  assert.equal(await page.getAttribute('#lp-model', 'aria-invalid'), 'true');
  assert.equal(await page.locator('.results table').count(), 0);
  // Recovery: the model corrected, the next solve works.
  const model = 'Maximize\n profit: 3 x + 2 y\nSubject To\n machine_1: x + y <= 4\n machine_2: x + 3 y <= 9\nBounds\n x <= 3\nEnd\n';
  await page.fill('#lp-model', model);
  await page.click('#lp-compute');
  await done(page);
  assert.equal(await page.textContent('[data-error-for="model"]'), '');
  assert.equal(await shownNumber(page, '#lp-objective strong span'), 11);
  const variables = await rows(page, 'lp-variables');
  assert.deepEqual(variables.map((r) => r.slice(0, 4)), [['x', '3', '1', 'at upper bound'], ['y', '1', '0', 'basic']]);
  // The link holds the model itself (short) and reproduces the result in a new page.
  const params = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
  assert.equal(params.get('model'), model);
  assert.equal(params.get('format'), 'cplex_lp');
  const again = await site.browser.context.newPage();
  await again.goto(page.url());
  await again.waitForSelector('#lp-variables');
  assert.equal(await again.inputValue('#lp-model'), model);
  assert.deepEqual(await rows(again, 'lp-variables'), variables);
  await again.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('LP: a model without a solution says whether it is infeasible, unbounded or both, and shows no values', async () => {
  // The status models of tests/reference/glpsol/, with the status glpsol's runs gave them.
  const page = await site.browser.context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.server.url}#/lp`);
  await page.waitForSelector('#lp-variables');
  await page.selectOption('#lp-format', 'cplex_lp');
  const words = {
    infeasible: /^A linear programme: No solution: the constraints cannot all be met \(infeasible\)\.$/,
    unbounded: /^A linear programme: No optimum: the constraints can be met, but the objective improves without limit \(unbounded\)\.$/,
    primal_and_dual_infeasible: /cannot all be met \(infeasible\)\. Even with bounds that can be met, .* its dual is infeasible too\./,
  };
  for (const name of ['status-infeasible', 'status-unbounded', 'status-both-dual-first']) {
    const ref = JSON.parse(readFileSync(join(root, 'tests/reference/glpsol', `${name}.json`), 'utf8'));
    await page.fill('#lp-model', readFileSync(join(root, 'tests/reference', ref.model), 'utf8'));
    await page.click('#lp-compute');
    await done(page);
    assert.match(await page.textContent('#lp-status'), words[ref.status], name);
    assert.equal(await page.locator('#lp-objective').count(), 0, name);
    const headings = await page.$$eval('#lp-variables thead th, #lp-constraints thead th', (ths) => ths.map((th) => th.textContent));
    assert.ok(!headings.includes('Value') && !headings.includes('Activity'), `${name}: ${headings}`);
    assert.deepEqual((await rows(page, 'lp-variables')).map((r) => r[0]), ref.columns.map((c) => c[0]));
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('LP: a mixed-integer model says it has no duals; an unknown example in a link is reported', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/lp?example=glpk-samp2-mps`);
  await page.waitForSelector('#lp-variables');
  assert.match(await page.textContent('#lp-relaxation'), /no duals/);
  const c = referenceCase('lp', 'glpk-samp2-mps');
  assert.ok(Math.abs(await shownNumber(page, '#lp-objective strong span') - c.values[0].published) <= c.values[0].tolerance);
  assert.equal(await page.isVisible('#lp-sense'), true, 'MPS text has no sense: the page asks');
  await page.goto(`${site.server.url}#/lp?example=nonsense`);
  await page.waitForSelector('.link-problems:not([hidden])');
  assert.match(await page.textContent('.link-problems'), /"nonsense" is not one of this page’s examples/);
  assert.equal(await page.locator('.results table').count(), 0);
  await page.close();
});

test('LP: CSV and LP text downloads hold the solution and the model', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}#/lp`);
  await page.waitForSelector('#lp-variables');
  const csv = decodeURIComponent((await page.getAttribute('.result-actions a[download]', 'href')).split(',').slice(1).join(','));
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'kind,name,value,reduced_cost_or_dual,basis,lower,upper,objective_coefficient,objective_coefficient_low,objective_coefficient_high,activity_low,activity_high');
  assert.ok(lines.some((l) => l.startsWith('variable,left_A_2,5,')));
  assert.ok(lines.some((l) => l.startsWith('objective,cost,2,')));
  const text = decodeURIComponent((await page.getAttribute('#lp-download-text', 'href')).split(',').slice(1).join(','));
  assert.match(text, /^Minimize\n cost: /m);
  assert.match(text, /request_AB:[^:]*= 2\n/);
  await page.close();
});

test('LP: at 360 px the solution’s columns and every box are on screen; axe-core finds no violations', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${site.server.url}#/lp?example=glpk-transp-mod`);
  await page.waitForSelector('#lp-variables');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width} px wide at 360 px`);
  await assertOnPhoneScreen(page, [
    '#lp-variables tbody td:nth-of-type(1)',
    '#lp-variables tbody td:nth-of-type(2)',
    '#lp-variables tbody td:nth-last-of-type(1)',
    '#lp-constraints tbody td:nth-of-type(1)',
    '#lp-constraints tbody td:nth-of-type(2)',
    '#lp-constraints tbody td:nth-last-of-type(2)',
  ]);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
