import type { YearMonth } from '../../calendar/index.js';
import type { LocalizedText } from '../../errors.js';
import { compareCodeUnits, type Evidence, type Finding } from '../../findings/index.js';
import type { Incident, Portfolio, Project } from '../../portfolio/index.js';
import { appendTo } from '../../_lib/append.js';
import type { InterviewTrigger } from '../interview/types.js';

/**
 * The grounds for accountability (问责情形) the library can see in the data.
 * @example
 * ```ts
 * const g: AccountabilityGroundKind = 'notScheduling';
 * ```
 * @category Supervision
 */
export type AccountabilityGroundKind = 'notScheduling' | 'inaction' | 'repeatedTriggers' | 'incident';

/**
 * One ground of an accountability case, with its evidence.
 * @example
 * ```ts
 * const g: AccountabilityGround = { kind: 'notScheduling', message: { zh: '不调度', en: 'no scheduling' }, evidence: { months: ['2025-07', '2025-08'] } };
 * ```
 * @category Supervision
 */
export interface AccountabilityGround {
  /** 不调度, 不作为, repeated interview triggers, or an incident. */
  readonly kind: AccountabilityGroundKind;
  /** What the ground is, in Chinese and English. */
  readonly message: LocalizedText;
  /** The records behind it. */
  readonly evidence: Evidence;
}

/**
 * How serious an accountability case looks: `notice`, `serious` or `grave` (情节轻重).
 * @example
 * ```ts
 * const s: AccountabilitySeverity = 'serious';
 * ```
 * @category Supervision
 */
export type AccountabilitySeverity = 'notice' | 'serious' | 'grave';

/**
 * An advisory accountability case for one department (问责建议, clause 3.3): the grounds found and a
 * suggested severity. The decision stays with people.
 * @example
 * ```ts
 * evaluation.accountability[0]; //=> { departmentId: 'D-sl', severity: 'serious', grounds: [...], projectIds: ['P-011'] }
 * ```
 * @category Supervision
 */
export interface AccountabilityCase {
  /** The department. */
  readonly departmentId: string;
  /** Suggested severity. */
  readonly severity: AccountabilitySeverity;
  /** The grounds, by kind. */
  readonly grounds: readonly AccountabilityGround[];
  /** Projects involved in the grounds, by id. */
  readonly projectIds: readonly string[];
}

/**
 * What accountability reads of an interview trigger: its department, rule and project.
 * @example
 * ```ts
 * const k: TriggerKey = { departmentId: 'D-cg', rule: '3.2.2', projectId: 'P-012' };
 * ```
 * @category Supervision
 */
export type TriggerKey = Pick<InterviewTrigger, 'departmentId' | 'rule' | 'projectId'>;

/**
 * What {@link accountabilityCases} looks at, prepared by the evaluation.
 * @example
 * ```ts
 * const input: AccountabilityInput = { missedMeetingMonths: new Map(), redRuns: new Map(), triggers: [], threshold: 2, inactionMonths: 3 };
 * ```
 * @category Supervision
 */
export interface AccountabilityInput {
  /** Per department, the closed months without a department meeting (2.1). */
  readonly missedMeetingMonths: ReadonlyMap<string, readonly YearMonth[]>;
  /** Per project, the months up to the evaluated month it was shown red without directive activity, when that run is long enough. */
  readonly redRuns: ReadonlyMap<string, readonly YearMonth[]>;
  /** Every interview trigger found. */
  readonly triggers: readonly TriggerKey[];
  /** `policy.accountability.missedMeetingMonths`. */
  readonly threshold: number;
  /** `policy.accountability.inactionMonths`. */
  readonly inactionMonths: number;
}

/**
 * What accountability (3.3) reads of a project: its id and name, its department, the major livelihood
 * flag (重大民心民生工程) and its incidents.
 * @internal
 */
export type AccountableProject = Pick<Project, 'id' | 'name' | 'departmentId' | 'majorLivelihood' | 'incidents'>;

const STEP: readonly AccountabilitySeverity[] = ['notice', 'serious', 'grave'];

/**
 * Suggest accountability cases (问责, clause 3.3) where grounds combine: 不调度 (at least
 * `missedMeetingMonths` closed months without a department meeting), 不作为 (a project shown red in each
 * of the last `inactionMonths` months up to the evaluated month with no directive measure or progress in
 * that time), repeated triggers (two or more distinct 3.2.x rules) and incidents.
 *
 * @remarks
 * Severity: `notice` for one ground, `serious` for two or more, one step higher when a major livelihood
 * project (重大民心民生工程) is involved, `grave` for a grave incident. Pass the portfolio known at `asOf`.
 * @example
 * ```ts
 * accountabilityCases(known, input).map((c) => `${c.departmentId} ${c.severity}`); //=> ['D-sl serious', …]
 * ```
 * @category Supervision
 */
export function accountabilityCases(portfolio: Portfolio, input: AccountabilityInput): AccountabilityCase[] {
  return accountabilityCasesOf(
    portfolio.departments.map((d) => d.id),
    portfolio.projects,
    input,
  );
}

/**
 * {@link accountabilityCases} on what it reads: the ids of the departments, and the projects it may name
 * (those without a 不作为 run, an interview trigger of their own or an incident name no one).
 * @internal
 */
export function accountabilityCasesOf(
  departmentIds: readonly string[],
  projects: readonly AccountableProject[],
  input: AccountabilityInput,
): AccountabilityCase[] {
  const out: AccountabilityCase[] = [];
  // Grouped once: a department's projects and triggers, in linear time whatever the number of departments.
  const projectsOf = new Map<string, AccountableProject[]>();
  for (const p of projects) appendTo(projectsOf, p.departmentId, p);
  const triggersOf = new Map<string, TriggerKey[]>();
  for (const t of input.triggers) appendTo(triggersOf, t.departmentId, t);
  for (const departmentId of [...departmentIds].sort(compareCodeUnits)) {
    const projects = (projectsOf.get(departmentId) ?? []).sort((a, b) => compareCodeUnits(a.id, b.id));
    const grounds: AccountabilityGround[] = [];
    const involved = new Set<string>();

    const missed = input.missedMeetingMonths.get(departmentId) ?? [];
    if (missed.length >= input.threshold) {
      grounds.push({
        kind: 'notScheduling',
        message: {
          zh: `不调度:${missed.length} 个月未开展部门调度`,
          en: `no scheduling: ${missed.length} months without a department meeting`,
        },
        evidence: { months: [...missed], threshold: input.threshold },
      });
    }

    const inactive = projects.filter((p) => (input.redRuns.get(p.id)?.length ?? 0) >= input.inactionMonths);
    if (inactive.length > 0) {
      inactive.forEach((p) => involved.add(p.id));
      grounds.push({
        kind: 'inaction',
        message: {
          zh: `不作为:${inactive.map((p) => p.name).join('、')}连续 ${input.inactionMonths} 个月红色且无批示落实措施或进展`,
          en: `inaction: ${inactive.map((p) => p.id).join(', ')} red for ${input.inactionMonths} months without directive measures or progress`,
        },
        evidence: { projects: inactive.map((p) => ({ projectId: p.id, redMonths: [...(input.redRuns.get(p.id) ?? [])] })) },
      });
    }

    const triggers = triggersOf.get(departmentId) ?? [];
    const rules = [...new Set(triggers.map((t) => t.rule))].sort(compareCodeUnits);
    if (rules.length >= 2) {
      triggers.forEach((t) => {
        if (t.projectId !== undefined) involved.add(t.projectId);
      });
      grounds.push({
        kind: 'repeatedTriggers',
        message: { zh: `多项约谈情形:${rules.join('、')}`, en: `several interview triggers: ${rules.join(', ')}` },
        evidence: { rules },
      });
    }

    const incidents = projects.flatMap((p) => (p.incidents ?? []).map((i): [string, Incident] => [p.id, i]));
    if (incidents.length > 0) {
      incidents.forEach(([id]) => involved.add(id));
      const list = incidents
        .map(([projectId, i]) => ({ projectId, on: i.on, severity: i.severity, note: i.note }))
        .sort((a, b) => compareCodeUnits(a.on, b.on) || compareCodeUnits(a.projectId, b.projectId) || compareCodeUnits(a.note, b.note));
      grounds.push({
        kind: 'incident',
        message: { zh: `发生事故 ${list.length} 起`, en: `${list.length} incident${list.length > 1 ? 's' : ''}` },
        evidence: { incidents: list },
      });
    }

    if (grounds.length === 0) continue;
    const projectIds = [...involved].sort(compareCodeUnits);
    const livelihood = projects.some((p) => p.majorLivelihood === true && involved.has(p.id));
    let level = grounds.length >= 2 ? 1 : 0;
    if (livelihood) level += 1;
    if (incidents.some(([, i]) => i.severity === 'grave')) level = 2;
    out.push({ departmentId, severity: STEP[Math.min(level, 2)] ?? 'grave', grounds, projectIds });
  }
  return out;
}

const SEVERITY_ZH: Readonly<Record<AccountabilitySeverity, string>> = { notice: '提醒', serious: '较重', grave: '严重' };

/**
 * An accountability case as a {@link Finding} about its department.
 * @example
 * ```ts
 * accountabilityFinding(c).rule; //=> '3.3'
 * ```
 * @category Supervision
 */
export function accountabilityFinding(c: AccountabilityCase): Finding {
  return {
    rule: '3.3',
    subject: { kind: 'department', id: c.departmentId },
    severity: c.severity === 'notice' ? 'warning' : 'critical',
    message: {
      zh: `问责建议(${SEVERITY_ZH[c.severity]}):${c.grounds.map((g) => g.message.zh).join(';')}`,
      en: `accountability suggested (${c.severity}): ${c.grounds.map((g) => g.message.en).join('; ')}`,
    },
    evidence: { severity: c.severity, grounds: c.grounds.map((g) => ({ kind: g.kind, ...g.evidence })), projectIds: [...c.projectIds] },
  };
}
