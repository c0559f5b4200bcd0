// Names that carry markup, terminal escapes and formulas, through the built command on real files: every
// output escapes them for its medium. HTML and SVG are parsed with an HTML5 parser, Markdown is rendered
// with raw HTML on, terminal output is searched for control characters, CSV for formulas.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesBelow, runCli, tempFolder, type CliRun } from '../fixtures/cli.js';
import { SAMPLE_TEXT, withIds, withName } from '../fixtures/sampleText.js';

const AS_OF = ['--as-of', '2025-10-15'];

/** Names an attacker or a careless copy-and-paste would give. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '\u001b]0;pwned\u0007title',
  '\u001b[2Jclear',
  '\u001b]52;c;SGVsbG8=\u0007clip',
  '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\',
  '\u009b2Jc1',
  'bidi\u202etxt.exe',
  '=HYPERLINK("https://evil.example")',
  '@SUM(1+1)',
  '| pipe | ` tick *star* _under_ # &amp;',
  'line\nbreak\rreturn',
];

// The sample with the payloads as the city, department, leader and project names of those with findings,
// and as an unknown key.
interface SampleProject {
  responsible: { person: string };
  directives?: { requirement: string; measures: { text: string }[] }[];
}

function hostileSample(): string {
  let text = SAMPLE_TEXT;
  const targets = [
    'D-gt',
    'D-sl',
    'D-wlt',
    'D-jt',
    'L-sun',
    'L-mayor',
    'P-009',
    'P-011',
    'P-012',
    'P-028',
    'P-036',
    'D-jy',
    'D-cg',
    'P-013',
  ];
  targets.forEach((id, i) => {
    text = withName(id, `${PAYLOADS[i % PAYLOADS.length] ?? ''} ${id}`, text);
  });
  const doc = JSON.parse(text) as Record<string, unknown>;
  doc['city'] = PAYLOADS.join(' ');
  // The free text the meeting materials print: problems raised, directives and their entries, who answers.
  const poison = (s: unknown, i: number): string => `${PAYLOADS[i % PAYLOADS.length] ?? ''} ${String(s)}`;
  (doc['escalations'] as { issue: string }[]).forEach((e, i) => (e.issue = poison(e.issue, i)));
  for (const [i, p] of (doc['projects'] as SampleProject[]).entries()) {
    p.responsible.person = poison(p.responsible.person, i);
    for (const d of p.directives ?? []) {
      d.requirement = poison(d.requirement, i + 1);
      for (const m of d.measures) m.text = poison(m.text, i + 2);
    }
  }
  doc['\u001b]0;key\u0007'] = 1;
  return JSON.stringify(doc);
}

// What data must never become in a terminal: C0 controls but the line feed, DEL, C1, bidi overrides.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

type Node = DefaultTreeAdapterMap['node'];

// Every element of an HTML document, depth first.
function elements(html: string): { readonly tag: string; readonly attrs: readonly { name: string; value: string }[] }[] {
  const out: { tag: string; attrs: { name: string; value: string }[] }[] = [];
  const walk = (n: Node): void => {
    if ('tagName' in n) out.push({ tag: n.tagName, attrs: n.attrs });
    if (n.nodeName === 'template' && 'content' in n) walk(n.content);
    if ('childNodes' in n) for (const c of n.childNodes) walk(c);
  };
  walk(parse(html));
  return out;
}

// No live script from data: no script element, no event-handler attribute, no javascript: URL.
function expectNoLiveMarkup(html: string, where: string): void {
  for (const e of elements(html)) {
    expect([where, e.tag]).not.toEqual([where, 'script']);
    for (const a of e.attrs) {
      expect([where, e.tag, a.name]).not.toEqual([where, e.tag, expect.stringMatching(/^on/i)]);
      expect([where, a.value]).not.toEqual([where, expect.stringMatching(/^\s*javascript:/i)]);
    }
  }
}

// The tags Markdown of our own makes, rendered: any other tag came from the data.
const MARKDOWN_TAGS = new Set([
  'html',
  'head',
  'body',
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'strong',
  'em',
  'ul',
  'ol',
  'li',
  'hr',
  'br',
  'blockquote',
  'code',
]);

function expectMarkdownInert(md: string, where: string): void {
  const html = marked.parse(md, { async: false });
  for (const e of elements(html)) {
    expect([where, e.tag]).toEqual([where, expect.toSatisfy((t: string) => MARKDOWN_TAGS.has(t))]);
    for (const a of e.attrs) expect([where, e.tag, a.name]).toEqual([where, e.tag, 'align']);
  }
}

const HOSTILE = hostileSample();
let dir = '';
let remove = (): void => undefined;
beforeAll(() => {
  ({ dir, remove } = tempFolder());
  writeFileSync(join(dir, 'hostile.json'), HOSTILE);
});
afterAll(() => {
  remove();
});

function cli(...args: string[]): CliRun {
  const r = runCli(args, { cwd: dir });
  expect(r.signal).toBeNull();
  expect([0, 1, 2]).toContain(r.code);
  return r;
}

describe('Markdown (item 1)', () => {
  it('evaluate --format md and rank --format md render no HTML, image or link from the data', () => {
    const e = cli('evaluate', 'hostile.json', ...AS_OF, '--format', 'md');
    expect(e.code).toBe(0);
    expectMarkdownInert(e.stdout, 'evaluate');
    const r = cli('rank', 'hostile.json', '--quarter', '2025Q3', ...AS_OF, '--format', 'md');
    expect(r.code).toBe(0);
    expectMarkdownInert(r.stdout, 'rank');
    for (const scope of [
      ['--level', 'mayor'],
      ['--level', 'department', '--department', 'D-sl'],
    ]) {
      const b = cli('brief', 'hostile.json', ...scope, ...AS_OF);
      expect(b.code).toBe(0);
      expectMarkdownInert(b.stdout, 'brief');
      const h = cli('brief', 'hostile.json', ...scope, ...AS_OF, '--format', 'html');
      expect(h.code).toBe(0);
      expectNoLiveMarkup(h.stdout, 'brief --format html');
    }
  });

  it('keeps the text: the rendered Markdown shows each name as written', () => {
    const e = cli('evaluate', 'hostile.json', ...AS_OF, '--format', 'md');
    const html = marked.parse(e.stdout, { async: false });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; D-gt');
    expect(html).toContain('[x](javascript:alert(1)) D-wlt');
    expect(html).toContain('=HYPERLINK(&quot;https://evil.example&quot;) D-cg');
  });
});

describe('report documents (items 1 and 2)', () => {
  it('writes Markdown, HTML, SVG and CSV that carry the names as text only', () => {
    const r = cli('report', 'hostile.json', ...AS_OF, '--out', 'out');
    expect(r.code).toBe(0);
    const out = join(dir, 'out');
    const files = filesBelow(out).filter((f) => !f.startsWith('.'));
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) {
      const text = readFileSync(join(out, f), 'utf8');
      if (f.endsWith('.md')) expectMarkdownInert(text, f);
      if (f.endsWith('.html') || f.endsWith('.svg')) expectNoLiveMarkup(text, f);
      // Markdown is read in terminals too; CSV keeps every value as it is, for spreadsheets.
      if (f.endsWith('.md')) expect([f, RAW_CONTROL.test(text)]).toEqual([f, false]);
      if (f.endsWith('.csv')) {
        for (const line of text.replace(/^\ufeff/, '').split('\r\n'))
          for (const cell of line.split(',')) expect([f, cell]).not.toEqual([f, expect.stringMatching(/^"?[=+@]/)]);
      }
    }
  });
});

describe('the terminal (item 2)', () => {
  it('shows control characters from the data instead of sending them, in every text output', () => {
    const runs = [
      cli('evaluate', 'hostile.json', ...AS_OF),
      cli('evaluate', 'hostile.json', ...AS_OF, '--format', 'md'),
      cli('evaluate', 'hostile.json', ...AS_OF, '--format', 'json'),
      cli('rank', 'hostile.json', '--quarter', '2025Q3', ...AS_OF),
      cli('validate', 'hostile.json'),
      cli('validate', 'hostile.json', '--format', 'json'),
      cli('evaluate', '\u001b[2Jmissing.json', ...AS_OF),
      cli('frobnicate\u001b]0;x\u0007'),
    ];
    for (const r of runs) {
      expect(RAW_CONTROL.test(r.stdout)).toBe(false);
      expect(RAW_CONTROL.test(r.stderr)).toBe(false);
    }
    expect(runs[4]?.stdout).toContain('\\u001b]0;key\\u0007');
  });

  it('keeps the values: the JSON output parses back to the names as written', () => {
    const e = JSON.parse(cli('evaluate', 'hostile.json', ...AS_OF, '--format', 'json').stdout) as {
      city: string;
      projects: { projectId: string; name: string }[];
    };
    expect(e.city).toBe(PAYLOADS.join(' '));
    expect(e.projects.find((p) => p.projectId === 'P-036')?.name).toBe(`${PAYLOADS[10] ?? ''} P-036`);
  });
});

describe('names by kind (item 10)', () => {
  it('shows the department name when a project id equals a department id', () => {
    mkdirSync(join(dir, 'ids'), { recursive: true });
    // P-036 (of 市国投集团, D-gt) takes the id D-sl (市水利局); P-011 (of D-sl) takes D-gt.
    writeFileSync(join(dir, 'ids', 'p.json'), withIds({ 'P-036': 'D-sl', 'P-011': 'D-gt' }));
    const table = runCli(['evaluate', 'ids/p.json', ...AS_OF], { cwd: dir });
    expect(table.code).toBe(0);
    const row = (id: string): string => table.stdout.split('\n').find((l) => l.startsWith(`${id} `)) ?? '';
    expect(row('D-sl')).toContain('市国投集团');
    expect(row('D-gt')).toContain('市水利局');
    const rank = runCli(['rank', 'ids/p.json', '--quarter', '2025Q3', ...AS_OF], { cwd: dir });
    expect(rank.stdout).toContain('后三位:市国投集团、市水利局、市文广旅局');
  });
});

describe('issue order (item 12)', () => {
  it('lists $.projects[2] before $.projects[10]', () => {
    const doc = JSON.parse(SAMPLE_TEXT) as { projects: Record<string, unknown>[] };
    for (const i of [10, 2, 1]) (doc.projects[i] as Record<string, unknown>)['annualPlan'] = 'x';
    writeFileSync(join(dir, 'order.json'), JSON.stringify(doc));
    const r = cli('validate', 'order.json');
    expect(r.code).toBe(1);
    const paths = [...r.stderr.matchAll(/^ {2}(\$\.projects\[\d+\]\.annualPlan)/gm)].map((m) => m[1]);
    expect(paths).toEqual(['$.projects[1].annualPlan', '$.projects[2].annualPlan', '$.projects[10].annualPlan']);
  });
});

describe('the input', () => {
  it('is byte for byte what it was after every command above', () => {
    expect(readFileSync(join(dir, 'hostile.json'), 'utf8')).toBe(HOSTILE);
  });
});
