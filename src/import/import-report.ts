// One entry point for every report format: picks the importer by file name and content.
import { DocumentTextError, decodeText } from './decode';
import { readingName } from './file-sniff';
import { hasFootnoteMarkers, importFootnoteText } from './footnote-text';
import { TEXT_EXTENSIONS, isDocFile, isDocumentFile, isPdfFile, isWebPageFile, unsupportedFileType } from './file-kinds';
import { documentBodyText } from './document-text';
import { webPageSource } from './mhtml';
import { htmlToText, importHtml } from './html';
import type { ImportOptions } from './options';
import { importAppendixOrFootnotes } from './plain-footnotes';
import { documentReader } from './document-files';
import type { ImportResult } from './types';

/**
 * Imports a report given as bytes (or already decoded text) and its file name (bytes whose content
 * shows another kind than the name are read as that kind, file-sniff.ts): .docx, .doc, .wps, .rtf,
 * .odt, Word's .xml → Word footnotes or appendix; .ofd → laid out as a PDF is, its appendix or the
 * footnotes at its pages' feet; .html/.htm → `<sup>` footnotes or appendix; text/markdown →
 * `[footnoteRef:N]` footnotes when present, else the 名词解释 appendix, else footnotes marked in
 * plain text (① … and the notes closing the text, plain-footnotes.ts).
 */
export function importReport(input: Uint8Array | string, fileName: string, options: ImportOptions = {}): ImportResult {
  const name = (typeof input === 'string' ? fileName : readingName(input, fileName)).toLowerCase();
  if (isDocumentFile(name)) {
    if (typeof input === 'string') {
      const message = isDocFile(name)
        ? '.doc/.wps 需要以字节读取 / a .doc or .wps must be read as bytes'
        : `${/\.[^.]+$/u.exec(name)?.[0] ?? ''} 需要以字节读取 / a document file must be read as bytes`;
      return { source: {}, entries: [], problems: [{ severity: 'error', message }] };
    }
    return documentReader(name).importReport(input, options);
  }
  if (!TEXT_EXTENSIONS.some((extension) => name.endsWith(extension))) {
    // The files the tools read (their callers read a PDF before this).
    const message = isPdfFile(name) ? 'PDF 由 PDF 读取器导入（importReportFile，policy-glossary import）/ a PDF is read by the PDF reader' : unsupportedFileType();
    return { source: {}, entries: [], problems: [{ severity: 'error', message }] };
  }
  const html = isWebPageFile(name);
  let text: string;
  try {
    text = typeof input === 'string' ? input : html ? webPageSource(input, fileName) : decodeText(input, fileName);
  } catch (error) {
    if (!(error instanceof DocumentTextError)) throw error;
    return { source: {}, entries: [], problems: [{ severity: 'error', message: error.reason }], unreadable: true };
  }
  if (html) return importHtml(text, options);
  if (hasFootnoteMarkers(text)) return importFootnoteText(text, options);
  return importAppendixOrFootnotes(text, options);
}

/**
 * The body text of a report for scanning (`missing`): a Word file's paragraphs, an HTML page's text, or the
 * decoded text with `[footnoteRef:N]` marks and `[N: …]` notes taken out. Undefined for a file
 * type the importer does not read or a broken .docx; throws DocumentTextError (naming the file)
 * for binary or undecodable bytes.
 */
export function reportBodyText(input: Uint8Array, fileName: string): string | undefined {
  const name = readingName(input, fileName).toLowerCase();
  if (isDocumentFile(name)) return documentBodyText(input, name, fileName);
  if (!TEXT_EXTENSIONS.some((extension) => name.endsWith(extension))) return undefined;
  if (isWebPageFile(name)) return htmlToText(webPageSource(input, fileName));
  const text = decodeText(input, fileName);
  return hasFootnoteMarkers(text) ? text.replace(/\[\d+:[\s\S]*?\]/gu, '').replace(/\[footnoteRef:\s*\d+\]/gu, '') : text;
}
