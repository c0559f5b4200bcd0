// Load the built package the way users do: ESM import and CJS require of every subpath, and check that
// an error thrown by one subpath is an instance of the class exported by the root.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const subpaths = [
  'sansansan',
  'sansansan/calendar',
  'sansansan/money',
  'sansansan/policy',
  'sansansan/render',
  'sansansan/holidays',
  'sansansan/xlsx',
];

for (const id of subpaths) {
  const esm = await import(id);
  const cjs = require(id);
  assert.deepEqual(Object.keys(esm).sort(), Object.keys(cjs).sort(), `${id}: ESM and CJS export the same names`);
  assert.ok(Object.keys(esm).length > 0, `${id} exports something`);
}

for (const load of [(id) => import(id), async (id) => require(id)]) {
  const root = await load('sansansan');
  const money = await load('sansansan/money');
  assert.throws(
    () => money.parseAmount('x'),
    (e) => e instanceof root.SansansanError && e.code === 'amount_grammar',
  );
  const sample = JSON.parse(readFileSync(new URL('../examples/data/handan-sample-2025.json', import.meta.url), 'utf8'));
  const e = root.evaluate(root.parsePortfolio(sample), { asOf: '2025-10-15' });
  assert.equal(e.month, '2025-09');
  const holidays = await load('sansansan/holidays');
  assert.equal(holidays.chineseDaysCalendar().isWorkingDay('2025-10-08'), false);
  const render = await load('sansansan/render');
  assert.ok(render.monthlyBriefHtml(e).startsWith('<!DOCTYPE html>'));
}
console.log(`dist: ${subpaths.length} subpaths load as ESM and CJS`);
