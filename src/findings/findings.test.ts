// The rule catalogue and compliance gaps as findings: ids, clauses, subjects, severities, evidence and
// the period in the message — values, not wording.
import { describe, expect, it } from 'vitest';
import { COMPLIANCE_KINDS } from '../../test/fixtures/complianceKinds.js';
import { complianceFinding, RULES, type ComplianceFinding, type RuleId } from './index.js';

// The rule ids of the contract (domain §5–§6 and the policy's colour rules).
const CLAUSE_RULES = [
  '1.1',
  '1.2',
  '1.3',
  '2.1',
  '2.2',
  '2.3',
  '3.1',
  '3.2.1',
  '3.2.2',
  '3.2.3',
  '3.2.4',
  '3.2.5',
  '3.2.6',
  '3.3',
] as const;
const COLOUR_RULES = [
  'colour.investment',
  'colour.stall',
  'colour.overdueMilestone',
  'colour.missingReport',
  'colour.openStall',
  'colour.override',
] as const;
const RULE_IDS: readonly RuleId[] = [...CLAUSE_RULES, ...COLOUR_RULES];

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
const numeral = (part: string): string => NUMERALS[Number(part) - 1] ?? `?${part}`;

/** The Chinese numbering of a clause id: '1.1' → '一(一)', '3.2.2' → '三(二)二'; a colour rule rests on 1.3. */
function chineseClause(id: RuleId): string {
  if (id.startsWith('colour.')) return chineseClause('1.3');
  const [chapter = '', section = '', item] = id.split('.');
  return `${numeral(chapter)}(${numeral(section)})${item === undefined ? '' : numeral(item)}`;
}

const HAN = /\p{Script=Han}/u;

describe('RULES: the rule catalogue', () => {
  it('has exactly the rule ids of the contract, each entry naming its own id', () => {
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) expect(RULES[id].id).toBe(id);
  });

  it('gives each rule the Chinese numbering of the clause it rests on', () => {
    for (const id of RULE_IDS) expect([id, RULES[id].clause]).toEqual([id, chineseClause(id)]);
    expect(RULES['1.1'].clause).toBe('一(一)');
    expect(RULES['3.2.2'].clause).toBe('三(二)二');
    expect(RULES['colour.override'].clause).toBe('一(三)');
  });

  it('titles every rule in Chinese and in English, uniquely within each language', () => {
    const titles = RULE_IDS.map((id) => RULES[id].title);
    for (const [i, t] of titles.entries()) {
      expect([RULE_IDS[i], t.zh.trim().length > 0, HAN.test(t.zh)]).toEqual([RULE_IDS[i], true, true]);
      expect([RULE_IDS[i], t.en.trim().length > 0, HAN.test(t.en)]).toEqual([RULE_IDS[i], true, false]);
    }
    expect(new Set(titles.map((t) => t.zh)).size).toBe(RULE_IDS.length);
    expect(new Set(titles.map((t) => t.en)).size).toBe(RULE_IDS.length);
  });
});

// One gap of every kind, as the checks emit them (domain §6); the kinds without a period have none.
const GAPS: readonly ComplianceFinding[] = [
  { rule: '1.1', kind: 'ledgerMissing', subjectId: 'P-1', evidence: { due: '2025-02-28' } },
  { rule: '1.1', kind: 'ledgerLate', subjectId: 'P-2', evidence: { due: '2025-02-28', submittedOn: '2025-03-04' } },
  { rule: '1.2', kind: 'reportMissing', subjectId: 'P-3', period: '2025-09', evidence: { due: '2025-10-05' } },
  { rule: '1.2', kind: 'reportLate', subjectId: 'P-4', period: '2025-05', evidence: { due: '2025-06-05', submittedOn: '2025-06-09' } },
  { rule: '1.2', kind: 'reviewMissing', subjectId: 'land', period: '2025-B3', evidence: { from: '2025-05-01', to: '2025-06-30' } },
  { rule: '1.2', kind: 'approvalWarning', subjectId: 'P-5', evidence: { procedures: ['环评'] } },
  { rule: '2.1', kind: 'meetingMissing', subjectId: 'D-1', period: '2025-07', evidence: { level: 'department' } },
  { rule: '2.2', kind: 'meetingMissing', subjectId: 'L-2', period: '2025-B4', evidence: { level: 'cityLeader' } },
  { rule: '2.3', kind: 'meetingMissing', subjectId: 'mayor', period: '2025Q2', evidence: { level: 'mayor' } },
  { rule: '2.1', kind: 'escalationOpen', subjectId: 'D-3', evidence: { escalations: 1 } },
];

const KINDS = COMPLIANCE_KINDS;

function withPeriod(c: ComplianceFinding, period: string | undefined): ComplianceFinding {
  const { period: _dropped, ...rest } = c;
  return period === undefined ? rest : { ...rest, period };
}

describe('complianceFinding', () => {
  it('keeps the rule and names the subject by the kind of gap', () => {
    expect(GAPS.map((c) => [complianceFinding(c).rule, complianceFinding(c).subject])).toEqual([
      ['1.1', { kind: 'project', id: 'P-1' }],
      ['1.1', { kind: 'project', id: 'P-2' }],
      ['1.2', { kind: 'project', id: 'P-3' }],
      ['1.2', { kind: 'project', id: 'P-4' }],
      ['1.2', { kind: 'bureau', id: 'land' }],
      ['1.2', { kind: 'project', id: 'P-5' }],
      ['2.1', { kind: 'department', id: 'D-1' }],
      ['2.2', { kind: 'leader', id: 'L-2' }],
      ['2.3', { kind: 'leader', id: 'mayor' }],
      ['2.1', { kind: 'department', id: 'D-3' }],
    ]);
  });

  it('rates a late submission info and every other gap a warning', () => {
    expect(Object.fromEntries(GAPS.map((c) => [c.kind, complianceFinding(c).severity]))).toEqual({
      ledgerMissing: 'warning',
      ledgerLate: 'info',
      reportMissing: 'warning',
      reportLate: 'info',
      reviewMissing: 'warning',
      approvalWarning: 'warning',
      meetingMissing: 'warning',
      escalationOpen: 'warning',
    });
  });

  it('carries the kind and the period with the evidence, and no period key when there is none', () => {
    expect(GAPS.map((c) => complianceFinding(c).evidence['period'] ?? null)).toEqual([
      null,
      null,
      '2025-09',
      '2025-05',
      '2025-B3',
      null,
      '2025-07',
      '2025-B4',
      '2025Q2',
      null,
    ]);
    const late = complianceFinding({
      rule: '1.2',
      kind: 'reportLate',
      subjectId: 'P-4',
      period: '2025-05',
      evidence: { due: '2025-06-05', submittedOn: '2025-06-09' },
    });
    expect(late.evidence).toStrictEqual({
      kind: 'reportLate',
      period: '2025-05',
      due: '2025-06-05',
      submittedOn: '2025-06-09',
    });
    const f = complianceFinding({ rule: '1.1', kind: 'ledgerMissing', subjectId: 'P-1', evidence: { due: '2025-02-28' } });
    expect(f.evidence).toStrictEqual({ kind: 'ledgerMissing', due: '2025-02-28' });
    expect(Object.hasOwn(f.evidence, 'period')).toBe(false);
    const g = complianceFinding({ rule: '1.2', kind: 'reportMissing', subjectId: 'P-3', period: '2025-09', evidence: {} });
    expect(g.evidence).toStrictEqual({ kind: 'reportMissing', period: '2025-09' });
  });

  it('says what is missing in both languages for every kind, each kind differently', () => {
    const messages = KINDS.map((kind) => complianceFinding({ rule: '1.2', kind, subjectId: 'X', evidence: {} }).message);
    for (const [i, m] of messages.entries()) {
      expect([KINDS[i], m.zh.trim().length > 0, HAN.test(m.zh)]).toEqual([KINDS[i], true, true]);
      expect([KINDS[i], m.en.trim().length > 0, HAN.test(m.en)]).toEqual([KINDS[i], true, false]);
      expect(m.zh).not.toContain('undefined');
      expect(m.en).not.toContain('undefined');
    }
    expect(new Set(messages.map((m) => m.zh)).size).toBe(KINDS.length);
    expect(new Set(messages.map((m) => m.en)).size).toBe(KINDS.length);
  });

  it('adds the period to the message of the same kind, and only when there is one', () => {
    for (const c of GAPS) {
      const without = complianceFinding(withPeriod(c, undefined)).message;
      const withIt = complianceFinding(withPeriod(c, '2025-B2')).message;
      for (const lang of ['zh', 'en'] as const) {
        expect(without[lang]).not.toContain('2025-B2');
        expect(withIt[lang].startsWith(without[lang])).toBe(true);
        expect(withIt[lang].slice(without[lang].length)).toContain('2025-B2');
      }
    }
  });

  it('gives the period of a gap that has one in both languages', () => {
    for (const c of GAPS.filter((x) => x.period !== undefined)) {
      const f = complianceFinding(c);
      expect(f.message.zh).toContain(c.period);
      expect(f.message.en).toContain(c.period);
    }
  });
});
