import { describe, expect, it } from 'vitest';
import { importPdfText, pdfFullText } from '../../src/import/pdf-import';
import type { PdfText } from '../../src/import/pdf-layout';

/** A PDF's text as pdf-layout.ts gives it: body lines with their pages, notes with theirs. */
function pdf(body: string[], bodyPages: number[], notes: string[] = [], notePages: number[] = []): PdfText {
  return { body: body.join('\n'), bodyPages, notes, notePages, pages: Math.max(1, ...bodyPages, ...notePages), pagesWithText: 1 };
}

const BODY = ['清溪镇政府工作报告', '过去一年，我们推进“三清”行动¹，做好“四送”²工作。'];

describe('importPdfText', () => {
  it('reads the footnotes gathered from the pages’ feet when there is no appendix', () => {
    const text = pdf(BODY, [1, 1], ['¹“三清”行动：清垃圾、清河道、清违建。', '²四送：送政策、送技术、送资金、送服务。'], [1, 2]);
    const result = importPdfText(text);
    expect(result.entries.map((entry) => [entry.term, entry.definition])).toEqual([
      ['三清行动', '清垃圾、清河道、清违建。'],
      ['四送', '送政策、送技术、送资金、送服务。'],
    ]);
  });

  it('reads the appendix, and leaves footnotes out of it (its last entry is not run on into them)', () => {
    const body = [...BODY, '名词解释', '1.三清行动：清垃圾、清河道、清违建。', '2.四送：送政策、送技术、送资金、送服务。'];
    const result = importPdfText(pdf(body, [1, 1, 2, 2, 2], ['¹页脚的一条说明：与名词解释无关。'], [1]));
    expect(result.entries.map((entry) => [entry.term, entry.definition])).toEqual([
      ['三清行动', '清垃圾、清河道、清违建。'],
      ['四送', '送政策、送技术、送资金、送服务。'],
    ]);
    expect(pdfFullText(pdf(body, [1, 1, 2, 2, 2], ['¹说明'], [1])).endsWith('\n¹说明')).toBe(true);
  });

  it('places a problem by its page, not by a line of the laid-out text', () => {
    const body = [...BODY, '名词解释', '1.三清行动：清垃圾、清河道、清违建。', '3.四送：送政策、送技术、送资金、送服务。'];
    const result = importPdfText(pdf(body, [1, 1, 3, 3, 4]));
    const jump = result.problems.find((problem) => problem.message.includes('跳'));
    expect(jump).toMatchObject({ severity: 'warning' });
    expect(jump?.line).toBeUndefined();
    expect(jump?.message.startsWith('第 4 页 / page 4: ')).toBe(true);
  });

  it('says so when the PDF has neither an appendix nor footnotes', () => {
    const result = importPdfText(pdf(BODY.slice(0, 1), [1]));
    expect(result.entries).toEqual([]);
    expect(result.problems[0]?.message).toContain('no 名词解释 appendix found');
  });
});
