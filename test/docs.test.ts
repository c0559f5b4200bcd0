// Every example in examples/ and every ```ts block of the README and the guides runs here.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-output', 'blocks');

function markdownFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'api' || e.name === 'site' ? [] : markdownFiles(rel);
    return e.name.endsWith('.md') ? [rel] : [];
  });
}

function tsBlocks(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? '');
}

async function runModule(path: string): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  try {
    await import(`${pathToFileURL(path).href}?t=${Date.now()}`);
  } finally {
    spy.mockRestore();
  }
  return lines.join('\n');
}

describe('examples/', () => {
  const scripts = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.ts'));
  it('has examples', () => {
    expect(scripts.length).toBeGreaterThan(0);
  });
  it.each(scripts)('%s runs and prints', async (name) => {
    const out = await runModule(join(ROOT, 'examples', name));
    expect(out.length).toBeGreaterThan(0);
  });
});

describe('code blocks of the README and docs/', () => {
  mkdirSync(OUT, { recursive: true });
  const blocks = ['README.md', ...markdownFiles('docs')].flatMap((file) =>
    tsBlocks(file).map((code, i) => {
      const path = join(OUT, `${file.replace(/[\\/]/g, '__').replace(/\.md$/, '')}-${i + 1}.ts`);
      writeFileSync(path, code);
      return [`${file} #${i + 1}`, path] as const;
    }),
  );
  it('finds the README blocks', () => {
    expect(blocks.filter(([name]) => name.startsWith('README.md')).length).toBeGreaterThanOrEqual(2);
  });
  it.each(blocks)('%s runs', async (_name, path) => {
    await runModule(path);
  });
});
