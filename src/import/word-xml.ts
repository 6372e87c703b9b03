// Word's single-file XML documents, read as a .docx is (docx.ts): the Word 2003 XML document
// (<w:wordDocument>, which Word saves as "XML 文档" and many 公文 systems export, often served as
// .doc), whose notes sit inline where they are anchored, and the Word 2007+ flat XML (Flat OPC,
// <pkg:package>), which holds the .docx's parts. Comments are left out.
import { DocumentTextError, decodeText, xmlDeclaredEncoding } from './decode';
import { importWordParts, wordPartsBodyText, type WordParts } from './docx';
import { BROKEN_WORD_XML } from './file-kinds';
import type { ImportOptions } from './options';
import type { ImportResult } from './types';

/** Whether the bytes open as one of Word's XML documents (its processing instruction or root element). */
export function looksLikeWordXml(head: string): boolean {
  return head.includes('progid="word.document"') || head.includes('<w:worddocument');
}

/** A Flat OPC part's XML (`/word/document.xml` …), if the package holds it. */
function flatPart(xml: string, name: string): string | undefined {
  const at = xml.search(new RegExp(`<pkg:part\\b[^>]*pkg:name="${name.replace(/[./]/gu, '\\$&')}"`, 'u'));
  if (at < 0) return undefined;
  const data = /<pkg:xmlData>([\s\S]*?)<\/pkg:xmlData>/u.exec(xml.slice(at));
  return data?.[1];
}

/** Comments (aml:annotation of type Word.Comment) taken out of Word 2003 XML. */
const COMMENT = /<aml:annotation\b[^>]*w:type="Word\.Comment"[^>]*>[\s\S]*?<\/aml:annotation>/gu;
/** A note written inline where it is anchored (Word 2003 XML): its kind, attributes and content. */
const INLINE_NOTE = /<w:(footnote|endnote)(\s[^>]*)?>([\s\S]*?)<\/w:\1>/gu;

/** The parts of a Word XML document's text, or undefined when it is neither kind. */
export function wordXmlParts(xml: string): WordParts | undefined {
  if (/<pkg:package\b/u.test(xml)) {
    const document = flatPart(xml, '/word/document.xml');
    return document === undefined ? undefined : { document, footnotes: flatPart(xml, '/word/footnotes.xml'), endnotes: flatPart(xml, '/word/endnotes.xml') };
  }
  const start = xml.indexOf('<w:body>');
  const end = xml.lastIndexOf('</w:body>');
  if (start < 0 || end < start) return undefined;
  const notes = { footnote: [] as string[], endnote: [] as string[] };
  // Each note moves to a notes part as a .docx keeps it, a reference to it left in its place.
  const body = xml.slice(start, end + '</w:body>'.length).replace(COMMENT, '').replace(INLINE_NOTE, (_, kind: 'footnote' | 'endnote', attributes: string | undefined, content: string) => {
    const id = notes[kind].length + 1;
    notes[kind].push(`<w:${kind} w:id="${id}"${(attributes ?? '').replace(/\sw:id="[^"]*"/u, '')}>${content}</w:${kind}>`);
    return `<w:${kind}Reference w:id="${id}"/>`;
  });
  const part = (kind: 'footnote' | 'endnote'): string | undefined => (notes[kind].length > 0 ? `<w:${kind}s>${notes[kind].join('')}</w:${kind}s>` : undefined);
  return { document: body, footnotes: part('footnote'), endnotes: part('endnote') };
}

/** A Word XML file's parts; undefined when its bytes are not text or not a Word XML document. */
function partsOf(bytes: Uint8Array): WordParts | undefined {
  try {
    return wordXmlParts(decodeText(bytes, 'document.xml', { charset: xmlDeclaredEncoding(bytes) }));
  } catch (error) {
    if (error instanceof DocumentTextError) return undefined;
    throw error;
  }
}

/** The body text of a Word XML file without note marks; undefined when it is not one. */
export function wordXmlBodyText(bytes: Uint8Array): string | undefined {
  const parts = partsOf(bytes);
  return parts && wordPartsBodyText(parts);
}

/** Entries of a Word XML report: its footnotes and endnotes, or the body's 名词解释 appendix. */
export function importWordXml(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const parts = partsOf(bytes);
  if (!parts) return { source: {}, entries: [], problems: [{ severity: 'error', message: BROKEN_WORD_XML }], unreadable: true };
  return importWordParts(parts, options);
}
