// A PDF's own notes in the viewer: a report with its 名词解释 appendix or its footnotes explains its
// terms in its own words, as a web page that republishes one does (src/extension/page-notes.ts).
// The viewer reads the notes with the report importer (the same as `policy-glossary import` on a
// PDF: the pages' text runs laid out, pdf-layout.ts) and the background keeps them as the pack of
// the viewer's page, so the viewer shows them first and the same government's pages get them.
import type { PDFDocumentProxy } from './pdfjs';
import type { PdfNotesRequest } from '../extension/page-notes';
import { PAGE_NOTES_HINT } from '../extension/page-notes-content';
import { REPORT_HEAD_CHARS } from '../import/report-place';
import type { PageClues } from '../ui/page-clues';

/**
 * The notes of `doc` as the background's request, or undefined when it has none: `texts` (each
 * page's text, as the viewer read them) must show the words or marks of notes first, and its
 * appendix needs a heading (a PDF is not known to be a report). The pages are laid out one at a
 * time with `pause` between them (about 1 ms a page), then joined, then imported: a 200-page
 * report holds the thread some tens of milliseconds in each of those two steps, not in one task.
 */
export async function readPdfNotes(doc: PDFDocumentProxy, texts: readonly string[], clues: PageClues, shown: string, pause: () => Promise<void>): Promise<PdfNotesRequest | undefined> {
  if (!texts.some((text) => PAGE_NOTES_HINT.test(text))) return undefined;
  const [{ layoutPageLines, pageLines, runsOfTextItems }, { importPdfText }] = await Promise.all([import('../import/pdf-layout'), import('../import/pdf-import')]);
  const lines = [];
  let withText = 0;
  for (let n = 1; n <= doc.numPages; n += 1) {
    const runs = runsOfTextItems((await (await doc.getPage(n)).getTextContent()).items);
    if (runs.some((run) => run.text.trim().length > 0)) withText += 1;
    lines.push(pageLines(runs));
    await pause();
  }
  const text = layoutPageLines(lines, withText);
  await pause();
  const result = importPdfText(text, { headedOnly: true });
  if (result.entries.length === 0) return undefined;
  return { type: 'pg:pdf-notes', source: result.source, entries: result.entries, head: text.body.slice(0, REPORT_HEAD_CHARS), clues, shown };
}
