// Reading one cell: what exceljs gives → a plain scalar → a document value, or the reason it is not one.
import type ExcelJS from 'exceljs';
import { isCalendarDate, isYearMonth } from '../../calendar/index.js';
import { safeParseAmount, type AmountIssueCode } from '../../money/index.js';
import type { IssueCode } from '../../validation.js';
import { NO, YES, type EnumDef } from './_layout.js';

/** A cell's value reduced to what the reader distinguishes. */
export type Scalar =
  | { readonly kind: 'blank' }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'date'; readonly value: Date }
  | { readonly kind: 'error'; readonly value: string };

const BLANK: Scalar = { kind: 'blank' };

/**
 * The scalar of a cell value: text trimmed (blank when empty), rich text and hyperlinks as their text,
 * a formula as its cached result (an error when the workbook has none).
 */
export function scalarOf(value: ExcelJS.CellValue): Scalar {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? BLANK : { kind: 'text', value: t };
  }
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  if ('richText' in value) return scalarOf(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    // exceljs gives a hyperlink's text as rich text when the cell is formatted.
    if (typeof text === 'object' && text !== null && 'richText' in text) return scalarOf(text as ExcelJS.CellRichTextValue);
    return scalarOf(typeof text === 'string' ? text : null);
  }
  if ('error' in value) return { kind: 'error', value: value.error };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined) return { kind: 'error', value: '=?' };
    return scalarOf(result);
  }
  return BLANK;
}

/** A converted cell: the value (undefined for a blank cell), or an issue. */
export type Read<T> =
  | { readonly ok: true; readonly value: T | undefined }
  | { readonly ok: false; readonly code: IssueCode; readonly zh: string; readonly en: string };

const ok = <T>(value: T | undefined): Read<T> => ({ ok: true, value });
const fail = <T>(code: IssueCode, zh: string, en: string): Read<T> => ({ ok: false, code, zh, en });

function show(s: Scalar): string {
  switch (s.kind) {
    case 'blank':
      return '(空)';
    case 'text':
      return JSON.stringify(s.value.length > 40 ? `${s.value.slice(0, 40)}…` : s.value);
    case 'number':
    case 'boolean':
    case 'error':
      return String(s.value);
    case 'date':
      return Number.isNaN(s.value.getTime()) ? 'Invalid Date' : s.value.toISOString();
  }
}

function errorCell<T>(s: Scalar & { kind: 'error' }): Read<T> {
  return s.value === '=?'
    ? fail(
        'invalid_type',
        '公式没有计算结果，请在 Excel 中重新计算并保存',
        'the formula has no cached result: recalculate and save the workbook in Excel',
      )
    : fail('invalid_value', `单元格为错误值 ${s.value}`, `the cell holds the error ${s.value}`);
}

/** Free text: text as is (trimmed), a number as its shortest decimal form, a date as `YYYY-MM-DD`. */
export function readText(s: Scalar): Read<string> {
  switch (s.kind) {
    case 'blank':
      return ok(undefined);
    case 'text':
      return ok(s.value);
    case 'number':
      return ok(String(s.value));
    case 'boolean':
      return ok(s.value ? 'TRUE' : 'FALSE');
    case 'date':
      return ok(isoDate(s.value));
    case 'error':
      return errorCell(s);
  }
}

/** An id: text, or a whole number typed into a general cell. */
export function readId(s: Scalar): Read<string> {
  switch (s.kind) {
    case 'blank':
      return ok(undefined);
    case 'text':
      return ok(s.value);
    case 'number':
      return ok(String(s.value));
    case 'error':
      return errorCell(s);
    default:
      return fail('invalid_type', `id 须为文字：${show(s)}`, `an id must be text: ${show(s)}`);
  }
}

/** Several ids in one cell, separated by commas (also `，`, `、`, `;`). */
export function readIds(s: Scalar): Read<string[]> {
  const r = readId(s);
  if (!r.ok || r.value === undefined) return r.ok ? ok(undefined) : r;
  return ok(
    r.value
      .split(/[,，、;；]/)
      .map((x) => x.trim())
      .filter((x) => x !== ''),
  );
}

const AMOUNT_MESSAGES: Readonly<Record<AmountIssueCode, readonly [string, string]>> = {
  amount_grammar: ['金额须为十进制数字（如 1250.5，不带单位）', 'an amount must be a plain decimal such as 1250.5, without a unit'],
  amount_not_finite: ['金额须为有限数', 'an amount must be finite'],
  amount_out_of_range: [
    '金额超出范围（整数部分至多 18 位、小数至多 10 位）',
    'amount out of range (at most 18 integer and 10 fractional digits)',
  ],
  amount_type: ['金额须为数字或数字文本', 'an amount must be a number or the text of one'],
};

// Thousands separators as Excel shows them: 1,234,567.89.
const GROUPED = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * An exact amount: a number cell through its shortest round-trip decimal form (`1234.56` → `"1234.56"`),
 * a text cell as written (thousands separators allowed); canonical, never through float arithmetic.
 */
export function readAmount(s: Scalar): Read<string> {
  let input: string | number;
  switch (s.kind) {
    case 'blank':
      return ok(undefined);
    case 'error':
      return errorCell(s);
    case 'number':
      input = s.value;
      break;
    case 'text':
      input = GROUPED.test(s.value) ? s.value.replace(/,/g, '') : s.value;
      break;
    case 'boolean':
    case 'date':
      return amountIssue('amount_type', s);
  }
  const r = safeParseAmount(input);
  return r.success ? ok(r.data) : amountIssue(r.code, s);
}

function amountIssue(code: AmountIssueCode, s: Scalar): Read<string> {
  const [zh, en] = AMOUNT_MESSAGES[code];
  return fail(code, `${zh}：${show(s)}`, `${en}: ${show(s)}`);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a date's UTC fields (exceljs reads Excel dates as UTC midnight). */
export function isoDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

// Excel's serial day numbers, 1900 system from 1900-03-01 (serial 61) to 9999-12-31.
const FIRST_SERIAL = 61;
const LAST_SERIAL = 2958465;

/** The date of an Excel serial number (a date cell whose date format exceljs does not recognise). */
function serialDate(serial: number, date1904: boolean): Date | undefined {
  const v = Math.floor(serial) + (date1904 ? 1462 : 0);
  if (!Number.isFinite(serial) || v < FIRST_SERIAL || v > LAST_SERIAL) return undefined;
  return new Date((v - 25569) * 86_400_000);
}

function dateOf(s: Scalar, date1904: boolean): Date | undefined {
  if (s.kind === 'date') return Number.isNaN(s.value.getTime()) ? undefined : s.value;
  if (s.kind === 'number') return serialDate(s.value, date1904);
  return undefined;
}

/** A date: text `YYYY-MM-DD` as written, an Excel date cell (or its serial number) from its UTC fields. */
export function readDate(s: Scalar, date1904: boolean): Read<string> {
  if (s.kind === 'blank') return ok(undefined);
  if (s.kind === 'error') return errorCell(s);
  if (s.kind === 'text') {
    return isCalendarDate(s.value)
      ? ok(s.value)
      : fail('invalid_date', `日期无效，应为 YYYY-MM-DD：${show(s)}`, `not a valid date, expected YYYY-MM-DD: ${show(s)}`);
  }
  const d = dateOf(s, date1904);
  return d === undefined
    ? fail('invalid_date', `日期无效，应为 YYYY-MM-DD：${show(s)}`, `not a valid date, expected YYYY-MM-DD: ${show(s)}`)
    : ok(isoDate(d));
}

/** A month: text `YYYY-MM` as written, or the year and month of an Excel date cell. */
export function readMonth(s: Scalar, date1904: boolean): Read<string> {
  if (s.kind === 'blank') return ok(undefined);
  if (s.kind === 'error') return errorCell(s);
  if (s.kind === 'text') {
    return isYearMonth(s.value)
      ? ok(s.value)
      : fail('invalid_month', `月份无效，应为 YYYY-MM：${show(s)}`, `not a valid month, expected YYYY-MM: ${show(s)}`);
  }
  const d = dateOf(s, date1904);
  return d === undefined
    ? fail('invalid_month', `月份无效，应为 YYYY-MM：${show(s)}`, `not a valid month, expected YYYY-MM: ${show(s)}`)
    : ok(isoDate(d).slice(0, 7));
}

/** A yes/no cell: 是 / 否, an Excel boolean, or the text true / false. */
export function readBool(s: Scalar): Read<boolean> {
  if (s.kind === 'blank') return ok(undefined);
  if (s.kind === 'boolean') return ok(s.value);
  if (s.kind === 'error') return errorCell(s);
  if (s.kind === 'text') {
    if (s.value === YES || s.value.toLowerCase() === 'true') return ok(true);
    if (s.value === NO || s.value.toLowerCase() === 'false') return ok(false);
  }
  return fail('invalid_value', `应填"是"或"否"：${show(s)}`, `expected 是 (yes) or 否 (no): ${show(s)}`);
}

/** An enumeration: a value of the document (any letter case) or its Chinese label. */
export function readEnum(s: Scalar, def: EnumDef): Read<string> {
  if (s.kind === 'blank') return ok(undefined);
  if (s.kind === 'error') return errorCell(s);
  if (s.kind === 'text') {
    const lower = s.value.toLowerCase();
    // Own keys only: a cell holding `constructor` or `__proto__` must not find Object.prototype's members.
    const aliases = def.aliases;
    const found =
      def.values.find((v) => v.toLowerCase() === lower) ??
      def.values.find((v) => Object.hasOwn(def.zh, v) && def.zh[v] === s.value) ??
      (aliases !== undefined && Object.hasOwn(aliases, s.value) ? aliases[s.value] : undefined);
    if (found !== undefined) return ok(found);
  }
  const list = def.values.join(', ');
  return fail('invalid_value', `取值无效，应为 ${list} 之一：${show(s)}`, `not one of ${list}: ${show(s)}`);
}

/** The year of the 基本信息 sheet: a whole number (or its text). */
export function readYear(s: Scalar): Read<number> {
  if (s.kind === 'blank') return ok(undefined);
  if (s.kind === 'error') return errorCell(s);
  if (s.kind === 'number' && Number.isInteger(s.value)) return ok(s.value);
  if (s.kind === 'text' && /^\d{1,4}$/.test(s.value)) return ok(Number(s.value));
  return fail('invalid_value', `年度须为整数，如 2025：${show(s)}`, `the year must be a whole number such as 2025: ${show(s)}`);
}
