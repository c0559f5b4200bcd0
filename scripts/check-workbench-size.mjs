// The workbench's budget: the page's own JavaScript (its script, with the worker inside) at most 250 KB
// gzip; exceljs and the workbook chunk load only when a workbook is opened or written, apart from it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const DIR = 'docs/site/workbench';
const BUDGET = 250_000;
assert.ok(existsSync(`${DIR}/index.html`), `${DIR}/index.html is missing: run npm run docs`);
const size = (f) => gzipSync(readFileSync(`${DIR}/${f}`), { level: 9 }).length;
const page = readFileSync(`${DIR}/index.html`, 'utf8');
const scripts = [...page.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
assert.deepEqual(scripts, ['workbench.js'], 'the page loads its one script, and nothing from elsewhere');
assert.ok(page.includes("connect-src 'none'"), 'the page forbids every connection');
const own = size('workbench.js');
assert.ok(own <= BUDGET, `workbench.js is ${own} bytes gzip, over the budget of ${BUDGET}`);
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(
  `workbench: workbench.js ${kb(own)} gzip (budget ${kb(BUDGET)}); loaded with a workbook: workbench-xlsx.js ${kb(size('workbench-xlsx.js'))}, exceljs.min.js ${kb(size('exceljs.min.js'))} gzip`,
);
