// The text of a document as `policy-glossary scan` reads it, so that match offsets point into it:
// .txt/.md decoded as is, an HTML page's text content, a .docx file's body paragraphs.
import { DocumentTextError, OLD_WORD_FILE, SAVE_AS_DOCX, decodeText } from './decode';
import { docxBodyText } from './docx';
import { htmlToText } from './html';

export { DocumentTextError, decodeText } from './decode';

/** File types `documentText` reads. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx'] as const;

/**
 * The text of `bytes`, read according to `fileName`'s extension: text unchanged once decoded
 * (UTF-8, UTF-16 or GB18030, see {@link decodeText}; a byte order mark dropped), HTML without scripts and styles with each block on its own line, .docx
 * paragraphs one per line. Throws DocumentTextError for another extension, a broken .docx, or
 * binary / undecodable bytes.
 */
export function documentText(bytes: Uint8Array, fileName: string): string {
  const name = fileName.toLowerCase();
  const extension = DOCUMENT_EXTENSIONS.find((candidate) => name.endsWith(candidate));
  if (!extension) {
    // `scan`, its one user, reads a PDF before this (src/cli/pdf-reader.ts): named with the others.
    if (name.endsWith('.pdf')) throw new DocumentTextError(fileName, 'PDF 由 PDF 读取器读取 / a PDF is read by the PDF reader');
    const binary = OLD_WORD_FILE.test(name) ? `；${SAVE_AS_DOCX}` : '';
    throw new DocumentTextError(fileName, `不支持的文件类型（支持 ${[...DOCUMENT_EXTENSIONS, '.pdf'].join(' ')}${binary}）/ unsupported file type`);
  }
  if (extension === '.docx') {
    const text = docxBodyText(bytes);
    if (text === undefined) throw new DocumentTextError(fileName, '无法读取 .docx（不是有效的 Word 文档）/ not a readable .docx file');
    return text;
  }
  const html = extension === '.html' || extension === '.htm';
  const text = decodeText(bytes, fileName, { html });
  return html ? htmlToText(text) : text;
}
