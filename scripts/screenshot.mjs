#!/usr/bin/env node
// Full-page screenshot of a calculator with a result, for the README and the user guide.
//
//   node scripts/screenshot.mjs docs/img/genotypes.png ['#/genotypes?system=abo&...']
//   node scripts/screenshot.mjs --all     docs/img/<id>.png for every calculator of
//                                         web/calculators/catalogue.js (its example computed),
//                                         and docs/img/start.png (the start view's first screen),
//                                         at 1280 px; and the same at 360 px, as a phone shows
//                                         them, in docs/img/phone/
//
// Serves public/ itself (scripts/serve.mjs on a free port) and uses headless Debian Chromium.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { launchBrowser, startServer } from '../tests/browser/helpers.mjs';
import { CATALOGUE } from '../web/calculators/catalogue.js';

const width = Number(process.env.WIDTH ?? 1280);
const GENOTYPES = '#/genotypes?system=abo&frequencies=0.44,0.43,0.09,0.04&multistart=1';
// What each picture waits for: a result (or the message that explains why not); the
// Validation tab, for its last check.
const READY = '.results table, .link-problems:not([hidden]), .form-error:not(:empty)';
const WAIT = { validation: '.validation .status[data-checks-total]', start: '.start-list' };
// Pages too long to show whole: their first screen.
const FIRST_SCREEN = new Set(['validation']);

const all = process.argv[2] === '--all';
const [out, hash = GENOTYPES] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/screenshot.mjs out.png [url-hash] | --all');
  process.exit(2);
}
const everyCalculator = (folder, viewport) => [
  ...CATALOGUE.filter((c) => !c.coming).map((c) => ({
    out: `${folder}/${c.id}.png`, hash: c.id === 'genotypes' ? GENOTYPES : `#/${c.id}`, wait: WAIT[c.id] ?? READY,
    fullPage: !FIRST_SCREEN.has(c.id), viewport })),
  { out: `${folder}/start.png`, hash: '#/', wait: WAIT.start, fullPage: false, viewport },
];
const shots = all
  ? [...everyCalculator('docs/img', { width, height: 900 }), ...everyCalculator('docs/img/phone', { width: 360, height: 740 })]
  : [{ out, hash: hash.startsWith('#') ? hash : `#${hash}`, wait: READY, fullPage: true, viewport: { width, height: 900 } }];

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const shot of shots) {
    const page = await browser.context.newPage();
    await page.setViewportSize(shot.viewport);
    await page.goto(server.url + shot.hash);
    await page.waitForSelector(shot.wait, { timeout: 120000 });
    await page.waitForTimeout(500); // let Chart.js finish its resize-driven redraw
    mkdirSync(dirname(resolve(shot.out)), { recursive: true });
    await page.screenshot({ path: shot.out, fullPage: shot.fullPage });
    console.log(`screenshot: wrote ${shot.out}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
