/**
 * The longest id of the portfolio document (标识最大长度), in UTF-16 code units: leader, department,
 * project, milestone and directive ids, and every reference to them.
 *
 * @remarks A longer id is the issue `text_too_long`. Ids become file names and table cells; 256 is far
 * more than any code system uses (the national project code has 24 characters).
 * @example
 * ```ts
 * 'P-001'.length <= MAX_ID_LENGTH; //=> true
 * ```
 * @category Portfolio
 */
export const MAX_ID_LENGTH = 256;

/**
 * The longest free text of the portfolio document (文字最大长度), in UTF-16 code units: names,
 * progress notes, issues, reasons and every other text field.
 *
 * @remarks A longer text is the issue `text_too_long`. 10 000 characters is several printed pages; a
 * longer value is a pasted file, not a name or a note.
 * @example
 * ```ts
 * '东武仕水库除险加固工程'.length <= MAX_TEXT_LENGTH; //=> true
 * ```
 * @category Portfolio
 */
export const MAX_TEXT_LENGTH = 10_000;
