/**
 * A bilingual message: Chinese first, English beside.
 *
 * @example
 * ```ts
 * const m: LocalizedText = { zh: '日期无效', en: 'invalid date' };
 * ```
 * @category Errors
 */
export interface LocalizedText {
  /** 中文 — the Chinese text. */
  readonly zh: string;
  /** English — the English text. */
  readonly en: string;
}

/**
 * The one error class of the library (错误): every throw carries a stable snake_case `code`.
 *
 * @remarks
 * Expected outcomes (a trigger, a missing report) are data in the evaluation, never exceptions;
 * a `SansansanError` means the caller passed something the function cannot work with.
 *
 * @example
 * ```ts
 * try {
 *   parseCalendarDate('2025-02-30');
 * } catch (e) {
 *   (e as SansansanError).code; //=> 'invalid_date'
 * }
 * ```
 * @category Errors
 */
export class SansansanError extends Error {
  /** Stable machine-readable code, snake_case. */
  readonly code: string;
  /** The message in Chinese and English. */
  readonly text: LocalizedText;

  constructor(code: string, text: LocalizedText) {
    super(`${text.en} (${code})`);
    this.name = 'SansansanError';
    this.code = code;
    this.text = text;
  }
}
