import { describe, expect, it } from 'vitest';
import { importReport, reportBodyText } from '../../src/import/import-report';

const footnoteText = '做好“四送”[footnoteRef:1]工作。\n[1: 、四送：送政策、送技术、送资金、送服务。]';
const appendixText = '正文。\n名词解释\n1.四送：送政策、送技术、送资金、送服务。';

/** Small deterministic PRNG so a failing input can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = ['[footnoteRef:', '[1:', ']', '名词解释', '1.', '（2）', '：', '“', '”', '**', '<sup><a href="#x">', '</a></sup>', '<li id="x">', '\n', '、', '六稳', '\uD800', '\u0000', '稳就业'];

describe('importReport', () => {
  it.each([
    { name: 'r.txt', input: footnoteText, kind: 'footnotes' },
    { name: 'r.md', input: appendixText, kind: '名词解释' },
    { name: 'R.TXT', input: appendixText, kind: '名词解释' },
    { name: 'r.htm', input: `<p>${appendixText.replace(/\n/g, '</p><p>')}</p>`, kind: '名词解释' },
  ])('picks the importer for $name', ({ name, input, kind }) => {
    const result = importReport(new TextEncoder().encode(input), name);
    expect(result.source.kind).toBe(kind);
    expect(result.entries.map((entry) => entry.term)).toEqual(['四送']);
  });

  it.each([
    { name: 'report.pdf', input: new Uint8Array([37, 80, 68, 70]), message: 'PDF 由 PDF 读取器导入' },
    { name: 'report.doc', input: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), message: '无法读取（不是有效的 Word 97–2003 或 WPS 文字文档' },
    { name: 'report.wps', input: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), message: '无法读取（不是有效的 Word 97–2003 或 WPS 文字文档' },
    { name: 'report.rtf', input: '{\\rtf1 四联共治}', message: '.rtf 需要以字节读取' },
    { name: 'report.rtf', input: new TextEncoder().encode('四联共治'), message: '无法读取 .rtf（不是有效的 RTF 文档）' },
    { name: 'report.xls', input: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), message: '不支持的文件类型（支持 .txt .md .markdown .html .htm .shtml .xhtml .mhtml .mht .docx .doc .wps .rtf .odt .xml .ofd .pdf）' },
    { name: 'report.doc', input: '文本', message: '.doc/.wps 需要以字节读取' },
    { name: 'report.docx', input: '文本', message: '.docx 需要以字节读取' },
  ])('refuses $name with a clear problem', ({ name, input, message }) => {
    const result = importReport(input, name);
    expect(result.entries).toEqual([]);
    expect(result.problems).toEqual([{ severity: 'error', message: expect.stringContaining(message) }]);
  });

  it('never throws on random mixtures of markers, quotes, markup and broken characters', () => {
    const next = random(20201);
    for (let round = 0; round < 300; round += 1) {
      const text = Array.from({ length: 1 + Math.floor(next() * 40) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      for (const name of ['a.txt', 'a.html', 'a.docx', 'a.doc']) {
        expect(() => importReport(new TextEncoder().encode(text), name)).not.toThrow();
      }
    }
  });

  it('gives the body text for scanning without footnote notes or marks', () => {
    expect(reportBodyText(new TextEncoder().encode(footnoteText), 'r.txt')).toBe('做好“四送”工作。\n');
    expect(reportBodyText(new TextEncoder().encode('<p>甲</p><script>乙</script>'), 'r.html')).toBe('甲');
    expect(reportBodyText(new Uint8Array([1, 2, 3]), 'r.pdf')).toBeUndefined();
  });
});
