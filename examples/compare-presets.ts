// The same portfolio under every preset: colour counts side by side.
// Run: npx tsx examples/compare-presets.ts
import { readFileSync } from 'node:fs';
import { evaluate, parsePortfolio } from 'sansansan';
import { PRESETS, type PresetId } from 'sansansan/policy';

const portfolio = parsePortfolio(JSON.parse(readFileSync('examples/data/handan-sample-2025.json', 'utf8')));
for (const id of Object.keys(PRESETS) as PresetId[]) {
  const result = evaluate(portfolio, { asOf: '2025-10-15', policy: id });
  const counts = PRESETS[id].colour.scale.map((c) => `${c.zh} ${result.projects.filter((p) => p.colour === c.id).length}`);
  console.log(`${id.padEnd(13)} ${counts.join(' · ')}`);
}
