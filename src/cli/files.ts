// The command's file system: inputs read whole within a size limit and checked for their encoding,
// outputs written to a temporary file in the same folder and renamed into place, and never onto an input.
// The one module of the command that touches node:fs.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  read,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { decodeText, encodingIssue } from '../_lib/decodeText.js';
import { makeIssue, ValidationError } from '../validation.js';

/**
 * A file the command cannot read or write (a missing file, a folder, a device, a path too long, a full
 * disk, an output that is an input): a sentence in zh and en, exit code 2.
 */
export class FileError extends Error {
  constructor(zh: string, en: string, path: string, cause?: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    super(`${zh} / ${en}: ${path}${code === undefined ? '' : ` (${code})`}`);
    this.name = 'FileError';
  }
}

const MiB = 1024 * 1024;

/** How large an input may be, in bytes, by kind; `--max-input` raises or lowers all of them. */
export const DEFAULT_INPUT_LIMITS: { readonly document: number; readonly workbook: number; readonly stream: number } = {
  /** A JSON document (portfolio, policy): V8 cannot hold a string of more than 512 MiB anyway. */
  document: 512 * MiB,
  /** An Excel workbook. */
  workbook: 256 * MiB,
  /** The NDJSON form, read a line at a time (a million projects take about 2.5 GB). */
  stream: 64 * 1024 * MiB,
};

/** The longest line of the NDJSON form, in bytes: one project (a few KB), or a header naming every department. */
export const MAX_LINE_BYTES: number = 64 * MiB;

/** A size in bytes from `--max-input` text: `1000000`, `512MB`, `2GB`, `1.5GiB`. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase().charAt(0);
  const scale = unit === 'k' ? 1024 : unit === 'm' ? MiB : unit === 'g' ? 1024 * MiB : unit === 't' ? 1024 * 1024 * MiB : 1;
  const n = Math.floor(Number(m[1]) * scale);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

const sizeText = (n: number): string => (n >= MiB ? `${(n / MiB).toFixed(0)} MiB` : `${n} B`);

interface Identity {
  readonly dev: number;
  readonly ino: number;
  readonly real: string;
}

/** What the command has read so far: an output may never be one of these. */
export class Files {
  readonly #inputs: Identity[] = [];

  // Opens an input: `-` is standard input; anything else must be a regular file within `limit`.
  #open(path: string, limit: number): { readonly fd: number; readonly size: number | undefined } {
    if (path === '-') return { fd: 0, size: undefined };
    let st: Stats;
    try {
      st = statSync(path);
    } catch (e) {
      throw new FileError('无法读取文件', 'cannot read file', path, e);
    }
    if (!st.isFile())
      throw new FileError(
        st.isDirectory() ? '这是文件夹,不是文件' : '不是普通文件(设备、管道或套接字)',
        st.isDirectory() ? 'is a folder, not a file' : 'is not a regular file (a device, pipe or socket)',
        path,
      );
    if (st.size > limit) throw tooLarge(path, st.size, limit);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      throw new FileError('无法读取文件', 'cannot read file', path, e);
    }
    const opened = fstatSync(fd);
    this.#inputs.push({ dev: opened.dev, ino: opened.ino, real: realOrSelf(path) });
    return { fd, size: opened.size };
  }

  /** The bytes of an input, at most `limit` of them. */
  readBytes(path: string, limit: number): Uint8Array {
    const { fd, size } = this.#open(path, limit);
    try {
      return readAll(fd, path, limit, size);
    } finally {
      if (fd !== 0) closeSync(fd);
    }
  }

  /** The text of an input: UTF-8 (one byte-order mark dropped), or a `ValidationError` naming its encoding. */
  readText(path: string, limit: number): string {
    const decoded = decodeText(this.readBytes(path, limit));
    if (!decoded.ok) throw new ValidationError([encodingIssue(decoded.encoding)]);
    return decoded.text;
  }

  /**
   * The lines of an input, decoded one at a time (for the NDJSON form, which may not fit in one string).
   * A line over {@link MAX_LINE_BYTES} or not in UTF-8 ends the reading with a `ValidationError` that
   * names the line as the stream names its projects (`$` the header, `$.projects[i]` line i + 2).
   */
  readLines(path: string, limit: number, maxLine: number = MAX_LINE_BYTES): AsyncGenerator<string, void, undefined> {
    // Opened now, not at the first line: a missing input must fail before any output is opened.
    const { fd } = this.#open(path, limit);
    return lines(fd, path, limit, maxLine);
  }

  /** Refuses an output that is one of the inputs read so far (the same file under any name). */
  checkOutput(path: string): void {
    const real = realOrSelf(path);
    let st: Stats | undefined;
    try {
      st = statSync(path);
    } catch {
      st = undefined;
    }
    for (const i of this.#inputs) {
      if (i.real === real || (st !== undefined && st.dev === i.dev && st.ino === i.ino))
        throw new FileError('输出文件就是输入文件,拒绝覆盖', 'the output is an input file; refusing to overwrite it', path);
    }
  }

  /** Writes a whole file: into a temporary file beside it, renamed into place only once complete. */
  writeFile(path: string, content: string | Uint8Array): void {
    const sink = this.openWrite(path);
    try {
      sink.write(content);
    } catch (e) {
      sink.abort();
      throw e;
    }
    sink.close();
  }

  /**
   * Opens an output to write chunk by chunk. Nothing appears at `path` until `close`; `abort` (or a
   * failure) removes the temporary file and leaves whatever was at `path` untouched.
   */
  openWrite(path: string): Sink {
    this.checkOutput(path);
    const target = writableTarget(path);
    // A device or a pipe (`-o /dev/null`, a FIFO) is written as it is: renaming a file over it would
    // replace the device.
    if (isSpecial(target)) return sinkOf(openFile(target, 'w', path), path, nothing, nothing);
    makeFolders(dirname(target));
    const temp = join(dirname(target), `.sansansan-${process.pid}-${String(tempCount++)}.tmp`);
    return sinkOf(
      openFile(temp, 'wx', path),
      path,
      () => {
        keepMode(target, temp);
        renameSync(temp, target);
      },
      () => {
        removeQuietly(temp);
      },
    );
  }

  /**
   * Writes a set of files under `folder` and removes what the previous run into the same folder wrote
   * and this one did not, by the manifest `.sansansan-report.json`: a file is removed only if it still
   * has the content the manifest recorded, so nothing the command did not write is touched.
   */
  writeFileSet(folder: string, files: readonly { readonly path: string; readonly content: string }[]): FileSetResult {
    const manifestPath = join(folder, MANIFEST);
    const previous = readManifest(manifestPath);
    const entries: ManifestEntry[] = [];
    const written: string[] = [];
    for (const f of files) {
      const path = join(folder, ...f.path.split('/'));
      this.writeFile(path, f.content);
      written.push(path);
      entries.push({ path: f.path, sha256: sha256(f.content) });
    }
    const now = new Set(files.map((f) => f.path));
    const removed: string[] = [];
    const kept: string[] = [];
    for (const old of previous) {
      if (now.has(old.path) || !isInside(folder, old.path)) continue;
      const path = join(folder, ...old.path.split('/'));
      let content: Buffer;
      try {
        if (!lstatSync(path).isFile()) continue;
        content = readFileSync(path);
      } catch {
        continue;
      }
      if (sha256(content) !== old.sha256) {
        kept.push(path);
        continue;
      }
      try {
        unlinkSync(path);
        removed.push(path);
        removeEmptyFolders(folder, dirname(path));
      } catch {
        kept.push(path);
      }
    }
    this.writeFile(manifestPath, `${JSON.stringify({ format: 'sansansan/report-manifest@1', files: entries }, null, 2)}\n`);
    return { written, removed, kept };
  }
}

/** What {@link Files.writeFileSet} did. */
export interface FileSetResult {
  /** The files written, in order. */
  readonly written: readonly string[];
  /** Files of the previous run that this one did not write, removed. */
  readonly removed: readonly string[];
  /** Files of the previous run that were changed since, left as they are. */
  readonly kept: readonly string[];
}

/** An output being written. */
export interface Sink {
  readonly write: (chunk: string | Uint8Array) => void;
  /** Ends the file and puts it in place. */
  readonly close: () => void;
  /** Drops the file: nothing is written. */
  readonly abort: () => void;
}

const nothing = (): void => undefined;

function openFile(file: string, flags: string, path: string): number {
  try {
    return openSync(file, flags);
  } catch (e) {
    throw new FileError('无法写入文件', 'cannot write file', path, e);
  }
}

// A sink over an open file. The descriptor is closed once: by `close`, which then runs `finish` (putting
// the file in place), or by `abort` or a failed write, which run `drop`.
function sinkOf(fd: number, path: string, finish: () => void, drop: () => void): Sink {
  let open = true;
  const abort = (): void => {
    if (!open) return;
    open = false;
    try {
      closeSync(fd);
    } finally {
      drop();
    }
  };
  return {
    write: (chunk) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      try {
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
      } catch (e) {
        abort();
        throw new FileError('无法写入文件', 'cannot write file', path, e);
      }
    },
    close: () => {
      if (!open) return;
      open = false;
      try {
        closeSync(fd);
        finish();
      } catch (e) {
        drop();
        throw new FileError('无法写入文件', 'cannot write file', path, e);
      }
    },
    abort,
  };
}

function isSpecial(path: string): boolean {
  try {
    const st = statSync(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

/** The manifest of a report folder: which files the last `report` wrote, with their SHA-256. */
export const MANIFEST = '.sansansan-report.json';

interface ManifestEntry {
  readonly path: string;
  readonly sha256: string;
}

let tempCount = 0;

function tooLarge(path: string, size: number, limit: number): FileError {
  return new FileError(
    `文件超过输入上限 ${sizeText(limit)}(可用 --max-input 调整)`,
    `the file is over the input limit of ${sizeText(limit)} (${sizeText(size)}; raise it with --max-input)`,
    path,
  );
}

function lineSegments(line: number): readonly (string | number)[] {
  return line === 1 ? [] : ['projects', line - 2];
}

function prefixLine(line: number, m: { readonly zh: string; readonly en: string }): { zh: string; en: string } {
  return { zh: `第 ${line} 行:${m.zh}`, en: `line ${line}: ${m.en}` };
}

function lineTooLong(line: number, max: number): ValidationError {
  return new ValidationError([
    makeIssue(lineSegments(line), 'line_too_long', {
      zh: `第 ${line} 行超过 ${sizeText(max)},不是台账文档的一行(文件是否缺少换行?)`,
      en: `line ${line} is longer than ${sizeText(max)}: not a line of a portfolio document (is the file missing its line breaks?)`,
    }),
  ]);
}

async function* lines(fd: number, path: string, limit: number, maxLine: number): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const chunk = Buffer.allocUnsafe(MiB);
  let parts: Buffer[] = [];
  let partLength = 0;
  let line = 0;
  let total = 0;
  const lineOf = (bytes: Buffer): string => {
    line += 1;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    try {
      return decoder.decode(bytes.subarray(0, end));
    } catch {
      const found = decodeText(bytes.subarray(0, end));
      const issue = encodingIssue(found.ok ? 'unknown' : found.encoding);
      throw new ValidationError([makeIssue(lineSegments(line), issue.code, prefixLine(line, issue.message))]);
    }
  };
  try {
    for (;;) {
      const n = await readChunk(fd, chunk, path);
      if (n === 0) break;
      total += n;
      if (total > limit) throw tooLarge(path, total, limit);
      let start = 0;
      for (let at = chunk.indexOf(0x0a, 0); at !== -1 && at < n; at = chunk.indexOf(0x0a, start)) {
        const piece = chunk.subarray(start, at);
        if (partLength + piece.length > maxLine) throw lineTooLong(line + 1, maxLine);
        const whole = partLength === 0 ? piece : Buffer.concat([...parts, piece]);
        parts = [];
        partLength = 0;
        start = at + 1;
        yield lineOf(whole);
      }
      if (start < n) {
        if (partLength + (n - start) > maxLine) throw lineTooLong(line + 1, maxLine);
        parts.push(Buffer.from(chunk.subarray(start, n)));
        partLength += n - start;
      }
    }
    if (partLength > 0) yield lineOf(Buffer.concat(parts));
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function readAll(fd: number, path: string, limit: number, size: number | undefined): Uint8Array {
  // Read to the end, not to the size stat gave: a file can grow (or be a pipe) while it is read.
  let buffer = Buffer.allocUnsafe(Math.min(limit, size ?? MiB) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit) throw tooLarge(path, length, limit);
      const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    let n: number;
    try {
      n = readSync(fd, buffer, length, buffer.length - length, null);
    } catch (e) {
      // Standard input in non-blocking mode: wait a moment for more.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      throw new FileError('无法读取文件', 'cannot read file', path, e);
    }
    if (n === 0) break;
    length += n;
  }
  if (length > limit) throw tooLarge(path, length, limit);
  return buffer.subarray(0, length);
}

function readChunk(fd: number, buffer: Buffer, path: string): Promise<number> {
  return new Promise((resolveRead, reject) => {
    read(fd, buffer, 0, buffer.length, null, (e, n) => {
      if (e === null) resolveRead(n);
      else if (e.code === 'EAGAIN')
        setTimeout(() => {
          readChunk(fd, buffer, path).then(resolveRead, reject);
        }, 5);
      else reject(new FileError('无法读取文件', 'cannot read file', path, e));
    });
  });
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Not there yet: the real folder and the name.
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

// The file a write to `path` lands in: through a symbolic link to what it names; a dangling link or a
// folder is refused.
function writableTarget(path: string): string {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch {
    return path;
  }
  if (st.isSymbolicLink()) {
    try {
      return realpathSync(path);
    } catch (e) {
      throw new FileError('输出路径是失效的符号链接', 'the output is a dangling symbolic link', path, e);
    }
  }
  if (st.isDirectory()) throw new FileError('输出路径是文件夹', 'the output is a folder', path);
  return path;
}

// Creates the missing folders of `folder`, one level at a time below the nearest one that exists:
// Node's recursive mkdir spins forever on some paths (under /proc), and an ancestor that is a file
// must be named.
function makeFolders(folder: string): void {
  const missing: string[] = [];
  let at = resolve(folder);
  for (;;) {
    let st: Stats | undefined;
    try {
      st = statSync(at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new FileError('无法创建文件夹', 'cannot create the folder', at, e);
    }
    if (st !== undefined) {
      if (!st.isDirectory()) throw new FileError('路径中有一段不是文件夹', 'a part of the path is not a folder', at);
      break;
    }
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new FileError('无法创建文件夹', 'cannot create the folder', dir, e);
    }
  }
}

function keepMode(target: string, temp: string): void {
  try {
    chmodSync(temp, statSync(target).mode & 0o7777);
  } catch {
    // A new file keeps the default mode.
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function removeEmptyFolders(top: string, folder: string): void {
  const root = resolve(top);
  for (let at = resolve(folder); at !== root && at.startsWith(root + sep); at = dirname(at)) {
    try {
      rmdirSync(at);
    } catch {
      return;
    }
  }
}

function isInside(folder: string, relativePath: string): boolean {
  if (relativePath === '' || relativePath.includes('\\') || relativePath.split('/').some((s) => s === '' || s === '.' || s === '..'))
    return false;
  const r = relative(resolve(folder), resolve(folder, relativePath));
  return r !== '' && !r.startsWith('..') && !r.includes(`..${sep}`);
}

function readManifest(path: string): readonly ManifestEntry[] {
  let value: unknown;
  try {
    if (!lstatSync(path).isFile()) return [];
    value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return [];
  }
  const files = typeof value === 'object' && value !== null ? (value as { files?: unknown }).files : undefined;
  if (!Array.isArray(files)) return [];
  return files.filter(
    (f): f is ManifestEntry =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as ManifestEntry).path === 'string' &&
      typeof (f as ManifestEntry).sha256 === 'string',
  );
}

function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
