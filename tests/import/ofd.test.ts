// The OFD reader (GB/T 33190 版式文档) on packages written here (tests/support/ofd-writer.ts) in the
// two shapes OFD files come in: a text object a line with DeltaX steps, as word processors and 公文
// systems export, and a text object a character placed through a CTM, as PDF-to-OFD converters write.
// Reports and definitions are our own writing.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentText, DocumentTextError } from '../../src/import/document-text';
import { BROKEN_OFD } from '../../src/import/file-kinds';
import { contentExtension, readingName } from '../../src/import/file-sniff';
import { importReport } from '../../src/import/import-report';
import { ofdNumbers, readOfd } from '../../src/import/ofd';
import { ofdPackage, paragraphs, type OfdLine } from '../support/ofd-writer';

const BODY = [
  '过去一年，全镇上下坚持稳中求进工作总基调，扎实推进“三联三促”工作，经济运行总体平稳。',
  '我们持续深化“一窗通办”改革，推行“五心服务”，群众办事更加便利，营商环境持续改善。',
];
const APPENDIX = ['名词解释', '1.三联三促：指机关联系村社、干部联系群众、党员联系企业，促发展、促和谐、促服务。', '2.五心服务：指热心接待、耐心解答、细心审核、诚心帮办、贴心回访的政务服务。'];

/** A report of two pages: the body on the first, its 名词解释 appendix on the second; the page's number at each foot. */
function appendixReport(shape: 'native' | 'converted' | 'converted-runs', options: Parameters<typeof ofdPackage>[1] = {}): Uint8Array {
  const first = paragraphs(BODY);
  const second = paragraphs([], 40);
  let baseline = second.next;
  const appendix: OfdLine[] = [{ text: APPENDIX[0]!, x: 93, baseline, size: 7 }];
  baseline += 14;
  for (const entry of paragraphs(APPENDIX.slice(1), baseline).lines) appendix.push(entry);
  const foot = (number: number): OfdLine => ({ text: `— ${number} —`, x: 98, baseline: 280, size: 4.9 });
  return ofdPackage([[...first.lines, foot(1)], [...appendix, foot(2)]], { shape, ...options });
}

describe('ofdNumbers', () => {
  it('reads numbers apart by spaces, and DeltaX\'s g N V as N steps of V', () => {
    expect(ofdNumbers('0 0 210 297')).toEqual([0, 0, 210, 297]);
    expect(ofdNumbers('g 3 5.6 2.8 g 2 1')).toEqual([5.6, 5.6, 5.6, 2.8, 1, 1]);
    expect(ofdNumbers(undefined)).toEqual([]);
    expect(ofdNumbers('1 x 2')).toEqual([1, 0, 2]);
  });
});

describe('readOfd', () => {
  for (const shape of ['native', 'converted', 'converted-runs'] as const) {
    it(`lays out the pages' text as a PDF's (${shape}): paragraphs joined, the pages' numbers dropped`, () => {
      const text = readOfd(appendixReport(shape));
      expect(text.body).toBe([...BODY, ...APPENDIX].join('\n'));
      expect(text.pages).toBe(2);
      expect(text.bodyPages).toEqual([1, 1, 2, 2, 2]);
    });
  }

  it('follows absolute part names whatever their case, and pages named from the package\'s root', () => {
    expect(readOfd(appendixReport('native', { references: 'absolute' })).body).toBe([...BODY, ...APPENDIX].join('\n'));
    expect(readOfd(appendixReport('native', { references: 'from-root' })).body).toBe([...BODY, ...APPENDIX].join('\n'));
  });

  it('leaves out a template\'s furniture and text that is not horizontal', () => {
    const template: OfdLine[] = [{ text: '清溪镇人民政府文件', x: 70, baseline: 20, size: 7 }];
    // A watermark turned 45° and a column of text set downward: neither is the report's.
    const extra =
      '<ofd:TextObject ID="900" CTM="0.7071 0.7071 -0.7071 0.7071 0 0" Boundary="40 120 120 120" Size="12"><ofd:TextCode X="0" Y="12">内部资料注意保存</ofd:TextCode></ofd:TextObject>' +
      '<ofd:TextObject ID="901" Boundary="190 60 8 80" Size="5" ReadDirection="90"><ofd:TextCode X="0" Y="5">页边竖排文字</ofd:TextCode></ofd:TextObject>' +
      '<ofd:TextObject ID="902" Boundary="10 60 8 80" Size="5"><ofd:TextCode X="0" Y="5" DeltaY="g 3 5">竖排四字</ofd:TextCode></ofd:TextObject>';
    const text = readOfd(ofdPackage([paragraphs(BODY).lines], { template, extra }));
    expect(text.body).toBe(BODY.join('\n'));
  });

  it('reads a table row whose cells are steps of one text code apart as one line, cells apart by tabs', () => {
    const title: OfdLine = { text: '主要指标完成情况', x: 80, baseline: 25, size: 5 };
    const xml =
      `<ofd:TextObject ID="950" Boundary="25 35 160 7" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="5 60 g 5 5 40 5 5">指标地区生产总值增长率</ofd:TextCode></ofd:TextObject>`;
    const text = readOfd(ofdPackage([[title]], { extra: xml }));
    expect(text.body.split('\n')).toEqual(['主要指标完成情况', '指标\t地区生产总值\t增长率']);
  });

  it('reads a text code that steps back and down to the next line as two lines', () => {
    // Two entries set in one code: DeltaX goes back to the left edge where DeltaY goes down a line.
    const first = '1.三联三促：指机关联系村社、干部联系群众、党员联系企业的工作机制。';
    const second = '2.五心服务：指热心接待、贴心回访。';
    const steps = `g ${first.length - 1} 4.2 ${-4.2 * (first.length - 1)} g ${second.length - 1} 4.2`;
    const down = `g ${first.length - 1} 0 6 g ${second.length - 1} 0`;
    const xml = `<ofd:TextObject ID="970" Boundary="25 200 160 20" Size="4.2"><ofd:TextCode X="0" Y="4.2" DeltaX="${steps}" DeltaY="${down}">${first}${second}</ofd:TextCode></ofd:TextObject>`;
    expect(readOfd(ofdPackage([paragraphs(BODY).lines], { extra: xml })).body.split('\n')).toEqual([...BODY, first, second]);
  });

  it('says a package that is no OFD, and one whose pages hold no text, cannot be read', () => {
    expect(() => readOfd(strToU8('not a zip'))).toThrow(BROKEN_OFD);
    expect(() => readOfd(zipSync({ 'a.xml': strToU8('<a/>') }))).toThrow(BROKEN_OFD);
    const scanned = ofdPackage([[], []], { extra: '<ofd:ImageObject ID="960" Boundary="0 0 210 297" ResourceID="70"/>' });
    expect(() => readOfd(scanned)).toThrow(/OFD 的 2 页都没有文字.*OCR/u);
  });
});

describe('importReport: an .ofd', () => {
  it('imports the 名词解释 appendix of an OFD report, each entry placed by its page', () => {
    const result = importReport(appendixReport('converted'), '清溪镇政府工作报告.ofd');
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(result.entries.map((entry) => [entry.term, entry.definition])).toEqual([
      ['三联三促', '指机关联系村社、干部联系群众、党员联系企业，促发展、促和谐、促服务。'],
      ['五心服务', '指热心接待、耐心解答、细心审核、诚心帮办、贴心回访的政务服务。'],
    ]);
  });

  it('imports the footnotes at the pages\' feet, their marks raised in the body', () => {
    const size = 5.6;
    const body = paragraphs(['全镇扎实推进“三联三促”工作，经济运行总体平稳。']).lines;
    // The mark after 三联三促”: set small and raised, where the line's text resumes after it.
    const line = body[0]!;
    const cut = line.text.indexOf('工作');
    const before = line.text.slice(0, cut);
    const width = [...before].reduce((sum, char) => sum + (/[\u2e80-\uffef“”]/u.test(char) ? size : size / 2), 0);
    const marked: OfdLine[] = [
      { ...line, text: before },
      { text: '1', x: line.x + width, baseline: line.baseline - 2, size: 3.2 },
      { ...line, text: line.text.slice(cut), x: line.x + width + 1.6 },
    ];
    const note: OfdLine[] = [
      { text: '1', x: 25, baseline: 262, size: 3 },
      { text: '三联三促：指机关联系村社、干部联系群众、党员联系企业，促发展、促和谐、促服务。', x: 27.5, baseline: 264, size: 4.2 },
    ];
    for (const shape of ['native', 'converted', 'converted-runs'] as const) {
      const result = importReport(ofdPackage([[...marked, ...note]], { shape }), 'report.ofd');
      expect(result.entries.map((entry) => [entry.term, entry.definition])).toEqual([['三联三促', '指机关联系村社、干部联系群众、党员联系企业，促发展、促和谐、促服务。']]);
    }
  });

  it('reads an OFD by its content under another name, and says why one cannot be read', () => {
    const bytes = appendixReport('native');
    expect(contentExtension(bytes)).toBe('.ofd');
    expect(readingName(bytes, '报告.doc')).toBe('报告.doc.ofd');
    expect(importReport(bytes, '报告.doc').entries.map((entry) => entry.term)).toEqual(['三联三促', '五心服务']);
    expect(importReport(bytes, '报告').entries).toHaveLength(2);
    // A Word document is not taken for an OFD.
    expect(contentExtension(zipSync({ '[Content_Types].xml': strToU8('<x/>'), 'word/document.xml': strToU8('<w:document/>') }))).toBe('.docx');
    const broken = importReport(strToU8('PK\u0003\u0004 broken'), '报告.ofd');
    expect(broken.unreadable).toBe(true);
    expect(broken.problems[0]?.message).toBe(BROKEN_OFD);
  });
});

describe('documentText: an .ofd', () => {
  it('gives the body as scan reads it, and an error naming the file for a scanned OFD', () => {
    expect(documentText(appendixReport('native'), 'r.ofd')).toBe([...BODY, ...APPENDIX].join('\n'));
    const scanned = ofdPackage([[]]);
    expect(() => documentText(scanned, '扫描件.ofd')).toThrow(DocumentTextError);
    expect(() => documentText(scanned, '扫描件.ofd')).toThrow(/^扫描件\.ofd: OFD 的 1 页都没有文字/u);
  });
});
