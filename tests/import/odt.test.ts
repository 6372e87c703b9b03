// The OpenDocument text reader on files put together here (content.xml written by hand, in the
// shapes LibreOffice writes): notes anchored in the text, tables, spaces and tabs, tracked changes
// and comments, and an .odt under another name.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/import/document-text';
import { BROKEN_ODT } from '../../src/import/file-kinds';
import { contentExtension } from '../../src/import/file-sniff';
import { importReport } from '../../src/import/import-report';
import { readOdtContent } from '../../src/import/odt';

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"';
const content = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:automatic-styles/><office:body><office:text>` +
  `<text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>${body}</office:text></office:body></office:document-content>`;
/** An .odt as LibreOffice stores one: `mimetype` first and uncompressed, then content.xml. */
const odt = (body: string): Uint8Array =>
  zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8(content(body)), 'styles.xml': strToU8('<x/>') });

const note = (kind: 'footnote' | 'endnote', citation: string, text: string): string =>
  `<text:note text:id="${kind}${citation}" text:note-class="${kind}"><text:note-citation>${citation}</text:note-citation><text:note-body><text:p text:style-name="Footnote">${text}</text:p></text:note-body></text:note>`;

describe('readOdtContent', () => {
  it('marks notes where they are anchored, footnotes numbered first and endnotes after them', () => {
    const body = `<text:h text:outline-level="1">清溪镇政府工作报告</text:h><text:p>落实“三会一评”${note('endnote', 'i', '尾注')}，和“两会”${note('footnote', '1', '脚注')}。</text:p>`;
    expect(readOdtContent(content(body))).toEqual({ body: '清溪镇政府工作报告\n落实“三会一评”[footnoteRef:2]，和“两会”[footnoteRef:1]。\n', footnotes: ['脚注', '尾注'] });
  });

  it('reads text:s, text:tab and text:line-break, collapses the file\'s own white space, and leaves out deleted text and comments', () => {
    const body =
      '\n  <text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>删去的字</text:p></text:deletion></text:changed-region></text:tracked-changes>\n' +
      '  <text:p>\n    甲<text:s text:c="3"/>乙<text:tab/>丙<text:line-break/>丁\n  </text:p>\n' +
      '  <text:p>正文<office:annotation><dc:creator>某人</dc:creator><text:p>批注</text:p></office:annotation>继续</text:p>\n';
    expect(readOdtContent(content(body)).body).toBe('甲   乙\t丙\n丁\n正文继续\n');
  });

  it('reads a table row as one line, its cells apart by tabs and a cell\'s paragraphs joined', () => {
    const cell = (...paragraphs: string[]): string => `<table:table-cell>${paragraphs.map((p) => `<text:p>${p}</text:p>`).join('')}</table:table-cell>`;
    const body = `<table:table><table:table-row>${cell('三会')}${cell('党员', '议事')}</table:table-row><table:table-row>${cell('A')}${cell('one', 'two')}</table:table-row></table:table><text:p>完</text:p>`;
    expect(readOdtContent(content(body)).body).toBe('三会\t党员议事\nA\tone two\n完\n');
  });
});

describe('importReport on .odt', () => {
  it('imports footnotes, the term taken from the quoted words before the mark', () => {
    const body = `<text:p>落实“两会一评”${note('footnote', '1', '党员议事会、居民恳谈会、群众满意度测评制度。')}制度。</text:p>`;
    expect(importReport(odt(body), '报告.odt').entries.map((entry) => [entry.term, entry.definition, entry.source])).toEqual([
      ['两会一评', '党员议事会、居民恳谈会、群众满意度测评制度。', { footnote: 1 }],
    ]);
  });

  it('imports a 名词解释 appendix when there are no notes, and reads the body for scan', () => {
    const body = '<text:p>做好“四送”工作。</text:p><text:p>名词解释</text:p><text:list><text:list-item><text:p>四送：送政策、送技术。</text:p></text:list-item></text:list>';
    const result = importReport(odt(body), 'report.odt');
    expect(result.entries.map((entry) => [entry.term, entry.definition])).toEqual([['四送', '送政策、送技术。']]);
    expect(documentText(odt(body), 'report.odt')).toBe('做好“四送”工作。\n名词解释\n四送：送政策、送技术。\n');
  });

  it('reads an .odt saved under another name as what it is', () => {
    const bytes = odt('<text:p>名词解释</text:p><text:p>1.四送：送政策、送技术。</text:p>');
    expect(contentExtension(bytes)).toBe('.odt');
    expect(importReport(bytes, '报告.doc').entries.map((entry) => entry.term)).toEqual(['四送']);
  });

  it('says an .odt that does not open is unreadable, naming the kind', () => {
    expect(importReport(strToU8('四联共治'), 'report.odt')).toMatchObject({ entries: [], problems: [{ severity: 'error', message: BROKEN_ODT }], unreadable: true });
    expect(() => documentText(strToU8('四联共治'), 'report.odt')).toThrow(/report\.odt: 无法读取 \.odt/u);
  });
});
