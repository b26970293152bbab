// Fills the README's first screen from web/calculators/catalogue.js, the list the page's
// navigation and start view are drawn from:
//   <!-- calculators --> ... <!-- /calculators -->   one row per calculator: its name, the
//   question it answers, for whom, its request API operation and a screenshot
//   (docs/img/<id>.png) and one at phone width (docs/img/phone/<id>.png), made by `make screenshot`,
//   linked; a coming one says what it will do.
// node scripts/gen-readme.mjs          rewrites README.md
// node scripts/gen-readme.mjs --check  exits 1 when it is out of date
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GROUPS } from '../web/calculators/catalogue.js';
import { updateGeneratedDoc } from './lib/generated-doc.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function table() {
  const rows = ['| calculator | the question it answers | for whom | operation | screenshots (desktop · phone) |', '|---|---|---|---|---|'];
  for (const g of GROUPS) {
    rows.push(`| **${g.title}** | *${g.question}* | | | |`);
    for (const c of g.calculators) {
      // A tab of panels (Supply) runs one operation per panel: each linked.
      const op = c.coming ? '—' : c.op ? [c.op].flat().map((o) => `[\`${o}\`](docs/api.md#${o})`).join(', ') : 'all of them (`tests/reference/`)';
      // docs/img/<id>.png, a whole page with its example computed at 1280 px, and
      // docs/img/phone/<id>.png at 360 px (`make screenshot` takes both): linked, since
      // pictures that tall would make the table long.
      const shot = c.coming ? '' : `[${c.title}](docs/img/${c.id}.png) · [phone](docs/img/phone/${c.id}.png)`;
      const question = c.coming ? `${c.question} *Coming: ${c.coming}.*` : c.question;
      rows.push(`| ${c.coming ? `${c.title} (coming)` : c.title} | ${question} | ${c.audience} | ${op} | ${shot} |`);
    }
  }
  return rows.join('\n');
}

updateGeneratedDoc(path.join(root, 'README.md'),
  (text) => text.replace(/(<!-- calculators -->)[\s\S]*?(<!-- \/calculators -->)/, (m, open, close) => `${open}\n${table()}\n${close}`),
  'scripts/gen-readme.mjs');
