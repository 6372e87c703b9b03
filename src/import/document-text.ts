// The text of a document as `policy-glossary scan` reads it, so that match offsets point into it:
// .txt/.md decoded as is, an HTML page's text content, a .docx file's body paragraphs.
import { DocumentTextError, decodeText } from './decode';
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
    throw new DocumentTextError(fileName, `不支持的文件类型（支持 ${DOCUMENT_EXTENSIONS.join(' ')}）/ unsupported file type`);
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
