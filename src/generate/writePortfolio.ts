// Write a synthetic portfolio document as text, a chunk at a time: one project is generated, stringified
// and handed on before the next, so a million projects (some 2.7 GB) never sit in memory at once.
import { generateHeader, generateProject, type GenerateOptions } from './generatePortfolio.js';

// Chunks are joined up to about this many UTF-16 code units before they are handed on, to save calls.
const CHUNK = 1 << 16;

/**
 * Write the synthetic portfolio document of `options` (合成台账) through `write`, chunk by chunk, without
 * ever holding the whole text.
 *
 * @remarks
 * The JSON form is exactly `JSON.stringify(generatePortfolio(options))` followed by `"\n"`. The NDJSON form
 * (`ndjson: true`) is one line with the document without its projects (`generateHeader(options)`, the same
 * `format` tag), then one line per project (`generateProject(options, i)`); every line ends with `"\n"`.
 * Chunks are about 64 K code units long.
 *
 * @example
 * ```ts
 * let text = '';
 * writePortfolio({ projects: 3, seed: 7 }, (chunk) => (text += chunk));
 * text === `${JSON.stringify(generatePortfolio({ projects: 3, seed: 7 }))}\n`; //=> true
 *
 * let ndjson = '';
 * writePortfolio({ projects: 3, seed: 7, ndjson: true }, (chunk) => (ndjson += chunk));
 * ndjson.trimEnd().split('\n').length; //=> 4: the header and three projects
 * ```
 */
export function writePortfolio(options: GenerateOptions & { readonly ndjson?: boolean }, write: (chunk: string) => void): void {
  let buffer = '';
  const emit = (s: string): void => {
    buffer += s;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  };
  const header = generateHeader(options);
  if (options.ndjson === true) {
    emit(`${JSON.stringify(header)}\n`);
    for (let i = 0; i < options.projects; i += 1) emit(`${JSON.stringify(generateProject(options, i))}\n`);
  } else {
    // The key order of generatePortfolio: these keys, then `projects`, then the rest of the header.
    const { format, year, unit, city, leaders, departments, ...rest } = header;
    const head = JSON.stringify({ format, year, unit, city, leaders, departments });
    const tail = JSON.stringify(rest);
    emit(`${head.slice(0, -1)},"projects":[`);
    for (let i = 0; i < options.projects; i += 1) emit(`${i === 0 ? '' : ','}${JSON.stringify(generateProject(options, i))}`);
    emit(`]${tail === '{}' ? '}' : `,${tail.slice(1)}`}\n`);
  }
  if (buffer !== '') write(buffer);
}
