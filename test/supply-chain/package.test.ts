// What the package asks of its users: exactly three runtime dependencies, optional peers, no install
// scripts and a stated Node range. (What the tarball holds is checked after the build: scripts/check-pack.mjs.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional: boolean }>;
  scripts: Record<string, string>;
  engines: Record<string, string>;
  sideEffects: boolean;
};

describe('supply chain', () => {
  it('depends at run time on exactly zod, date-fns and decimal.js', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['date-fns', 'decimal.js', 'zod']);
  });

  it('keeps exceljs and chinese-days optional peers', () => {
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['chinese-days', 'exceljs']);
    for (const name of Object.keys(pkg.peerDependencies)) expect(pkg.peerDependenciesMeta[name]?.optional).toBe(true);
  });

  it('has no install scripts and states the Node versions it supports', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'postpack'])
      expect(pkg.scripts[hook]).toBeUndefined();
    expect(pkg.engines['node']).toBe('>=20');
    expect(pkg.sideEffects).toBe(false);
  });
});
