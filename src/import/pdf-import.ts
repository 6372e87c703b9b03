// Imports a report read from a PDF (pdf-layout.ts): its 名词解释 appendix, or where it has none its
// footnotes (the notes gathered from the pages' feet after the body). A problem is placed by the
// page it is on, which is what a reader of the PDF can find; the laid-out text's lines are not.
import { importAppendixText } from './appendix';
import { DocumentTextError } from './decode';
import type { ImportOptions } from './options';
import { readPdfDocument, type PdfOpening } from './pdf-document';
import type { PdfText } from './pdf-layout';
import { importAppendixOrFootnotes } from './plain-footnotes';
import type { ImportProblem, ImportResult } from './types';

/** The whole text of a PDF as a reader meets it: the body, then the footnotes. */
export const pdfFullText = (pdf: PdfText): string => (pdf.notes.length === 0 ? pdf.body : `${pdf.body}\n${pdf.notes.join('\n')}`);

/** The page a line of `pdfFullText(pdf)` is on. */
const pageOfLine = (pdf: PdfText, line: number): number | undefined => [...pdf.bodyPages, ...pdf.notePages][line - 1];

/** Entries of a report read from a PDF. */
export function importPdfText(pdf: PdfText, options: ImportOptions = {}): ImportResult {
  // The notes join the text only for a report without an appendix: after one, the appendix reader
  // would take them for more of its last entry.
  const withNotes = pdf.notes.length > 0 && importAppendixText(pdf.body, options).entries.length === 0;
  const result = importAppendixOrFootnotes(withNotes ? pdfFullText(pdf) : pdf.body, options);
  const problems = result.problems.map((problem): ImportProblem => {
    if (problem.line === undefined) return problem;
    const page = pageOfLine(pdf, problem.line);
    const { line: _line, ...rest } = problem;
    return page === undefined ? rest : { ...rest, message: `第 ${page} 页 / page ${page}: ${problem.message}` };
  });
  return { ...result, problems };
}

/**
 * Entries of the PDF pdf.js is opening (`opening`), and its text when it could be read; a PDF that
 * cannot be read (damaged, protected, scanned) gives an error problem, as a broken .docx does.
 */
export async function importPdf(opening: PdfOpening, fileName: string, options: ImportOptions = {}): Promise<{ result: ImportResult; text?: PdfText }> {
  try {
    const text = await readPdfDocument(opening, fileName);
    return { result: importPdfText(text, options), text };
  } catch (error) {
    if (!(error instanceof DocumentTextError)) throw error;
    return { result: { source: {}, entries: [], problems: [{ severity: 'error', message: error.reason }], unreadable: true } };
  }
}
