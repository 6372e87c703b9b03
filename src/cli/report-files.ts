// The report files the commands read, PDFs among them: a PDF's text comes from pdf-reader.ts (and
// pdf.js loads only for one), every other file goes to the importers as before.
import { DocumentTextError } from '../import/decode';
import { IMPORT_EXTENSIONS, importReport, reportBodyText } from '../import/import-report';
import type { ImportOptions } from '../import/options';
import { importPdfText, pdfFullText } from '../import/pdf-import';
import type { ImportResult } from '../import/types';

/** File name endings the commands read: the importers' and .pdf. */
export const REPORT_EXTENSIONS = [...IMPORT_EXTENSIONS, '.pdf'] as const;

/** Whether `fileName` names a PDF. */
export const isPdfFile = (fileName: string): boolean => fileName.toLowerCase().endsWith('.pdf');

const readPdf = async (bytes: Uint8Array, fileName: string) => (await import('./pdf-reader')).readPdfText(bytes, fileName);

/** A report file imported; a PDF's body text with it, read anyway, for what else needs the text (its place). */
export interface ReportFileImport {
  result: ImportResult;
  pdfBody?: string;
}

/** `importReport` for any report file; a PDF that cannot be read gives an error problem, as a broken .docx does. */
export async function importReportFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ReportFileImport> {
  if (!isPdfFile(fileName)) return { result: importReport(bytes, fileName, options) };
  try {
    const pdf = await readPdf(bytes, fileName);
    return { result: importPdfText(pdf, options), pdfBody: pdf.body };
  } catch (error) {
    if (!(error instanceof DocumentTextError)) throw error;
    return { result: { source: {}, entries: [], problems: [{ severity: 'error', message: error.reason }] } };
  }
}

/**
 * A report's body text (`reportBodyText`; a PDF's body without its footnotes). Undefined for a
 * file type no importer reads; throws DocumentTextError for bytes that cannot be read.
 */
export async function reportBodyTextOf(bytes: Uint8Array, fileName: string): Promise<string | undefined> {
  return isPdfFile(fileName) ? (await readPdf(bytes, fileName)).body : reportBodyText(bytes, fileName);
}

/** A PDF's whole text as `scan` reads it: the body, then the footnotes. Throws DocumentTextError. */
export async function pdfDocumentText(bytes: Uint8Array, fileName: string): Promise<string> {
  return pdfFullText(await readPdf(bytes, fileName));
}
