// Render every report of the bundled sample into docs/gallery/, for the documentation site's gallery page.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, parsePortfolio } from '../src/index.js';
import { reportFiles } from '../src/render/reportFiles.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'gallery');
const sample = parsePortfolio(JSON.parse(readFileSync(join(root, 'examples/data/handan-sample-2025.json'), 'utf8')));
const files = reportFiles(evaluate(sample, { asOf: '2025-10-15' }));

rmSync(out, { recursive: true, force: true });
for (const f of files) {
  const path = join(out, f.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, f.content, 'utf8');
}
console.log(`gallery: ${files.length} files in docs/gallery/`);
