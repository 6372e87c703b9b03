// The report files the commands read, PDFs among them: a PDF is opened by pdf-reader.ts (and
// pdf.js loads only for one; a PDF is known by its content, whatever its name), every other file
// goes to the importers as before.
import { isPdfFile } from '../import/file-kinds';
import { readingName } from '../import/file-sniff';
import { importReport, reportBodyText } from '../import/import-report';
import type { ImportOptions } from '../import/options';
import { importPdf, pdfFullText } from '../import/pdf-import';
import type { ImportResult } from '../import/types';

const reader = () => import('./pdf-reader');

/** A report file imported; a PDF's body text with it, read anyway, for what else needs the text (its place). */
export interface ReportFileImport {
  result: ImportResult;
  pdfBody?: string;
}

/** `importReport` for any report file, a PDF read first; one that cannot be read gives an error problem. */
export async function importReportFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ReportFileImport> {
  if (!isPdfFile(readingName(bytes, fileName))) return { result: importReport(bytes, fileName, options) };
  const { result, text } = await importPdf(await (await reader()).openPdf(bytes), fileName, options);
  return text === undefined ? { result } : { result, pdfBody: text.body };
}

/**
 * A report's body text (`reportBodyText`; a PDF's body without its footnotes). Undefined for a
 * file type no importer reads; throws DocumentTextError for bytes that cannot be read.
 */
export async function reportBodyTextOf(bytes: Uint8Array, fileName: string): Promise<string | undefined> {
  return isPdfFile(readingName(bytes, fileName)) ? (await (await reader()).readPdfText(bytes, fileName)).body : reportBodyText(bytes, fileName);
}

/** A PDF's whole text as `scan` reads it: the body, then the footnotes. Throws DocumentTextError. */
export async function pdfDocumentText(bytes: Uint8Array, fileName: string): Promise<string> {
  return pdfFullText(await (await reader()).readPdfText(bytes, fileName));
}
