import { makeIssue, type ValidationIssue } from '../validation.js';

// The text of a file's bytes, or the encoding it seems to be in when that is not UTF-8: the one reading of
// input files (JSON documents, CSV), so that each refuses a GBK or UTF-16 file with the same judgement
// instead of reading mojibake. Pure: TextDecoder only, no Node API.

/**
 * An encoding a file was found in instead of UTF-8: `gbk` (GBK/GB18030, what Chinese Windows, Excel and
 * WPS write by default), `utf16le`/`utf16be` (Windows "Unicode"), or `unknown`.
 */
export type ForeignEncoding = 'gbk' | 'utf16le' | 'utf16be' | 'unknown';

/** Result of {@link decodeText}: the text, or the encoding the bytes seem to be in. */
export type DecodeTextResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly encoding: ForeignEncoding };

// UTF-16 is judged on the first bytes only: a file in it has the pattern from its first line on.
const SAMPLE_PAIRS = 1024;

/**
 * The text of UTF-8 bytes (读取文本), or the encoding they seem to be in instead.
 *
 * @remarks
 * In order:
 * 1. a UTF-16 byte-order mark (`FF FE`, `FE FF`) → `utf16le`/`utf16be` (`FF FE 00 00`, UTF-32, → `unknown`);
 * 2. one UTF-8 byte-order mark is skipped (a second one stays in the text as U+FEFF);
 * 3. UTF-16 without a mark, by the NUL bytes of its ASCII characters: among the first 1 024 byte pairs, no
 *    pair `00 00`, and at least a quarter of them `xx 00` (→ `utf16le`) or `00 xx` (→ `utf16be`), the more
 *    frequent of the two. Text read here (JSON, CSV) never holds U+0000, so valid UTF-8 with that many NUL
 *    bytes is taken for UTF-16;
 * 4. valid UTF-8 → the text;
 * 5. bytes GB18030 decodes (by their byte structure when the runtime has no GB18030 decoder) → `gbk`;
 * 6. anything else → `unknown`.
 *
 * @example
 * ```ts
 * decodeText(new TextEncoder().encode('{"year":2025}')); //=> { ok: true, text: '{"year":2025}' }
 * decodeText(new Uint8Array([0xcf, 0xee, 0xc4, 0xbf])); //=> { ok: false, encoding: 'gbk' } (项目 in GBK)
 * ```
 */
export function decodeText(bytes: Uint8Array): DecodeTextResult {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return { ok: false, encoding: b2 === 0 && b3 === 0 ? 'unknown' : 'utf16le' };
  if (b0 === 0xfe && b1 === 0xff) return { ok: false, encoding: 'utf16be' };
  const body = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? bytes.subarray(3) : bytes;
  const utf16 = utf16Pattern(body);
  if (utf16 !== undefined) return { ok: false, encoding: utf16 };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    return { ok: false, encoding: isGb18030(body) ? 'gbk' : 'unknown' };
  }
}

/** `utf16le`/`utf16be` when the first bytes have the NUL pattern of ASCII in UTF-16 (see {@link decodeText}). */
function utf16Pattern(bytes: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  const pairs = Math.min(SAMPLE_PAIRS, bytes.length >> 1);
  let le = 0;
  let be = 0;
  for (let i = 0; i < pairs; i++) {
    const lo = bytes[2 * i] as number;
    const hi = bytes[2 * i + 1] as number;
    if (lo === 0 && hi === 0) return undefined;
    if (hi === 0) le += 1;
    else if (lo === 0) be += 1;
  }
  if (le * 4 >= pairs && le > be) return 'utf16le';
  if (be * 4 >= pairs && be > le) return 'utf16be';
  return undefined;
}

/** Whether the bytes follow GB18030's structure: 1 byte (00–80), 2 bytes (81–FE, 40–7E|80–FE) or 4 bytes (81–FE, 30–39, 81–FE, 30–39). */
function isGb18030Structure(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b <= 0x80) {
      i += 1;
      continue;
    }
    if (b === 0xff) return false;
    const b2 = bytes[i + 1];
    if (b2 === undefined) return false;
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      i += 2;
      continue;
    }
    const b3 = bytes[i + 2];
    const b4 = bytes[i + 3];
    if (b2 >= 0x30 && b2 <= 0x39 && b3 !== undefined && b3 >= 0x81 && b3 <= 0xfe && b4 !== undefined && b4 >= 0x30 && b4 <= 0x39) {
      i += 4;
      continue;
    }
    return false;
  }
  return true;
}

function isGb18030(bytes: Uint8Array): boolean {
  let decoder: { decode(input: Uint8Array): string };
  try {
    decoder = new TextDecoder('gb18030', { fatal: true });
  } catch {
    // A runtime built without the legacy encodings: judge by the byte structure alone.
    return isGb18030Structure(bytes);
  }
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const HOW_TO_SAVE = {
  zh: '请将文件另存为 UTF-8 编码:记事本中"文件 → 另存为",编码选"UTF-8";WPS 或 VS Code 中另存时将编码选为 UTF-8。',
  en: 'Save the file as UTF-8: in Notepad, File → Save As with the encoding "UTF-8"; in WPS or VS Code, choose the encoding UTF-8 when saving.',
} as const;

/**
 * The issue of a document file that is not UTF-8 (文件编码问题), at `$`: `json_encoding_gbk` for
 * GBK/GB18030, `json_encoding_utf16` for UTF-16 (either byte order), `json_encoding` otherwise; the
 * message says how to save the file as UTF-8.
 *
 * @example
 * ```ts
 * const r = decodeText(bytes);
 * if (!r.ok) throw new ValidationError([encodingIssue(r.encoding)]);
 * encodingIssue('gbk').code; //=> 'json_encoding_gbk'
 * ```
 */
export function encodingIssue(encoding: ForeignEncoding): ValidationIssue {
  switch (encoding) {
    case 'gbk':
      return makeIssue([], 'json_encoding_gbk', {
        zh: `文件不是 UTF-8 编码,看起来是 GBK/GB18030 编码(中文版 Windows 记事本、WPS 的默认编码),按 UTF-8 读取会得到乱码。${HOW_TO_SAVE.zh}`,
        en: `the file is not UTF-8: it looks like GBK/GB18030 (the default of Chinese Windows Notepad and WPS), which would read as garbled text. ${HOW_TO_SAVE.en}`,
      });
    case 'utf16le':
    case 'utf16be':
      return makeIssue([], 'json_encoding_utf16', {
        zh: `文件是 UTF-16 编码(${encoding === 'utf16le' ? '小端' : '大端'},记事本中的"Unicode"),不是 UTF-8。${HOW_TO_SAVE.zh}`,
        en: `the file is UTF-16 (${encoding === 'utf16le' ? 'little-endian' : 'big-endian'}, "Unicode" in Notepad), not UTF-8. ${HOW_TO_SAVE.en}`,
      });
    case 'unknown':
      return makeIssue([], 'json_encoding', {
        zh: `文件既不是 UTF-8 也不是 GBK/GB18030 或 UTF-16 编码的文本。${HOW_TO_SAVE.zh}`,
        en: `the file is not text in UTF-8, GBK/GB18030 or UTF-16. ${HOW_TO_SAVE.en}`,
      });
  }
}
