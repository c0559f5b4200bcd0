import { describe, expect, it } from 'vitest';
import { generateHeader, generatePortfolio, generateProject, type GenerateOptions } from './generatePortfolio.js';
import { writePortfolio } from './writePortfolio.js';

function chunksOf(options: GenerateOptions & { ndjson?: boolean }): string[] {
  const chunks: string[] = [];
  writePortfolio(options, (chunk) => chunks.push(chunk));
  return chunks;
}

const textOf = (options: GenerateOptions & { ndjson?: boolean }): string => chunksOf(options).join('');

// JSON text of a value, parsed back: what a reader of the written text gets.
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

const CASES: readonly GenerateOptions[] = [
  { projects: 0 },
  { projects: 1, seed: 1 },
  { projects: 5, seed: 42 },
  { projects: 37, seed: 0, year: 2024 },
  { projects: 260, seed: 2 ** 31 - 1 },
  { projects: 12, seed: -7, year: 2026 },
];

describe('writePortfolio, JSON form', () => {
  it.each(CASES)('writes exactly JSON.stringify(generatePortfolio(%o)) and a final newline', (options) => {
    expect(textOf(options)).toBe(`${JSON.stringify(generatePortfolio(options))}\n`);
  });

  it('keeps the key order of generatePortfolio', () => {
    const doc = JSON.parse(textOf({ projects: 3, seed: 5 })) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual([
      'format',
      'year',
      'unit',
      'city',
      'leaders',
      'departments',
      'projects',
      'meetings',
      'escalations',
      'bureauReviews',
      'notifications',
      'interviewRequests',
      'overrides',
    ]);
  });

  it('hands the text on in bounded chunks, never as one piece', () => {
    const chunks = chunksOf({ projects: 400, seed: 3 });
    const total = chunks.reduce((n, c) => n + c.length, 0);
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.slice(1, -1).map((c) => c.length))).toBeLessThan(2 * 65_536);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(total / 2);
    expect(chunks.every((c) => c.length > 0)).toBe(true);
  });
});

describe('writePortfolio, NDJSON form', () => {
  it.each(CASES)('writes the header, then one line per project, for %o', (options) => {
    const text = textOf({ ...options, ndjson: true });
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines.length).toBe(options.projects + 1);
    expect(JSON.parse(lines[0] ?? '')).toEqual(plain(generateHeader(options)));
    expect((JSON.parse(lines[0] ?? '') as { format: string }).format).toBe('sansansan/portfolio@1');
    lines.slice(1).forEach((line, i) => {
      expect(line).toBe(JSON.stringify(generateProject(options, i)));
    });
  });

  it.each(CASES)('reassembles into the JSON form, for %o', (options) => {
    const lines = textOf({ ...options, ndjson: true })
      .slice(0, -1)
      .split('\n');
    const header = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    const projects = lines.slice(1).map((l) => JSON.parse(l) as unknown);
    const json = textOf(options);
    expect({ ...header, projects }).toEqual(JSON.parse(json));
    const { format, year, unit, city, leaders, departments, ...rest } = header;
    expect(`${JSON.stringify({ format, year, unit, city, leaders, departments, projects, ...rest })}\n`).toBe(json);
  });

  it('writes the same lines whatever the chunking', () => {
    const options = { projects: 300, seed: 11, ndjson: true };
    const chunks = chunksOf(options);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('').split('\n').length).toBe(302);
  });
});
