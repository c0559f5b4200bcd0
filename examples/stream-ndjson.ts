// Evaluate a portfolio in its NDJSON form, one line at a time: write the bundled sample as NDJSON (a header
// line, the document without `projects`, then one project per line), read it back with node:readline,
// print each red project as its result comes, then the latest quarter's bottom three.
// Run: npx tsx examples/stream-ndjson.ts
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { evaluateStream, type PortfolioHeader } from 'sansansan';

// 1. The NDJSON form of the sample: line 1 the header, then one JSON line per project.
const { projects, ...header } = JSON.parse(readFileSync('examples/data/handan-sample-2025.json', 'utf8')) as PortfolioHeader & {
  projects: unknown[];
};
const dir = mkdtempSync(join(tmpdir(), 'sansansan-'));
const file = join(dir, 'handan-sample-2025.ndjson');
writeFileSync(file, [header, ...projects].map((x) => `${JSON.stringify(x)}\n`).join(''));

// 2. Stream-evaluate it: the stream keeps the header, project ids and per-department sums, not the projects.
const names = new Map(header.departments.map((d) => [d.id, d.name] as const));
try {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let count = 0;
  for await (const r of evaluateStream(lines, { asOf: '2025-10-15' })) {
    if (r.kind === 'project') {
      count += 1;
      const { colour, projectId, name, lagPp } = r.project;
      if (colour === 'red') console.log(`红 red  ${projectId} ${name}: 落后 lag ${lagPp ?? '—'} pp`);
      continue;
    }
    // 3. The last result: the portfolio's ranking, interviews and accountability.
    console.log(`${count} 个项目 projects, 评价月份 evaluated month ${r.evaluation.month ?? '—'}`);
    const last = r.evaluation.notifications.at(-1);
    if (last === undefined) continue;
    console.log(`${last.quarter} 后三位 bottom three:`);
    for (const line of last.ranking.filter((x) => last.bottom.includes(x.departmentId))) {
      console.log(`  ${line.rank}. ${names.get(line.departmentId) ?? line.departmentId} (${line.departmentId}) ${line.ratePct} %`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
