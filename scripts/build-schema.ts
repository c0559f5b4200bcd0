// Write the JSON Schemas shipped in the package (schema/portfolio.json, schema/policy.json) from the zod schemas.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { policyJsonSchema } from '../src/policy/jsonSchema.js';
import { portfolioJsonSchema } from '../src/portfolio/jsonSchema.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'portfolio.json'), `${JSON.stringify(portfolioJsonSchema(), null, 2)}\n`);
writeFileSync(join(out, 'policy.json'), `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
console.log('schema: wrote schema/portfolio.json and schema/policy.json');
