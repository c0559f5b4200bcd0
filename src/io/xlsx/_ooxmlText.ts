// Text in OOXML cells: the `_xHHHH_` escape (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), what a cell can hold.

/** Excel's limit on the characters of one cell (UTF-16 code units). */
export const MAX_CELL_TEXT = 32_767;

// A `_` that a reader would take as the start of an escape: `_x` and four hex digits, of either case.
const ESCAPE_START = /_(?=x[0-9A-Fa-f]{4})/g;
// Characters XML 1.0 cannot hold (C0 controls but tab and line feed, U+FFFE, U+FFFF), CR (which XML
// reads as LF) and DEL and the C1 controls (dropped by exceljs, and U+0085 is a line end in XML 1.1).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hex4 = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0');

/**
 * The text to store in a cell so that a reader decoding `_xHHHH_` once gets `text` back: a `_` that
 * starts `_xHHHH` becomes `_x005F_`, and characters XML cannot carry become `_xHHHH_`.
 */
export function encodeCellText(text: string): string {
  return text.replace(ESCAPE_START, '_x005F_').replace(UNSAFE, (c) => `_x${hex4(c.charCodeAt(0))}_`);
}

/** The text of `_xHHHH_` escapes decoded once, as exceljs decodes shared strings (upper-case hex). */
export function decodeCellText(text: string): string {
  return text.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Whether the text holds half of a surrogate pair alone (not text: no file format can carry it). */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** The first lone surrogate's index, for a message. */
export function loneSurrogateAt(text: string): number {
  return text.search(LONE_SURROGATE);
}

/** The character data of XML text: the five named entities and numeric references decoded, once. */
export function decodeXmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(lt|gt|amp|quot|apos|#x[0-9A-Fa-f]+|#[0-9]+);/g, (m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
    }
  });
}
