// Files whose name says one kind and whose content is another, as government sites serve them:
// Word's web page, a web archive or RTF under .doc, a .docx renamed .doc and the reverse, a PDF
// behind a .doc link. Each is read as what it is; a name the content does not contradict is kept.
import { readFileSync } from 'node:fs';
import { Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/import/document-text';
import { contentExtension, readingName } from '../../src/import/file-sniff';
import { importReport, reportBodyText } from '../../src/import/import-report';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const utf16le = (text: string): Uint8Array => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return bytes;
};

/** A report page as Word's "save as web page" writes one (its namespaces, a meta charset). */
const WORD_PAGE = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><title>清溪镇政府工作报告</title></head>
<body lang=ZH-CN><div class=WordSection1><p class=MsoNormal>落实“两会一评”制度。</p>
<p class=MsoNormal>名词解释</p><p class=MsoNormal>1.两会一评：党员议事会、居民恳谈会、群众满意度测评制度。</p></div></body></html>`;

const ARCHIVE = [
  'From: <Saved by Blink>',
  'Subject: =?utf-8?Q?report?=',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related; type="text/html"; boundary="----b"',
  '',
  '------b',
  'Content-Type: text/html; charset="utf-8"',
  'Content-Transfer-Encoding: 8bit',
  '',
  WORD_PAGE,
  '------b--',
  '',
].join('\r\n');

const RTF = '{\\rtf1\\ansi\\ansicpg936 \\pard \\u33853?\\u23454?\\ldblquote \\u20004?\\u20250?\\u19968?\\u35780?\\rdblquote \\u12290?\\par ' +
  '\\u21517?\\u35789?\\u35299?\\u37322?\\par 1.\\u20004?\\u20250?\\u19968?\\u35780?\\u65306?\\u20826?\\u21592?\\u35758?\\u20107?\\u20250?\\u12290?\\par}';

const COMPOUND = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const docFixture = (): Uint8Array => new Uint8Array(readFileSync(new URL('../fixtures/import/doc/footnotes-report.doc', import.meta.url)));
const pdfFixture = (): Uint8Array => new Uint8Array(readFileSync(new URL('../fixtures/import/pdf/appendix-report.pdf', import.meta.url)));

async function docxReport(): Promise<Uint8Array> {
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph('党员议事会、居民恳谈会、群众满意度测评制度。')] } },
    sections: [{ children: [new Paragraph({ children: [new TextRun('落实“两会一评”'), new FootnoteReferenceRun(1), new TextRun('制度。')] })] }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const termsOf = (bytes: Uint8Array, name: string): string[][] => importReport(bytes, name).entries.map((entry) => [entry.term, entry.definition ?? '']);
const TWO_MEETINGS = [['两会一评', '党员议事会、居民恳谈会、群众满意度测评制度。']];

describe('contentExtension', () => {
  it.each([
    ['Word web page', utf8(WORD_PAGE), '.html'],
    ['HTML with a doctype, after a byte order mark and spaces', utf8('\ufeff  <!DOCTYPE html><p>六稳</p>'), '.html'],
    ['XHTML with an XML declaration', utf8('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>六稳</body></html>'), '.html'],
    ['UTF-16 HTML', utf16le('<html><body>六稳</body></html>'), '.html'],
    ['a web archive', utf8(ARCHIVE), '.mhtml'],
    ['RTF', utf8(RTF), '.rtf'],
    ['an OLE compound file', COMPOUND, '.doc'],
    ['a PDF', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), '.pdf'],
    ['a zip of another kind (a spreadsheet)', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), undefined],
    ['plain text', utf8('做好“六稳”工作。'), undefined],
    ['text that mentions <html> later', utf8('网页源码以 <html> 开头。'), undefined],
  ])('%s', (_, bytes, expected) => {
    expect(contentExtension(bytes)).toBe(expected);
  });

  it('a .docx by its part names', async () => {
    expect(contentExtension(await docxReport())).toBe('.docx');
  });
});

describe('readingName', () => {
  it.each([
    ['报告.doc', utf8(WORD_PAGE), '报告.doc.html'],
    ['报告.DOC', utf8(ARCHIVE), '报告.DOC.mhtml'],
    ['报告.doc', utf8(RTF), '报告.doc.rtf'],
    ['报告.docx', COMPOUND, '报告.docx.doc'],
    ['报告.doc', utf8('%PDF-1.4\n'), '报告.doc.pdf'],
    ['报告.txt', utf8(WORD_PAGE), '报告.txt.html'],
    // Names the content does not contradict.
    ['报告.doc', COMPOUND, '报告.doc'],
    ['报告.wps', COMPOUND, '报告.wps'],
    ['报告.htm', utf8(WORD_PAGE), '报告.htm'],
    ['报告.html', utf8(ARCHIVE), '报告.html'],
    ['报告.mht', utf8(ARCHIVE), '报告.mht'],
    ['报告.doc', utf8('做好“六稳”工作。'), '报告.doc'],
    ['报告', utf8('做好“六稳”工作。'), '报告'],
  ])('%s', (name, bytes, expected) => {
    expect(readingName(bytes, name)).toBe(expected);
  });
});

describe('a report read as what it is, whatever its name', () => {
  it('a Word web page saved as .doc', () => {
    expect(termsOf(utf8(WORD_PAGE), '报告.doc')).toEqual(TWO_MEETINGS);
    expect(documentText(utf8(WORD_PAGE), '报告.doc')).toContain('落实“两会一评”制度。');
    expect(reportBodyText(utf8(WORD_PAGE), '报告.doc')).not.toContain('<p');
  });

  it('a web archive saved as .doc', () => {
    expect(termsOf(utf8(ARCHIVE), '报告.doc')).toEqual(TWO_MEETINGS);
  });

  it('an RTF file saved as .doc', () => {
    expect(termsOf(utf8(RTF), '报告.doc')).toEqual([['两会一评', '党员议事会。']]);
    expect(documentText(utf8(RTF), '报告.doc')).toBe('落实“两会一评”。\n名词解释\n1.两会一评：党员议事会。\n');
  });

  it('a .docx renamed .doc, and a .doc renamed .docx', async () => {
    expect(termsOf(await docxReport(), '报告.doc')).toEqual(TWO_MEETINGS);
    expect(importReport(docFixture(), '报告.docx').entries.map((entry) => entry.term)).toEqual(importReport(docFixture(), '报告.doc').entries.map((entry) => entry.term));
    expect(importReport(docFixture(), '报告.docx').entries.length).toBeGreaterThan(0);
  });

  it('a PDF named .doc goes to the PDF reader (policy-glossary import reads it there)', () => {
    expect(importReport(pdfFixture(), '报告.doc').problems).toEqual([{ severity: 'error', message: expect.stringContaining('PDF 由 PDF 读取器导入') }]);
  });

  it('a file that is none of them keeps its name\'s reader and its message', () => {
    expect(importReport(utf8('做好“六稳”工作。'), '报告.doc').problems[0]?.message).toContain('无法读取（不是有效的 Word 97–2003');
  });
});
