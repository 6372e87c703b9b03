// Footnotes of a report saved as plain text: marks in the body (“千万工程”①, 三区三线[2], 划定¹,
// （注1）, [注1], 注①, 三清行动*, Word's endnotes [i], ⑴) and the notes closing the text, one a line, each
// opened by its mark in order (`①千万工程：即…`, `[2] 三区三线：指…`, `¹ …`, `注1：…`, `【注1】…`, `注①…`, `*…`,
// `[ii] …`, `⑵…`), or, without such a close,
// notes set among the paragraphs under their marks (`interleavedNotes`). Brought into the `[footnoteRef:N]`
// shape and read by `importMarkedFootnotes`, so a note without its own head takes the term the body
// writes at the mark. Asked only when a text has no 名词解释 appendix (import-report.ts).
import { importAppendixText } from './appendix';
import type { FootnoteText } from './footnote-text';
import { importMarkedFootnotes } from './footnote-text';
import { circled, circledNumber, fromSuperscript, parenthesized, parenthesizedNumber, roman, romanNumber, toSuperscript } from './marks';
import { splitNote } from './notes';
import { stripQuotes } from './term-forms';
import type { ImportOptions } from './options';
import type { ImportResult } from './types';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** One way of marking notes: how a note line opens, and how the body refers to note `n`. */
interface MarkStyle {
  /** The mark opening a note line; its number is group 1. */
  note: RegExp;
  number: (mark: string) => number;
  /** The body's reference to note `n` (global). */
  ref: (n: number) => RegExp;
}

const STYLES: readonly MarkStyle[] = [
  { note: /^([①-⑳])\s*/u, number: circledNumber, ref: (n) => new RegExp(circled(n), 'gu') },
  {
    note: /^[[［〔]\s*(\d{1,2})\s*[\]］〕]\s*/u,
    number: Number,
    ref: (n) => new RegExp(`[[［〔]\\s*${n}\\s*[\\]］〕](?![:：])`, 'gu'),
  },
  // Word numbers endnotes i, ii, iii… by default; a report saved as text writes them `[i]`.
  {
    note: /^[[［]\s*([ivxlIVXL]{1,7})\s*[\]］]\s*/u,
    number: romanNumber,
    ref: (n) => new RegExp(`[[［]\\s*(?:${roman(n)}|${roman(n).toUpperCase()})\\s*[\\]］](?![:：])`, 'gu'),
  },
  { note: /^([⑴-⒇])\s*/u, number: parenthesizedNumber, ref: (n) => new RegExp(parenthesized(n), 'gu') },
  { note: /^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})\s*/u, number: (mark) => Number(fromSuperscript(mark)), ref: (n) => new RegExp(`${escape(toSuperscript(n))}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])`, 'gu') },
  { note: /^注\s*(\d{1,2})\s*[：:.．、]\s*/u, number: Number, ref: (n) => new RegExp(`[（(]注\\s*${n}[）)]|\\[注\\s*${n}\\]`, 'gu') },
  // `[注1]` `【注1】` `〔注1〕` `（注1）` opening the notes as they mark the body.
  {
    note: /^[[［【〔（(]\s*注\s*(\d{1,2})\s*[\]］】〕）)]\s*[：:.．、]?\s*/u,
    number: Number,
    ref: (n) => new RegExp(`[[［【〔（(]\\s*注\\s*${n}\\s*[\\]］】〕）)]`, 'gu'),
  },
  // `注①`, bracketed or not, in the body and opening the notes.
  {
    note: /^[[［【〔（(]?\s*注\s*([①-⑳])\s*[\]］】〕）)]?\s*[：:.．、]?\s*/u,
    number: circledNumber,
    ref: (n) => new RegExp(`[[［【〔（(]?\\s*注\\s*${circled(n)}\\s*[\\]］】〕）)]?`, 'gu'),
  },
  // `*` `**` `***` after the term, and opening the notes in that order (`*三清行动：…`): no space after
  // the asterisks (`* item` is a Markdown bullet) and none closing the line (`*italic*`).
  {
    note: /^(\*{1,3})(?=[^\s*])(?!.*\*\s*$)/u,
    number: (mark) => mark.length,
    ref: (n) => new RegExp(`(?<=[\\p{Script=Han}”」’』）)])(?<!\\*)\\*{${n}}(?!\\*)`, 'gu'),
  },
];

/**
 * Lines a note may run on after its first, before the next mark: only while it has not ended a
 * sentence (a note cut where its line wrapped), so that the body going on after notes is no note.
 */
const MAX_CONTINUATION = 4;

/** Lines of a page's footer closing a web page's text (主办单位：…, 版权所有, 网站标识码 …), at most this many. */
const MAX_TRAILER_LINES = 15;
const MAX_TRAILER_CHARS = 60;

/**
 * Whether `lines` (what follows the notes) are a web page's footer, not the body going on: a few
 * short lines, none ending a sentence (a paragraph of a report ends with 。).
 */
function isPageTrailer(lines: readonly string[]): boolean {
  const rest = lines.map((line) => line.trim()).filter((line) => line.length > 0);
  return rest.length <= MAX_TRAILER_LINES && rest.every((line) => [...line].length <= MAX_TRAILER_CHARS && !/[。！？；]$/u.test(line));
}

/** The closing notes of `lines` in `style`, from note 1: their first line and text; undefined without. */
function closingNotes(lines: readonly string[], style: MarkStyle, lineNumbers?: readonly number[]): { from: number; notes: Map<number, FootnoteText> } | undefined {
  // The last line that opens note 1; the notes run from it to the end of the text.
  for (let from = lines.length - 1; from >= 0; from--) {
    const first = style.note.exec(lines[from]!.trim());
    if (!first || style.number(first[1]!) !== 1) continue;
    const notes = new Map<number, FootnoteText>();
    let current: FootnoteText | undefined;
    let continued = 0;
    let ok = true;
    for (let i = from; i < lines.length && ok; i++) {
      const line = lines[i]!.trim();
      if (line.length === 0) continue;
      const mark = style.note.exec(line);
      if (mark && style.number(mark[1]!) === notes.size + 1) {
        current = { content: line.slice(mark[0].length), line: lineNumbers?.[i] ?? i + 1 };
        notes.set(notes.size + 1, current);
        continued = 0;
      } else if (current && !mark && !/[。！？]$/u.test(current.content) && ++continued <= MAX_CONTINUATION) current.content += `\n${line}`;
      else if (current && isPageTrailer(lines.slice(i))) break;
      else ok = false;
    }
    return ok ? { from, notes } : undefined;
  }
  return undefined;
}

/** Body lines looked back over for a note's mark, from the note's own line (a page of a PDF's text). */
const INTERLEAVED_WINDOW = 80;

/**
 * Notes set among the body's paragraphs, not closing the text: a page made from a PDF whose notes
 * closed each of its pages, a report that notes a paragraph right under it (`①三清行动：…` after the
 * paragraph holding “三清”行动①). A line opened by a mark is a note only when it has a head and the
 * body, after the last note's mark and within INTERLEAVED_WINDOW lines before it, writes that head
 * right before the same mark (quotes aside): an enumeration (`①清河道；②清垃圾`, `①清河道：…` under
 * it) writes its marks before its words. Numbers may start again (a page's `*`, `**`); the notes
 * are numbered in order. The body without the note lines, each mark read replaced by
 * `[footnoteRef:N]`, and the notes; undefined when no line is such a note.
 */
function interleavedNotes(lines: readonly string[], style: MarkStyle, lineNumbers?: readonly number[]): { body: string; notes: Map<number, FootnoteText> } | undefined {
  const body: string[] = [];
  const notes = new Map<number, FootnoteText>();
  // Where the last mark read ends: body line and offset in it.
  let lastLine = 0;
  let lastAt = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const mark = style.note.exec(line);
    const content = mark ? line.slice(mark[0].length) : '';
    const head = mark ? stripQuotes(splitNote(content).head) : '';
    if (mark && head.length > 0) {
      const ref = style.ref(style.number(mark[1]!));
      const from = Math.max(lastLine, body.length - INTERLEAVED_WINDOW);
      let found: { line: number; at: number; length: number } | undefined;
      for (let b = from; b < body.length && !found; b++) {
        ref.lastIndex = b === lastLine ? lastAt : 0;
        for (let m = ref.exec(body[b]!); m; m = ref.exec(body[b]!)) {
          if (stripQuotes(body[b]!.slice(0, m.index)).trimEnd().endsWith(head)) {
            found = { line: b, at: m.index, length: m[0].length };
            break;
          }
        }
      }
      if (found) {
        const n = notes.size + 1;
        notes.set(n, { content, line: lineNumbers?.[i] ?? i + 1 });
        const text = body[found.line]!;
        const placeholder = `[footnoteRef:${n}]`;
        body[found.line] = text.slice(0, found.at) + placeholder + text.slice(found.at + found.length);
        lastLine = found.line;
        lastAt = found.at + placeholder.length;
        continue;
      }
    }
    body.push(lines[i]!);
  }
  return notes.size > 0 ? { body: body.join('\n'), notes } : undefined;
}

/** A line of notes opened by 注： (`注：①三清行动：…。②四送：…。`), the label's part of no note. */
const NOTES_LABEL = /^(?:注|注释|说明)[：:]\s*(?=[①-⑳[［])/u;
/** Where a second note begins on one line: after a sentence's end, a circled or bracketed number. */
const NEXT_NOTE = /(?<=[。；;])\s*(?=[①-⑳]|[[［]\s*\d{1,2}\s*[\]］])/u;

/**
 * A line as note lines: notes run together on one line (`①三清行动：…。②四送：…。`, also after 注：)
 * are one line each; a line of no notes stays as it is.
 */
function noteLines(line: string): string[] {
  const notes = line.trim().replace(NOTES_LABEL, '');
  if (!/^(?:[①-⑳]|[[［]\s*\d{1,2}\s*[\]］])/u.test(notes)) return [line];
  return notes.split(NEXT_NOTE);
}

/**
 * Entries for the plain-text footnotes of `text`, or undefined when it has none: a closing run of
 * notes 1, 2, … in one mark style, each of whose marks the body before them uses.
 */
export function importPlainFootnotes(text: string, options: ImportOptions = {}): ImportResult | undefined {
  // Each line of notes run together becomes one line per note, keeping the line it came from.
  const parts = text.split('\n').flatMap((line, index) => noteLines(line).map((part) => ({ part, line: index + 1 })));
  const lines = parts.map(({ part }) => part);
  const lineNumbers = parts.map(({ line }) => line);
  for (const style of STYLES) {
    const found = closingNotes(lines, style, lineNumbers);
    if (!found) continue;
    let body = lines.slice(0, found.from).join('\n');
    const referenced = [...found.notes.keys()].every((n) => style.ref(n).test(body));
    if (!referenced) continue;
    for (const n of found.notes.keys()) body = body.replace(style.ref(n), `[footnoteRef:${n}]`);
    return importMarkedFootnotes(body, found.notes, options);
  }
  // No closing notes: notes set among the paragraphs, in the style that finds the most.
  let most: ReturnType<typeof interleavedNotes>;
  for (const style of STYLES) {
    const found = interleavedNotes(lines, style, lineNumbers);
    if (found && found.notes.size > (most?.notes.size ?? 0)) most = found;
  }
  return most && importMarkedFootnotes(most.body, most.notes, options);
}

/**
 * A text report's 名词解释 appendix, or where it has none (no entries read), its plain-text
 * footnotes; the appendix's result (and its problems) when neither gives entries.
 */
export function importAppendixOrFootnotes(text: string, options: ImportOptions = {}): ImportResult {
  const appendix = importAppendixText(text, options);
  if (appendix.entries.length > 0) return appendix;
  const footnotes = importPlainFootnotes(text, options);
  return footnotes && footnotes.entries.length > 0 ? footnotes : appendix;
}
