// evaluateStream on the NDJSON form of a document equals evaluate on the document: the same result once
// assembled, the same warnings, and the same issues when the document is invalid.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { arbAsOf, arbPortfolioDocument } from '../test/arbitraries/portfolio.js';
import { evaluate } from './evaluate.js';
import { collectEvaluation, evaluateStream, type StreamResult } from './evaluateStream.js';
import { generatePortfolio } from './generate/generatePortfolio.js';
import { HANDAN_2018, PRESETS, type Policy, type PresetId } from './policy/index.js';
import { safeParsePortfolio } from './portfolio/index.js';
import { sortIssues, ValidationError } from './validation.js';

/** The NDJSON lines of a document: the header (everything but `projects`), then one project per line. */
function lines(doc: unknown): string[] {
  const { projects, ...header } = doc as { projects: unknown[] };
  return [JSON.stringify(header), ...projects.map((p) => JSON.stringify(p))];
}

async function* asAsync(list: readonly string[]): AsyncGenerator<string> {
  for (const l of list) {
    await Promise.resolve();
    yield l;
  }
}

async function outcome(doc: unknown, asOf: string, policy: Policy): Promise<string> {
  const results: StreamResult[] = [];
  try {
    for await (const r of evaluateStream(lines(doc), { asOf, policy })) results.push(r);
    const e = await collectEvaluation(asAsyncResults(results));
    // Each project's warnings come with it; the header's with the portfolio result.
    return JSON.stringify({ evaluation: e, warnings: sortIssues(results.flatMap((r) => r.warnings)) });
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    // The warnings of the lines yielded came with them; the error carries the others.
    return JSON.stringify({ issues: err.issues, warnings: sortIssues([...results.flatMap((r) => r.warnings), ...err.warnings]) });
  }
}

async function* asAsyncResults(list: readonly StreamResult[]): AsyncGenerator<StreamResult> {
  for (const r of list) {
    await Promise.resolve();
    yield r;
  }
}

function expected(doc: unknown, asOf: string, policy: Policy): string {
  const r = safeParsePortfolio(doc, { policy });
  if (!r.success) return JSON.stringify({ issues: r.error.issues, warnings: r.error.warnings });
  return JSON.stringify({ evaluation: evaluate(r.data, { asOf, policy }), warnings: r.warnings });
}

const presets = Object.keys(PRESETS) as PresetId[];
// Every ranking option, on every preset.
const arbPolicy: fc.Arbitrary<Policy> = fc
  .tuple(
    fc.constantFrom(...presets),
    fc.constantFrom<Policy['ranking']['denominator']>('ytdLedgerPlan', 'annualPlan', 'proRataAnnual'),
    fc.constantFrom<Policy['ranking']['aggregation']>('sumOfAmounts', 'meanOfProjectRates'),
    fc.boolean(),
  )
  .map(([id, denominator, aggregation, exact]) => {
    const p = PRESETS[id];
    return { ...p, ranking: { ...p.ranking, denominator, aggregation }, ledger: { ...p.ledger, requireExactSum: exact } };
  });

describe('evaluateStream equals evaluate', () => {
  test.prop([arbPortfolioDocument({ withSupervisionRecords: true }).chain((d) => fc.tuple(fc.constant(d), arbAsOf(d.year), arbPolicy))])(
    'on valid documents, with every preset and ranking option',
    async ([doc, asOf, policy]) => {
      expect(await outcome(doc, asOf, policy)).toBe(expected(doc, asOf, policy));
    },
  );

  test.prop([
    arbPortfolioDocument({ withSupervisionRecords: true, numericAmounts: true }).chain((d) =>
      fc.tuple(
        fc.constant(d),
        arbAsOf(d.year),
        fc.nat({ max: d.projects.length - 1 }),
        fc.constantFrom<unknown>(5, 'x', null, -1, '2025-13'),
      ),
    ),
  ])('on documents with a project broken, with the same issues', async ([doc, asOf, i, value]) => {
    const projects = doc.projects.map((p, k) => (k === i ? { ...p, annualPlan: value, zz: 1 } : p));
    const broken = { ...doc, projects };
    expect(await outcome(broken, asOf, HANDAN_2018)).toBe(expected(broken, asOf, HANDAN_2018));
  });

  it('on a milestone called __proto__, achieved through a report', async () => {
    const doc = generatePortfolio({ projects: 3, seed: 5 });
    const text = JSON.stringify(doc)
      .replace('"id":"start"', '"id":"__proto__"')
      .replace('"reports":[{', '"reports":[{"achieved":{"__proto__":"2025-01-20"},');
    const raw = JSON.parse(text) as unknown;
    expect(text).toContain('"reports":[{"achieved":{"__proto__"');
    expect(await outcome(raw, '2025-10-15', HANDAN_2018)).toBe(expected(raw, '2025-10-15', HANDAN_2018));
  });

  it('on generated documents of 300 projects', async () => {
    for (const seed of [1, 2]) {
      const doc = generatePortfolio({ projects: 300, seed });
      expect(await outcome(doc, '2025-10-15', HANDAN_2018)).toBe(expected(doc, '2025-10-15', HANDAN_2018));
    }
  });
});

describe('evaluateStream', () => {
  const doc = generatePortfolio({ projects: 5, seed: 3 });

  it('yields one result per project, in line order, then the portfolio', async () => {
    const kinds: string[] = [];
    const ids: string[] = [];
    for await (const r of evaluateStream(asAsync(['', ...lines(doc), '']), { asOf: '2025-10-15' })) {
      kinds.push(r.kind);
      if (r.kind === 'project') ids.push(r.project.projectId);
    }
    expect(kinds).toEqual(['project', 'project', 'project', 'project', 'project', 'portfolio']);
    expect(ids).toEqual(doc.projects.map((p) => p.id));
  });

  it('ends with a ValidationError for an empty stream, a bad header or a line that is not JSON', async () => {
    const codes = async (input: string[]): Promise<string[]> => {
      try {
        const results: StreamResult[] = [];
        for await (const r of evaluateStream(input, { asOf: '2025-10-15' })) results.push(r);
      } catch (e) {
        if (e instanceof ValidationError) return e.issues.map((i) => `${i.path} ${i.code}`);
        throw e;
      }
      return [];
    };
    expect(await codes([])).toEqual(['$ invalid_json']);
    expect(await codes(['{"format":"x"'])).toEqual(['$ invalid_json']);
    const [header = '', first = ''] = lines({ ...doc, overrides: [] });
    expect(await codes([header, first, '{'])).toEqual(['$.projects[1] invalid_json']);
    expect(await codes([header, first, first])).toEqual(['$.projects[1].id duplicate_id']);
    expect(await codes([JSON.stringify({ ...doc, projects: [] })])).toEqual(['$.projects invalid_value']);
  });

  it('skips blank lines, yields nothing after a line with an error, and ends with every issue and warning', async () => {
    const [header = '', first = '', second = ''] = lines({ ...doc, overrides: [] });
    const yielded: string[] = [];
    let error: unknown;
    try {
      for await (const r of evaluateStream(['  ', header, ' \t', first, '{', second], { asOf: '2025-10-15' })) yielded.push(r.kind);
    } catch (e) {
      error = e;
    }
    // The first project line comes before the error; the one after it is checked but not yielded.
    expect(yielded).toEqual(['project']);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => `${i.path} ${i.code}`)).toEqual(['$.projects[1] invalid_json']);

    const withUnknown = JSON.stringify({ ...JSON.parse(header), extra: 1, year: 'x' });
    await evaluateStream([withUnknown], { asOf: '2025-10-15' })
      .next()
      .catch((e: unknown) => {
        error = e;
      });
    expect((error as ValidationError).warnings.map((w) => `${w.path} ${w.code}`)).toEqual(['$.extra unknown_key']);
  });

  it('checks asOf and the policy before reading', async () => {
    const read: string[] = [];
    const spy = (function* () {
      read.push('line');
      yield '';
    })();
    await expect(evaluateStream(spy, { asOf: 'soon' }).next()).rejects.toMatchObject({ code: 'invalid_date' });
    expect(read).toEqual([]);
  });
});
