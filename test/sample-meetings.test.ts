// The scheduling meetings' materials (2.1–2.3) of the bundled sample as of 2025-10-15, pinned value by
// value for every department, every leader and the mayor; and the three documents a reader sees first
// (市水利局's monthly meeting, 赵明轩's bimonthly meeting, the mayor's quarterly meeting) as Markdown.
// Messages are left out of the data (tests assert values, not wording). Regenerate after a deliberate
// change with `UPDATE_GOLDEN=1 npx vitest run test/sample-meetings.test.ts` and review the diff.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/evaluate.js';
import { meetingMaterials, type MeetingScope } from '../src/meetings/meetingMaterials.js';
import { parsePortfolio } from '../src/portfolio/index.js';
import { meetingBriefMarkdown } from '../src/render/meetingBrief.js';
import { golden, withoutMessages } from './fixtures/golden.js';

const SAMPLE = readFileSync(new URL('../examples/data/handan-sample-2025.json', import.meta.url), 'utf8');
const DIR = new URL('golden/meetings/', import.meta.url);
const AS_OF = '2025-10-15';

const label = (s: MeetingScope): string =>
  s.level === 'department' ? `department ${s.departmentId}` : s.level === 'cityLeader' ? `leader ${s.leaderId}` : 'mayor';

describe('the meeting materials of the sample portfolio as of 2025-10-15', () => {
  it('are, for every department, every leader and the mayor, the pinned ones', () => {
    // Parsed and evaluated inside the test, so that mutation testing sees which test covers which rule.
    const e = evaluate(parsePortfolio(JSON.parse(SAMPLE)), { asOf: AS_OF });
    const scopes: MeetingScope[] = [
      ...e.departments.map((d): MeetingScope => ({ level: 'department', departmentId: d.departmentId })),
      ...e.leaders.map((l): MeetingScope => ({ level: 'cityLeader', leaderId: l.leaderId })),
      { level: 'mayor' },
    ];
    const actual = Object.fromEntries(scopes.map((s) => [label(s), withoutMessages(meetingMaterials(e, s))]));
    const text = `${JSON.stringify(actual, null, 1)}\n`;
    expect(JSON.parse(text)).toEqual(JSON.parse(golden(DIR, `materials-${AS_OF}.json`, text)));
  });

  it.each<[string, MeetingScope]>([
    ['department-D-sl', { level: 'department', departmentId: 'D-sl' }],
    ['leader-L-zhao', { level: 'cityLeader', leaderId: 'L-zhao' }],
    ['mayor', { level: 'mayor' }],
  ])('read as the pinned %s.md', (name, scope) => {
    const e = evaluate(parsePortfolio(JSON.parse(SAMPLE)), { asOf: AS_OF });
    const md = meetingBriefMarkdown(e, scope);
    expect(md).toBe(golden(DIR, `${name}.md`, md));
  });
});
