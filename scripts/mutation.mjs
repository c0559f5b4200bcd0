// `npm run mutation [group…] [--summary] [--force]`: StrykerJS over each group of rule folders (scripts/mutation-groups.mjs),
// then the mutation score of every folder and overall, from the JSON reports in reports/mutation/.
// Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker counts it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { GROUPS } from './mutation-groups.mjs';

// `--summary` only prints the table of the reports already in reports/mutation/. `--force` tests every
// mutant again: incremental mode never re-runs a "static" mutant (one evaluated when its module loads)
// that survived once, even after a test that kills it is added.
const summaryOnly = process.argv.includes('--summary');
const force = process.argv.includes('--force');
const asked = process.argv.slice(2).filter((a) => a !== '--summary' && a !== '--force');
for (const name of asked) if (!(name in GROUPS)) throw new Error(`unknown group ${name}; one of ${Object.keys(GROUPS).join(', ')}`);
const run = summaryOnly ? [] : asked.length > 0 ? asked : Object.keys(GROUPS);
for (const name of run) {
  console.log(`\n== mutation: ${name} ==`);
  const r = spawnSync('npx', ['stryker', 'run', ...(force ? ['--force'] : [])], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_GROUP: name },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Per folder: src/<folder>/… (src/evaluate.ts counts as "evaluate").
const folders = new Map();
const total = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0 };
for (const name of Object.keys(GROUPS)) {
  const file = `reports/mutation/${name}.json`;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A report reused from an incremental file may list files of other groups: count each file once, in its own group.
  const own = GROUPS[name].mutate.map(globToRegExp);
  for (const [path, { mutants }] of Object.entries(report.files)) {
    if (!own.some((re) => re.test(path.replace(/\\/g, '/')))) continue;
    const folder = path.replace(/\\/g, '/').split('/')[1]?.replace(/\.ts$/, '') ?? path;
    const f = folders.get(folder) ?? { killed: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0 };
    for (const m of mutants) {
      const key = { Killed: 'killed', Survived: 'survived', NoCoverage: 'noCoverage', Timeout: 'timeout' }[m.status] ?? 'ignored';
      f[key] += 1;
      total[key] += 1;
    }
    folders.set(folder, f);
  }
}
const score = (c) => {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(2)} %`;
};
const rows = [...folders.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
const lines = [
  '| folder | score | killed | timed out | survived | no coverage | ignored (compile errors etc.) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(([n, c]) => `| ${n} | ${score(c)} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.ignored} |`),
  `| **overall** | **${score(total)}** | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} | ${total.ignored} |`,
];
writeFileSync('reports/mutation/summary.md', `${lines.join('\n')}\n`);
console.log(`\n${lines.join('\n')}\n\n(reports/mutation/summary.md; survivors in reports/mutation/<group>.html)`);

// 'src/x/**/*.ts' → a regular expression over relative paths with forward slashes.
function globToRegExp(glob) {
  const body = glob
    .split('**/')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('(?:.*/)?');
  return new RegExp(`^${body}$`);
}
