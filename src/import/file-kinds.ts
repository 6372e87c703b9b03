// The kinds of file the tools read, and what they say about any other: one list and one message
// for `import`, `scan`, `missing`, `collect` and the extension's import.

/** Web pages: saved as they were served (.shtml, common on government sites), or as one file (web archives). */
export const HTML_EXTENSIONS = ['.html', '.htm', '.shtml', '.xhtml'] as const;
export const WEB_ARCHIVE_EXTENSIONS = ['.mhtml', '.mht'] as const;
/** Files read as text (decoded; HTML, web archives, .docx, .doc, .wps, .rtf, .odt, Word's .xml and OFD taken apart). */
export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown', ...HTML_EXTENSIONS, ...WEB_ARCHIVE_EXTENSIONS, '.docx', '.doc', '.wps', '.rtf', '.odt', '.xml', '.ofd'] as const;

/** Whether the file is a web page: HTML or a web archive holding one (mhtml.ts). */
export const isWebPageFile = (fileName: string): boolean => {
  const name = fileName.toLowerCase();
  return [...HTML_EXTENSIONS, ...WEB_ARCHIVE_EXTENSIONS].some((extension) => name.endsWith(extension));
};
export const isWebArchiveFile = (fileName: string): boolean => WEB_ARCHIVE_EXTENSIONS.some((extension) => fileName.toLowerCase().endsWith(extension));
/** What is said of a web archive that holds no page. */
export const BROKEN_WEB_ARCHIVE = '无法读取网页存档（其中没有 HTML 网页）/ not a web archive holding an HTML page';
/** Report files the tools read: the text kinds, and PDF through the PDF reader. */
export const REPORT_EXTENSIONS = [...TEXT_EXTENSIONS, '.pdf'] as const;

export const isPdfFile = (fileName: string): boolean => fileName.toLowerCase().endsWith('.pdf');

/**
 * Whether the file is in Word's 97–2003 binary format (doc.ts): a .doc, or a WPS 文字 .wps, which
 * Kingsoft builds on that format (an old Microsoft Works .wps is not, and is said to be unreadable).
 */
export const isDocFile = (fileName: string): boolean => /\.(?:doc|wps)$/iu.test(fileName);
/** Whether the file is an RTF document (rtf.ts), as Word and WPS 文字 save one. */
export const isRtfFile = (fileName: string): boolean => /\.rtf$/iu.test(fileName);
/** Whether the file is an OpenDocument text (odt.ts), as LibreOffice and WPS 文字 save one. */
export const isOdtFile = (fileName: string): boolean => /\.odt$/iu.test(fileName);
/** What is said of an .odt that does not open. */
export const BROKEN_ODT = '无法读取 .odt（不是有效的 OpenDocument 文本文档）/ not a readable OpenDocument text file';
/** Whether the file is one of Word's XML documents by its name (word-xml.ts: Word 2003 XML, or flat XML). */
export const isWordXmlFile = (fileName: string): boolean => /\.xml$/iu.test(fileName);
/** What is said of an .xml that is not a Word XML document. */
export const BROKEN_WORD_XML = '无法读取 .xml（不是 Word XML 文档）/ not a Word XML document';
/** What is said of an .rtf that is not RTF. */
export const BROKEN_RTF = '无法读取 .rtf（不是有效的 RTF 文档）/ not a readable RTF file';
/** What is said of a .doc or .wps that does not open (or is protected by a password). */
export const BROKEN_DOC = '无法读取（不是有效的 Word 97–2003 或 WPS 文字文档，或有密码保护；可另存为 .docx）/ not a readable Word 97–2003 or WPS document (or password-protected; save it as .docx)';
/** What is said of a .docx that does not open. */
export const BROKEN_DOCX = '无法读取 .docx（不是有效的 Word 文档）/ not a readable .docx file';
/** Whether the file is a word processor's: .docx, the binary format (isDocFile), RTF, OpenDocument text or Word's XML. */
export const isWordFile = (fileName: string): boolean =>
  isDocFile(fileName) || isRtfFile(fileName) || isOdtFile(fileName) || isWordXmlFile(fileName) || fileName.toLowerCase().endsWith('.docx');
/** What is said of a Word file (isWordFile) that does not open. */
export const brokenWordFile = (fileName: string): string =>
  isDocFile(fileName) ? BROKEN_DOC : isRtfFile(fileName) ? BROKEN_RTF : isOdtFile(fileName) ? BROKEN_ODT : isWordXmlFile(fileName) ? BROKEN_WORD_XML : BROKEN_DOCX;

/** Whether the file is an OFD document (GB/T 33190 版式文档, ofd.ts). */
export const isOfdFile = (fileName: string): boolean => /\.ofd$/iu.test(fileName);
/** What is said of an .ofd that does not open. */
export const BROKEN_OFD = '无法读取 .ofd（不是有效的 OFD 版式文档）/ not a readable OFD document';
/** Whether the file is read from its bytes by a reader of document-files.ts: a word processor's (isWordFile), or an OFD. */
export const isDocumentFile = (fileName: string): boolean => isWordFile(fileName) || isOfdFile(fileName);
/** What is said of a document file (isDocumentFile) that does not open. */
export const brokenDocumentFile = (fileName: string): string => (isOfdFile(fileName) ? BROKEN_OFD : brokenWordFile(fileName));

/** Why `fileName` is not read: the kinds that are. */
export function unsupportedFileType(): string {
  return `不支持的文件类型（支持 ${REPORT_EXTENSIONS.join(' ')}）/ unsupported file type`;
}
