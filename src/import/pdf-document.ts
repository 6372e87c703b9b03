// The text of a PDF that pdf.js is opening, whichever pdf.js opens it (the CLI's in Node, the
// extension's in its pages): every page's text runs, laid out by pdf-layout.ts, or a clear error.
import { DocumentTextError } from './decode';
import { layoutPdfText, runsOfTextItems, type PdfText, type PdfTextRun } from './pdf-layout';

/** The part of a pdf.js document this reads. */
interface PdfDocumentLike {
  numPages: number;
  getPage(number: number): Promise<{ getTextContent(): Promise<{ items: object[] }>; cleanup(): unknown }>;
  destroy(): Promise<void>;
}

/** pdf.js's loading task (the part of it this reads). */
export interface PdfOpening {
  promise: Promise<PdfDocumentLike>;
}

/**
 * The text of the document `opening` (pdf.js's loading task) resolves to. Throws DocumentTextError
 * naming `fileName` for a password-protected PDF, bytes pdf.js cannot read, and a scanned PDF
 * (no page with a text layer).
 */
export async function readPdfDocument(opening: PdfOpening, fileName: string): Promise<PdfText> {
  let document: PdfDocumentLike;
  try {
    document = await opening.promise;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === 'PasswordException') throw new DocumentTextError(fileName, 'PDF 有密码保护，无法读取 / the PDF is password-protected');
    throw new DocumentTextError(fileName, `不是可读取的 PDF 文件（可能已损坏）/ not a readable PDF (damaged?): ${(error as Error).message}`);
  }
  try {
    const pages: PdfTextRun[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      pages.push(runsOfTextItems((await page.getTextContent()).items));
      page.cleanup();
    }
    const text = layoutPdfText(pages);
    if (text.pagesWithText === 0) {
      throw new DocumentTextError(fileName, `扫描版 PDF：${text.pages} 页都没有文字层，无法读取（请先做文字识别 OCR）/ a scanned PDF: none of its ${text.pages} pages has a text layer (run OCR on it first)`);
    }
    return text;
  } finally {
    await document.destroy();
  }
}
