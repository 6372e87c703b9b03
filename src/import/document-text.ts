// The text of a document as `policy-glossary scan` reads it, so that match offsets point into it:
// .txt/.md decoded as is, an HTML page's text content (a web archive's page too), a Word file's
// (.docx, .doc, .wps, .rtf, .odt, Word's .xml) body paragraphs, an OFD's body laid out as a PDF's;
// a file whose content shows another kind than its name read as that kind (file-sniff.ts).
import { DocumentTextError, decodeText } from './decode';
import { brokenDocumentFile, isDocumentFile, isWebPageFile, TEXT_EXTENSIONS, unsupportedFileType } from './file-kinds';
import { readingName } from './file-sniff';
import { htmlToText } from './html';
import { webPageSource } from './mhtml';
import { documentReader } from './document-files';

export { DocumentTextError, decodeText } from './decode';

/**
 * The body text of a document file (isDocumentFile: .docx, .doc, .wps, .rtf, .odt, .xml, .ofd) without
 * footnote marks, read as `name` (its reading name); undefined when it does not open, or
 * DocumentTextError naming `fileName` when its reader can say why.
 */
export const documentBodyText = (bytes: Uint8Array, name: string, fileName = name): string | undefined => documentReader(name).bodyText(bytes, fileName);

/**
 * The text of `bytes`, read according to `fileName`'s extension (or the kind its content shows):
 * text unchanged once decoded (UTF-8, UTF-16 or GB18030, see {@link decodeText}; a byte order mark
 * dropped), HTML without scripts and styles with each block on its own line, a Word file's
 * paragraphs one per line. Throws DocumentTextError for another extension, a broken Word file, or
 * binary / undecodable bytes.
 */
export function documentText(bytes: Uint8Array, fileName: string): string {
  const name = readingName(bytes, fileName).toLowerCase();
  if (!TEXT_EXTENSIONS.some((extension) => name.endsWith(extension))) {
    // `scan`, its one user, reads a PDF before this (src/cli/pdf-reader.ts): named with the others.
    if (name.endsWith('.pdf')) throw new DocumentTextError(fileName, 'PDF 由 PDF 读取器读取 / a PDF is read by the PDF reader');
    throw new DocumentTextError(fileName, unsupportedFileType());
  }
  if (isDocumentFile(name)) {
    const text = documentBodyText(bytes, name, fileName);
    if (text === undefined) throw new DocumentTextError(fileName, brokenDocumentFile(name));
    return text;
  }
  if (isWebPageFile(name)) return htmlToText(webPageSource(bytes, fileName));
  return decodeText(bytes, fileName);
}
