// Every regular expression literal in src/ against adversarial 100 000-character inputs: none may backtrack
// catastrophically. The regexes are found with the TypeScript parser, so a new one is checked automatically.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.test-d.ts') ? [p] : [];
  });
}

interface Found {
  readonly where: string;
  readonly regex: RegExp;
}

function regexes(): { found: Found[]; dynamic: string[] } {
  const found: Found[] = [];
  const dynamic: string[] = [];
  for (const file of sources(SRC)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const where = `${relative(SRC, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const last = text.lastIndexOf('/');
        found.push({ where, regex: new RegExp(text.slice(1, last), text.slice(last + 1).replace('g', '')) });
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') dynamic.push(where);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found, dynamic };
}

const N = 100_000;
// Inputs that make naive patterns explode: long runs of one character class, then a character that fails the match.
const ADVERSARIAL: readonly string[] = [
  '1'.repeat(N),
  `${'1'.repeat(N)}!`,
  `-${'1'.repeat(N)}.`,
  `${'1.'.repeat(N / 2)}x`,
  `${'0'.repeat(N)}.${'0'.repeat(N)}x`,
  `${'a'.repeat(N)}!`,
  `${'_'.repeat(N)}$`,
  `${' '.repeat(N)}x`,
  '-'.repeat(N),
  '2025-'.repeat(N / 5),
  `${'市'.repeat(N)}!`,
  `${'\\'.repeat(N)}'`,
  `#${'a'.repeat(N)}`,
];

describe('regular expressions in src/', () => {
  const { found, dynamic } = regexes();

  it('are found, and none is built from a string at run time', () => {
    expect(found.length).toBeGreaterThan(5);
    expect(dynamic).toEqual([]);
  });

  it.each(found.map((f) => [f.where, f.regex] as const))('%s %s stays linear on adversarial input', (_where, regex) => {
    const started = performance.now();
    for (const input of ADVERSARIAL) {
      regex.test(input);
      input.replace(new RegExp(regex.source, `${regex.flags}g`), '');
    }
    // A catastrophic pattern takes minutes on these inputs; a linear one a few milliseconds.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
