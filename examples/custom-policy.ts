// A policy of one's own: extend the default and tighten the yellow band to start at 5 percentage points.
// Run: npx tsx examples/custom-policy.ts
import { readFileSync } from 'node:fs';
import { evaluate, parsePortfolio } from 'sansansan';
import { parsePolicy } from 'sansansan/policy';

const policy = parsePolicy({
  extends: 'handan-2018',
  colour: {
    investment: {
      kind: 'lagPp',
      bands: [
        { colour: 'green', upTo: '0', inclusive: true },
        { colour: 'white', upTo: '5', inclusive: false },
        { colour: 'yellow', upTo: '30', inclusive: true },
        { colour: 'red' },
      ],
    },
  },
});
const portfolio = parsePortfolio(JSON.parse(readFileSync('examples/data/handan-sample-2025.json', 'utf8')));
const result = evaluate(portfolio, { asOf: '2025-10-15', policy });
console.log(`policy: ${result.policy}`);
console.log(`yellow: ${result.projects.filter((p) => p.colour === 'yellow').length}`);
