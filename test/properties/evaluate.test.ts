import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  evaluate,
  parsePortfolio,
  PRESETS,
  safeParsePortfolio,
  serializePortfolio,
  type Evaluation,
  type PresetId,
} from '../../src/index.js';
import {
  arbAsOf,
  arbPortfolioDocument,
  arbPortfolioWithPermutation,
  compareDecimalStrings,
  sumDecimalStrings,
  type RawPortfolioDocument,
  type RawProject,
  type RawReport,
} from '../arbitraries/portfolio.js';
import { sortFindings } from '../../src/findings/index.js';

const presetIds = Object.keys(PRESETS) as PresetId[];
const arbPreset = fc.constantFrom(...presetIds);

function run(d: RawPortfolioDocument, asOf: string, policy: PresetId = 'handan-2018'): Evaluation {
  return evaluate(parsePortfolio(d), { asOf, policy });
}

const rankIn = (policy: PresetId, colour: string | null): number => PRESETS[policy].colour.scale.findIndex((c) => c.id === colour);

/** The same document with one project's reports changed by `f`. */
function withReports(d: RawPortfolioDocument, index: number, f: (reports: readonly RawReport[]) => RawReport[]): RawPortfolioDocument {
  const projects = d.projects.map((p, i): RawProject => (i === index ? { ...p, reports: f(p.reports) } : p));
  return { ...d, projects };
}

const arbDocAndProject = arbPortfolioDocument({ withSupervisionRecords: true }).chain((d) =>
  fc.tuple(fc.constant(d), fc.nat({ max: d.projects.length - 1 }), arbAsOf(d.year), arbPreset),
);

describe('properties of evaluate', () => {
  test.prop([arbPortfolioWithPermutation({ withSupervisionRecords: true }), arbAsOf(2025), arbPreset], {
    numRuns: Number(process.env['SANSANSAN_RUNS'] ?? 100),
  })('is independent of the order of every input list', ([a, b], asOf, policy) => {
    expect(run(b, asOf, policy)).toEqual(run(a, asOf, policy));
  });

  test.prop([arbPortfolioDocument({ withSupervisionRecords: true }), arbAsOf(2025), arbPreset])(
    'lists every finding in order, and each project its own',
    (d, asOf, policy) => {
      const e = run(d, asOf, policy);
      // By identity: the flat list holds the lines' own finding objects.
      expect(sortFindings(e.findings)).toStrictEqual(e.findings);
      sortFindings(e.findings).forEach((f, i) => {
        expect(f).toBe(e.findings[i]);
      });
      for (const p of e.projects)
        sortFindings(p.findings).forEach((f, i) => {
          expect(f).toBe(p.findings[i]);
        });
    },
  );

  test.prop([arbPortfolioDocument({ withSupervisionRecords: true }), arbAsOf(2025)])(
    'is deterministic and never throws on valid input',
    (d, asOf) => {
      for (const policy of presetIds) expect(run(d, asOf, policy)).toEqual(run(structuredClone(d), asOf, policy));
    },
  );

  test.prop([arbDocAndProject, fc.integer({ min: 1, max: 12 }), fc.bigInt({ min: 1n, max: 10n ** 8n })])(
    'never colours a project worse when it reports more investment',
    ([d, index, asOf, policy], month, extra) => {
      const mm = `${d.year}-${String(month).padStart(2, '0')}`;
      const more = withReports(d, index, (rs) =>
        rs.map((r) => (r.month === mm ? { ...r, investment: sumDecimalStrings([String(r.investment), `${extra}`]) } : r)),
      );
      const before = run(d, asOf, policy).projects.find((p) => p.projectId === d.projects[index]?.id);
      const after = run(more, asOf, policy).projects.find((p) => p.projectId === d.projects[index]?.id);
      expect(rankIn(policy, after?.computedColour ?? null)).toBeLessThanOrEqual(rankIn(policy, before?.computedColour ?? null));
    },
  );

  test.prop([arbDocAndProject, fc.integer({ min: 1, max: 12 })])(
    'never colours a project better when a month becomes stalled',
    ([d, index, asOf, policy], month) => {
      const mm = `${d.year}-${String(month).padStart(2, '0')}`;
      const stalled = withReports(d, index, (rs) => rs.map((r) => (r.month === mm ? { ...r, noProgress: true } : r)));
      const id = d.projects[index]?.id;
      const before = run(d, asOf, policy).projects.find((p) => p.projectId === id);
      const after = run(stalled, asOf, policy).projects.find((p) => p.projectId === id);
      expect(rankIn(policy, after?.computedColour ?? null)).toBeGreaterThanOrEqual(rankIn(policy, before?.computedColour ?? null));
      expect(after?.stallRun ?? 0).toBeGreaterThanOrEqual(before?.stallRun ?? 0);
    },
  );

  test.prop([arbPortfolioDocument({ numericAmounts: true }), arbAsOf(2025)])(
    'adds up exactly: completedToDate is the sum of the known monthly reports',
    (d, asOf) => {
      const e = run(d, asOf);
      if (e.month === null) return;
      const m = e.month;
      for (const p of d.projects) {
        const known = p.reports
          .filter((r) => r.month <= m && (r.submittedOn === undefined || r.submittedOn <= asOf))
          .map((r) => String(r.investment));
        const planned = p.ledger.months.filter((x) => x.month <= m).map((x) => String(x.investment));
        const line = e.projects.find((x) => x.projectId === p.id);
        expect(compareDecimalStrings(line?.completedToDate ?? 'x', sumDecimalStrings(known))).toBe(0);
        expect(compareDecimalStrings(line?.plannedToDate ?? 'x', sumDecimalStrings(planned))).toBe(0);
      }
    },
  );

  test.prop([arbDocAndProject, fc.nat(), fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }), fc.boolean()])(
    'is unaffected by the content of a report submitted after asOf',
    ([d, index, asOf, policy], pick, amount, noProgress) => {
      const project = d.projects[index];
      const late = project?.reports.filter((r) => r.submittedOn !== undefined && r.submittedOn > asOf) ?? [];
      if (late.length === 0) return;
      const target = late[pick % late.length];
      const changed = withReports(d, index, (rs) =>
        rs.map((r) => (r === target ? { ...r, investment: String(amount), noProgress, achieved: {} } : r)),
      );
      expect(run(changed, asOf, policy)).toEqual(run(d, asOf, policy));
    },
  );

  test.prop([arbPortfolioDocument({ withSupervisionRecords: true, numericAmounts: true })])(
    'round-trips: parse ∘ serialise ∘ parse equals parse',
    (d) => {
      const p = parsePortfolio(d);
      expect(parsePortfolio(JSON.parse(serializePortfolio(p)))).toEqual(p);
    },
  );

  test.prop([arbPortfolioDocument({ withSupervisionRecords: true }), arbAsOf(2025)])(
    'formats every percentage with exactly 2 decimals and never -0.00',
    (d, asOf) => {
      for (const p of run(d, asOf).projects) {
        for (const v of [p.schedulePct, p.progressPct, p.lagPp]) {
          if (v !== null) {
            expect(v).toMatch(/^-?\d+\.\d{2}$/);
            expect(v).not.toBe('-0.00');
          }
        }
      }
    },
  );
});

describe('properties of safeParsePortfolio', () => {
  test.prop([fc.jsonValue()])('never throws on arbitrary JSON; a failure has at least one issue with a path', (v) => {
    const r = safeParsePortfolio(v);
    if (!r.success) {
      expect(r.error.issues.length).toBeGreaterThan(0);
      for (const i of r.error.issues) expect(i.path.startsWith('$')).toBe(true);
    }
  });

  // Replace one value somewhere in a valid document by arbitrary JSON.
  const mutate = (d: unknown, path: readonly number[], value: unknown): unknown => {
    if (path.length === 0 || d === null || typeof d !== 'object') return value;
    const keys = Object.keys(d);
    if (keys.length === 0) return value;
    const [head = 0, ...rest] = path;
    const key = keys[head % keys.length] ?? '';
    const copy: Record<string, unknown> = Array.isArray(d)
      ? ((d as unknown[]).slice() as unknown as Record<string, unknown>)
      : { ...(d as Record<string, unknown>) };
    copy[key] = mutate((d as Record<string, unknown>)[key], rest, value);
    return copy;
  };

  test.prop([arbPortfolioDocument(), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })])(
    'never throws on a mutated document, and valid results still evaluate',
    (d, path, value) => {
      const r = safeParsePortfolio(mutate(d, path, value));
      if (r.success) expect(() => evaluate(r.data, { asOf: '2025-10-15' })).not.toThrow();
      else for (const i of r.error.issues) expect(i.path.startsWith('$')).toBe(true);
    },
  );
});
