// Word's single-file XML documents, written here by hand in the shapes Word writes them: the Word
// 2003 XML document (notes inline where anchored, tables, comments), as 公文 systems export it and
// sites serve it under .doc, and the Word 2007+ flat XML (Flat OPC) holding a .docx's parts.
import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/import/document-text';
import { BROKEN_WORD_XML } from '../../src/import/file-kinds';
import { contentExtension } from '../../src/import/file-sniff';
import { importReport } from '../../src/import/import-report';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const W = 'xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" xmlns:aml="http://schemas.microsoft.com/aml/2001/core" xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint"';
const word2003 = (body: string, encoding = 'UTF-8'): string =>
  `<?xml version="1.0" encoding="${encoding}" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n` +
  `<w:wordDocument ${W}><o:DocumentProperties xmlns:o="urn:schemas-microsoft-com:office:office"><o:Title>不该读出的题名</o:Title></o:DocumentProperties>` +
  `<w:docPr><w:footnotePr><w:footnote w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote></w:footnotePr></w:docPr>` +
  `<w:body><wx:sect>${body}<w:sectPr/></wx:sect></w:body></w:wordDocument>`;
const p = (...runs: string[]): string => `<w:p>${runs.join('')}</w:p>`;
const r = (text: string): string => `<w:r><w:t>${text}</w:t></w:r>`;
const note = (kind: 'footnote' | 'endnote', text: string): string =>
  `<w:r><w:rPr><w:rStyle w:val="${kind === 'footnote' ? 'FootnoteReference' : 'EndnoteReference'}"/></w:rPr><w:${kind}><w:p><w:r><w:${kind}Ref/></w:r>${r(text)}</w:p></w:${kind}></w:r>`;

describe('Word 2003 XML', () => {
  it('imports notes written inline, footnotes numbered first and endnotes after them, the title from the body', () => {
    const xml = word2003(
      p(r('清溪镇政府工作报告')) +
        p(r('今年我们落实“三会一评”'), note('endnote', '党员议事会、居民恳谈会、群众满意度测评。'), r('制度，做好“两会”'), note('footnote', '党员大会、村民代表会议。'), r('工作。')),
    );
    const result = importReport(utf8(xml), '报告.xml');
    expect(result.source.title).toBe('清溪镇政府工作报告');
    expect(result.entries.map((entry) => [entry.term, entry.definition, entry.source])).toEqual([
      ['两会', '党员大会、村民代表会议。', { footnote: 1 }],
      ['三会一评', '党员议事会、居民恳谈会、群众满意度测评。', { footnote: 2 }],
    ]);
  });

  it('reads a 名词解释 appendix in a table, leaves comments out, and is read under .doc as what it is', () => {
    const row = (...cells: string[]): string => `<w:tr>${cells.map((cell) => `<w:tc>${p(r(cell))}</w:tc>`).join('')}</w:tr>`;
    const comment = '<aml:annotation aml:id="0" w:type="Word.Comment" aml:author="某人"><aml:content><w:p><w:r><w:t>批注文字</w:t></w:r></w:p></aml:content></aml:annotation>';
    const xml = word2003(p(r('做好“四送”工作。'), `<w:r>${comment}</w:r>`) + p(r('名词解释')) + `<w:tbl>${row('1', '四送', '送政策、送技术。')}${row('2', '两通', '通路、通车。')}</w:tbl>`);
    expect(contentExtension(utf8(xml))).toBe('.xml');
    const result = importReport(utf8(xml), '附件.doc');
    expect(result.entries.map((entry) => [entry.term, entry.definition])).toEqual([['四送', '送政策、送技术。'], ['两通', '通路、通车。']]);
    expect(documentText(utf8(xml), '附件.doc')).toBe('做好“四送”工作。\n名词解释\n1\t四送\t送政策、送技术。\n2\t两通\t通路、通车。');
  });

  it('decodes the encoding its declaration names (GB2312)', () => {
    // 四送 and 政策 in GB2312, in an otherwise ASCII document: read only by the declared encoding.
    const ascii = word2003(p(r('名词解释')) + p(r('1.@@：@@。')), 'GB2312').replace('不该读出的题名', 'title');
    const bytes: number[] = [];
    for (const char of ascii.replace('名词解释', '\u0001').replace('@@：@@。', '\u0002')) {
      if (char === '\u0001') bytes.push(0xc3, 0xfb, 0xb4, 0xca, 0xbd, 0xe2, 0xca, 0xcd); // 名词解释
      else if (char === '\u0002') bytes.push(0xcb, 0xc4, 0xcb, 0xcd, 0xa3, 0xba, 0xd5, 0xfe, 0xb2, 0xdf, 0xa1, 0xa3); // 四送：政策。
      else bytes.push(char.charCodeAt(0));
    }
    expect(importReport(Uint8Array.from(bytes), 'report.xml').entries.map((entry) => [entry.term, entry.definition])).toEqual([['四送', '政策。']]);
  });
});

describe('Word flat XML (Flat OPC)', () => {
  it('imports the footnotes of its parts as a .docx', () => {
    const part = (name: string, xml: string): string => `<pkg:part pkg:name="${name}" pkg:contentType="application/xml"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
    const document = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p(r('落实“两会一评”'), '<w:r><w:footnoteReference w:id="2"/></w:r>', r('制度。'))}</w:body></w:document>`;
    const footnotes = `<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1">${p('<w:r><w:separator/></w:r>')}</w:footnote><w:footnote w:id="2">${p(r('党员议事会、居民恳谈会。'))}</w:footnote></w:footnotes>`;
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${part('/_rels/.rels', '<Relationships/>')}${part('/word/document.xml', document)}${part('/word/footnotes.xml', footnotes)}</pkg:package>`;
    expect(importReport(utf8(xml), 'report.xml').entries.map((entry) => [entry.term, entry.definition, entry.source])).toEqual([['两会一评', '党员议事会、居民恳谈会。', { footnote: 1 }]]);
  });

  it('says an .xml that is no Word document is unreadable, naming the kind', () => {
    expect(importReport(utf8('<?xml version="1.0"?><rss><channel/></rss>'), 'feed.xml')).toMatchObject({ entries: [], problems: [{ severity: 'error', message: BROKEN_WORD_XML }], unreadable: true });
    expect(() => documentText(utf8('<rss/>'), 'feed.xml')).toThrow(/feed\.xml: 无法读取 \.xml/u);
  });
});
