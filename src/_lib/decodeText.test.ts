// The one reading of input bytes: UTF-8 text comes back as it is (one byte-order mark skipped); GBK and
// UTF-16 files are named, never read as mojibake.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, encodingIssue, type ForeignEncoding } from './decodeText.js';
import { GBK_OF, gbkBytes as gbk, withUtf8OnlyDecoder } from '../../test/fixtures/gbk.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

function utf16(text: string, order: 'le' | 'be', bom = false): Uint8Array {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (order === 'le') out.push(u & 0xff, u >> 8);
    else out.push(u >> 8, u & 0xff);
  }
  return new Uint8Array(out);
}

// GB 2312's first rows of Hanzi (啊 B0A1 … 丑 B3F3 …, leads B0–C1): a lead byte UTF-8 never starts a
// character with, so any text holding one of them is not UTF-8.
const NEVER_UTF8 = [...GBK_OF].filter(([, [lead, trail]]) => lead >= 0xb0 && lead <= 0xc1 && trail >= 0xa1).map(([ch]) => ch);
const ANY_GBK_HANZI = [...GBK_OF].filter(([, [lead, trail]]) => lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1).map(([ch]) => ch);

const DOC = '{"format":"sansansan/portfolio@1","year":2025,"departments":[{"id":"D-1","name":"中心城区建设指挥部"}]}';

describe('decodeText', () => {
  it('returns UTF-8 text as it is', () => {
    expect(decodeText(utf8(DOC))).toEqual({ ok: true, text: DOC });
    expect(decodeText(new Uint8Array())).toEqual({ ok: true, text: '' });
  });

  it('skips one UTF-8 byte-order mark, and only one', () => {
    expect(decodeText(new Uint8Array([...BOM, ...utf8(DOC)]))).toEqual({ ok: true, text: DOC });
    expect(decodeText(new Uint8Array([...BOM, ...BOM, ...utf8('{}')]))).toEqual({ ok: true, text: '\ufeff{}' });
    expect(decodeText(new Uint8Array(BOM))).toEqual({ ok: true, text: '' });
  });

  it('names GBK: a Chinese document saved by Notepad or WPS in GBK is not read as mojibake', () => {
    const bytes = gbk(DOC);
    expect([...gbk('中心')]).toEqual([0xd6, 0xd0, 0xd0, 0xc4]);
    expect(decodeText(bytes)).toEqual({ ok: false, encoding: 'gbk' });
    expect(decodeText(new Uint8Array([...BOM, ...bytes]))).toEqual({ ok: false, encoding: 'gbk' });
  });

  it('names UTF-16 by its byte-order mark, little- and big-endian', () => {
    expect(decodeText(utf16(DOC, 'le', true))).toEqual({ ok: false, encoding: 'utf16le' });
    expect(decodeText(utf16(DOC, 'be', true))).toEqual({ ok: false, encoding: 'utf16be' });
    expect(decodeText(new Uint8Array([0xff, 0xfe]))).toEqual({ ok: false, encoding: 'utf16le' });
  });

  it('names UTF-16 without a byte-order mark by the NUL bytes of its ASCII characters', () => {
    expect(decodeText(utf16(DOC, 'le'))).toEqual({ ok: false, encoding: 'utf16le' });
    expect(decodeText(utf16(DOC, 'be'))).toEqual({ ok: false, encoding: 'utf16be' });
    expect(decodeText(utf16('{}', 'le'))).toEqual({ ok: false, encoding: 'utf16le' });
    expect(decodeText(utf16('项目 P-1', 'be'))).toEqual({ ok: false, encoding: 'utf16be' });
  });

  it('calls UTF-32 and bytes of no encoding unknown', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]))).toEqual({ ok: false, encoding: 'unknown' });
    expect(decodeText(new Uint8Array([0x41, 0xff, 0xff, 0x0a]))).toEqual({ ok: false, encoding: 'unknown' });
    expect(decodeText(new Uint8Array([0x7b, 0x81]))).toEqual({ ok: false, encoding: 'unknown' });
  });

  it('judges GBK by its byte structure on a runtime without the GB18030 decoder', () => {
    withUtf8OnlyDecoder(() => {
      expect(decodeText(gbk(DOC))).toEqual({ ok: false, encoding: 'gbk' });
      expect(decodeText(new Uint8Array([0x41, 0xff, 0xff]))).toEqual({ ok: false, encoding: 'unknown' });
      expect(decodeText(utf8(DOC))).toEqual({ ok: true, text: DOC });
    });
  });

  describe('properties', () => {
    // JSON and CSV text never holds U+0000, whose NUL bytes are what marks UTF-16.
    const text = fc.string({ unit: 'binary' }).filter((s) => !s.includes('\u0000'));

    it('decodes the UTF-8 bytes of any text (without U+0000) to that text', () => {
      fc.assert(
        fc.property(text, (s) => {
          expect(decodeText(utf8(s))).toEqual({ ok: true, text: s });
        }),
      );
    });

    it('skips exactly one UTF-8 byte-order mark', () => {
      fc.assert(
        fc.property(text, fc.nat({ max: 3 }), (s, marks) => {
          const bytes = new Uint8Array([...Array.from({ length: marks }, () => BOM).flat(), ...utf8(s)]);
          expect(decodeText(bytes)).toEqual({ ok: true, text: '\ufeff'.repeat(Math.max(0, marks - 1)) + s });
        }),
      );
    });

    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });

    it('names the GBK bytes of any text with Chinese characters gbk', () => {
      fc.assert(
        fc.property(
          ascii,
          fc.constantFrom(...NEVER_UTF8),
          fc.array(fc.oneof(ascii, fc.constantFrom(...ANY_GBK_HANZI))),
          (before, hanzi, after) => {
            expect(decodeText(gbk(before + hanzi + after.join('')))).toEqual({ ok: false, encoding: 'gbk' });
          },
        ),
      );
    });

    it('names the UTF-16 bytes of any mostly-ASCII text, with or without a byte-order mark, by their byte order', () => {
      const mostlyAscii = fc
        .tuple(
          ascii.filter((s) => s.length >= 2),
          fc.array(fc.constantFrom(...ANY_GBK_HANZI), { maxLength: 3 }),
        )
        .map(([a, h]) => a + h.join('') + a);
      fc.assert(
        fc.property(mostlyAscii, fc.constantFrom<'le' | 'be'>('le', 'be'), fc.boolean(), (s, order, bom) => {
          const expected: ForeignEncoding = order === 'le' ? 'utf16le' : 'utf16be';
          expect(decodeText(utf16(s, order, bom))).toEqual({ ok: false, encoding: expected });
        }),
      );
    });

    it('never throws, and returns text only for valid UTF-8 without a UTF-16 mark', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
          const r = decodeText(bytes);
          if (r.ok) expect(bytes[0] === 0xff || bytes[0] === 0xfe).toBe(false);
        }),
      );
    });
  });
});

describe('encodingIssue', () => {
  it('gives each encoding its code, at $, with how to save the file as UTF-8', () => {
    const cases: readonly [ForeignEncoding, string][] = [
      ['gbk', 'json_encoding_gbk'],
      ['utf16le', 'json_encoding_utf16'],
      ['utf16be', 'json_encoding_utf16'],
      ['unknown', 'json_encoding'],
    ];
    for (const [encoding, code] of cases) {
      const issue = encodingIssue(encoding);
      expect({ path: issue.path, segments: issue.segments, code: issue.code }).toEqual({ path: '$', segments: [], code });
      expect(issue.message.zh).toContain('UTF-8');
      expect(issue.message.zh).toContain('另存为');
      expect(issue.message.en).toContain('UTF-8');
    }
    expect(encodingIssue('gbk').message.en).toContain('GBK');
    expect(encodingIssue('utf16le').message.en).toContain('UTF-16');
  });
});
