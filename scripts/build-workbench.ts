// Builds the workbench page into docs/site/workbench/ (run after typedoc, which empties docs/site/):
// the page, its script with the worker inlined (so it also runs from file://), the workbook chunk and
// exceljs (loaded only when a workbook is opened or written), and a link on the site's home page.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { PRESETS } from '../src/policy/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'workbench');
const out = join(root, 'docs', 'site', 'workbench');

/** The page's Content-Security-Policy: no connection, no third party, workers only from the page's own blob. */
export const CSP: string = [
  "default-src 'none'",
  "script-src 'self'",
  'worker-src blob:',
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'none'",
  "font-src 'none'",
  "object-src 'none'",
  "media-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const common: BuildOptions = {
  bundle: true,
  write: false,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  legalComments: 'none',
  // Read only by the shims of `createRequire`, which ignore it.
  define: { 'import.meta.url': '""' },
  logLevel: 'warning',
};

async function bundle(entry: string, options: BuildOptions = {}): Promise<string> {
  const r = await build({ ...common, entryPoints: [join(src, entry)], ...options });
  const text = r.outputFiles?.[0]?.text;
  if (text === undefined) throw new Error(`${entry}: no output`);
  return text;
}

const worker = await bundle('worker.ts', { alias: { 'node:module': join(src, 'shims', 'module-worker.ts') } });
const app = await bundle('app.ts', {
  define: { ...common.define, WORKER_SOURCE: JSON.stringify(worker), PRESET_IDS: JSON.stringify(Object.keys(PRESETS)) },
});
const xlsx = await bundle('xlsx.ts', {
  alias: { 'node:module': join(src, 'shims', 'module-xlsx.ts'), 'node:zlib': join(src, 'shims', 'zlib.ts') },
  inject: [join(src, 'shims', 'buffer.ts')],
});

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'index.html'), readFileSync(join(src, 'index.html'), 'utf8').replace('%CSP%', CSP));
writeFileSync(join(out, 'workbench.css'), readFileSync(join(src, 'workbench.css')));
writeFileSync(join(out, 'workbench.js'), app);
writeFileSync(join(out, 'workbench-xlsx.js'), xlsx);
const require = createRequire(import.meta.url);
copyFileSync(join(dirname(require.resolve('exceljs/package.json')), 'dist', 'exceljs.min.js'), join(out, 'exceljs.min.js'));

// The site's home page links to the workbench, at the top of the README it shows.
const home = join(root, 'docs', 'site', 'index.html');
const panel = '<div class="tsd-panel tsd-typography">';
const page = readFileSync(home, 'utf8');
if (!page.includes(panel)) throw new Error('docs/site/index.html: the README panel is missing (typedoc changed?)');
if (!page.includes('href="workbench/index.html"')) {
  const link =
    '<p class="workbench-link"><strong><a href="workbench/index.html">工作台 · Workbench</a></strong>：' +
    '在浏览器中完成一个月的评价、通报和文书，数据不离开本机 · a month’s work in the browser; the data never leaves this machine</p>';
  writeFileSync(home, page.replace(panel, `${panel}${link}`));
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
const gz = (s: string | Buffer): number => gzipSync(s, { level: 9 }).length;
const excel = readFileSync(join(out, 'exceljs.min.js'));
console.log(
  `workbench: docs/site/workbench/ — workbench.js ${kb(app.length)} (${kb(gz(app))} gzip, worker ${kb(gz(worker))} gzip of it), ` +
    `workbench-xlsx.js ${kb(gz(xlsx))} gzip, exceljs.min.js ${kb(gz(excel))} gzip`,
);
