import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.js';
import { generatePortfolio } from '../generate/generatePortfolio.js';
import { parsePolicy } from '../policy/index.js';
import { parsePortfolio, safeParsePortfolio } from '../portfolio/index.js';
import { run, type CliIo } from './main.js';

const SAMPLE = 'examples/data/handan-sample-2025.json';

interface Outcome {
  code: number;
  out: string;
  err: string;
}

function cli(argv: string[], files: Record<string, string> = {}, colour = false, today = '2025-10-15'): Outcome {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    readFile: (path) => files[path] ?? readFileSync(path, 'utf8'),
    colour,
    today: () => today,
  };
  const code = run(argv, io);
  if (typeof code !== 'number') throw new Error('this command answers asynchronously: use cliAsync');
  return { code, out, err };
}

interface Disk {
  files: Map<string, string | Uint8Array>;
  io: CliIo;
  out: () => string;
  err: () => string;
}

function disk(): Disk {
  const files = new Map<string, string | Uint8Array>();
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    readFile: (path) => {
      const f = files.get(path);
      return typeof f === 'string' ? f : readFileSync(path, 'utf8');
    },
    readBytes: (path) => {
      const f = files.get(path);
      return f instanceof Uint8Array ? f : readFileSync(path);
    },
    writeFile: (path, content) => files.set(path, content),
    colour: false,
  };
  return { files, io, out: () => out, err: () => err };
}

describe('sansansan demo', () => {
  it('evaluates the bundled sample and prints colours, counts and reasons', () => {
    const r = cli(['demo']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('评价月份 2025-09');
    expect(r.out).toContain('绿 12 · 白 12 · 黄 10 · 红 6(共 40 个项目)');
    expect(r.out).toContain('【红】 P-012');
    expect(r.out).toContain('[colour.stall]');
    expect(r.out).not.toContain('\u001b[');
  });

  it('adds the latest ranking, the interviews, accountability and compliance gaps', () => {
    const r = cli(['demo']);
    expect(r.out).toContain('2025Q3 季度通报');
    expect(r.out).toContain('后三位:市国投集团、市水利局、市文广旅局');
    expect(r.out).toContain('约谈情形(3.2)');
    expect(r.out).toContain('3.2.6');
    expect(r.out).toContain('问责建议');
    expect(r.out).toContain('合规检查');
    expect(r.out).toContain('L-mayor');
  });

  it('colours the output only when asked', () => {
    expect(cli(['demo'], {}, true).out).toContain('\u001b[31m');
  });
});

describe('sansansan validate', () => {
  it('exits 0 on a valid document and lists its warnings', () => {
    const r = cli(['validate', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('40');
    expect(r.out).toContain('report_without_date');
  });

  it('exits 1 and prints every issue in zh and en', () => {
    const r = cli(['validate', 'bad.json'], {
      'bad.json': JSON.stringify({ format: 'sansansan/portfolio@1', year: 2025, leaders: [], departments: [], projects: [{}] }),
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('$.meetings  [missing_key]');
    expect(r.err).toContain('$.projects[0].annualPlan  [missing_key]');
    expect(r.err).toContain('缺少必填字段');
    expect(r.err).toContain('missing required key');
    expect(r.out).toBe('');
  });

  it('prints machine-readable issues with --format json', () => {
    const r = cli(['validate', 'bad.json', '--format', 'json'], { 'bad.json': '{"format":"x"}' });
    expect(r.code).toBe(1);
    const body = JSON.parse(r.out) as { valid: boolean; issues: { code: string }[] };
    expect(body.valid).toBe(false);
    expect(body.issues.map((i) => i.code)).toContain('invalid_value');
  });

  it('exits 1 on text that is not JSON, 2 on a file it cannot read', () => {
    expect(cli(['validate', 'x.json'], { 'x.json': '{ nope' })).toMatchObject({ code: 1 });
    expect(cli(['validate', 'x.json'], { 'x.json': '{ nope' }).err).toContain('invalid_json');
    expect(cli(['validate', '/nonexistent/file.json']).code).toBe(2);
  });

  it('accepts a UTF-8 BOM', () => {
    expect(cli(['validate', 'b.json'], { 'b.json': `\ufeff${readFileSync(SAMPLE, 'utf8')}` }).code).toBe(0);
  });
});

describe('sansansan evaluate', () => {
  it('prints the same JSON as evaluate()', () => {
    const r = cli(['evaluate', SAMPLE, '--as-of', '2025-10-15', '--format', 'json']);
    expect(r.code).toBe(0);
    const expected = evaluate(parsePortfolio(JSON.parse(readFileSync(SAMPLE, 'utf8'))), { asOf: '2025-10-15' });
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(r.err).toContain('ledger_sum_mismatch');
  });

  it('prints a Chinese table by default', () => {
    const r = cli(['evaluate', SAMPLE, '--as-of', '2025-10-15']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('序时进度%');
    expect(r.out).toMatch(/P-010 .* 黄 /);
  });

  it('takes a preset or a policy file', () => {
    const yinchuan = JSON.parse(cli(['evaluate', SAMPLE, '--as-of', '2025-10-15', '--format', 'json', '--policy', 'yinchuan']).out) as {
      policy: string;
    };
    expect(yinchuan.policy).toBe('yinchuan');
    const custom = cli(['evaluate', SAMPLE, '--as-of', '2025-10-15', '--format', 'json', '--policy', 'p.json'], {
      'p.json': JSON.stringify({ extends: 'handan-2018', approval: { warnDays: 60 } }),
    });
    expect((JSON.parse(custom.out) as { policy: string }).policy).toBe('custom');
    const bad = cli(['evaluate', SAMPLE, '--as-of', '2025-10-15', '--policy', 'p.json'], { 'p.json': '{"extends":"nowhere"}' });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('unknown_preset');
  });

  it('exits 2 on usage errors', () => {
    expect(cli(['evaluate', SAMPLE]).code).toBe(2);
    expect(cli(['evaluate', SAMPLE, '--as-of', '2025-02-30']).code).toBe(2);
    expect(cli(['evaluate', SAMPLE, '--as-of', '2025-10-15', '--format', 'xml']).code).toBe(2);
    expect(cli(['evaluate', SAMPLE, '--as-of', '2025-10-15', '--bogus']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
    const unknownPreset = cli(['evaluate', SAMPLE, '--as-of', '2025-10-15', '--policy', 'shanghai']);
    expect(unknownPreset.code).toBe(2);
    expect(unknownPreset.err).toContain('handan-2018');
    expect(cli([]).code).toBe(2);
    expect(cli(['--help']).code).toBe(0);
  });
});

describe('colours named after keys of Object.prototype', () => {
  it('paints a scale whose colour ids are constructor, toString, valueOf and hasOwnProperty with no code of its own', () => {
    const ids: Readonly<Record<string, string>> = { green: 'constructor', white: 'toString', yellow: 'valueOf', red: 'hasOwnProperty' };
    const policy = JSON.stringify(parsePolicy('handan-2018')).replace(/"(green|white|yellow|red)"/g, (_, c: string) => `"${ids[c] ?? c}"`);
    const r = cli(['evaluate', SAMPLE, '--as-of', '2025-10-15', '--policy', 'p.json'], { 'p.json': policy }, true);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('function');
    expect(r.out).not.toContain('\u001b[f');
    expect(r.out).toContain(' 红 ');
  });
});

describe('sansansan evaluate --format md', () => {
  it('prints every part of the evaluation as Markdown tables', () => {
    const r = cli(['evaluate', SAMPLE, '--as-of', '2025-10-15', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# 邯郸市 2025 年/);
    for (const title of ['## 四色评价', '## 2025Q1 季度通报', '## 2025Q3 季度通报', '## 约谈情形', '## 问责建议', '## 合规检查'])
      expect(r.out).toContain(title);
    expect(r.out).toContain('| 名次 | 责任部门 |');
    expect(r.out).not.toContain('\u001b[');
  });
});

describe('sansansan report', () => {
  it('writes every document and prints what it wrote', () => {
    const written = new Map<string, string>();
    let out = '';
    let err = '';
    const code = run(['report', SAMPLE, '--as-of', '2025-10-15', '--out', 'out/'], {
      stdout: (s) => (out += s),
      stderr: (s) => (err += s),
      readFile: (path) => readFileSync(path, 'utf8'),
      colour: false,
      writeFileSet: (folder, set) => {
        for (const f of set) written.set(join(folder, f.path), f.content);
        return { written: set.map((f) => join(folder, f.path)), removed: [], kept: [] };
      },
    });
    expect(code).toBe(0);
    const paths = [...written.keys()];
    expect(out.trim().split('\n')).toEqual(paths);
    for (const p of [
      'out/monthly-brief.md',
      'out/monthly-brief.html',
      'out/projects.csv',
      'out/compliance.csv',
      'out/charts/battle-map.svg',
      'out/charts/colour-matrix.svg',
    ])
      expect(paths).toContain(p);
    for (const q of ['2025Q1', '2025Q2', '2025Q3']) {
      for (const f of ['quarterly-notice.md', 'quarterly-notice.html', 'ranking.csv', 'ranking.svg', 'reminder-letters.html'])
        expect(paths).toContain(`out/${q}/${f}`);
    }
    expect(paths).toContain('out/2025Q3/reminder-letter-D-sl.md');
    expect(paths).toContain('out/interviews/interview-notices.html');
    expect(paths.filter((p) => p.startsWith('out/interviews/interview-notice-')).length).toBe(7);
    expect(written.get('out/projects.csv')?.startsWith('\ufeff')).toBe(true);
    expect(err).toContain(`${paths.length}`);
  });

  it('exits 2 without --out or --as-of', () => {
    expect(cli(['report', SAMPLE, '--as-of', '2025-10-15']).code).toBe(2);
    expect(cli(['report', SAMPLE, '--out', 'x']).code).toBe(2);
  });
});

describe('sansansan schema', () => {
  it('prints the shipped JSON Schemas', () => {
    const p = cli(['schema', 'portfolio']);
    expect(p.code).toBe(0);
    expect(JSON.parse(p.out)).toEqual(JSON.parse(readFileSync('schema/portfolio.json', 'utf8')));
    expect((JSON.parse(cli(['schema', 'policy']).out) as { $id: string }).$id).toBe('https://sansansan.dev/schema/policy.json');
    expect(cli(['schema', 'other']).code).toBe(2);
    expect(cli(['schema']).code).toBe(2);
  });
});

describe('sansansan rank', () => {
  it('prints one quarter of the ranking', () => {
    const r = cli(['rank', SAMPLE, '--quarter', '2025Q2', '--as-of', '2025-10-15']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2025Q2 季度通报');
    expect(r.out).toContain('后三位:市教育局、市水利局、市文广旅局');
    const json = JSON.parse(cli(['rank', SAMPLE, '--quarter', '2025Q2', '--as-of', '2025-10-15', '--format', 'json']).out) as {
      quarter: string;
      bottom: string[];
    };
    expect(json).toMatchObject({ quarter: '2025Q2', bottom: ['D-jy', 'D-sl', 'D-wlt'] });
  });

  it('takes today as the default date', () => {
    expect(cli(['rank', SAMPLE, '--quarter', '2025Q3'], {}, false, '2025-10-06').code).toBe(0);
    const early = cli(['rank', SAMPLE, '--quarter', '2025Q3'], {}, false, '2025-10-05');
    expect(early.code).toBe(2);
    expect(early.err).toContain('2025Q3');
  });

  it('exits 2 on a bad or missing quarter, or one outside the year', () => {
    expect(cli(['rank', SAMPLE]).code).toBe(2);
    expect(cli(['rank', SAMPLE, '--quarter', '2025-Q2']).code).toBe(2);
    expect(cli(['rank', SAMPLE, '--quarter', '2024Q4']).code).toBe(2);
  });
});

describe('Excel commands', () => {
  it('writes the template, fills it with a portfolio, and imports it back', async () => {
    const d = disk();
    expect(await run(['template', '-o', 'empty.xlsx', '--year', '2026'], d.io)).toBe(0);
    expect(d.files.get('empty.xlsx')).toBeInstanceOf(Uint8Array);
    expect(await run(['template', '-o', 'ledger.xlsx', '--from', SAMPLE], d.io)).toBe(0);
    expect(await run(['import', 'ledger.xlsx', '-o', 'portfolio.json'], d.io)).toBe(0);
    const back = parsePortfolio(JSON.parse(String(d.files.get('portfolio.json'))));
    const sample = parsePortfolio(JSON.parse(readFileSync(SAMPLE, 'utf8')));
    expect(back.projects.map((p) => [p.id, p.annualPlan, p.reports.length])).toEqual(
      sample.projects.map((p) => [p.id, p.annualPlan, p.reports.length]),
    );
    expect(d.out()).toContain('portfolio.json (40');
  });

  it('exits 1 with every issue located by cell when the workbook is wrong', async () => {
    const d = disk();
    expect(await run(['template', '-o', 'empty.xlsx'], d.io)).toBe(0);
    expect(await run(['import', 'empty.xlsx', '-o', 'p.json'], d.io)).toBe(1);
    expect(d.err()).toMatch(/基本信息!B\d/);
    expect(d.files.has('p.json')).toBe(false);
  });

  it('writes the evaluation workbook with --format xlsx', async () => {
    const d = disk();
    expect(await run(['evaluate', SAMPLE, '--as-of', '2025-10-15', '--format', 'xlsx', '-o', 'e.xlsx'], d.io)).toBe(0);
    expect((d.files.get('e.xlsx') as Uint8Array).length).toBeGreaterThan(1000);
    expect(await run(['evaluate', SAMPLE, '--as-of', '2025-10-15', '--format', 'xlsx'], d.io)).toBe(2);
  });

  it('exits 2 on usage errors', async () => {
    const d = disk();
    expect(await run(['template'], d.io)).toBe(2);
    expect(await run(['template', '-o', 'x.xlsx', '--year', 'next'], d.io)).toBe(2);
    expect(await run(['import', 'missing.xlsx', '-o', 'p.json'], d.io)).toBe(2);
  });
});

describe('the sansansan binary', () => {
  const bin = ['--import', 'tsx', 'src/cli/bin.ts'];
  it('sets the exit code and keeps diagnostics on stderr', () => {
    const bad = spawnSync(process.execPath, [...bin, 'evaluate', SAMPLE], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--as-of');
    const ok = execFileSync(process.execPath, [...bin, 'evaluate', SAMPLE, '--as-of', '2025-10-15', '--format', 'json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect((JSON.parse(ok) as { month: string }).month).toBe('2025-09');
  });
});

describe('sansansan generate', () => {
  it('writes a valid synthetic document to stdout, the text of generatePortfolio', () => {
    const r = cli(['generate', '--projects', '30', '--seed', '5', '--year', '2024']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const parsed = safeParsePortfolio(JSON.parse(r.out));
    expect(parsed.success).toBe(true);
    expect(parsed.success && [parsed.data.year, parsed.data.projects.length]).toEqual([2024, 30]);
    expect(r.out).toBe(`${JSON.stringify(generatePortfolio({ projects: 30, seed: 5, year: 2024 }))}\n`);
    expect(cli(['generate', '--projects', '3']).out).toBe(`${JSON.stringify(generatePortfolio({ projects: 3 }))}\n`);
  });

  it('writes chunk by chunk', () => {
    const chunks: string[] = [];
    const code = run(['generate', '--projects', '200'], {
      stdout: (s) => chunks.push(s),
      stderr: () => undefined,
      readFile: () => '',
      colour: false,
    });
    expect(code).toBe(0);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(`${JSON.stringify(generatePortfolio({ projects: 200 }))}\n`);
  });

  it('writes a header line and one line per project with --ndjson', () => {
    const r = cli(['generate', '--projects', '12', '--seed', '8', '--ndjson']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(13);
    const [header, ...projects] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(header).toMatchObject({ format: 'sansansan/portfolio@1', year: 2025 });
    expect(header).not.toHaveProperty('projects');
    expect(safeParsePortfolio({ ...header, projects }).success).toBe(true);
    expect(cli(['generate', '--projects', '0', '--ndjson']).out.split('\n')).toHaveLength(2);
  });

  it('gives the same text for the same seed, another for another seed', () => {
    const a = cli(['generate', '--projects', '20', '--seed', '-3']).out;
    expect(cli(['generate', '--seed', '-3', '--projects', '20']).out).toBe(a);
    expect(cli(['generate', '--projects', '20', '--seed', '4']).out).not.toBe(a);
  });

  it('writes the file chunk by chunk with -o and prints its path', () => {
    const chunks: string[] = [];
    let closed = 0;
    let out = '';
    const io: CliIo = {
      stdout: (s) => (out += s),
      stderr: () => undefined,
      readFile: () => '',
      colour: false,
      openWrite: (path) => {
        expect(path).toBe('big/portfolio.ndjson');
        return { write: (c) => chunks.push(String(c)), close: () => (closed += 1), abort: () => undefined };
      },
    };
    expect(run(['generate', '--projects', '300', '--seed', '2', '--ndjson', '-o', 'big/portfolio.ndjson'], io)).toBe(0);
    expect(closed).toBe(1);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('').split('\n')).toHaveLength(302);
    expect(out).toBe('big/portfolio.ndjson\n');
  });

  it('exits 2 on usage errors', () => {
    for (const bad of [
      [],
      ['--projects'],
      ['--projects', ''],
      ['--projects', '-1'],
      ['--projects', '1.5'],
      ['--projects', 'ten'],
      ['--projects', '1e3'],
      ['--projects', '99999999999999999999'],
      ['--projects', '3', '--seed', 'x'],
      ['--projects', '3', '--seed', '1.5'],
      ['--projects', '3', '--year', '999'],
      ['--projects', '3', '--year', '9999'],
      ['--projects', '3', '--year', '2025.0'],
      ['--projects', '3', '--bogus'],
      ['--projects', '3', 'file.json'],
      ['--projects', '3', '-o', ''],
    ]) {
      const r = cli(['generate', ...bad]);
      expect([bad, r.code]).toEqual([bad, 2]);
      expect(r.out).toBe('');
    }
    // No way to write files here.
    expect(cli(['generate', '--projects', '3', '-o', 'x.json']).code).toBe(2);
    const failing: CliIo = {
      stdout: () => undefined,
      stderr: () => undefined,
      readFile: () => '',
      colour: false,
      openWrite: () => {
        throw Object.assign(new Error('no'), { code: 'EACCES' });
      },
    };
    expect(run(['generate', '--projects', '3', '-o', 'x.json'], failing)).toBe(2);
  });

  it('writes the file from the binary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sansansan-generate-'));
    try {
      const file = join(dir, 'sub', 'portfolio.json');
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/bin.ts', 'generate', '--projects', '40', '--seed', '6', '-o', file],
        {
          encoding: 'utf8',
        },
      );
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${file}\n`);
      expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(generatePortfolio({ projects: 40, seed: 6 }))}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sansansan evaluate --ndjson', () => {
  const doc = generatePortfolio({ projects: 40, seed: 6 });
  const { projects, ...header } = doc;
  const text = [JSON.stringify(header), ...projects.map((p) => JSON.stringify(p))].join('\n');

  async function ndjson(argv: string[], input: string): Promise<Outcome & { written: string[] }> {
    let out = '';
    let err = '';
    const written: string[] = [];
    const io: CliIo = {
      stdout: (s) => (out += s),
      stderr: (s) => (err += s),
      readFile: () => input,
      readLines: async function* () {
        await Promise.resolve();
        yield* input.split('\n');
      },
      openWrite: () => ({ write: (c) => written.push(String(c)), close: () => undefined, abort: () => undefined }),
      colour: false,
    };
    const code = await run(['evaluate', 'portfolio.ndjson', '--ndjson', ...argv], io);
    return { code, out, err, written };
  }

  it('writes one JSON line per project, then the portfolio, matching evaluate', async () => {
    const r = await ndjson(['--as-of', '2025-10-15'], text);
    expect(r.code).toBe(0);
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; project?: { projectId: string } });
    expect(lines).toHaveLength(41);
    expect(lines.map((l) => l.kind)).toEqual([...projects.map(() => 'project'), 'portfolio']);
    const e = evaluate(parsePortfolio(doc), { asOf: '2025-10-15' });
    expect(lines.slice(0, -1).map((l) => l.project?.projectId)).toEqual(e.projects.map((p) => p.projectId));
    expect(JSON.stringify((lines.at(-1) as unknown as { evaluation: { notifications: unknown } }).evaluation.notifications)).toBe(
      JSON.stringify(e.notifications),
    );
    expect(r.err).toContain('[report_without_date]');
  });

  it('writes to a file with -o and prints its path and count', async () => {
    const r = await ndjson(['--as-of', '2025-10-15', '-o', 'out.ndjson'], text);
    expect(r.code).toBe(0);
    expect(r.out).toBe('out.ndjson (40 个项目 projects)\n');
    expect(r.written.join('').trimEnd().split('\n')).toHaveLength(41);
  });

  it('exits 1 with every issue of an invalid stream, and 2 on usage errors', async () => {
    const broken = text.replace('"annualPlan":"', '"annualPlan":"x');
    const r = await ndjson(['--as-of', '2025-10-15'], broken);
    expect(r.code).toBe(1);
    expect(r.err).toContain('$.projects[0].annualPlan  [amount_grammar]');
    expect((await ndjson(['--as-of', '2025-10-15', '--format', 'md'], text)).code).toBe(2);
    expect((await ndjson([], text)).code).toBe(2);
  });
});
