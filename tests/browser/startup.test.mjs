// The page answers its first calls (describe, systems, version) itself, with answers the build
// computed (scripts/build-web.mjs, `rbcmatch:startup` in web/client.js): they must be the
// answers of the module it ships, and the page must be usable before the worker is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBuilt, root, startServer, launchBrowser, watchProblems } from './helpers.mjs';
import { loadModule, wasmDir } from '../js/support.mjs';

test('the page\'s answers to its first calls are the shipped module\'s own', async () => {
  requireBuilt('build/startup-answers.json', 'public/build/app.js', 'public/build/rbcmatch.wasm');
  const embedded = JSON.parse(readFileSync(join(root, 'build/startup-answers.json'), 'utf8'));
  assert.deepEqual(Object.keys(embedded).sort(), ['describe', 'systems', 'version']);
  const module = await loadModule();
  for (const [op, text] of Object.entries(embedded)) assert.deepEqual(JSON.parse(text), JSON.parse(module.call(op, '{}')), op);
  // And they are what app.js ships: every operation's summary (a plain-text stretch of it).
  const app = readFileSync(join(root, 'public/build/app.js'), 'utf8');
  const summaries = Object.values(JSON.parse(embedded.describe).result.operations).map((o) => o.summary.slice(0, 40));
  assert.ok(summaries.length > 10);
  for (const text of summaries) if (!/["'\\`]/.test(text)) assert.ok(app.includes(text), `app.js lacks “${text}”`);
  // The same module: the served .wasm is the one the node tests load.
  assert.ok(readFileSync(join(root, 'public/build/rbcmatch.wasm')).equals(readFileSync(join(wasmDir, 'rbcmatch.wasm'))));
});

test('without its worker the page still draws the form, and the computation says what failed instead of waiting', async () => {
  requireBuilt('public/build/app.js', 'public/build/worker.js');
  const server = await startServer();
  const { context, close } = await launchBrowser();
  try {
    const module = await loadModule();
    const version = JSON.parse(module.call('version', '{}')).result;
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.route('**/build/worker.js', (route) => route.abort());
    await page.goto(`${server.url}#/genotypes`);
    await page.waitForSelector('#gt-f-0');
    await page.waitForFunction((v) => document.getElementById('version')?.textContent.includes(`rbcmatch ${v}`), version.rbcmatch);
    // The page computes its example at once; the worker the page started first failed before
    // the client listened, so the client must not be handed it (public/index.html).
    const failed = () => page.waitForFunction(() => /worker failed/.test(document.querySelector('.form-error')?.textContent ?? ''), null, { timeout: 10000 });
    await failed();
    assert.equal(await page.textContent('.status'), 'Not computed.');
    await page.fill('#gt-f-0', '0.45');
    await page.click('#genotypes-compute');
    await failed();
    assert.ok(problems.every((p) => /worker\.js|ERR_FAILED|Failed to load/i.test(p)), problems.join('\n'));
    await page.close();
  } finally {
    await close();
    server.stop();
  }
});
