// Web pages saved as one file (.mhtml, .mht) and as .shtml: read as the page they hold.
import { describe, expect, it } from 'vitest';
import { documentText, DocumentTextError } from '../../src/import/document-text';
import { BROKEN_WEB_ARCHIVE } from '../../src/import/file-kinds';
import { importReport, reportBodyText } from '../../src/import/import-report';
import { archivedPage, looksLikeMhtml, webPageSource } from '../../src/import/mhtml';

const PAGE =
  '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>2024年政府工作报告</title>' +
  '<link rel="stylesheet" href="https://www.example.gov.cn/site.css"></head><body>' +
  '<p>各位代表：今年我们推进“三清”行动，落实“两通”工程。</p><p>让我们携手奋斗！</p>' +
  '<p>名词解释</p><p>1.“三清”行动：清河道、清垃圾。</p><p>2.“两通”工程：通路、通车。</p></body></html>';

/** `text`'s UTF-8 bytes, quoted-printable, in lines of at most 76 characters (soft breaks `=`). */
function quotedPrintable(text: string): string {
  let encoded = '';
  for (const byte of new TextEncoder().encode(text)) {
    encoded += byte >= 0x80 || byte === 0x3d ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte);
  }
  const lines: string[] = [];
  let at = 0;
  while (at < encoded.length) {
    let end = Math.min(encoded.length, at + 75);
    // Never inside an =XX escape.
    const escape = encoded.lastIndexOf('=', end - 1);
    if (end < encoded.length && escape > end - 3) end = escape;
    lines.push(encoded.slice(at, end));
    at = end;
  }
  return lines.join('=\r\n');
}

/** A page saved as Chromium saves it (multipart/related, the page quoted-printable, a style sheet after it). */
function chromiumArchive(page = PAGE): Uint8Array {
  const boundary = '----MultipartBoundary--q9KmQ2x----';
  return new TextEncoder().encode(
    [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://www.example.gov.cn/zwgk/2024/report.shtml',
      'Subject: =?utf-8?Q?2024?=',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      `\tboundary="${boundary}"`,
      '',
      '',
      `--${boundary}`,
      'Content-Type: text/html',
      'Content-ID: <frame-1@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://www.example.gov.cn/zwgk/2024/report.shtml',
      '',
      quotedPrintable(page),
      `--${boundary}`,
      'Content-Type: text/css',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://www.example.gov.cn/site.css',
      '',
      'p { color: red; }',
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

const terms = (bytes: Uint8Array, name: string) => importReport(bytes, name).entries.map((entry) => [entry.term, entry.definition]);
const EXPECTED = [
  ['三清行动', '清河道、清垃圾。'],
  ['两通工程', '通路、通车。'],
];

describe('web archives (.mhtml, .mht)', () => {
  it('imports the 名词解释 of the page a Chromium archive holds', () => {
    expect(terms(chromiumArchive(), '2024年政府工作报告.mhtml')).toEqual(EXPECTED);
  });

  it('gives the page’s text to scan and missing, not the archive’s headers or style sheets', () => {
    const text = documentText(chromiumArchive(), 'report.mht');
    expect(text).toContain('各位代表：今年我们推进“三清”行动');
    expect(text).not.toMatch(/MultipartBoundary|color: red|Content-Location/u);
    expect(reportBodyText(chromiumArchive(), 'report.mhtml')).toBe(text);
  });

  it('reads a single-part archive in base64 with the charset its header declares', () => {
    // caf\xe9 is not UTF-8 and not GB18030: only the declared windows-1252 reads it.
    const body = btoa('<p>caf\xe9</p>');
    const bytes = new TextEncoder().encode(`MIME-Version: 1.0\r\nContent-Type: text/html; charset="windows-1252"\r\nContent-Transfer-Encoding: base64\r\n\r\n${body}\r\n`);
    expect(archivedPage(bytes)?.charset).toBe('windows-1252');
    expect(webPageSource(bytes, 'page.mht')).toBe('<p>café</p>');
  });

  it('reads an archive saved under an .html name as the page it holds', () => {
    expect(looksLikeMhtml(chromiumArchive())).toBe(true);
    expect(looksLikeMhtml(new TextEncoder().encode(PAGE))).toBe(false);
    expect(terms(chromiumArchive(), 'report.html')).toEqual(EXPECTED);
  });

  it('says so of an archive that holds no page, naming the file', () => {
    const bytes = new TextEncoder().encode('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n');
    expect(importReport(bytes, 'empty.mhtml').problems).toEqual([{ severity: 'error', message: BROKEN_WEB_ARCHIVE }]);
    expect(() => documentText(bytes, 'empty.mhtml')).toThrow(DocumentTextError);
    expect(() => documentText(bytes, 'empty.mhtml')).toThrow(/^empty\.mhtml: /u);
  });
});

describe('.shtml pages (as government sites serve them)', () => {
  it('reads a saved .shtml page as HTML', () => {
    expect(terms(new TextEncoder().encode(PAGE), 'content_2024.shtml')).toEqual(EXPECTED);
    expect(documentText(new TextEncoder().encode(PAGE), 'content_2024.shtml')).not.toContain('<p>');
  });
});
