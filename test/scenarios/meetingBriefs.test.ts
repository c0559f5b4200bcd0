// The three levels' meeting materials from the built command, on the sample written to a temporary
// folder: `sansansan brief` for each level and format, its refusals, and `report`'s meetings/ folder.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesBelow, runCli, tempFolder } from '../fixtures/cli.js';
import { SAMPLE_PATH } from '../fixtures/sampleText.js';

const AS_OF = ['--as-of', '2025-10-15'];
let dir = '';
let remove = (): void => {};

beforeAll(() => {
  ({ dir, remove } = tempFolder());
  copyFileSync(SAMPLE_PATH, join(dir, 'p.json'));
});
afterAll(() => {
  remove();
});

const brief = (...args: string[]) => runCli(['brief', 'p.json', ...args], { cwd: dir });

describe('sansansan brief', () => {
  it('prints the Markdown materials of each level', () => {
    const department = brief('--level', 'department', '--department', 'D-sl', ...AS_OF);
    expect(department.code).toBe(0);
    expect(department.stdout.split('\n')[0]).toBe('# 市水利局市本级政府投资项目月调度会议材料（2025年9月）');
    const leader = brief('--level', 'cityLeader', '--leader', 'L-zhao', ...AS_OF);
    expect(leader.code).toBe(0);
    expect(leader.stdout.split('\n')[0]).toBe('# 邯郸市分管市领导赵明轩同志双月调度会议材料（2025年9—10月）');
    const mayor = brief('--level', 'mayor', ...AS_OF);
    expect(mayor.code).toBe(0);
    expect(mayor.stdout.split('\n')[0]).toBe('# 邯郸市市长季度调度会议材料（2025年第三季度）');
    expect(mayor.stdout).toContain('排名后三位：市水利局（第10名，54.46%）、市国投集团（第9名，79.54%）、市文广旅局（第8名，79.90%）。');
  });

  it('writes the materials as JSON and as an A4 page to -o, and prints only the path', () => {
    const json = brief('--level', 'cityLeader', '--leader', 'L-zhao', ...AS_OF, '--format', 'json', '-o', 'zhao.json');
    expect([json.code, json.stdout]).toEqual([0, 'zhao.json\n']);
    const m = JSON.parse(readFileSync(join(dir, 'zhao.json'), 'utf8')) as {
      level: string;
      departmentIds: string[];
      escalations: { open: { toLeaderId: string; days: number }[] };
    };
    expect([m.level, m.departmentIds]).toEqual(['cityLeader', ['D-sl', 'D-zrzy']]);
    expect(m.escalations.open.map((x) => [x.toLeaderId, x.days])).toEqual([['L-zhao', 75]]);
    const html = brief('--level', 'mayor', ...AS_OF, '--format', 'html', '-o', 'mayor.html');
    expect(html.code).toBe(0);
    const page = readFileSync(join(dir, 'mayor.html'), 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('size: A4');
  });

  it.each([
    ['no --level', [...AS_OF]],
    ['an unknown level', ['--level', 'province', ...AS_OF]],
    ['a department meeting without --department', ['--level', 'department', ...AS_OF]],
    ['a department meeting with --leader', ['--level', 'department', '--department', 'D-sl', '--leader', 'L-zhao', ...AS_OF]],
    ["a leader's meeting without --leader", ['--level', 'cityLeader', ...AS_OF]],
    ["the mayor's meeting with --department", ['--level', 'mayor', '--department', 'D-sl', ...AS_OF]],
    ['a department the document lacks', ['--level', 'department', '--department', 'D-none', ...AS_OF]],
    ['a leader the document lacks', ['--level', 'cityLeader', '--leader', 'L-none', ...AS_OF]],
    ['no --as-of', ['--level', 'mayor']],
    ['an unknown format', ['--level', 'mayor', ...AS_OF, '--format', 'pdf']],
  ])('exits 2 with a sentence and no stack trace for %s', (_, args) => {
    const r = brief(...args, '-o', 'refused.md');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'refused.md'))).toBe(false);
  });
});

describe('sansansan report', () => {
  it("writes every department's, every leader in charge's and the mayor's materials under meetings/", () => {
    const r = runCli(['report', 'p.json', ...AS_OF, '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(0);
    const meetings = filesBelow(join(dir, 'out')).filter((f) => f.startsWith('meetings/'));
    // 11 departments, 5 leaders in charge (the mayor and the executive vice-mayor have no department), the mayor; .md and .html each.
    expect(meetings.filter((f) => f.startsWith('meetings/department-'))).toHaveLength(22);
    expect(meetings.filter((f) => f.startsWith('meetings/leader-')).map((f) => f.replace(/\.(md|html)$/, ''))).toEqual(
      ['L-li', 'L-li', 'L-liu', 'L-liu', 'L-sun', 'L-sun', 'L-zhang', 'L-zhang', 'L-zhao', 'L-zhao'].map((l) => `meetings/leader-${l}`),
    );
    expect(meetings.filter((f) => f.startsWith('meetings/mayor'))).toEqual(['meetings/mayor.html', 'meetings/mayor.md']);
    const same = brief('--level', 'cityLeader', '--leader', 'L-zhao', ...AS_OF);
    expect(readFileSync(join(dir, 'out', 'meetings', 'leader-L-zhao.md'), 'utf8')).toBe(same.stdout);
  });
});
