import { fc, test } from '@fast-check/vitest';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import sample from '../../../examples/data/handan-sample-2025.json' with { type: 'json' };
import { evaluate, parsePortfolio, type Evaluation } from '../../index.js';
import { arbAsOf, arbPortfolioDocument } from '../../../test/arbitraries/portfolio.js';
import { escapeXml, textWidth, truncate } from './_svg.js';
import { battleMapSvg, colourMatrixSvg, rankingChartSvg } from './index.js';

const evaluation = evaluate(parsePortfolio(sample), { asOf: '2025-10-15' });

/** Well-formed XML, by fast-xml-parser's validator. */
function isWellFormed(xml: string): boolean {
  // The validator moves to its own package in fast-xml-parser 6; the one shipped here still works.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  return XMLValidator.validate(xml) === true;
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The values of an attribute, in document order. */
function values(svg: string, name: string): string[] {
  return [...svg.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => unescape(m[1] ?? ''));
}

/** The opening tags of elements carrying an attribute. */
function tagsWith(svg: string, name: string): string[] {
  return [...svg.matchAll(new RegExp(`<[a-z]+(?:\\s[^>]*)?\\s${name}="[^"]*"[^>]*>`, 'g'))].map((m) => m[0]);
}

function departmentOrder(e: Evaluation): string[] {
  const ids = [...new Set(e.projects.map((p) => p.departmentId))];
  const known = e.departments.map((d) => d.departmentId).filter((id) => ids.includes(id));
  return [...known, ...ids.filter((id) => !known.includes(id)).sort()];
}

/** Every structural law of the three charts for one evaluation. */
function expectCharts(e: Evaluation): void {
  const battle = battleMapSvg(e);
  const matrix = colourMatrixSvg(e);
  expect(isWellFormed(battle)).toBe(true);
  expect(isWellFormed(matrix)).toBe(true);

  // One row per project, grouped by department in id order.
  const rows = tagsWith(battle, 'data-project').map((t) => unescape(/data-project="([^"]*)"/.exec(t)?.[1] ?? ''));
  const order = departmentOrder(e);
  const expected = order.flatMap((d) => e.projects.filter((p) => p.departmentId === d).map((p) => p.projectId));
  expect(rows).toEqual(expected);

  // One labelled cell per project and evaluated month.
  const cells = tagsWith(matrix, 'data-cell');
  expect(cells.length).toBe(e.projects.reduce((n, p) => n + p.history.length, 0));

  for (const n of e.notifications) {
    const ranking = rankingChartSvg(e, n.quarter);
    expect(isWellFormed(ranking)).toBe(true);
    expect(values(ranking, 'data-department')).toEqual(n.ranking.map((r) => r.departmentId));
    const bottom = tagsWith(ranking, 'data-bottom')
      .filter((t) => t.includes('data-bottom="true"'))
      .map((t) => unescape(/data-department="([^"]*)"/.exec(t)?.[1] ?? ''));
    expect(bottom.sort()).toEqual([...n.bottom].sort());
  }
}

describe('battleMapSvg, rankingChartSvg, colourMatrixSvg on the sample', () => {
  it('draws well-formed charts with one row per project, one cell per month and the ranking in rank order', () => {
    expectCharts(evaluation);
  });

  it('draws one battle-map row per project (40) and 40 × 9 matrix cells', () => {
    expect(tagsWith(battleMapSvg(evaluation), 'data-project')).toHaveLength(40);
    expect(tagsWith(colourMatrixSvg(evaluation), 'data-cell')).toHaveLength(360);
  });

  it('colours each evaluated month from the history, with the colour label written in the cell', () => {
    const matrix = colourMatrixSvg(evaluation);
    const p = evaluation.projects[8];
    if (p === undefined) throw new Error('sample has 40 projects');
    const shown = [
      ...matrix.matchAll(
        new RegExp(`<g data-cell="true" data-project="${p.projectId}" data-month="([^"]+)" data-colour="([^"]+)">(.*?)</g>`, 'g'),
      ),
    ];
    expect(shown.map((m) => [m[1], m[2]])).toEqual(p.history.map((h) => [h.month, h.colour]));
    for (const m of shown) {
      const colour = evaluation.colours.find((c) => c.id === m[2]);
      expect(m[3]).toContain(`fill="${colour?.hex ?? ''}"`);
      expect(m[3]).toMatch(new RegExp(`<text[^>]*>${colour?.zh ?? ''}</text>`));
    }
  });

  it('outlines every colour cell, so that white #f5f5f5 shows on white', () => {
    const cells = [...colourMatrixSvg(evaluation).matchAll(/<g data-cell="true"[^>]*>.*?<rect([^>]*)\/>/g)];
    expect(cells.length).toBe(360);
    for (const c of cells) expect(c[1]).toMatch(/stroke="#[0-9a-f]{6}"/);
  });

  it('marks the bottom three of 2025Q3 (市文广旅局, 市国投集团, 市水利局) with data-bottom and the text 后三位', () => {
    const svg = rankingChartSvg(evaluation, '2025Q3');
    const q3 = evaluation.notifications.find((n) => n.quarter === '2025Q3');
    expect(q3?.bottom).toEqual(['D-gt', 'D-sl', 'D-wlt']);
    const marked = tagsWith(svg, 'data-bottom').filter((t) => t.includes('data-bottom="true"'));
    expect(marked).toHaveLength(3);
    expect(svg.match(/>后三位<\/text>/g)).toHaveLength(3);
  });

  it('draws a 100% reference line', () => {
    expect(rankingChartSvg(evaluation, '2025Q1')).toMatch(/data-reference="100"/);
  });

  it('answers a quarter without a notification with a small well-formed chart and no bars', () => {
    for (const q of ['2025Q4', '2024Q1', 'not a quarter & <x>']) {
      const svg = rankingChartSvg(evaluation, q);
      expect(isWellFormed(svg)).toBe(true);
      expect(values(svg, 'data-department')).toEqual([]);
    }
  });

  it('draws one marker per milestone due in the year, and overdue ones from other years at the edge', () => {
    const battle = battleMapSvg(evaluation);
    const expected = evaluation.projects.flatMap((p) => p.milestones.filter((m) => m.due.startsWith('2025') || m.state === 'overdue'));
    expect(tagsWith(battle, 'data-milestone')).toHaveLength(expected.length);
    const overdue = tagsWith(battle, 'data-milestone').filter((t) => t.includes('data-state="overdue"'));
    expect(overdue).toHaveLength(expected.filter((m) => m.state === 'overdue').length);
  });

  it('draws the evaluation-date line at asOf, or at the year edge when asOf lies after the year', () => {
    expect(values(battleMapSvg(evaluation), 'data-today')).toEqual(['2025-10-15']);
    const later = evaluate(parsePortfolio(sample), { asOf: '2026-02-20' });
    const svg = battleMapSvg(later);
    expect(isWellFormed(svg)).toBe(true);
    expect(values(svg, 'data-today')).toEqual(['2026-02-20']);
  });

  it('is deterministic: the same evaluation gives the same strings', () => {
    const again = evaluate(parsePortfolio(sample), { asOf: '2025-10-15' });
    expect(battleMapSvg(again)).toBe(battleMapSvg(evaluation));
    expect(colourMatrixSvg(again)).toBe(colourMatrixSvg(evaluation));
    expect(rankingChartSvg(again, '2025Q2')).toBe(rankingChartSvg(evaluation, '2025Q2'));
  });

  it('has a title and a desc, a viewBox, role img, no external reference and no text under 11px', () => {
    for (const svg of [
      battleMapSvg(evaluation),
      colourMatrixSvg(evaluation),
      rankingChartSvg(evaluation, '2025Q3'),
      rankingChartSvg(evaluation, '2025Q4'),
    ]) {
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*viewBox="0 0 \d+ \d+" width="\d+" height="\d+" role="img"/);
      expect(svg).toMatch(/<title[^>]*>[^<]+<\/title>/);
      expect(svg).toMatch(/<desc[^>]*>[^<]+<\/desc>/);
      expect(svg.match(/https?:/g)).toEqual(['http:']); // the namespace only
      expect(svg).not.toMatch(/href|@import|<image|<script|<foreignObject/);
      for (const size of values(svg, 'font-size')) expect(Number(size)).toBeGreaterThanOrEqual(11);
    }
  });

  it('uses the title and width of the options, never narrower than 480', () => {
    const svg = colourMatrixSvg(evaluation, { title: 'T & <t>', width: 100 });
    expect(svg).toContain('<title id="sss-matrix-title">T &amp; &lt;t&gt;</title>');
    expect(svg).toMatch(/viewBox="0 0 480 \d+" width="480"/);
    expect(battleMapSvg(evaluation, { width: 2000 })).toMatch(/width="2000"/);
  });
});

describe('escaping', () => {
  const hostile = 'A&B <"x">\'';
  const doc = {
    ...sample,
    city: '<城&市>',
    departments: sample.departments.map((d, i) => (i === 0 ? { ...d, name: hostile } : d)),
    projects: sample.projects.map((p, i) => (i === 0 ? { ...p, name: hostile } : p)),
  };
  const e = evaluate(parsePortfolio(doc), { asOf: '2025-10-15' });

  it('keeps every chart well-formed when names contain & < > " \'', () => {
    expectCharts(e);
    expect(battleMapSvg(e)).toContain('A&amp;B &lt;&quot;x&quot;&gt;&apos;');
    expect(colourMatrixSvg(e)).toContain('A&amp;B &lt;&quot;x&quot;&gt;&apos;');
    expect(rankingChartSvg(e, '2025Q3')).toContain('&lt;城&amp;市&gt;');
  });

  it('escapes the five XML characters and drops characters XML forbids', () => {
    expect(escapeXml('A&B <"x">\'')).toBe('A&amp;B &lt;&quot;x&quot;&gt;&apos;');
    expect(escapeXml('a\u0000b\u001fc\uFFFEd')).toBe('abcd');
    expect(isWellFormed(colourMatrixSvg(e, { title: 'x\u0001\uD800y' }))).toBe(true);
  });
});

describe('text metrics', () => {
  it('counts CJK characters 1em wide and others 0.55em', () => {
    expect(textWidth('中华', 12)).toBe(24);
    expect(textWidth('P-01', 10)).toBeCloseTo(22);
  });

  it('truncates with … only when the text does not fit', () => {
    expect(truncate('邯郸市', 100, 12)).toBe('邯郸市');
    const cut = truncate('主城区老旧小区改造提升工程（2025年度）', 100, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(100);
  });
});

describe('properties', () => {
  test.prop([arbPortfolioDocument({ withSupervisionRecords: true }).chain((d) => fc.tuple(fc.constant(d), arbAsOf(d.year)))], {
    numRuns: 50,
  })('every chart is well-formed, with one row per project, one cell per history month and the ranking in order', ([doc, asOf]) => {
    expectCharts(evaluate(parsePortfolio(doc), { asOf }));
  });
});
