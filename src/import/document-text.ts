// The text of a document as `policy-glossary scan` reads it, so that match offsets point into it:
// .txt/.md decoded as is, an HTML page's text content, a .docx file's body paragraphs.
import { docxBodyText } from './docx';
import { htmlToText } from './html';

/** File types `documentText` reads. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx'] as const;

/** A file `documentText` cannot read; the message names the file and the reason. */
export class DocumentTextError extends Error {
  override name = 'DocumentTextError';
}

/**
 * The text of `bytes`, read according to `fileName`'s extension: UTF-8 text unchanged (a byte
 * order mark dropped), HTML without scripts and styles with each block on its own line, .docx
 * paragraphs one per line. Throws DocumentTextError for another extension or a broken .docx.
 */
export function documentText(bytes: Uint8Array, fileName: string): string {
  const name = fileName.toLowerCase();
  const extension = DOCUMENT_EXTENSIONS.find((candidate) => name.endsWith(candidate));
  if (!extension) {
    throw new DocumentTextError(`${fileName}: 不支持的文件类型（支持 ${DOCUMENT_EXTENSIONS.join(' ')}）/ unsupported file type`);
  }
  if (extension === '.docx') {
    const text = docxBodyText(bytes);
    if (text === undefined) throw new DocumentTextError(`${fileName}: 无法读取 .docx（不是有效的 Word 文档）/ not a readable .docx file`);
    return text;
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return extension === '.html' || extension === '.htm' ? htmlToText(text) : text;
}
