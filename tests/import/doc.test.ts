// Word 97–2003 reports (.doc): the fixtures are .docx files of our own text saved as .doc by
// LibreOffice (scripts/make-doc-fixtures.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCompoundFile, pieceText, readDoc } from '../../src/import/doc';
import { BROKEN_DOC } from '../../src/import/file-kinds';
import { documentText, DocumentTextError } from '../../src/import/document-text';
import { importReport, reportBodyText } from '../../src/import/import-report';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/import/doc/${name}`, import.meta.url)));
const pairs = (bytes: Uint8Array) => importReport(bytes, 'report.doc').entries.map((entry) => [entry.term, entry.definition]);

describe('.doc reports', () => {
  it('imports Word footnotes, numbered as Word shows them', () => {
    const bytes = fixture('footnotes-report.doc');
    expect(isCompoundFile(bytes)).toBe(true);
    expect(pairs(bytes)).toEqual([
      ['四送服务', '送政策、送技术、送资金、送服务。'],
      ['两会一评', '党员议事会、居民恳谈会、群众满意度测评制度。'],
    ]);
    expect(readDoc(bytes).body).toContain('“四送”服务[footnoteRef:1]，把政策');
  });

  it('imports Word endnotes (尾注) besides a footnote, each mark taken to its own note', () => {
    // The body's marks: an endnote, the footnote, an endnote; told apart by the file's lists of
    // footnote and endnote references (before, the footnote went to the first mark).
    const bytes = fixture('endnotes-report.doc');
    expect(pairs(bytes)).toEqual([
      ['清溪驿站', '指在每个村设立的便民服务点。'],
      ['四送服务', '送政策、送技术、送资金、送服务。'],
      ['两会一评', '党员议事会、居民恳谈会、群众满意度测评制度。'],
    ]);
    expect(readDoc(bytes).body).toContain('“四送”服务[footnoteRef:2]，建好清溪驿站[footnoteRef:1]，');
    expect(documentText(bytes, 'report.doc')).not.toMatch(/footnoteRef|党员议事会/u);
  });

  it('gives the body’s text to scan and missing: a link as the words it shows, no footnote marks or notes', () => {
    const text = documentText(fixture('footnotes-report.doc'), 'report.doc');
    expect(text).toContain('重大事项先议后办。详见清溪镇政府网站。');
    expect(text).not.toMatch(/HYPERLINK|example\.gov\.cn|footnoteRef|党员议事会/u);
    expect(reportBodyText(fixture('footnotes-report.doc'), 'report.doc')).toBe(text);
  });

  it('imports a 名词解释 appendix, its entries in a table read as rows of cells', () => {
    const bytes = fixture('appendix-report.doc');
    expect(pairs(bytes)).toEqual([
      ['三清行动', '清河道、清垃圾、清违建。'],
      ['两通工程', '通路、通车。'],
      ['清溪驿站', '指在每个村设立的便民服务点。'],
      ['一窗服务', '一窗受理、集成服务。'],
    ]);
    const text = documentText(bytes, 'report.doc');
    expect(text).toContain('序号\t名词\t解释\n3\t清溪驿站\t指在每个村设立的便民服务点。\n');
    // Longer than the compound file's mini stream holds (4,096 bytes): read from its own sectors.
    expect(text.length * 2).toBeGreaterThan(4096);
  });

  it('reads a WPS 文字 .wps as the Word binary format it is built on (the .doc under a .wps name)', () => {
    expect(importReport(fixture('footnotes-report.doc'), '报告.wps').entries.map((entry) => entry.term)).toEqual(['四送服务', '两会一评']);
  });

  it('reads a piece stored one byte a character (Windows-1252, as Word stores Western runs) and one in UTF-16', () => {
    // LibreOffice writes UTF-16 only; Word writes runs of Western text compressed.
    const word = new Uint8Array([0x00, 0x00, 0x50, 0x4d, 0x32, 0x2e, 0x35, 0x93, 0x80, 0x94, 0x00, 0x00, 0x6d, 0x51, 0x33, 0x7a]);
    expect(pieceText(word, 0x40000000 | (2 * 2), 8)).toBe('PM2.5“€”');
    expect(pieceText(word, 12, 2)).toBe('六稳');
  });

  it('says a .doc cut short or not a Word document is unreadable, naming the file, and never throws', () => {
    for (const bytes of [fixture('appendix-report.doc').subarray(0, 3000), new TextEncoder().encode('六稳'.repeat(400)), new Uint8Array(0)]) {
      expect(importReport(bytes, 'broken.doc')).toMatchObject({ entries: [], problems: [{ severity: 'error', message: BROKEN_DOC }], unreadable: true });
      expect(() => documentText(bytes, 'broken.doc')).toThrow(DocumentTextError);
      expect(() => documentText(bytes, 'broken.doc')).toThrow(/^broken\.doc: 无法读取（/u);
    }
  });
});
