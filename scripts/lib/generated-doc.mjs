// The shared ending of the docs generators: rewrite a page's generated blocks, or with
// --check exit 1 when the page on disk differs from what the code generates now.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** render: page text -> page text with its generated blocks filled in. */
export function updateGeneratedDoc(docPath, render, generator) {
  const current = readFileSync(docPath, 'utf8');
  const fresh = render(current);
  if (!process.argv.includes('--check')) { writeFileSync(docPath, fresh); return; }
  if (fresh !== current) {
    console.error(`${path.basename(path.dirname(docPath))}/${path.basename(docPath)} is out of date: run node ${generator}`);
    process.exit(1);
  }
}
