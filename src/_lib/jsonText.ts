import { makeIssue, type ValidationIssue } from '../validation.js';

/**
 * The value of a JSON text (one leading byte-order mark dropped), or the `invalid_json` issue with the
 * parser's reason: the one reading of JSON text, for documents, policies and the lines of the NDJSON form.
 * `line` names the line of an NDJSON file in the message; `segments` place the issue.
 */
export function parseJsonText(
  text: string,
  segments: readonly (string | number)[] = [],
  line?: number,
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issue: ValidationIssue } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      issue: makeIssue(
        segments,
        'invalid_json',
        line === undefined
          ? { zh: `不是有效的 JSON:${reason}`, en: `not valid JSON: ${reason}` }
          : { zh: `第 ${line} 行不是有效的 JSON:${reason}`, en: `line ${line} is not valid JSON: ${reason}` },
      ),
    };
  }
}
