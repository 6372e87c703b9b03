// Imports a report's 名词解释 appendix: numbered entries in the styles the corpus shows
// (`**1.“三个转变”：**…`, `1、…：…`, `（1）…：…`, `[1]…`, whole-line bold, 报告原文/解释 pairs),
// one entry per line or several run together, in text, markdown, or text extracted from HTML/.docx.
import { buildEntries } from './entries';
import { readReportHead } from './report-head';
import { splitNote } from './notes';
import type { ImportOptions } from './options';
import { cleanHead } from './term-forms';
import type { ImportProblem, ImportResult, RawNote } from './types';

const HEADING =
  /(^|\n|[。！？!?])[ \t]*(?:#+[ \t]*)?(?:\*\*)?[ \t]*(?:附[：:]?)?[ \t]*(?:\*\*)?名词(?:解释|注释)(?:和说明|及说明)?[ \t]*(?:\*\*)?[：:]?(?:>+)?[ \t]*(?:\*\*)?/gu;
const NUMBER = /^(?:（\s*(\d+)\s*）|\(\s*(\d+)\s*\)|【(\d+)】|\[(\d+)\]|(\d+)\s*[.．、](?!\d))/u;
const HEAD_LINE = /^[^：:。]{1,30}[：:]/u;
const PAIR = /报告原文[】\]]?[：:]?([\s\S]*?)[【[]?解释[】\]]?[：:]([\s\S]*)/u;

interface NumberedLine {
  number: number;
  rest: string;
}

/** Offset just after the 名词解释 heading that starts the appendix, or -1 when there is none. */
export function findAppendix(text: string): number {
  let found = -1;
  for (const match of text.matchAll(HEADING)) {
    const after = match.index + match[0].length;
    const next = text.slice(after, after + 40).replace(/^[\s*>：:]+/u, '');
    if (NUMBER.test(next) || /^报告原文/u.test(next) || /^[^\n：:]{1,30}[：:]/u.test(next)) found = after;
  }
  return found;
}

function stripDecoration(line: string): string {
  return line
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/^[\s>#*-]+(?=\S)/u, '')
    .replace(/^\*+|\*+$/gu, '')
    .trim();
}

/** Reads a leading entry number, preferring the expected one (so `5.251三年行动计划` is entry 5). */
function readNumber(line: string, expected: number): NumberedLine | undefined {
  const text = line.replace(/^\*+\s*/u, '');
  const preferred = new RegExp(`^(?:${expected}\\s*[.．、]|（${expected}）|\\[${expected}\\]|【${expected}】)`, 'u').exec(text);
  if (preferred) return { number: expected, rest: text.slice(preferred[0].length) };
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  const value = Number(match.slice(1).find((group) => group !== undefined));
  return { number: value, rest: text.slice(match[0].length) };
}

/** Splits one entry's text where the next numbered entry was run into it (`…。2、…：…`). */
function splitRunTogether(number: number, text: string): NumberedLine[] {
  const result: NumberedLine[] = [];
  let current = { number, rest: text };
  for (;;) {
    const next = current.number + 1;
    const at = new RegExp(`[。！？；]\\s*(?:\\*\\*)?(?:${next}\\s*[.．、]|（${next}）)`, 'u').exec(current.rest);
    if (!at) break;
    const cut = at.index + 1;
    result.push({ number: current.number, rest: current.rest.slice(0, cut) });
    current = { number: next, rest: current.rest.slice(cut).replace(/^\s*(?:\*\*)?/u, '').replace(/^(?:\d+\s*[.．、]|（\d+）)/u, '') };
  }
  result.push(current);
  return result;
}

function toNote(entry: NumberedLine, line: number): RawNote | ImportProblem {
  const text = entry.rest.replace(/\*\*/gu, '').trim();
  const pair = PAIR.exec(text);
  if (pair) {
    const original = pair[1] ?? '';
    const explained = splitNote(pair[2] ?? '');
    const quoted = original.match(/[“"「][^“”"「」]{1,30}[”"」]/gu)?.join('') ?? '';
    const head = explained.head || quoted;
    if (head.length === 0) return { severity: 'error', line, message: `名词解释第 ${entry.number} 条：报告原文中没有加引号的术语 / no quoted term in 报告原文` };
    return { head, definition: explained.definition, number: entry.number, line };
  }
  const note = splitNote(text);
  if (note.head.length === 0) {
    return { severity: 'error', line, message: `名词解释第 ${entry.number} 条：找不到“术语：解释”中的冒号 / no "term: definition" colon` };
  }
  return { head: cleanHead(note.head), definition: note.definition, number: entry.number, line };
}

function isProblem(value: RawNote | ImportProblem): value is ImportProblem {
  return 'severity' in value;
}

/**
 * The entries of the 名词解释 appendix of `text` (appendix numbers as written; a gap in the
 * numbering is reported). No appendix gives no entries and one problem.
 */
export function importAppendixText(text: string, options: ImportOptions = {}): ImportResult {
  const source = { ...readReportHead(text), kind: '名词解释' as const };
  const start = findAppendix(text);
  if (start < 0) {
    return { source, entries: [], problems: [{ severity: 'error', message: '找不到“名词解释”附录 / no 名词解释 appendix found' }] };
  }
  const firstLine = text.slice(0, start).split('\n').length;
  const lines = text.slice(start).split(/\r?\n/u);
  const problems: ImportProblem[] = [];
  const entries: { entry: NumberedLine; line: number }[] = [];
  let mode: 'numbered' | 'unnumbered' | undefined;
  for (const [index, raw] of lines.entries()) {
    const line = stripDecoration(raw);
    if (line.length === 0) continue;
    const lineNumber = firstLine + index;
    const expected = (entries.at(-1)?.entry.number ?? 0) + 1;
    const numbered = mode === 'unnumbered' ? undefined : readNumber(line, expected);
    if (numbered) {
      if (numbered.number !== expected) {
        problems.push({ severity: 'warning', line: lineNumber, message: `名词解释编号从 ${expected - 1} 跳到 ${numbered.number} / numbering jumps` });
      }
      mode = 'numbered';
      entries.push({ entry: numbered, line: lineNumber });
      continue;
    }
    if (mode === undefined && HEAD_LINE.test(line)) mode = 'unnumbered';
    if (mode === 'unnumbered' && HEAD_LINE.test(line)) {
      entries.push({ entry: { number: expected, rest: line }, line: lineNumber });
      continue;
    }
    const last = entries.at(-1);
    if (!last || line.length < 15 || !/[。；！？)）]$/u.test(line)) break;
    last.entry.rest += `\n${line}`;
  }
  const notes: RawNote[] = [];
  for (const { entry, line } of entries) {
    for (const part of splitRunTogether(entry.number, entry.rest)) {
      const note = toNote(part, line);
      if (isProblem(note)) problems.push(note);
      else notes.push(note);
    }
  }
  const built = buildEntries(notes, { numbering: 'appendix', reservedIds: options.reservedIds });
  return { source, entries: built.entries, problems: [...problems, ...built.problems] };
}
