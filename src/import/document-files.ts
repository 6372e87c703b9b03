// The document files the importers take apart from their bytes (isDocumentFile: the word processors'
// .doc and .wps, .rtf, .odt, Word's .xml, .docx, and OFD), one reader each: how a report is imported
// from it and how its body's text is read. The import (import-report.ts) and the body text
// (document-text.ts) pick the reader here, by the name the file is read as (file-sniff.ts), so a
// kind is added in one place.
import { docBodyText, importDoc } from './doc';
import { docxBodyText, importDocx } from './docx';
import { isDocFile, isOdtFile, isOfdFile, isRtfFile, isWordXmlFile } from './file-kinds';
import { importOdt, odtBodyText } from './odt';
import { importOfd, ofdBodyText } from './ofd';
import type { ImportOptions } from './options';
import { importRtf, rtfBodyText } from './rtf';
import type { ImportResult } from './types';
import { importWordXml, wordXmlBodyText } from './word-xml';

/**
 * A document file kind: its importer, and its body text without note marks (undefined when the file
 * does not open; a reader that can say more throws DocumentTextError naming `fileName`).
 */
export interface DocumentReader {
  importReport(bytes: Uint8Array, options?: ImportOptions): ImportResult;
  bodyText(bytes: Uint8Array, fileName: string): string | undefined;
}

const DOC: DocumentReader = { importReport: importDoc, bodyText: docBodyText };
const RTF: DocumentReader = { importReport: importRtf, bodyText: rtfBodyText };
const ODT: DocumentReader = { importReport: importOdt, bodyText: odtBodyText };
const WORD_XML: DocumentReader = { importReport: importWordXml, bodyText: wordXmlBodyText };
const DOCX: DocumentReader = { importReport: importDocx, bodyText: docxBodyText };
const OFD: DocumentReader = { importReport: importOfd, bodyText: ofdBodyText };

/** The reader of a document file (`fileName` one that isDocumentFile accepts; any other is read as a .docx). */
export function documentReader(fileName: string): DocumentReader {
  if (isDocFile(fileName)) return DOC;
  if (isOfdFile(fileName)) return OFD;
  if (isRtfFile(fileName)) return RTF;
  if (isOdtFile(fileName)) return ODT;
  return isWordXmlFile(fileName) ? WORD_XML : DOCX;
}
