#!/usr/bin/env node
// Full-page screenshot of a calculator with a result, for the README and the user guide.
//
//   node scripts/screenshot.mjs docs/img/genotypes.png ['#/genotypes?system=abo&...']
//
// Serves public/ itself (scripts/serve.mjs on a free port) and uses headless Debian Chromium.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { launchBrowser, startServer } from '../tests/browser/helpers.mjs';

const width = Number(process.env.WIDTH ?? 1280);
const [out, hash = '#/genotypes?system=abo&frequencies=0.44,0.43,0.09,0.04&multistart=1'] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/screenshot.mjs out.png [url-hash]');
  process.exit(2);
}
const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(server.url + (hash.startsWith('#') ? hash : '#' + hash));
  // A result (a chart where the calculator draws one), or the message that explains why not.
  await page.waitForSelector('.results table, .link-problems:not([hidden]), .form-error:not(:empty)');
  await page.waitForTimeout(500); // let Chart.js finish its resize-driven redraw
  mkdirSync(dirname(resolve(out)), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`screenshot: wrote ${out}`);
} finally {
  await browser.close();
  server.stop();
}
