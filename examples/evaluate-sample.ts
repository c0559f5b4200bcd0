// Evaluate the bundled sample portfolio and list the projects that need attention.
// Run: npx tsx examples/evaluate-sample.ts
import { readFileSync } from 'node:fs';
import { evaluate, parsePortfolio } from 'sansansan';

const portfolio = parsePortfolio(JSON.parse(readFileSync('examples/data/handan-sample-2025.json', 'utf8')));
const result = evaluate(portfolio, { asOf: '2025-10-15' });

console.log(`评价月份 evaluated month: ${result.month ?? '—'}`);
for (const p of result.projects) {
  if (p.colour !== 'yellow' && p.colour !== 'red') continue;
  const reasons = p.findings.filter((f) => f.severity !== 'info').map((f) => f.message.zh);
  console.log(`${p.colour.padEnd(6)} ${p.projectId} ${p.name}: ${reasons.join(';')}`);
}
