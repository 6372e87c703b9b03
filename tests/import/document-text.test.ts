import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { DocumentTextError, documentText } from '../../src/import/document-text';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('documentText', () => {
  it.each([
    ['report.txt', '扎实做好“六稳”\r\n  六保\n', '扎实做好“六稳”\r\n  六保\n'],
    ['REPORT.TXT', '六稳', '六稳'],
    ['notes.md', '# 标题\n\n**“三会一代理”**制度', '# 标题\n\n**“三会一代理”**制度'],
    ['bom.txt', '\ufeff六稳', '六稳'],
    ['page.html', '<html><head><title>题目</title><style>p { color: red }</style></head><body><p>做好“六稳”</p><script>var x = "六保";</script><div>三重一大&amp;三会</div></body></html>', '做好“六稳”\n三重一大&三会'],
    ['page.htm', '<ul><li>六稳</li><li>六保</li></ul>', '六稳\n六保'],
  ])('%s', (name, input, expected) => {
    expect(documentText(bytes(input), name)).toBe(expected);
  });

  it('reads a .docx body, one paragraph a line, runs joined', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('落实“三会一代理”'), new TextRun({ text: '制度', bold: true })] }),
            new Paragraph({ children: [new TextRun('严格落实“三重一大”制度要求')] }),
          ],
        },
      ],
    });
    const docx = new Uint8Array(await Packer.toBuffer(document));
    expect(documentText(docx, 'report.docx')).toBe('落实“三会一代理”制度\n严格落实“三重一大”制度要求');
  });

  it.each([
    ['report.pdf', '%PDF-1.4', /report\.pdf: PDF 由 PDF 读取器读取/],
    ['report.doc', '\u00d0\u00cf', /report\.doc: 无法读取（不是有效的 Word 97–2003 或 WPS 文字文档/],
    ['report.wps', '\u00d0\u00cf', /report\.wps: 无法读取（不是有效的 Word 97–2003 或 WPS 文字文档/],
    ['report.rtf', '四联共治', /report\.rtf: 无法读取 \.rtf（不是有效的 RTF 文档）/],
    ['broken.docx', 'not a zip file', /broken\.docx: 无法读取 \.docx/],
    ['broken.ofd', 'PK not a zip', /broken\.ofd: 无法读取 \.ofd（不是有效的 OFD 版式文档）/],
    ['noextension', '六稳', /noextension: 不支持的文件类型（支持 .*\.wps \.rtf \.odt \.xml \.ofd \.pdf）/],
  ])('refuses %s with a message naming it', (name, input, message) => {
    expect(() => documentText(bytes(input), name)).toThrow(DocumentTextError);
    expect(() => documentText(bytes(input), name)).toThrow(message);
  });
});
