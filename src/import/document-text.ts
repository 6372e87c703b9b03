// The text of a document as `policy-glossary scan` reads it, so that match offsets point into it:
// .txt/.md decoded as is, an HTML page's text content (a web archive's page too), a .docx or .doc
// file's body paragraphs.
import { DocumentTextError, decodeText } from './decode';
import { docBodyText } from './doc';
import { docxBodyText } from './docx';
import { BROKEN_DOC, BROKEN_DOCX, isDocFile, isWebPageFile, TEXT_EXTENSIONS, unsupportedFileType } from './file-kinds';
import { htmlToText } from './html';
import { webPageSource } from './mhtml';

export { DocumentTextError, decodeText } from './decode';

/**
 * The text of `bytes`, read according to `fileName`'s extension: text unchanged once decoded
 * (UTF-8, UTF-16 or GB18030, see {@link decodeText}; a byte order mark dropped), HTML without scripts and styles with each block on its own line, .docx
 * paragraphs one per line. Throws DocumentTextError for another extension, a broken .docx, or
 * binary / undecodable bytes.
 */
export function documentText(bytes: Uint8Array, fileName: string): string {
  const name = fileName.toLowerCase();
  const extension = TEXT_EXTENSIONS.find((candidate) => name.endsWith(candidate));
  if (!extension) {
    // `scan`, its one user, reads a PDF before this (src/cli/pdf-reader.ts): named with the others.
    if (name.endsWith('.pdf')) throw new DocumentTextError(fileName, 'PDF 由 PDF 读取器读取 / a PDF is read by the PDF reader');
    throw new DocumentTextError(fileName, unsupportedFileType(name));
  }
  if (isDocFile(name)) {
    const text = docBodyText(bytes);
    if (text === undefined) throw new DocumentTextError(fileName, BROKEN_DOC);
    return text;
  }
  if (extension === '.docx') {
    const text = docxBodyText(bytes);
    if (text === undefined) throw new DocumentTextError(fileName, BROKEN_DOCX);
    return text;
  }
  if (isWebPageFile(name)) return htmlToText(webPageSource(bytes, fileName));
  return decodeText(bytes, fileName);
}
