import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { COMPLIANCE_KINDS } from '../../test/fixtures/complianceKinds.js';
import { evaluate, type Evaluation } from '../evaluate.js';
import { parsePolicy } from '../policy/index.js';
import { safeParsePortfolio, type PortfolioDocument } from '../portfolio/index.js';
import { generateHeader, generatePortfolio, generateProject, type GenerateOptions } from './generatePortfolio.js';

// What a reader of the written document gets: the JSON text, parsed back.
const written = (options: GenerateOptions): unknown => JSON.parse(JSON.stringify(generatePortfolio(options)));

function parsed(options: GenerateOptions): ReturnType<typeof safeParsePortfolio> {
  return safeParsePortfolio(written(options));
}

// The document of 1000 projects with seed 1 and its evaluation as of 2025-10-15, computed once.
let big: { doc: PortfolioDocument; warnings: readonly string[]; e: Evaluation } | undefined;
function bigOne(): NonNullable<typeof big> {
  if (big === undefined) {
    const r = parsed({ projects: 1000, seed: 1 });
    if (!r.success) throw new Error(r.error.issues.map((i) => `${i.path} ${i.code}`).join('\n'));
    big = {
      doc: generatePortfolio({ projects: 1000, seed: 1 }),
      warnings: r.warnings.map((w) => w.code),
      e: evaluate(r.data, { asOf: '2025-10-15' }),
    };
  }
  return big;
}

describe('generatePortfolio: determinism', () => {
  it('gives the same text for the same seed and options', () => {
    const a = JSON.stringify(generatePortfolio({ projects: 60, seed: 9 }));
    expect(JSON.stringify(generatePortfolio({ projects: 60, seed: 9 }))).toBe(a);
    expect(JSON.stringify(generatePortfolio({ projects: 60, seed: 9, year: 2025 }))).toBe(a);
  });

  it('defaults to seed 1 and the year 2025', () => {
    const d = generatePortfolio({ projects: 4 });
    expect(JSON.stringify(d)).toBe(JSON.stringify(generatePortfolio({ projects: 4, seed: 1, year: 2025 })));
    expect(d.year).toBe(2025);
    expect(d.format).toBe('sansansan/portfolio@1');
  });

  it('gives different text for different seeds or years', () => {
    const a = JSON.stringify(generatePortfolio({ projects: 60, seed: 9 }));
    expect(JSON.stringify(generatePortfolio({ projects: 60, seed: 10 }))).not.toBe(a);
    expect(JSON.stringify(generatePortfolio({ projects: 60, seed: 9, year: 2024 }))).not.toBe(a);
    expect(JSON.stringify(generateProject({ projects: 1, seed: 9 }, 0))).not.toBe(
      JSON.stringify(generateProject({ projects: 1, seed: 10 }, 0)),
    );
  });

  it('gives project i whatever the number of projects, and the header apart from the projects', () => {
    const small = generatePortfolio({ projects: 10, seed: 3 });
    const large = generatePortfolio({ projects: 120, seed: 3 });
    expect(large.projects.slice(0, 10)).toEqual(small.projects);
    expect(small.projects[4]).toEqual(generateProject({ projects: 10, seed: 3 }, 4));
    const { projects, ...header } = small;
    expect(projects).toHaveLength(10);
    expect(header).toEqual(generateHeader({ projects: 10, seed: 3 }));
  });
});

describe('generatePortfolio: validity', () => {
  it.each([1, 7, 200, 1000])('gives a valid document of %i projects', (n) => {
    const r = parsed({ projects: n, seed: 1 });
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path} ${i.code}`)).toEqual([]);
    expect(r.success && r.data.projects.length).toBe(n);
  });

  it('gives a valid document of no projects', () => {
    expect(parsed({ projects: 0, seed: 5 }).success).toBe(true);
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2020, max: 2030 })], {
    numRuns: 40,
  })('gives a valid document for any seed', (seed, projects, year) => {
    const r = parsed({ projects, seed, year });
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path} ${i.code}`)).toEqual([]);
  });

  it('has 200 departments with Chinese names, each with projects from 200 projects on', () => {
    const d = generatePortfolio({ projects: 200, seed: 4 });
    expect(d.departments).toHaveLength(200);
    expect(new Set(d.departments.map((x) => x.id)).size).toBe(200);
    expect(new Set(d.departments.map((x) => x.name)).size).toBe(200);
    for (const x of d.departments) expect(x.name).toMatch(/^[\u4e00-\u9fff]+$/);
    const leaders = new Set(d.leaders.map((l) => l.id));
    for (const x of d.departments) expect(leaders.has(x.leaderId)).toBe(true);
    expect(new Set(d.projects.map((p) => p.departmentId)).size).toBe(200);
  });

  it('gives every project its own id', () => {
    const { doc } = bigOne();
    expect(new Set(doc.projects.map((p) => p.id)).size).toBe(1000);
  });
});

describe('generatePortfolio: 1000 projects with seed 1, as of 2025-10-15, fire every rule', () => {
  it('fires every rule of the mechanism and every colour rule of handan-2018', () => {
    const rules = new Set(bigOne().e.findings.map((f) => f.rule));
    for (const rule of ['1.1', '1.2', '2.1', '2.2', '2.3', '3.1', '3.2.1', '3.2.2', '3.2.3', '3.2.4', '3.2.5', '3.2.6', '3.3'])
      expect(rules).toContain(rule);
    const { scale: _scale, ...colourRules } = parsePolicy('handan-2018').colour;
    const colourRuleIds = Object.keys(colourRules).map((k) => `colour.${k}`);
    expect(colourRuleIds.sort()).toEqual([
      'colour.investment',
      'colour.missingReport',
      'colour.openStall',
      'colour.overdueMilestone',
      'colour.stall',
    ]);
    for (const rule of [...colourRuleIds, 'colour.override']) expect(rules).toContain(rule);
  });

  it('gives every colour of the scale', () => {
    const { e } = bigOne();
    expect(new Set(e.projects.map((p) => p.colour))).toEqual(new Set(parsePolicy('handan-2018').colour.scale.map((c) => c.id)));
    expect(new Set(e.projects.map((p) => p.colour))).toEqual(new Set(['green', 'white', 'yellow', 'red']));
  });

  it('triggers every interview rule', () => {
    const rules = new Set(bigOne().e.interviews.flatMap((i) => i.triggers.map((t) => t.rule)));
    expect([...rules].sort()).toEqual(['3.2.1', '3.2.2', '3.2.3', '3.2.4', '3.2.5', '3.2.6']);
  });

  it('has every kind of compliance gap', () => {
    const kinds = new Set(bigOne().e.compliance.map((c) => c.kind));
    for (const kind of COMPLIANCE_KINDS) expect(kinds).toContain(kind);
    const meetingRules = new Set(
      bigOne()
        .e.compliance.filter((c) => c.kind === 'meetingMissing')
        .map((c) => c.rule),
    );
    expect([...meetingRules].sort()).toEqual(['2.1', '2.2', '2.3']);
  });

  it('suggests accountability of every severity', () => {
    expect(new Set(bigOne().e.accountability.map((a) => a.severity))).toEqual(new Set(['notice', 'serious', 'grave']));
  });

  it('applies an override that changes a computed colour', () => {
    const { e, doc } = bigOne();
    const changed = e.projects.filter((p) => p.colour !== p.computedColour);
    expect(changed.length).toBeGreaterThan(0);
    for (const p of changed) {
      const o = (doc.overrides ?? []).find((x) => x.projectId === p.projectId && x.month === e.month);
      expect(o?.colour).toBe(p.colour);
      const f = p.findings.find((x) => x.rule === 'colour.override');
      expect(f?.evidence).toMatchObject({ month: e.month, colour: p.colour, computedColour: p.computedColour });
    }
    // Overrides of earlier months show in the colour history.
    for (const o of (doc.overrides ?? []).filter((x) => e.month !== null && x.month <= e.month)) {
      const p = e.projects.find((x) => x.projectId === o.projectId);
      expect(p?.history.find((h) => h.month === o.month)?.colour).toBe(o.colour);
    }
  });

  it('warns of reports without a date and ledgers not summing to the plan', () => {
    const codes = new Set(bigOne().warnings);
    expect(codes).toContain('report_without_date');
    expect(codes).toContain('ledger_sum_mismatch');
  });
});
