import { parseJsonText } from '../_lib/jsonText.js';
import { fromZodIssues } from '../_lib/zodIssues.js';
import { safeParseStructure } from '../policy/_safeParse.js';
import { makeIssue, sortIssues, type ValidationIssue } from '../validation.js';
import { isHeaderSchemaForm, isProjectSchemaForm } from './fastPath.js';
import { keepProtoAchievement } from './parsePortfolio.js';
import { headerSchema, projectSchema } from './schema.js';
import { headerChecks, projectChecks, projectReferenceChecks, type SemanticScope } from './semanticChecks.js';
import type { PortfolioDocument, Project } from './types.js';
import { unknownKeys } from './unknownKeys.js';
import { unknownNumberChanges } from './unknownNumbers.js';

/**
 * The header line of the NDJSON form of a portfolio (台账文档的 NDJSON 形式): the document without
 * `projects`, which follow one per line.
 * @example
 * ```ts
 * const h: PortfolioHeader = { format: 'sansansan/portfolio@1', year: 2025, leaders: [], departments: [], meetings: [], bureauReviews: [] };
 * ```
 * @category Portfolio
 */
export type PortfolioHeader = Omit<PortfolioDocument, 'projects'>;

/** Reads the lines of an NDJSON portfolio one at a time, keeping only ids and issues. */
export interface LineReader {
  /** The header line; undefined when it has errors (they are in `issues()`). */
  readonly header: (text: string) => PortfolioHeader | undefined;
  /**
   * Project line `index` (0-based among project lines): the project, undefined when it has errors (they
   * are kept for `finish()`), and its warnings, which are not kept.
   */
  readonly project: (
    text: string,
    index: number,
  ) => { readonly project: Project | undefined; readonly warnings: readonly ValidationIssue[] };
  /**
   * The checks that need every project id (references from the header to projects, unless `references`
   * is false), then every issue.
   */
  readonly finish: (references?: boolean) => { readonly errors: readonly ValidationIssue[]; readonly warnings: readonly ValidationIssue[] };
  /** Whether an error has been found so far. */
  readonly failed: () => boolean;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A reader of the NDJSON form: the same checks and issues as {@link safeParsePortfolio} on the whole
 * document, with the same paths (`$.projects[i]…` for the project on line i + 2), found line by line.
 * A line already in the schema's form is used as it is; another takes the zod path.
 */
export function lineReader(requireExactSum: boolean): LineReader {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  let headerValue: Rec | undefined;
  let scope: SemanticScope | undefined;
  const projectIds = new Set<string>();

  const header = (text: string): PortfolioHeader | undefined => {
    const parsed = parseJsonText(text, [], 1);
    if (!parsed.ok) {
      errors.push(parsed.issue);
      return undefined;
    }
    const value = parsed.value;
    let data: unknown = value;
    if (!isHeaderSchemaForm(value)) {
      const structural = safeParseStructure(headerSchema, value);
      const unknown = unknownKeys(headerSchema, value);
      warnings.push(...unknown, ...unknownNumberChanges(unknown, value, text));
      if (structural.success) data = structural.data;
      else errors.push(...fromZodIssues(structural.issues, value));
    }
    if (isRec(value)) {
      if (Object.prototype.hasOwnProperty.call(value, 'projects')) {
        errors.push(
          makeIssue(['projects'], 'invalid_value', {
            zh: 'NDJSON 形式的表头行不含项目:项目逐行写在表头之后',
            en: 'the header line of the NDJSON form has no projects: they follow it, one per line',
          }),
        );
      }
      headerValue = value;
      scope = headerChecks(value, requireExactSum);
    }
    return errors.length === 0 && scope?.errors.length === 0 ? (data as PortfolioHeader) : undefined;
  };

  const project = (
    text: string,
    index: number,
  ): { readonly project: Project | undefined; readonly warnings: readonly ValidationIssue[] } => {
    const at: readonly (string | number)[] = ['projects', index];
    const own: ValidationIssue[] = [];
    const parsed = parseJsonText(text, at, index + 2);
    if (!parsed.ok) {
      errors.push(parsed.issue);
      return { project: undefined, warnings: own };
    }
    const value = parsed.value;
    let data: unknown = value;
    let ok = true;
    if (!isProjectSchemaForm(value)) {
      // The zod path, with paths as in the whole document: the value sits at projects[index].
      const structural = safeParseStructure(projectSchema, value);
      const unknown = unknownKeys(projectSchema, value, [...at]);
      own.push(...unknown, ...unknownNumberChanges(unknown, value, text, at));
      if (structural.success) {
        data = structural.data;
        keepProtoAchievement(value, data as Project);
      } else {
        ok = false;
        const issues = structural.issues.map((i) => ({ ...i, path: [...at, ...i.path] }));
        errors.push(...fromZodIssues(issues, { projects: { [index]: value } }));
      }
    }
    if (isRec(value)) {
      const id = value['id'];
      if (typeof id === 'string' && id !== '') {
        if (projectIds.has(id)) {
          ok = false;
          errors.push(makeIssue([...at, 'id'], 'duplicate_id', { zh: `项目 id 重复:"${id}"`, en: `duplicate project id "${id}"` }));
        }
        projectIds.add(id);
      }
      if (scope !== undefined) {
        const before = scope.errors.length;
        const warned = scope.warnings.length;
        projectChecks(value, index, scope);
        if (scope.errors.length > before) ok = false;
        own.push(...scope.warnings.splice(warned));
      }
    }
    return { project: ok ? (data as Project) : undefined, warnings: own };
  };

  const finish = (references = true): { readonly errors: readonly ValidationIssue[]; readonly warnings: readonly ValidationIssue[] } => {
    if (headerValue === undefined || scope === undefined) {
      if (errors.length === 0) {
        errors.push(makeIssue([], 'invalid_json', { zh: '没有表头行', en: 'no header line' }));
      }
      return { errors: sortIssues(errors), warnings: sortIssues(warnings) };
    }
    if (references) projectReferenceChecks(headerValue, projectIds, scope);
    return { errors: sortIssues([...errors, ...scope.errors]), warnings: sortIssues([...warnings, ...scope.warnings]) };
  };

  return { header, project, finish, failed: () => errors.length > 0 || (scope?.errors.length ?? 0) > 0 };
}
