// Notes written where they are anchored (RTF's \footnote, OpenDocument's text:note): a reader leaves
// an anchor mark in the text it reads and collects each note's text; this numbers the notes as Word
// shows them (footnotes in the order of their anchors, then endnotes, as a .doc's are read) and puts
// `[footnoteRef:N]` in place of the anchors.
import { importMarkedFootnotes, type FootnoteText } from './footnote-text';
import type { ImportOptions } from './options';
import { importAppendixOrFootnotes } from './plain-footnotes';
import type { ImportResult } from './types';

/** A note read where it is anchored: its kind and its text, in pieces. */
export interface InlineNote {
  kind: 'foot' | 'end';
  text: string[];
}

/** The anchor of note `index` (of the reader's list) in the text read: a noncharacter no document holds. */
export const anchorMark = (index: number): string => `\uFDD0${index}\uFDD0`;

/** The body with `[footnoteRef:N]` marks, and note N's text as `footnotes[N - 1]`. */
export function numberInlineNotes(body: string, notes: readonly InlineNote[]): { body: string; footnotes: string[] } {
  const numbers = new Map<number, number>();
  for (const kind of ['foot', 'end'] as const) notes.forEach((note, index) => note.kind === kind && numbers.set(index, numbers.size + 1));
  const footnotes: string[] = [];
  for (const [index, number] of numbers) footnotes[number - 1] = tidy(notes[index]!.text.join('')).trim();
  const marked = body.replace(/\uFDD0(\d+)\uFDD0/gu, (_, index: string) => `[footnoteRef:${numbers.get(Number(index))}]`);
  return { body: tidy(marked), footnotes };
}

/** Lines without trailing spaces (a table row's last tab among them) or CR, an anchor inside a note gone. */
const tidy = (text: string): string =>
  text
    .replace(/\uFDD0\d+\uFDD0/gu, '')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\r]+$/u, ''))
    .join('\n');

/**
 * Entries of a text whose notes were read where they are anchored (`numberInlineNotes`' result):
 * the notes, or with none that has text the body's 名词解释 appendix (RTF, OpenDocument).
 */
export function importInlineNoted(text: { body: string; footnotes: readonly string[] }, options: ImportOptions = {}): ImportResult {
  if (text.footnotes.every((note) => note.length === 0)) return importAppendixOrFootnotes(text.body.replace(/\[footnoteRef:\d+\]/gu, ''), options);
  return importMarkedFootnotes(text.body, new Map<number, FootnoteText>(text.footnotes.map((content, i) => [i + 1, { content }])), options);
}
