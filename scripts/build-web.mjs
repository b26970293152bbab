#!/usr/bin/env node
// Build the web front end.
//
//   node scripts/build-web.mjs            public/build/{app.js,app.css,charts.js,worker.js,rbcmatch.wasm}
//   node scripts/build-web.mjs --single   also build/single/rbcmatch.html: one self-contained file
//                                         (scripts, styles, worker and wasm inlined) for file:// use
//   --dev                                 no minification
//   RBCMATCH_WASM_DIR=dir                 take rbcmatch.js/.wasm from dir instead of build/wasm
//
// Only the single-file build inlines anything (STYLE pitfalls): the served site loads the
// worker and the .wasm as separate files, which the browser caches and streams. The module's
// loader script (rbcmatch.js, 50 kB) goes at the top of worker.js, which saves the worker a
// round trip before the .wasm download can start.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const single = args.has('--single');
const minify = !args.has('--dev');

// `make wasm` links the module at the top of the CMake tree build/wasm.
const wasmDir = process.env.RBCMATCH_WASM_DIR || join(root, 'build/wasm');
const moduleJs = join(wasmDir, 'rbcmatch.js');
const moduleWasm = join(wasmDir, 'rbcmatch.wasm');
for (const file of [moduleJs, moduleWasm]) {
  if (!existsSync(file)) {
    console.error(`build-web: ${file} is missing; run \`make wasm\` first.`);
    process.exit(1);
  }
}

// The module's answers to the page's first calls (web/lib/calculator-shell.js: describe,
// systems and version, each with an empty request), computed here by the very module the
// build ships: `import startup from 'rbcmatch:startup'` (web/client.js) gives them to the
// page, which draws its form from them at once instead of waiting for the worker to start and
// the module to compile (and for the calls' first run in a browser, which compiles every
// function they use). Their answers are fixed for a build. Also written to
// build/startup-answers.json, which a test compares with the module.
const startupAnswers = await (async () => {
  const createRbcmatch = createRequire(import.meta.url)(moduleJs);
  const module = await createRbcmatch({ wasmBinary: readFileSync(moduleWasm) });
  const answers = {};
  for (const op of ['describe', 'systems', 'version']) {
    const text = String(module.call(op, '{}'));
    if (JSON.parse(text).error) throw new Error(`build-web: the module answers ${op} with an error: ${text}`);
    answers[op] = text;
  }
  mkdirSync(join(root, 'build'), { recursive: true });
  writeFileSync(join(root, 'build/startup-answers.json'), JSON.stringify(answers));
  return answers;
})();

// `import files from 'rbcmatch:reference'`: every tests/reference/*.json (published numbers
// with their sources), for the Validation tab; a new file shows up there without code. And
// `import startup from 'rbcmatch:startup'`: the answers above.
const virtualModules = {
  name: 'rbcmatch-virtual',
  setup(b) {
    b.onResolve({ filter: /^rbcmatch:(reference|startup)$/ }, (args) => ({ path: args.path.slice(9), namespace: 'rbcmatch' }));
    b.onLoad({ filter: /^startup$/, namespace: 'rbcmatch' }, () => ({ contents: JSON.stringify(startupAnswers), loader: 'json' }));
    b.onLoad({ filter: /^reference$/, namespace: 'rbcmatch' }, () => {
      const dir = join(root, 'tests/reference');
      const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
      return {
        contents: JSON.stringify(files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))),
        loader: 'json',
        watchFiles: files.map((f) => join(dir, f)),
      };
    });
  },
};
// public/index.html starts the worker with a small inline script, which its CSP allows by hash:
// refuse to build a page whose inline scripts the CSP would block.
const indexHtml = readFileSync(join(root, 'public/index.html'), 'utf8');
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
{
  const csp = indexHtml.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1] ?? '';
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src ')) ?? '';
  for (const [, code] of indexHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    if (!scriptSrc.split(/\s+/).includes(sha256(code))) {
      console.error(`build-web: public/index.html has an inline script its CSP does not allow; put ${sha256(code)} in script-src`);
      process.exit(1);
    }
  }
}

const common = { bundle: true, minify, target: ['chrome100', 'firefox100', 'safari15'], logLevel: 'warning', legalComments: 'none', plugins: [virtualModules] };
const outDir = join(root, 'public/build');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// 1. The served site: separate files.
// Loaded on demand: web/lib/charts.js (Chart.js, most of the page's script; only results draw
// charts) is a bundle of its own, which app.js imports with import() when it first needs it,
// after the page is ready. It imports nothing of the page's own code, so no code is shared
// between the two bundles. The single file keeps it inline (esbuild bundles the import()).
const onDemand = { [join(root, 'web/lib/charts.js')]: 'charts.js' };
const onDemandPlugin = {
  name: 'rbcmatch-on-demand',
  setup(b) {
    b.onResolve({ filter: /charts\.js$/ }, (args) => {
      const out = args.kind === 'dynamic-import' && onDemand[join(args.resolveDir, args.path)];
      return out ? { path: `./${out}`, external: true } : undefined;
    });
  },
};
await build({ ...common, plugins: [...common.plugins, onDemandPlugin], entryPoints: [join(root, 'web/app.js')], outfile: join(outDir, 'app.js'),
  format: 'esm', sourcemap: true });
for (const [entry, out] of Object.entries(onDemand))
  await build({ ...common, entryPoints: [entry], outfile: join(outDir, out), format: 'esm', sourcemap: true });
await build({ ...common, entryPoints: [join(root, 'web/worker.js')], outfile: join(outDir, 'worker.js'), format: 'iife', sourcemap: true,
  banner: { js: readFileSync(moduleJs, 'utf8') } });
copyFileSync(moduleWasm, join(outDir, 'rbcmatch.wasm'));
console.log(`build-web: wrote ${outDir}`);

// 2. The single file.
if (single) {
  const out = join(root, 'build/single/rbcmatch.html');
  mkdirSync(dirname(out), { recursive: true });
  try {
    writeFileSync(out, await singleFile());
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  console.log(`build-web: wrote ${out}`);
}

async function bundleInMemory(entry, format) {
  const result = await build({ ...common, entryPoints: [entry], format, write: false, outdir: '/virtual' });
  const text = (ext) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  return { js: text('.js'), css: text('.css') };
}

async function singleFile() {
  const app = await bundleInMemory(join(root, 'web/app.js'), 'esm');
  const worker = await bundleInMemory(join(root, 'web/worker.js'), 'iife');
  const wasm = `self.RBCMATCH_WASM_BASE64=${JSON.stringify(readFileSync(moduleWasm).toString('base64'))};\n`;
  const moduleSource = readFileSync(moduleJs, 'utf8');
  // A Blob worker inherits the page's CSP, which allows no eval; Embind's default code generation
  // uses `new Function`, so the module must be linked with -sDYNAMIC_EXECUTION=0.
  if (moduleSource.includes('new Function')) {
    throw new Error(`build-web: ${moduleJs} uses \`new Function\` (link it with -sDYNAMIC_EXECUTION=0); the single file's CSP forbids eval`);
  }
  const workerSource = `${wasm}${moduleSource}\n;${worker.js}`;
  // The worker source travels as a JS string (JSON-escaped, '<' escaped so no '</script>' can end
  // the tag early) and starts from a Blob URL: file:// pages cannot load workers from files.
  // Like the page's inline script, it starts the first worker at once, before the app script
  // runs, and does not hand on one that failed to start (nobody listened yet).
  const bootstrap = `(()=>{const m=()=>{const u=URL.createObjectURL(new Blob([${JSON.stringify(workerSource).replaceAll('<', '\\u003c')}],{type:"text/javascript"}));const w=new Worker(u);URL.revokeObjectURL(u);return w};let e=m();e.addEventListener("error",()=>{e=null});globalThis.rbcmatchWorkerFactory=()=>{const w=e??m();e=null;return w}})();`;
  const appJs = app.js.replaceAll('</script', '<\\/script');
  const hash = sha256;
  // Inline code is allowed by hash only, so the single file keeps a strict CSP without 'unsafe-inline'.
  const csp = [
    "default-src 'none'",
    `script-src ${hash(bootstrap)} ${hash(appJs)} 'wasm-unsafe-eval'`,
    'worker-src blob:',
    `style-src ${hash(app.css)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  let html = indexHtml;
  const replace = (pattern, text) => {
    if (!pattern.test(html)) throw new Error(`build-web: public/index.html no longer matches ${pattern}`);
    html = html.replace(pattern, () => text);
  };
  replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  replace(/<link rel="stylesheet" href="build\/app.css">/, `<style>${app.css}</style>`);
  replace(/<script>[\s\S]*?<\/script>/, `<script>${bootstrap}</script>`);
  replace(/<script type="module" src="build\/app.js"><\/script>/, `<script type="module">${appJs}</script>`);
  return html;
}
