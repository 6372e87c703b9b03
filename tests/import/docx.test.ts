import { Document, EndnoteReferenceRun, FootnoteReferenceRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../src/import/docx';
import { importReport } from '../../src/import/import-report';

async function docxBytes(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(document));
}

function footnoteReport(): Document {
  return new Document({
    footnotes: {
      1: { children: [new Paragraph('送政策、送技术、送资金、送服务。')] },
      2: { children: [new Paragraph('“两会一评”制度：党员议事会、居民恳谈会、群众满意度测评制度。')] },
      3: { children: [new Paragraph('指在每个村设立的便民服务点。'), new Paragraph('提供代办和咨询服务。')] },
    },
    sections: [
      {
        children: [
          new Paragraph('清溪镇政府工作情况报告'),
          new Paragraph('──2021年3月2日在清溪镇第三届人民代表大会第五次会议上'),
          new Paragraph({
            children: [
              new TextRun('今年我们落实“两会一评”制度'),
              new FootnoteReferenceRun(2),
              new TextRun({ text: '，扎实做好“四送”', bold: true }),
              new FootnoteReferenceRun(1),
              new TextRun('工作，建好清溪驿站'),
              new FootnoteReferenceRun(3),
              new TextRun('。'),
            ],
          }),
        ],
      },
    ],
  });
}

describe('importDocx', () => {
  it('numbers Word footnotes in reference order and reads each term at its reference mark', async () => {
    const result = importDocx(await docxBytes(footnoteReport()));
    expect(result.problems).toEqual([{ severity: 'warning', message: expect.stringContaining('脚注 3：术语“清溪驿站”取自引用处前的文字') }]);
    expect(result.source).toEqual({ title: '清溪镇政府工作情况报告', date: '2021-03-02', kind: 'footnotes' });
    expect(result.entries.map((entry) => [entry.source?.footnote, entry.term, entry.aliases ?? []])).toEqual([
      [1, '两会一评', ['“两会一评”制度']],
      [2, '四送', []],
      [3, '清溪驿站', []],
    ]);
  });

  it('keeps the footnote text verbatim, paragraphs on their own lines, and splits enumerations', async () => {
    const result = importDocx(await docxBytes(footnoteReport()));
    const [yiping, sisong, yizhan] = result.entries;
    expect(yiping?.definition).toBe('党员议事会、居民恳谈会、群众满意度测评制度。');
    expect(sisong?.definition).toBe('送政策、送技术、送资金、送服务。');
    expect(sisong?.items).toEqual(['送政策', '送技术', '送资金', '送服务']);
    expect(yizhan?.definition).toBe('指在每个村设立的便民服务点。\n提供代办和咨询服务。');
    expect(yizhan?.items).toBeUndefined();
  });

  it('reads Word endnotes (尾注) as footnotes are read, numbered after the footnotes in reference order', async () => {
    const endnoteReport = (withFootnote: boolean) =>
      new Document({
        ...(withFootnote ? { footnotes: { 1: { children: [new Paragraph('指在每个村设立的便民服务点。')] } } } : {}),
        endnotes: {
          1: { children: [new Paragraph('送政策、送技术、送资金、送服务。')] },
          2: { children: [new Paragraph('“两会一评”制度：党员议事会、居民恳谈会、群众满意度测评制度。')] },
        },
        sections: [
          {
            children: [
              new Paragraph('清溪镇政府工作情况报告'),
              new Paragraph({
                children: [
                  new TextRun('今年我们落实“两会一评”制度'),
                  new EndnoteReferenceRun(2),
                  new TextRun('，扎实做好“四送”'),
                  new EndnoteReferenceRun(1),
                  new TextRun(withFootnote ? '工作，建好清溪驿站' : '工作。'),
                  ...(withFootnote ? [new FootnoteReferenceRun(1), new TextRun('。')] : []),
                ],
              }),
            ],
          },
        ],
      } as ConstructorParameters<typeof Document>[0]);
    const alone = importDocx(await docxBytes(endnoteReport(false)));
    expect(alone.source.kind).toBe('footnotes');
    expect(alone.entries.map((entry) => [entry.source?.footnote, entry.term, entry.definition])).toEqual([
      [1, '两会一评', '党员议事会、居民恳谈会、群众满意度测评制度。'],
      [2, '四送', '送政策、送技术、送资金、送服务。'],
    ]);
    const mixed = importDocx(await docxBytes(endnoteReport(true)));
    expect(mixed.entries.map((entry) => [entry.source?.footnote, entry.term])).toEqual([
      [1, '清溪驿站'],
      [2, '两会一评'],
      [3, '四送'],
    ]);
  });

  it('reads a 名词解释 appendix from the paragraphs of a report without footnotes', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph('2024年清溪县人民政府工作报告'),
            new Paragraph('各位代表：今年要落实“三进”工作。'),
            new Paragraph({ children: [new TextRun({ text: '名词解释', bold: true })] }),
            new Paragraph({ children: [new TextRun({ text: '1.“三进”：', bold: true }), new TextRun('政策进村、服务进户、干部进网格。')] }),
            new Paragraph('2.“两清”“两建”：“两清”指清河道、清路障；“两建”指建公园、建绿道。'),
          ],
        },
      ],
    });
    const result = importReport(await docxBytes(document), '报告.docx');
    expect(result.source.kind).toBe('名词解释');
    expect(result.entries.map((entry) => [entry.source?.appendix, entry.term])).toEqual([
      [1, '三进'],
      [2, '两清'],
      [2, '两建'],
    ]);
    expect(result.entries[0]?.items).toEqual(['政策进村', '服务进户', '干部进网格']);
  });

  it('reads appendix entries whose terms are set in bold without a colon', async () => {
    const entry = (term: string, definition: string, number?: string) =>
      new Paragraph({ children: [...(number ? [new TextRun(number)] : []), new TextRun({ text: term, bold: true }), new TextRun(definition)] });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph('2024年清溪县人民政府工作报告'),
            new Paragraph('各位代表：今年要落实“三进”工作，推进“两清”。'),
            new Paragraph({ children: [new TextRun({ text: '名词解释', bold: true })] }),
            entry('“三进”', '政策进村、服务进户、干部进网格。'),
            entry('两清', ' 清河道、清路障。'),
          ],
        },
      ],
    });
    const result = importReport(await docxBytes(document), '报告.docx');
    expect(result.entries.map((e) => [e.source?.appendix, e.term, e.definition])).toEqual([
      [1, '三进', '政策进村、服务进户、干部进网格。'],
      [2, '两清', '清河道、清路障。'],
    ]);
    const numbered = new Document({
      sections: [{ children: [new Paragraph('各位代表：今年要落实“三进”工作。'), new Paragraph('名词解释'), entry('“三进”', '政策进村、服务进户。', '1.'), entry('两清', '清河道、清路障。', '2.')] }],
    });
    expect(importReport(await docxBytes(numbered), '报告.docx').entries.map((e) => [e.term, e.definition])).toEqual([
      ['三进', '政策进村、服务进户。'],
      ['两清', '清河道、清路障。'],
    ]);
  });

  it('reads a 名词解释 appendix set as a table, a row a line', async () => {
    const row = (...cells: string[][]) => new TableRow({ children: cells.map((paragraphs) => new TableCell({ children: paragraphs.map((text) => new Paragraph(text)) })) });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph('各位代表：今年要落实“三进”工作。'),
            new Paragraph('名词解释'),
            new Table({
              rows: [
                row(['序号'], ['名词'], ['解释']),
                row(['1'], ['“三进”'], ['政策进村、服务进户、', '干部进网格。']),
                row(['2'], ['一网通办'], ['群众办事“网上办”。']),
              ],
            }),
          ],
        },
      ],
    });
    const result = importReport(await docxBytes(document), '报告.docx');
    expect(result.entries.map((entry) => [entry.source?.appendix, entry.term, entry.definition])).toEqual([
      [1, '三进', '政策进村、服务进户、干部进网格。'],
      [2, '一网通办', '群众办事“网上办”。'],
    ]);
  });

  it.each([
    { name: 'bytes that are not a zip file', bytes: strToU8('这不是 Word 文件') },
    { name: 'a zip without word/document.xml', bytes: zipSync({ 'readme.txt': strToU8('hello') }) },
  ])('reports $name instead of throwing', ({ bytes }) => {
    const result = importDocx(bytes);
    expect(result.entries).toEqual([]);
    expect(result.problems).toEqual([{ severity: 'error', message: expect.stringContaining('.docx') }]);
  });
});
