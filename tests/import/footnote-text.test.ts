import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasFootnoteMarkers, importFootnoteText } from '../../src/import/footnote-text';

const report = readFileSync(new URL('../fixtures/import/footnotes-report.txt', import.meta.url), 'utf8');

describe('importFootnoteText', () => {
  const result = importFootnoteText(report);
  const byTerm = new Map(result.entries.map((entry) => [entry.term, entry]));

  it('reads title and date from the head of the report', () => {
    expect(result.source).toEqual({ title: '清溪镇政府工作情况报告', date: '2021-03-02', kind: 'footnotes' });
  });

  it('gives one official entry per footnote, in footnote order, with the footnote number', () => {
    expect(result.entries.map((entry) => [entry.term, entry.source?.footnote, entry.status])).toEqual([
      ['四送', 1, 'official'],
      ['两会一评', 2, 'official'],
      ['三清行动', 3, 'official'],
      ['清溪驿站', 4, 'official'],
      ['未引用', 5, 'official'],
    ]);
  });

  it('keeps the definition verbatim, including a note that spans lines', () => {
    expect(byTerm.get('四送')?.definition).toBe('送政策、送技术、送资金、送服务。');
    expect(byTerm.get('三清行动')?.definition).toBe('清垃圾、清河道、\n清违建。');
  });

  it('records the forms the body writes at the reference mark as aliases', () => {
    expect(byTerm.get('两会一评')?.aliases).toEqual(['“两会一评”制度']);
    expect(byTerm.get('三清行动')?.aliases).toEqual(['“三清”行动']);
    expect(byTerm.get('四送')?.aliases).toBeUndefined();
  });

  it('splits enumerations into items and leaves sentences alone', () => {
    expect(byTerm.get('四送')?.items).toEqual(['送政策', '送技术', '送资金', '送服务']);
    expect(byTerm.get('两会一评')?.items).toEqual(['党员议事会', '居民恳谈会', '群众满意度测评制度']);
    expect(byTerm.get('三清行动')?.items).toEqual(['清垃圾', '清河道', '清违建']);
    expect(byTerm.get('清溪驿站')?.items).toBeUndefined();
  });

  it('gives unique pinyin ids', () => {
    expect(result.entries.map((entry) => entry.id)).toEqual(['si-song', 'liang-hui-yi-ping', 'san-qing-xing-dong', 'qing-xi-yi-zhan', 'wei-yin-yong']);
  });

  it('reports a footnote the body never references, with its line', () => {
    expect(result.problems).toEqual([
      { severity: 'warning', line: 9, message: expect.stringContaining('脚注 5 在正文中没有引用') },
    ]);
  });

  it('reports a reference whose note is missing', () => {
    const broken = importFootnoteText('正文“六稳”[footnoteRef:1]和“六保”[footnoteRef:2]。\n[1: 、六稳：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。]');
    expect(broken.entries.map((entry) => entry.term)).toEqual(['六稳']);
    expect(broken.problems).toEqual([{ severity: 'error', line: 1, message: expect.stringContaining('footnote 2 has no note') }]);
  });

  it.each([
    { text: '正文[footnoteRef:1]\n[1: 、甲：乙。]', expected: true },
    { text: '没有任何脚注标记的正文。', expected: false },
    { text: '[bookmark: _GoBack]正文', expected: false },
  ])('hasFootnoteMarkers($text) = $expected', ({ text, expected }) => {
    expect(hasFootnoteMarkers(text)).toBe(expected);
  });
});

describe('footnote heads set off otherwise than by a colon', () => {
  const read = (notes: string) =>
    importFootnoteText(`清溪镇政府工作报告\n\n我们推进“三清”行动[footnoteRef:1]，落实“两通”工程[footnoteRef:2]，实施三年计划[footnoteRef:3]。\n\n${notes}`).entries.map((entry) => [entry.term, entry.definition]);

  it('reads a head in brackets or before a dash, and leaves a dash after a digit to the definition', () => {
    expect(read('[1: 【三清行动】清河道、清垃圾。]\n[2: 两通工程——通路、通车。]\n[3: 2012—2014年，用三年时间完成。]')).toEqual([
      ['三清行动', '清河道、清垃圾。'],
      ['两通工程', '通路、通车。'],
      // No head of its own: the body's words before the mark name it.
      ['三年计划', '2012—2014年，用三年时间完成。'],
    ]);
  });

  it('keeps a colon head that has a dash after it, and a colon head without Chinese', () => {
    expect(read('[1: 三清行动：清河道——清垃圾。]\n[2: 1+4+N：一个方案、四个行动、若干措施。]\n[3: 三年计划：三年完成。]')).toEqual([
      ['三清行动', '清河道——清垃圾。'],
      ['1+4+N', '一个方案、四个行动、若干措施。'],
      ['三年计划', '三年完成。'],
    ]);
  });
});

describe('a dash inside quotes or brackets sets off no footnote head', () => {
  it('reads the colon head of “A—B”工程 and of a span of years in brackets', () => {
    const entries = importFootnoteText('清溪镇政府工作报告\n\n我们推进“山—水”工程[footnoteRef:1]，编制规划[footnoteRef:2]。\n\n[1: “山—水”工程：治山理水。]\n[2: 规划（2021—2025年）：五年规划。]').entries;
    expect(entries.map((entry) => [entry.term, entry.definition])).toEqual([
      ['山—水工程', '治山理水。'],
      ['规划（2021—2025年）', '五年规划。'],
    ]);
  });
});
