// Reads an RTF report (Rich Text Format, as Word and WPS 文字 save it; government sites also serve
// it under .doc, see file-sniff.ts): the body's paragraphs with `[footnoteRef:N]` where a footnote
// or an endnote is anchored, and the notes' text, then the same importers as a .doc. Text comes from
// \uN (Unicode; the fallback after it skipped as \ucN says), \'hh bytes and plain bytes in the
// font's or the document's code page (GBK in Chinese files), and the special characters' words
// (\ldblquote …). Groups that hold no body text are skipped: the font, colour and style tables,
// document info, pictures and objects, headers and footers, field instructions (a field's result is
// kept), and every \* destination this reader does not know.
import { BROKEN_RTF } from './file-kinds';
import { anchorMark, importInlineNoted, numberInlineNotes, type InlineNote } from './inline-notes';
import type { ImportOptions } from './options';
import type { ImportResult } from './types';

/** Bytes that are not an RTF document. */
export class RtfFileError extends Error {}

/** An RTF document's text: the body, with `[footnoteRef:N]` marks, and the notes in their numbers' order. */
export interface RtfText {
  body: string;
  /** Footnotes, then endnotes (numbered after them, as a .doc's are read): note N is `footnotes[N - 1]`. */
  footnotes: string[];
}

/** Destinations whose text is not the document's (read without `\*` too). */
const SKIPPED = new Set([
  'colortbl', 'stylesheet', 'info', 'pict', 'object', 'objdata', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf',
  'fldinst', 'listtable', 'listoverridetable', 'revtbl', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata', 'colorschememapping', 'datastore',
  'latentstyles', 'pgdsctbl', 'filetbl', 'bkmkstart', 'bkmkend', 'shpinst', 'nonshppict', 'pn', 'ftnsep', 'ftnsepc', 'ftncn', 'aftnsep',
  'aftnsepc', 'aftncn', 'template', 'userprops', 'docvar', 'annotation', 'atnid', 'atnauthor', 'atrfstart', 'atrfend', 'fchars', 'lchars',
  'mmathPr', 'wgrffmtfilter', 'passwordhash', 'protusertbl', 'listpicture', 'xe', 'tc', 'rxe', 'txe',
]);

/** Destinations read even when marked ignorable (LibreOffice writes {\*\footnote …}). */
const READ_AFTER_STAR = new Set(['footnote']);

/** Words that stand for a character. */
const CHARACTERS: Record<string, string> = {
  ldblquote: '“', rdblquote: '”', lquote: '‘', rquote: '’', emdash: '—', endash: '–', bullet: '•',
  emspace: ' ', enspace: ' ', qmspace: ' ', tab: '\t', line: '\n', par: '\n', sect: '\n', page: '\n',
};

/** A font's \fcharset → its Windows code page (1: the document's). */
const CHARSET_CODE_PAGES: Record<number, number> = {
  0: 1252, 2: 1252, 77: 10000, 128: 932, 129: 949, 130: 1361, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258, 177: 1255, 178: 1256,
  186: 1257, 204: 1251, 222: 874, 238: 1250,
};

/** Code pages of Chinese, Japanese and Korean text: a document in one of them writes its text with it whatever a font's \fcharset says. */
const CJK_CODE_PAGES = new Set([932, 936, 949, 950, 1361]);

/** The TextDecoder label of a Windows code page. */
function decoderLabel(codePage: number): string {
  if (codePage === 936 || codePage === 10008) return 'gb18030';
  if (codePage === 950) return 'big5';
  if (codePage === 932) return 'shift_jis';
  if (codePage === 949) return 'euc-kr';
  if (codePage === 65001) return 'utf-8';
  if (codePage === 10000) return 'macintosh';
  if (codePage === 874 || (codePage >= 1250 && codePage <= 1258)) return `windows-${codePage}`;
  return 'windows-1252';
}

const decoders = new Map<number, TextDecoder>();
function decode(bytes: number[], codePage: number): string {
  let decoder = decoders.get(codePage);
  if (!decoder) {
    try {
      decoder = new TextDecoder(decoderLabel(codePage));
    } catch {
      decoder = new TextDecoder('windows-1252');
    }
    decoders.set(codePage, decoder);
  }
  return decoder.decode(Uint8Array.from(bytes));
}

/** The state a group inherits from the group around it. */
interface Group {
  /** Inside a destination whose text is dropped. */
  skip: boolean;
  /** Characters of fallback after a \uN (\ucN). */
  uc: number;
  /** The font in use (\fN). */
  font: number;
  /** The note this group's text goes to (an index into `notes`), or -1 for the body. */
  note: number;
  /** Inside the font table: \fN and \fcharsetN define a font. */
  fontTable: boolean;
}

const isLetter = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** Whether `bytes` open as an RTF document does (`{\rtf`, after a byte order mark or spaces). */
export function looksLikeRtf(bytes: Uint8Array): boolean {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && at < 64 && (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09)) at += 1;
  return bytes[at] === 0x7b && bytes[at + 1] === 0x5c && bytes[at + 2] === 0x72 && bytes[at + 3] === 0x74 && bytes[at + 4] === 0x66;
}

/** Reads the text of an RTF document; throws RtfFileError when the bytes are not one. */
export function readRtf(bytes: Uint8Array): RtfText {
  if (!looksLikeRtf(bytes)) throw new RtfFileError('not an RTF document');
  let documentCodePage = 1252;
  let defaultFont = 0;
  const fontCodePages = new Map<number, number>();
  // Text of the body (note -1) and of each note, as it is read.
  const body: string[] = [];
  const notes: InlineNote[] = [];
  let group: Group = { skip: false, uc: 1, font: 0, note: -1, fontTable: false };
  const stack: Group[] = [];
  // \'hh and plain bytes not yet decoded, and the code page they are in.
  let pending: number[] = [];
  let pendingCodePage = 1252;
  // Fallback characters still to skip after a \uN.
  let skipFallback = 0;
  // The group just opened: its first control word may name a destination.
  let groupStart = false;
  let ignorable = false;
  // In a table row's paragraph (\intbl): a paragraph ends the cell's line, not the row's.
  let inTable = false;
  // The font \fN defines inside the font table.
  let definedFont = -1;

  const target = (): string[] => (group.note >= 0 ? notes[group.note]!.text : body);
  const flush = (): void => {
    if (pending.length === 0) return;
    target().push(decode(pending, pendingCodePage));
    pending = [];
  };
  const codePageOf = (font: number): number => {
    const codePage = fontCodePages.get(font);
    if (codePage === undefined) return documentCodePage;
    return codePage === 1252 && CJK_CODE_PAGES.has(documentCodePage) ? documentCodePage : codePage;
  };
  const addByte = (byte: number): void => {
    if (group.skip) return;
    if (skipFallback > 0) {
      skipFallback -= 1;
      return;
    }
    const codePage = codePageOf(group.font);
    if (pending.length > 0 && codePage !== pendingCodePage) flush();
    pendingCodePage = codePage;
    pending.push(byte);
  };
  const addText = (text: string): void => {
    if (group.skip) return;
    flush();
    target().push(text);
  };
  // A paragraph's end: in a table, its cell goes on (its paragraphs joined as a .docx's are).
  const endParagraph = (): void => {
    if (!inTable || group.note >= 0) return addText('\n');
    flush();
    const text = target();
    const last = text[text.length - 1] ?? '';
    if (!/[\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$/u.test(last)) text.push(' ');
  };

  const source = bytes;
  const length = source.length;
  let at = 0;
  while (at < length) {
    const byte = source[at]!;
    if (byte === 0x7b) {
      // {
      flush();
      stack.push(group);
      group = { ...group };
      groupStart = true;
      ignorable = false;
      at += 1;
      continue;
    }
    if (byte === 0x7d) {
      // }
      flush();
      group = stack.pop() ?? group;
      groupStart = false;
      skipFallback = 0;
      at += 1;
      continue;
    }
    if (byte === 0x0d || byte === 0x0a) {
      at += 1;
      continue;
    }
    if (byte !== 0x5c) {
      groupStart = false;
      addByte(byte);
      at += 1;
      continue;
    }
    // A backslash: a control word or a control symbol.
    const next = source[at + 1];
    if (next === undefined) break;
    if (!isLetter(next)) {
      at += 2;
      if (next === 0x27) {
        // \'hh
        const hex = String.fromCharCode(source[at] ?? 0, source[at + 1] ?? 0);
        at += 2;
        const value = Number.parseInt(hex, 16);
        if (!Number.isNaN(value)) addByte(value);
        groupStart = false;
        continue;
      }
      if (next === 0x2a) {
        // \* : the destination that follows may be skipped.
        ignorable = true;
        continue;
      }
      groupStart = false;
      if (skipFallback > 0 && !group.skip) {
        skipFallback -= 1;
        continue;
      }
      if (next === 0x5c || next === 0x7b || next === 0x7d) addByte(next);
      else if (next === 0x7e) addText('\u00a0');
      else if (next === 0x5f) addText('‑');
      else if (next === 0x0a || next === 0x0d) addText('\n');
      // \- (an optional hyphen), \| and \: (index marks) leave no text.
      continue;
    }
    let end = at + 1;
    while (end < length && end - at <= 32 && isLetter(source[end]!)) end += 1;
    const word = String.fromCharCode(...source.subarray(at + 1, end));
    let parameter: number | undefined;
    let numberEnd = end;
    if (source[numberEnd] === 0x2d) numberEnd += 1;
    const digitsStart = numberEnd;
    while (numberEnd < length && numberEnd - digitsStart < 10 && isDigit(source[numberEnd]!)) numberEnd += 1;
    if (numberEnd > digitsStart) {
      parameter = Number(String.fromCharCode(...source.subarray(end, numberEnd)));
      end = numberEnd;
    }
    // One space ends a control word and is part of it.
    if (source[end] === 0x20) end += 1;
    at = end;

    const destination = groupStart;
    groupStart = false;
    if (word === 'bin') {
      // \binN: N bytes of binary data.
      at += Math.max(0, parameter ?? 0);
      continue;
    }
    if (destination && (SKIPPED.has(word) || (ignorable && !READ_AFTER_STAR.has(word)))) {
      // A group of text that is not the document's (an unknown \* destination among them).
      group.skip = true;
      ignorable = false;
      continue;
    }
    ignorable = false;
    if (word === 'u' && parameter !== undefined) {
      if (!group.skip) {
        addText(String.fromCharCode(parameter < 0 ? parameter + 65536 : parameter));
        skipFallback = group.uc;
      }
      continue;
    }
    if (skipFallback > 0 && !group.skip) {
      // A control word in the fallback counts as one of its characters.
      skipFallback -= 1;
      continue;
    }
    switch (word) {
      case 'ansicpg':
        if (parameter !== undefined && parameter > 0) documentCodePage = parameter;
        break;
      case 'deff':
        defaultFont = parameter ?? 0;
        group.font = defaultFont;
        break;
      case 'fonttbl':
        group.fontTable = true;
        group.skip = true;
        break;
      case 'f':
        if (group.fontTable) definedFont = parameter ?? 0;
        else {
          flush();
          group.font = parameter ?? defaultFont;
        }
        break;
      case 'fcharset':
        if (group.fontTable && definedFont >= 0 && parameter !== undefined && parameter !== 1) {
          const codePage = CHARSET_CODE_PAGES[parameter];
          if (codePage !== undefined) fontCodePages.set(definedFont, codePage);
        }
        break;
      case 'cpg':
        if (group.fontTable && definedFont >= 0 && parameter !== undefined && parameter > 0) fontCodePages.set(definedFont, parameter);
        break;
      case 'plain':
        flush();
        group.font = defaultFont;
        break;
      case 'uc':
        group.uc = Math.max(0, parameter ?? 1);
        break;
      case 'footnote':
        if (group.skip) break;
        flush();
        notes.push({ kind: 'foot', text: [] });
        // The anchor's place in the text around the note: numbered once all notes are known.
        target().push(anchorMark(notes.length - 1));
        group.note = notes.length - 1;
        break;
      case 'ftnalt':
        if (group.note >= 0) notes[group.note]!.kind = 'end';
        break;
      case 'intbl':
        inTable = true;
        break;
      case 'pard':
        inTable = false;
        break;
      case 'par':
        if (!group.skip) endParagraph();
        break;
      case 'cell':
      case 'nestcell':
        if (!group.skip) {
          flush();
          const text = target();
          if (text.length > 0) text[text.length - 1] = text[text.length - 1]!.trimEnd();
          text.push('\t');
        }
        break;
      case 'row':
      case 'nestrow':
        inTable = false;
        if (!group.skip) addText('\n');
        break;
      default: {
        const character = CHARACTERS[word];
        if (character !== undefined) addText(character);
      }
    }
  }
  flush();

  return numberInlineNotes(body.join(''), notes);
}

/** The body text of an RTF file without note marks; undefined when it is not RTF. */
export function rtfBodyText(bytes: Uint8Array): string | undefined {
  try {
    return readRtf(bytes).body.replace(/\[footnoteRef:\d+\]/gu, '');
  } catch (error) {
    if (error instanceof RtfFileError) return undefined;
    throw error;
  }
}

/** Entries of an RTF report: its footnotes and endnotes, or without notes the body's 名词解释 appendix. */
export function importRtf(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  let rtf: RtfText;
  try {
    rtf = readRtf(bytes);
  } catch (error) {
    if (!(error instanceof RtfFileError)) throw error;
    return { source: {}, entries: [], problems: [{ severity: 'error', message: BROKEN_RTF }], unreadable: true };
  }
  return importInlineNoted(rtf, options);
}
