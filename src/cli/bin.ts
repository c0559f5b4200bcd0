import { Files } from './files.js';
import { run } from './main.js';

// A closed pipe (`sansansan … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// Anything `run` does not turn into exit code 1 (invalid document) or 2 (usage or file error) is a
// defect of sansansan: say so in one line and exit 3; the stack trace is printed when SANSANSAN_DEBUG is set.
function internalError(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(
    `内部错误 / internal error: ${message}\n` +
      `请附输入文件报告此问题 / please report this with the input file${process.env['SANSANSAN_DEBUG'] === undefined ? ' (SANSANSAN_DEBUG=1 shows the stack trace)' : ''}\n`,
  );
  if (process.env['SANSANSAN_DEBUG'] !== undefined && err instanceof Error && err.stack !== undefined)
    process.stderr.write(`${err.stack}\n`);
  process.exitCode = 3;
}

const files = new Files();

void new Promise<number>((resolve) => {
  resolve(
    run(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      readFile: (path, limit) => files.readText(path, limit),
      readBytes: (path, limit) => files.readBytes(path, limit),
      readLines: (path, limit) => files.readLines(path, limit),
      writeFile: (path, content) => {
        files.writeFile(path, content);
      },
      writeFileSet: (folder, set) => files.writeFileSet(folder, set),
      openWrite: (path) => files.openWrite(path),
      colour: process.stdout.isTTY && process.env['NO_COLOR'] === undefined,
    }),
  );
}).then((code) => {
  process.exitCode = code;
}, internalError);
