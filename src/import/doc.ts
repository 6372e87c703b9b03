// Word 97–2003 documents (.doc, and WPS 文字's .wps, built on the same format), still how many
// government sites attach a report: the text of the body and of its footnotes, read from the
// compound file's WordDocument stream through the piece table ([MS-CFB], [MS-DOC]). Formatting is
// not read: paragraphs become lines, table cells tabs, fields their shown result; footnote marks are
// numbered as Word shows them.
import { BROKEN_DOC } from './file-kinds';
import { importAppendixOrFootnotes } from './plain-footnotes';
import { importMarkedFootnotes, type FootnoteText } from './footnote-text';
import type { ImportOptions } from './options';
import type { ImportResult } from './types';

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const WORD_IDENT = 0xa5ec;

/** Why a .doc file is not read: not a Word 97–2003 file, or protected by a password. */
export class DocFileError extends Error {
  override name = 'DocFileError';
}

/** Whether `bytes` open like a compound file (.doc, .xls, .wps and other Office 97–2003 files). */
export const isCompoundFile = (bytes: Uint8Array): boolean => bytes.length >= 512 && CFB_SIGNATURE.every((byte, i) => bytes[i] === byte);

/** The named streams of a compound file ([MS-CFB]). */
function compoundStreams(bytes: Uint8Array): Map<string, Uint8Array> {
  if (!isCompoundFile(bytes)) throw new DocFileError('not a compound file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number): number => view.getUint32(at, true);
  const sectorSize = 1 << view.getUint16(0x1e, true);
  const miniSectorSize = 1 << view.getUint16(0x20, true);
  const miniCutoff = u32(0x38);
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sector = (n: number): Uint8Array => {
    const start = (n + 1) * sectorSize;
    if (n >= sectorCount || start >= bytes.length) throw new DocFileError(`sector ${n} outside the file`);
    return bytes.subarray(start, Math.min(bytes.length, start + sectorSize));
  };
  const perSector = sectorSize / 4;
  // The FAT's sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(u32(0x4c + i * 4));
  for (let next = u32(0x44), seen = 0; next !== END_OF_CHAIN && next !== FREE_SECTOR && seen < sectorCount; seen++) {
    const block = sector(next);
    const blockView = new DataView(block.buffer, block.byteOffset, block.byteLength);
    for (let i = 0; i < perSector - 1; i++) fatSectors.push(blockView.getUint32(i * 4, true));
    next = blockView.getUint32((perSector - 1) * 4, true);
  }
  const fat: number[] = [];
  for (const n of fatSectors.slice(0, u32(0x2c))) {
    const block = sector(n);
    const blockView = new DataView(block.buffer, block.byteOffset, block.byteLength);
    for (let i = 0; i < block.length / 4; i++) fat.push(blockView.getUint32(i * 4, true));
  }
  /** The sectors of a chain, joined; a chain that loops or leaves the file is an error. */
  const chain = (start: number, table: readonly number[], read: (n: number) => Uint8Array, unit: number): Uint8Array => {
    const parts: Uint8Array[] = [];
    for (let n = start, steps = 0; n !== END_OF_CHAIN; n = table[n] ?? END_OF_CHAIN, steps++) {
      if (n === FREE_SECTOR || steps > table.length) throw new DocFileError('broken sector chain');
      parts.push(read(n));
    }
    const out = new Uint8Array(parts.length * unit);
    parts.forEach((part, i) => out.set(part, i * unit));
    return out;
  };
  const directory = chain(u32(0x30), fat, sector, sectorSize);
  const dirView = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries: Array<{ name: string; type: number; start: number; size: number; left: number; right: number; child: number }> = [];
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const nameLength = Math.min(64, dirView.getUint16(at + 0x40, true));
    let name = '';
    for (let i = 0; i + 2 < nameLength; i += 2) name += String.fromCharCode(dirView.getUint16(at + i, true));
    entries.push({
      name,
      type: directory[at + 0x42]!,
      left: dirView.getUint32(at + 0x44, true),
      right: dirView.getUint32(at + 0x48, true),
      child: dirView.getUint32(at + 0x4c, true),
      start: dirView.getUint32(at + 0x74, true),
      size: dirView.getUint32(at + 0x78, true),
    });
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw new DocFileError('no root entry');
  // The root storage's own entries (a tree of siblings under its child), not those of storages in it:
  // an embedded Word object keeps a WordDocument stream of its own.
  const top: typeof entries = [];
  const seen = new Set<number>();
  for (const pending = [root.child]; pending.length > 0; ) {
    const id = pending.pop()!;
    const entry = entries[id];
    if (!entry || seen.has(id)) continue;
    seen.add(id);
    top.push(entry);
    pending.push(entry.left, entry.right);
  }
  let miniStream: Uint8Array | undefined;
  let miniFat: number[] | undefined;
  const streams = new Map<string, Uint8Array>();
  for (const entry of top) {
    if (entry.type !== 2) continue;
    let data: Uint8Array;
    if (entry.size < miniCutoff) {
      miniStream ??= chain(root.start, fat, sector, sectorSize);
      if (!miniFat) {
        const table = u32(0x3c) === END_OF_CHAIN ? new Uint8Array(0) : chain(u32(0x3c), fat, sector, sectorSize);
        const tableView = new DataView(table.buffer, table.byteOffset, table.byteLength);
        miniFat = Array.from({ length: table.length / 4 }, (_, i) => tableView.getUint32(i * 4, true));
      }
      const mini = miniStream;
      data = chain(entry.start, miniFat, (n) => mini.subarray(n * miniSectorSize, (n + 1) * miniSectorSize), miniSectorSize);
    } else data = chain(entry.start, fat, sector, sectorSize);
    if (data.length < entry.size) throw new DocFileError(`stream ${entry.name} cut short`);
    streams.set(entry.name, data.subarray(0, entry.size));
  }
  return streams;
}

/** Windows-1252's characters for bytes 0x80–0x9F (a compressed piece's text); the others are Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** A Word document's characters and where its stories and note references are. */
interface DocumentCharacters {
  /** Every story's characters, character position by position: the main text, footnotes, headers, comments, endnotes… */
  text: string;
  ccpText: number;
  ccpFtn: number;
  /** Where the endnotes story starts in `text`, and its length. */
  endnotesAt: number;
  ccpEdn: number;
  /** Positions in the main text of footnote and endnote reference marks (undefined where the file gives none). */
  footnoteRefs?: Set<number>;
  endnoteRefs?: Set<number>;
}

/** Index in FibRgFcLcb97 of the PLCs of footnote and endnote references ([MS-DOC] 2.5.6). */
const FC_PLCFFNDREF = 2;
const FC_PLCFENDREF = 46;

/** The character positions a PLC of the table stream starts with (one per element), or undefined when absent or malformed. */
function plcPositions(table: Uint8Array, fc: number, lcb: number, dataSize: number): Set<number> | undefined {
  if (lcb < 4 || fc + lcb > table.length) return undefined;
  const count = (lcb - 4) / (4 + dataSize);
  if (!Number.isInteger(count)) return undefined;
  const view = new DataView(table.buffer, table.byteOffset + fc, lcb);
  const positions = new Set<number>();
  for (let i = 0; i < count; i++) positions.add(view.getUint32(i * 4, true));
  return positions;
}

/** The whole text of a Word document's stories, character position by position ([MS-DOC] piece table). */
function documentCharacters(streams: Map<string, Uint8Array>): DocumentCharacters {
  const word = streams.get('WordDocument');
  if (!word || word.length < 0x200) throw new DocFileError('no WordDocument stream');
  const view = new DataView(word.buffer, word.byteOffset, word.byteLength);
  if (view.getUint16(0, true) !== WORD_IDENT) throw new DocFileError('not a Word document');
  const flags = view.getUint16(0x0a, true);
  if (flags & 0x0100) throw new DocFileError('encrypted');
  const table = streams.get(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw new DocFileError('no table stream');
  // FibBase (32 bytes), then counted arrays: fibRgW (csw words), fibRgLw (cslw longs), fibRgFcLcb.
  const csw = view.getUint16(0x20, true);
  const lwAt = 0x22 + csw * 2 + 2;
  const cslw = view.getUint16(0x22 + csw * 2, true);
  const ccpText = view.getUint32(lwAt + 3 * 4, true);
  const ccpFtn = view.getUint32(lwAt + 4 * 4, true);
  // The stories follow each other: main text, footnotes, headers, macro (unused), comments, endnotes.
  const ccpHdd = view.getUint32(lwAt + 5 * 4, true);
  const ccpMcr = view.getUint32(lwAt + 6 * 4, true);
  const ccpAtn = view.getUint32(lwAt + 7 * 4, true);
  const ccpEdn = cslw > 8 ? view.getUint32(lwAt + 8 * 4, true) : 0;
  const fcLcbAt = lwAt + cslw * 4 + 2;
  const cbRgFcLcb = view.getUint16(lwAt + cslw * 4, true);
  // A PLC of note references: the reference positions, then a 2-byte flag each.
  const refs = (index: number): Set<number> | undefined =>
    index < cbRgFcLcb && fcLcbAt + index * 8 + 8 <= word.length ? plcPositions(table, view.getUint32(fcLcbAt + index * 8, true), view.getUint32(fcLcbAt + index * 8 + 4, true), 2) : undefined;
  const fcClx = view.getUint32(fcLcbAt + 33 * 8, true);
  const lcbClx = view.getUint32(fcLcbAt + 33 * 8 + 4, true);
  if (fcClx + lcbClx > table.length || lcbClx === 0) throw new DocFileError('no piece table');
  const clx = new DataView(table.buffer, table.byteOffset + fcClx, lcbClx);
  // Property modifiers (Prc, 0x01) first, then the piece table (Pcdt, 0x02).
  let at = 0;
  while (at < lcbClx && clx.getUint8(at) === 0x01) at += 3 + clx.getUint16(at + 1, true);
  if (at >= lcbClx || clx.getUint8(at) !== 0x02) throw new DocFileError('no piece table');
  const plcLength = clx.getUint32(at + 1, true);
  const plc = at + 5;
  const pieces = Math.floor((plcLength - 4) / 12);
  let text = '';
  for (let i = 0; i < pieces; i++) {
    const cpStart = clx.getUint32(plc + i * 4, true);
    const cpEnd = clx.getUint32(plc + (i + 1) * 4, true);
    const fc = clx.getUint32(plc + (pieces + 1) * 4 + i * 8 + 2, true);
    text += pieceText(word, fc, Math.max(0, cpEnd - cpStart));
  }
  const endnotesAt = ccpText + ccpFtn + ccpHdd + ccpMcr + ccpAtn;
  return { text, ccpText, ccpFtn, endnotesAt, ccpEdn, footnoteRefs: refs(FC_PLCFFNDREF), endnoteRefs: refs(FC_PLCFENDREF) };
}

/**
 * The `count` characters of one piece of the WordDocument stream `word`, at `fc` as its descriptor
 * gives it: with bit 30 set, one byte a character (Windows-1252) at half the offset the other bits
 * give, as Word stores a run of Western text; else UTF-16LE at `fc`.
 */
export function pieceText(word: Uint8Array, fc: number, count: number): string {
  let text = '';
  if (fc & 0x40000000) {
    const start = (fc & 0x3fffffff) / 2;
    for (let k = 0; k < count && start + k < word.length; k++) {
      const byte = word[start + k]!;
      text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    }
  } else {
    for (let k = 0; k < count && fc + k * 2 + 1 < word.length; k++) text += String.fromCharCode(word[fc + k * 2]! | (word[fc + k * 2 + 1]! << 8));
  }
  return text;
}

/**
 * A story's characters as plain text: paragraph and line marks as line breaks, table cells as tabs
 * (a row's end as a line break), a field as the result it shows, note reference marks as
 * `mark(k, cp)` (k counting from 1, cp the mark's position in the story), Word's other object marks dropped.
 */
function storyText(characters: string, mark: (k: number, cp: number) => string): string {
  let out = '';
  // Each open field: whether its shown result has begun (after the separator).
  const fields: boolean[] = [];
  let notes = 0;
  for (let i = 0; i < characters.length; i++) {
    const code = characters.charCodeAt(i);
    if (code === 0x13) {
      fields.push(false);
      continue;
    }
    if (code === 0x14) {
      if (fields.length > 0) fields[fields.length - 1] = true;
      continue;
    }
    if (code === 0x15) {
      fields.pop();
      continue;
    }
    // A field's instructions (HYPERLINK "…", PAGE) are not the text.
    if (fields.length > 0 && !fields[fields.length - 1]) continue;
    if (code === 0x0d || code === 0x0b || code === 0x0c) out += '\n';
    else if (code === 0x07) {
      // A cell's end; two in a row end the row.
      if (characters.charCodeAt(i + 1) === 0x07) {
        out += '\n';
        i++;
      } else out += '\t';
    } else if (code === 0x02) out += mark(++notes, i);
    else if (code === 0x1e) out += '-';
    else if (code === 0x09 || code >= 0x20) out += code === 0xa0 ? ' ' : characters.charAt(i);
  }
  return out.replace(/\t+\n/gu, '\n');
}

/**
 * A .doc file's body, and its notes in order: the footnotes as Word numbers them, then the endnotes
 * (尾注; Word numbers them apart, i, ii… by default: the number only orders the entries).
 */
export interface DocText {
  /** The body, note references written `[footnoteRef:N]` (N counting the footnotes, then the endnotes). */
  body: string;
  footnotes: string[];
}

/** The notes of a story of notes, in order: each note's text begins with its own reference mark. */
const storyNotes = (characters: string): string[] =>
  storyText(characters, () => '\u0000')
    .split('\u0000')
    .slice(1)
    .map((note) => note.trim());

/** The text of a .doc file. Throws DocFileError when it is not a readable Word 97–2003 document. */
export function readDoc(bytes: Uint8Array): DocText {
  const { text, ccpText, ccpFtn, endnotesAt, ccpEdn, footnoteRefs, endnoteRefs } = documentCharacters(compoundStreams(bytes));
  const footnotes = storyNotes(text.slice(ccpText, ccpText + ccpFtn));
  const endnotes = ccpEdn > 0 ? storyNotes(text.slice(endnotesAt, endnotesAt + ccpEdn)) : [];
  // A mark is an endnote's where the endnote references say so; else a footnote's (as every mark
  // was read before endnotes were: a file that lists no references has footnotes only).
  let footnote = 0;
  let endnote = 0;
  const body = storyText(text.slice(0, ccpText), (_, cp) =>
    endnoteRefs?.has(cp) === true && footnoteRefs?.has(cp) !== true ? `[footnoteRef:${footnotes.length + ++endnote}]` : `[footnoteRef:${++footnote}]`,
  );
  return { body, footnotes: [...footnotes, ...endnotes] };
}

/** The body text of a .doc file without footnote marks; undefined when it is not readable. */
export function docBodyText(bytes: Uint8Array): string | undefined {
  try {
    return readDoc(bytes).body.replace(/\[footnoteRef:\d+\]/gu, '');
  } catch (error) {
    if (error instanceof DocFileError || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Entries of a .doc report: its footnotes, or without footnotes the body's 名词解释 appendix. */
export function importDoc(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  let doc: DocText;
  try {
    doc = readDoc(bytes);
  } catch (error) {
    if (!(error instanceof DocFileError || error instanceof RangeError)) throw error;
    return { source: {}, entries: [], problems: [{ severity: 'error', message: BROKEN_DOC }], unreadable: true };
  }
  if (doc.footnotes.length === 0) return importAppendixOrFootnotes(doc.body, options);
  const footnotes = new Map<number, FootnoteText>(doc.footnotes.map((content, i) => [i + 1, { content }]));
  return importMarkedFootnotes(doc.body, footnotes, options);
}
