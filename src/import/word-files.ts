// The word processors' files the importers read (isWordFile: .doc and .wps, .rtf, .odt, Word's .xml,
// .docx), one reader each: how a report is imported from it and how its body's text is read. The
// import (import-report.ts) and the body text (document-text.ts) pick the reader here, by the name
// the file is read as (file-sniff.ts), so a kind is added in one place.
import { docBodyText, importDoc } from './doc';
import { docxBodyText, importDocx } from './docx';
import { isDocFile, isOdtFile, isRtfFile, isWordXmlFile } from './file-kinds';
import { importOdt, odtBodyText } from './odt';
import type { ImportOptions } from './options';
import { importRtf, rtfBodyText } from './rtf';
import type { ImportResult } from './types';
import { importWordXml, wordXmlBodyText } from './word-xml';

/** A word processor's file kind: its importer, and its body text without note marks (undefined when the file does not open). */
export interface WordReader {
  importReport(bytes: Uint8Array, options?: ImportOptions): ImportResult;
  bodyText(bytes: Uint8Array): string | undefined;
}

const DOC: WordReader = { importReport: importDoc, bodyText: docBodyText };
const RTF: WordReader = { importReport: importRtf, bodyText: rtfBodyText };
const ODT: WordReader = { importReport: importOdt, bodyText: odtBodyText };
const WORD_XML: WordReader = { importReport: importWordXml, bodyText: wordXmlBodyText };
const DOCX: WordReader = { importReport: importDocx, bodyText: docxBodyText };

/** The reader of a word processor's file (`fileName` one that isWordFile accepts; any other is read as a .docx). */
export function wordReader(fileName: string): WordReader {
  if (isDocFile(fileName)) return DOC;
  if (isRtfFile(fileName)) return RTF;
  if (isOdtFile(fileName)) return ODT;
  return isWordXmlFile(fileName) ? WORD_XML : DOCX;
}
