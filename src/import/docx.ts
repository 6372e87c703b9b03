// Imports a Word report: real footnotes (word/footnotes.xml, referenced by w:footnoteReference in
// word/document.xml) and endnotes (尾注: word/endnotes.xml, w:endnoteReference), or else a 名词解释
// appendix in the body's paragraphs.
import { strFromU8, unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { withBoldHeads } from './appendix';
import { BEFORE_BOLD_HEAD } from './appendix-heads';
import { importAppendixOrFootnotes } from './plain-footnotes';
import type { FootnoteText } from './footnote-text';
import { importMarkedFootnotes } from './footnote-text';
import type { ImportOptions } from './options';
import type { ImportResult } from './types';

/**
 * Paragraph text of a WordprocessingML part, with `[footnoteRef:id]` where a footnote is referenced
 * and `[endnoteRef:id]` where an endnote is (their ids are counted apart); `onFootnote` gets each
 * note of a footnotes or endnotes part; with `markBold`, `**` around bold runs that open a paragraph
 * (where a head without a colon ends, for the appendix reader).
 */
function readParagraphs(xml: string, onFootnote?: (id: number, text: string) => void, markBold = false): string {
  const paragraphs: string[] = [];
  let current = '';
  let inText = false;
  // The run being read: inside its properties, and whether it is set in bold.
  let inRunProperties = false;
  let runBold = false;
  let boldOpen = false;
  // Table cells open (w:tc): a table row is one line, its cells set apart by tabs, as the appendix
  // reader takes table rows.
  let cellDepth = 0;
  let footnoteId: number | undefined;
  let footnoteText = '';
  let skipFootnote = false;
  const emit = (text: string): void => {
    if (footnoteId !== undefined) footnoteText += text;
    else current += text;
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'w:footnote' || name === 'w:endnote') {
          footnoteId = Number(attribs['w:id']);
          skipFootnote = attribs['w:type'] !== undefined && attribs['w:type'] !== 'normal';
          footnoteText = '';
        } else if (name === 'w:tc') cellDepth += 1;
        else if (name === 'w:r') runBold = false;
        else if (name === 'w:rPr') inRunProperties = true;
        else if (name === 'w:b' && inRunProperties) runBold = !['0', 'false', 'off'].includes(attribs['w:val'] ?? '');
        else if (name === 'w:t') inText = true;
        else if (name === 'w:tab') emit('\t');
        else if (name === 'w:br' || name === 'w:cr') emit('\n');
        else if (name === 'w:footnoteReference') emit(`[footnoteRef:${attribs['w:id'] ?? ''}]`);
        else if (name === 'w:endnoteReference') emit(`[endnoteRef:${attribs['w:id'] ?? ''}]`);
      },
      ontext(text) {
        if (!inText) return;
        if (markBold && footnoteId === undefined && cellDepth === 0) {
          if (boldOpen && !runBold) {
            current += '**';
            boldOpen = false;
          } else if (!boldOpen && runBold && text.trim().length > 0 && BEFORE_BOLD_HEAD.test(current) && !current.includes('**')) {
            current += '**';
            boldOpen = true;
          }
        }
        emit(text);
      },
      onclosetag(name) {
        if (name === 'w:t') inText = false;
        else if (name === 'w:rPr') inRunProperties = false;
        else if (name === 'w:p') {
          if (boldOpen) {
            current += '**';
            boldOpen = false;
          }
          if (footnoteId !== undefined) footnoteText += '\n';
          // A cell's paragraphs on one line: run together after Chinese text, else a space.
          else if (cellDepth > 0) current += /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$/u.test(current) ? '' : ' ';
          else {
            paragraphs.push(current);
            current = '';
          }
        } else if (name === 'w:tc') {
          cellDepth -= 1;
          current = `${current.trimEnd()}\t`;
        } else if (name === 'w:tr' && cellDepth === 0) {
          paragraphs.push(current.trimEnd());
          current = '';
        } else if (name === 'w:footnote' || name === 'w:endnote') {
          if (footnoteId !== undefined && !skipFootnote && Number.isFinite(footnoteId)) onFootnote?.(footnoteId, footnoteText.trim());
          footnoteId = undefined;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  if (current.length > 0) paragraphs.push(current);
  return paragraphs.join('\n');
}

/** The body text of a .docx file, one paragraph a line, without footnote marks; undefined if unreadable. */
export function docxBodyText(bytes: Uint8Array): string | undefined {
  try {
    const documentXml = unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' })['word/document.xml'];
    return documentXml && readParagraphs(strFromU8(documentXml)).replace(NOTE_REFERENCE, '');
  } catch {
    return undefined;
  }
}

/** A note's reference mark in readParagraphs' text: its kind and id. */
const NOTE_REFERENCE = /\[(foot|end)noteRef:(-?\d+)\]/gu;

/** The XML parts of a Word document: the body, and its footnotes and endnotes parts if any. */
export interface WordParts {
  document: string;
  footnotes?: string;
  endnotes?: string;
}

/**
 * Entries of a .docx report. Footnotes are numbered in the order the body first references them, as
 * Word displays them; endnotes (尾注) the same, after the footnotes a report also has (Word numbers
 * endnotes apart, i, ii… by default: the number only orders the entries); without notes the body's
 * 名词解释 appendix is read.
 */
export function importDocx(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' || file.name === 'word/footnotes.xml' || file.name === 'word/endnotes.xml' });
  } catch (error) {
    return { source: {}, entries: [], problems: [{ severity: 'error', message: `不是有效的 .docx 文件 / not a valid .docx file: ${String(error)}` }], unreadable: true };
  }
  const documentXml = files['word/document.xml'];
  if (!documentXml) {
    return { source: {}, entries: [], problems: [{ severity: 'error', message: '.docx 中没有 word/document.xml / word/document.xml missing' }], unreadable: true };
  }
  const text = (part: Uint8Array | undefined): string | undefined => (part ? strFromU8(part) : undefined);
  return importWordParts({ document: strFromU8(documentXml), footnotes: text(files['word/footnotes.xml']), endnotes: text(files['word/endnotes.xml']) }, options);
}

/** The body text of a Word document's parts, one paragraph a line, without footnote marks. */
export const wordPartsBodyText = (parts: WordParts): string => readParagraphs(parts.document).replace(NOTE_REFERENCE, '');

/** Entries of a Word document given as its XML parts (importDocx; word-xml.ts for Word's XML files). */
export function importWordParts(parts: WordParts, options: ImportOptions = {}): ImportResult {
  // Notes by kind and id (`foot:2`, `end:1`), footnotes first.
  const raw = new Map<string, string>();
  for (const kind of ['foot', 'end'] as const) {
    const xml = kind === 'foot' ? parts.footnotes : parts.endnotes;
    if (xml) readParagraphs(xml, (id, text) => raw.set(`${kind}:${id}`, text));
  }
  const body = readParagraphs(parts.document);
  if (raw.size === 0) return withBoldHeads(importAppendixOrFootnotes(body.replace(NOTE_REFERENCE, ''), options), () => readParagraphs(parts.document, undefined, true).replace(NOTE_REFERENCE, ''), options);
  const displayNumber = new Map<string, number>();
  // Footnotes numbered first, then endnotes, each in the order the body first references them.
  for (const kind of ['foot', 'end']) {
    for (const [, refKind, id] of body.matchAll(NOTE_REFERENCE)) {
      const key = `${refKind}:${Number(id)}`;
      if (refKind === kind && raw.has(key) && !displayNumber.has(key)) displayNumber.set(key, displayNumber.size + 1);
    }
  }
  const renumbered = body.replace(NOTE_REFERENCE, (_, kind: string, id: string) => {
    const number = displayNumber.get(`${kind}:${Number(id)}`);
    return number === undefined ? '' : `[footnoteRef:${number}]`;
  });
  const footnotes = new Map<number, FootnoteText>();
  let unreferenced = displayNumber.size;
  for (const [key, content] of raw) {
    const number = displayNumber.get(key) ?? (unreferenced += 1);
    footnotes.set(number, { content });
  }
  return importMarkedFootnotes(renumbered, footnotes, options);
}
