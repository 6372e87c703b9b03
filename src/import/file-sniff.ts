// What a report file is by its first bytes, where its name says otherwise. Government sites serve
// Word's "web page" saves, web archives and RTF files under .doc, a .docx renamed .doc (or the
// reverse), a PDF behind a .doc link, an OpenDocument text without its .odt, a Word 2003 XML document
// (what many 公文 systems export) under .doc, an OFD (版式文档) under .zip or no extension: each is read
// as what it is. A name the content does not contradict (or content this cannot tell) is kept, and
// the file is read by its name as before.
import { looksLikeMhtml } from './mhtml';
import { looksLikeRtf } from './rtf';
import { looksLikeWordXml } from './word-xml';

/** The first bytes of an OLE compound file (.doc, .wps; also .xls and .ppt). */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A zip file's local header. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean => signature.every((byte, i) => bytes[i] === byte);

/** The opening of the bytes as text (ASCII-compatible or UTF-16 by its byte order mark), lowercased. */
function opening(bytes: Uint8Array, length: number): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2, 2 + 2 * length)).toLowerCase();
  }
  let text = '';
  for (let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; i < Math.min(bytes.length, length); i += 1) text += String.fromCharCode(bytes[i]!);
  return text.toLowerCase();
}

/**
 * A zip's first local headers and its central directory as text, lowercased: where its part names
 * are stored as written.
 */
const zipNames = (bytes: Uint8Array): string => opening(bytes.subarray(0, 4096), 4096) + opening(bytes.subarray(Math.max(0, bytes.length - 65_536)), 65_536);

/** Whether a zip's part names (zipNames) hold a Word document. */
const holdsWordDocument = (names: string): boolean => names.includes('word/document.xml');

/**
 * Whether a zip's part names (zipNames) make it an OFD package: OFD.xml at its root. A name follows
 * binary fields (a local header's or a central directory entry's): OFD.xml with no name character
 * or folder before it is the part at the root.
 */
const holdsOfdEntry = (names: string): boolean => /[^\w.\-/\\]ofd\.xml/u.test(names);

/** The extension the bytes' content shows, or undefined when it shows none this can tell. */
export function contentExtension(bytes: Uint8Array): '.pdf' | '.docx' | '.odt' | '.ofd' | '.doc' | '.rtf' | '.xml' | '.mhtml' | '.html' | undefined {
  if (startsWith(bytes, COMPOUND_FILE)) return '.doc';
  // An OpenDocument file opens with its uncompressed `mimetype` part.
  if (startsWith(bytes, ZIP)) {
    if (opening(bytes, 200).includes('mimetypeapplication/vnd.oasis.opendocument.text')) return '.odt';
    const names = zipNames(bytes);
    return holdsWordDocument(names) ? '.docx' : holdsOfdEntry(names) ? '.ofd' : undefined;
  }
  if (looksLikeRtf(bytes)) return '.rtf';
  const head = opening(bytes, 1024);
  if (head.includes('%pdf-')) return '.pdf';
  if (looksLikeMhtml(bytes)) return '.mhtml';
  // Word's XML documents (Word 2003 XML, flat XML) by their processing instruction or root element.
  if (looksLikeWordXml(opening(bytes, 4096))) return '.xml';
  const start = head.trimStart();
  // Markup that opens as a page does (Word's "web page" save opens with <html xmlns:v=…>).
  if (/^(?:<!doctype html|<html[\s>])/u.test(start) || (/^<\?xml/u.test(start) && /<html[\s>]/u.test(head))) return '.html';
  return undefined;
}

/** Extensions read as one kind: what a name's extension is, for comparing it with the content's. */
const KIND_OF: Record<string, string> = {
  '.doc': '.doc',
  '.wps': '.doc',
  '.htm': '.html',
  '.html': '.html',
  '.shtml': '.html',
  '.xhtml': '.html',
  '.mht': '.mhtml',
  '.mhtml': '.mhtml',
};

/**
 * The name the readers pick a reader by: `fileName` itself, or, when the content shows another kind
 * than its extension, `fileName` with the content's extension added (报告.doc holding a web page →
 * 报告.doc.html). Messages still name the file as given.
 */
export function readingName(bytes: Uint8Array, fileName: string): string {
  const shown = contentExtension(bytes);
  if (shown === undefined) return fileName;
  const extension = /\.[^./\\]+$/u.exec(fileName.toLowerCase())?.[0] ?? '';
  const kind = KIND_OF[extension] ?? extension;
  // A web page's name already reads a web archive as one (mhtml.ts), and the reverse.
  if (kind === shown || (kind === '.html' && shown === '.mhtml') || (kind === '.mhtml' && shown === '.html')) return fileName;
  return `${fileName}${shown}`;
}
