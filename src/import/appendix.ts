// Imports a report's 名词解释 appendix, read from its structure rather than from known layouts: a
// heading line that names the appendix (or, without one, a closing run of numbered entries), entries
// segmented by one consistent marker (`1.` `1、` `（1）` `[1]` `【1】` `〔1〕` … `⑴` `❶` `㈠` `Ⅰ.` `1）`
// `A.` `第一条`, or unnumbered `term：definition` lines, also behind a bullet ◆ ● ■ …), and each entry
// split into head and definition. How one line reads is appendix-heads.ts, its entry number
// appendix-numbers.ts, and what of the text is the page's or the print's, not the report's, appendix-layout.ts.
import { buildEntries } from './entries';
import { readReportHead } from './report-head';
import { splitNote } from './notes';
import type { ImportOptions } from './options';
import { cleanHead, stripQuotes, unspaced } from './term-forms';
import type { ImportProblem, ImportResult, RawNote } from './types';
import { ANSWER, BOLD_HEAD, HEADING_WORD, MAX_HEAD, PAIR, PAIR_START, SPACED_HEAD, bracketHead, bracketOpen, colonHead, dashHead, headColon, isHeadLine, lineHead, pageHead, plainVerbHead, questionHead, quotedLead, separatedHead, spacedEntry, stopHead, stripDecoration, termThenSentence, verbHead } from './appendix-heads';
import { CLOSE, type NumberedLine, OPEN, readNumber } from './appendix-numbers';
import { CREDIT_LINE, NEXT_ANNEX, PAGE_FURNITURE, PAGE_NUMBER_LINE, RUN_ON_MIN, continues, runningLines } from './appendix-layout';

/**
 * A heading glued to the end of the last paragraph (`…奋斗！主要名词解释：1、…`), or opening the line
 * its entries run on (`名词解释：“两重”：…；“两新”：…`).
 */
const GLUED_HEADING = /(?:^|[。！？!?])[ \t]*(?:\*\*)?[^。！？!?\n，,：:“”]{0,16}?(?:名词|词语|用语|术语)(?:解释|注释|说明|释义)[^。！？!?\n，,“”]{0,12}?(?:[：:]|\*\*|(?=\n)|(?=\s*(?:\d|（\d)))(?:\*\*)?/gmu;
/** Lines that only describe the list, such as （以在报告中出现的先后为序）. */
const MAX_PREAMBLE_LINES = 3;

/**
 * An unnumbered `term。definition` line (`三区三线。城镇空间、农业空间…`): a head ended by 。 that the
 * report's body writes (`body`, its quotes taken out), and a sentence after it. Nothing else marks
 * such a head, so the body must name it: a definition's own next sentence (`主要包括三个方面。一是…`)
 * is not a term the report uses.
 */
function bodyStopEntry(text: string, body: () => string): boolean {
  const read = stopHead(text);
  if (!read || !/[。；！？）)”]$/u.test(text) || [...read.definition].length < 6 || !/\p{Script=Han}/u.test(read.definition)) return false;
  const head = stripQuotes(read.head);
  return [...head].length >= 2 && body().includes(head);
}

/** The text before `end` without its quotes, made when first asked for (a page may be megabytes long). */
function quotelessBefore(text: string, end: number): () => string {
  let body: string | undefined;
  return () => (body ??= stripQuotes(text.slice(0, end)));
}

/**
 * An unnumbered entry line of a list whose heads are set off by a space (`spacedEntry`), by the
 * verb of its definition (`三区三线，指…`, `五好园区是指…`: `plainVerbHead`) or by 。 after a term the
 * body writes (`bodyStopEntry`).
 */
function listEntry(line: string, body: () => string): boolean {
  if (spacedEntry(line) !== undefined) return true;
  const text = line.replace(/\*\*/gu, '').trim();
  return plainVerbHead(text) !== undefined || bodyStopEntry(text, body);
}

/** Whether at least two of the first lines after a heading are `listEntry` lines. */
function opensSpacedEntries(lines: readonly string[], body: () => string): boolean {
  return lines.filter((line) => listEntry(line, body)).length >= 2;
}

/** Whether the text right after a heading starts like an appendix entry; `body` is the text before the heading, quotes taken out. */
function startsEntry(text: string, body: () => string): boolean {
  const lines = text
    .split('\n')
    .map((line) => asEntryLine(stripDecoration(line)))
    .filter((line) => line.length > 0)
    .slice(0, MAX_PREAMBLE_LINES + 2);
  if (opensSpacedEntries(lines.slice(0, MAX_PREAMBLE_LINES + 2), body)) return true;
  return lines.slice(0, MAX_PREAMBLE_LINES + 1).some((line, i) => {
    const numbered = readNumber(line, 1, true);
    const next = lines[i + 1] ?? '';
    if (numbered) {
      const rest = numbered.rest;
      return numbered.number <= 2 && (/[：:]/u.test(rest) || PAIR_START.test(rest) || BOLD_HEAD.test(rest) || SPACED_HEAD.test(rest.replace(/\*\*/gu, '')) || bracketHead(rest) !== undefined || dashHead(rest) !== undefined || verbHead(rest) !== undefined || pageHead(rest) !== undefined || stopHead(rest, numbered.number + 1) !== undefined || plainVerbHead(rest) !== undefined || quotedLead(rest) !== undefined || termThenSentence(rest, next));
    }
    return isHeadLine(line) || PAIR_START.test(line) || termThenSentence(line, next);
  });
}

/** Cells of a table header, not an entry: 名词 | 解释. */
const TABLE_HEADER = /^(?:序号|编号|名词|术语|词语|名称|提法|简称|用语)$|^(?:解释|释义|含义|说明|内容|注释|名词解释)$/u;

/**
 * A table row as an entry line: `| 1 | 三个一批 | 签约一批… |` (a markdown table) or the same
 * cells set apart by tabs (a table pasted as text) reads `1.三个一批：签约一批…`; a separator or
 * header row reads as nothing. Any other line is returned as it is, so is a line already headed
 * by a colon.
 */
function asEntryLine(line: string): string {
  const asked = questionHead(line);
  if (asked !== undefined) return asked;
  if (ANSWER.test(line)) return line.replace(ANSWER, '');
  const separated = separatedHead(line);
  if (separated !== undefined) return separated;
  if (!line.startsWith('|') && (!line.includes('\t') || colonHead(line))) return line;
  const cells = line.split(/\t|(?<!\\)\|/u).map((cell) => cell.trim()).filter((cell) => cell.length > 0);
  if (cells.length === 0 || cells.every((cell) => /^:?-{2,}:?$/u.test(cell) || TABLE_HEADER.test(cell))) return '';
  const number = /^[0-9０-９]{1,3}[.．、]?$/u.test(cells[0] ?? '') ? cells.shift()!.replace(/[.．、]$/u, '') : undefined;
  if (cells.length !== 2) return line;
  return `${number === undefined ? '' : `${number}.`}${cells[0]}：${cells[1]}`;
}

/** Spaces between two Han characters: a heading set with letter spacing (`名 词 解 释`, or full-width spaces). */
const SPACE_IN_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/** Whether a whole line is a heading naming the appendix (`【名词解释】`, `附录一：《政府工作报告》名词解释`, `名 词 解 释`). */
function isHeadingLine(line: string): boolean {
  const text = stripDecoration(line.replace(/<!--\s*([\s\S]*?)\s*-->/gu, '$1')).replace(/\*\*/gu, '').replace(SPACE_IN_HAN, '');
  return HEADING_WORD.test(text) && [...text].length <= 50 && !/[。；]$/u.test(text) && !/^\d/u.test(text);
}

/**
 * Offset just after the heading that starts the 名词解释 appendix, or -1 when there is none. The
 * heading is the last line (or end of a paragraph) naming the appendix that entries follow; with no
 * heading, the appendix is a closing run of numbered `term：definition` lines starting at 1 (unless `headless` is false).
 */
export function findAppendix(text: string, headless = true): number {
  let found = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    if (isHeadingLine(line) && startsEntry(text.slice(end, end + 2000), quotelessBefore(text, offset))) found = end;
    offset = end + 1;
  }
  for (const match of text.matchAll(GLUED_HEADING)) {
    const after = match.index + match[0].length;
    if (after > found && startsEntry(text.slice(after, after + 2000).replace(/^[\s*>：:]+/u, ''), quotelessBefore(text, match.index))) found = after;
  }
  // Notes that open on their 注： line (`注：①三区三线：…。②新质生产力：…`): only where no heading
  // named an appendix, as 注： also opens a table's notes in a report's body.
  if (found < 0) {
    for (const match of text.matchAll(GLUED_NOTES)) {
      const after = match.index + match[0].length;
      if (startsEntry(text.slice(after, after + 2000), quotelessBefore(text, match.index))) found = after;
    }
  }
  return found >= 0 || !headless ? found : headlessAppendix(text);
}

/** 注： opening a line, its first numbered note after it on the same line. */
const GLUED_NOTES = /^[^\S\n]*注[：:][^\S\n]*(?=①|1[.．、]|[（(]1[）)])/gmu;

/** Start of a closing run of at least three numbered `term：definition` lines 1, 2, 3…, or -1. */
function headlessAppendix(text: string): number {
  const lines = text.split('\n');
  let offset = text.length;
  let run = 0;
  let next = -1;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const raw = lines[i] ?? '';
    offset -= raw.length + (i < lines.length - 1 ? 1 : 0);
    const line = stripDecoration(raw);
    if (line.length === 0) continue;
    const numbered = readNumber(line, 1);
    // Colons only: without a heading, a closing list of 工业——增长… is no appendix.
    if (!numbered || !isHeadLine(numbered.rest, true)) continue;
    if (next !== -1 && numbered.number !== next - 1) continue;
    run += 1;
    next = numbered.number;
    if (numbered.number === 1) return run >= 3 ? Math.max(0, offset) : -1;
  }
  return -1;
}

/**
 * Splits one entry's text where the next numbered entry was run into it (`…。2、…：…`): after a
 * sentence's end, the next number and a head (`（1）清垃圾；（2）清河道。` are points of the definition).
 */
function splitRunTogether(number: number, text: string, bracketed = false, circled = false): NumberedLine[] {
  const result: NumberedLine[] = [];
  let current = { number, rest: text };
  for (;;) {
    const next = current.number + 1;
    // Only the next number written as this entry's is (`1.…（2）…` is a point of entry 1's definition;
    // `①…。②…` circled entries run together, as notes under 注： are written).
    if (circled && next > 20) break;
    const written = circled ? String.fromCharCode(0x245f + next) : bracketed ? `${OPEN}${next}${CLOSE}` : `${next}\\s*[.．、]`;
    const marker = new RegExp(`[。！？；]\\s*(?:\\*\\*)?${written}`, 'gu');
    const entryAfter = (at: RegExpExecArray): string =>
      current.rest.slice(at.index + 1).replace(/^\s*(?:\*\*)?/u, '').replace(new RegExp(`^(?:\\d+\\s*[.．、]|${OPEN}\\d+${CLOSE}|[①-⑳])`, 'u'), '');
    // Where this entry ends and what the next one holds.
    let cut: { end: number; rest: string } | undefined;
    let at: RegExpExecArray | null;
    while ((at = marker.exec(current.rest)) !== null && !isHeadLine(entryAfter(at).split('\n')[0]!.trim()));
    if (at) cut = { end: at.index + 1, rest: entryAfter(at) };
    // Also with no sentence end before it (`…面积100平方公里4、三馆一站：文化馆…`): after a character that
    // ends no number, and before a short colon head.
    else if (!bracketed && !circled) {
      const bare = new RegExp(`(?<=[\\p{Script=Han}）)”」])(?:${next}\\s*[.．、])`, 'gu');
      while ((at = bare.exec(current.rest)) !== null) {
        const after = current.rest.slice(at.index + at[0].length).split('\n')[0]!;
        const colon = headColon(after);
        if (colonHead(after) && colon > 0 && colon <= 12) break;
      }
      if (at) cut = { end: at.index, rest: current.rest.slice(at.index + at[0].length) };
    }
    if (!cut) break;
    result.push({ number: current.number, rest: current.rest.slice(0, cut.end) });
    current = { number: next, rest: cut.rest };
  }
  result.push(current);
  return result;
}

/** A full stop or semicolon, then what may head another entry: `“term”…：` or an unquoted `term：`. */
const NEXT_ENTRY = /(?<=[。；;])\s*(?:“[^“”]{1,20}”[^，。；：:“”\s]{0,8}|([^，。；：:“”、\s]{2,16}))[：:]/gu;

/**
 * Splits an unnumbered line where a second `“term”：definition` follows a full stop or a semicolon,
 * or a second `term：definition` whose term the report's body (`body`, its quotes taken out) writes
 * (`…控制线。五好园区：指…` on one line; a definition's own `…。其中：` is no term of the body) and the
 * entry's head does not name (`三偏四短：三偏：…。四短：…` explains its parts).
 */
function splitUnnumbered(line: string, body: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const next of line.matchAll(NEXT_ENTRY)) {
    const head = line.slice(from, next.index).split(/[：:]/u)[0]!;
    if (next[1] !== undefined && (!body.includes(next[1]) || head.includes(next[1]))) continue;
    parts.push(line.slice(from, next.index));
    from = next.index;
  }
  parts.push(line.slice(from));
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/** An entry's note (readNote), its definition without letter-spacing (`清 河 道 、…`: unspaced). */
function toNote(entry: NumberedLine, line: number): RawNote | ImportProblem {
  const note = readNote(entry, line);
  return isProblem(note) ? note : { ...note, definition: unspaced(note.definition) };
}

function readNote(entry: NumberedLine, line: number): RawNote | ImportProblem {
  const text = entry.rest.replace(/\*\*/gu, '').trim();
  const spaced = entry.style === 'spaced' ? spacedEntry(text.split('\n')[0]!) : undefined;
  if (spaced) return { head: cleanHead(spaced.head), definition: text.slice(text.indexOf(spaced.definition)).trim(), number: entry.number, line };
  const bold = BOLD_HEAD.exec(entry.rest.trim());
  if (bold && !/^\s*[：:]/u.test(entry.rest.trim().slice(bold[0].length))) {
    return { head: cleanHead(bold[1] ?? ''), definition: entry.rest.trim().slice(bold[0].length).replace(/\*\*/gu, '').trim(), number: entry.number, line };
  }
  const bracketed = bracketHead(text) ?? dashHead(text) ?? verbHead(text) ?? pageHead(text) ?? lineHead(text) ?? stopHead(text, entry.number + 1) ?? plainVerbHead(text);
  if (bracketed) return { head: cleanHead(bracketed.head), definition: bracketed.definition, number: entry.number, line };
  const pair = PAIR.exec(text);
  if (pair) {
    const before = cleanHead(text.slice(0, pair.index));
    const original = pair[1] ?? '';
    const explained = splitNote(pair[2] ?? '');
    const quoted = original.match(/[“"「][^“”"「」]{1,30}[”"」]/gu)?.join('') ?? '';
    const head = explained.head || before || quoted;
    if (head.length === 0) return { severity: 'error', line, message: `名词解释第 ${entry.number} 条：报告原文中没有加引号的术语 / no quoted term in 报告原文` };
    return { head, definition: explained.definition, number: entry.number, line };
  }
  const colon = headColon(text);
  // A space inside brackets (`新质生产力（New Quality Productive Forces）：…`) sets no head off.
  const spacedMatch = SPACED_HEAD.exec(text);
  const spacedHead = spacedMatch && !bracketOpen(spacedMatch[1] ?? '') ? spacedMatch : null;
  // Last, a quoted name its definition follows at once: where no space or colon sets a head off.
  const lead = spacedHead && !isHeadLine(text) ? undefined : quotedLead(text);
  if (lead) return { head: cleanHead(lead.head), definition: lead.definition, number: entry.number, line };
  const note =
    spacedHead && !isHeadLine(text)
      ? { head: cleanHead(spacedHead[1] ?? ''), definition: text.slice(spacedHead[0].length).trim() }
      : colon > 0 && colon <= 60
        ? { head: cleanHead(text.slice(0, colon)), definition: text.slice(colon + 1).trim() }
        : splitNote(text);
  if (note.head.length === 0) {
    return { severity: 'error', line, message: `名词解释第 ${entry.number} 条：找不到“术语：解释”中的冒号 / no "term: definition" colon` };
  }
  return { head: cleanHead(note.head), definition: note.definition, number: entry.number, line };
}

/**
 * Whether `lines[index]` is the number `expected` alone on its line (a PDF's or a table's number
 * column read as a line of its own) and the next line an entry's head and definition with no number
 * of its own: that line then gets the number (`N.` before it). A page number that happens to be the
 * expected one stays a line of its own before text that opens no entry.
 */
function numberAlone(line: string, expected: number, lines: string[], index: number): boolean {
  if (!/^\d{1,3}$/u.test(line) || Number(line) !== expected) return false;
  let next = index + 1;
  while (next < lines.length && lines[next]!.length === 0) next++;
  const entry = lines[next];
  if (entry === undefined || readNumber(entry, expected, true) !== undefined) return false;
  if (!isHeadLine(entry) && quotedLead(entry) === undefined && plainVerbHead(entry) === undefined) return false;
  lines[next] = `${line}.${entry}`;
  return true;
}

function isProblem(value: RawNote | ImportProblem): value is ImportProblem {
  return 'severity' in value;
}

/**
 * Whether an entry's text stops inside a sentence, its definition begun: its last line, as long as a
 * wrapped line, ends with a Chinese character or a comma after the head's colon (`清违建，推进城乡环`
 * / `境整治工作。`). A head alone on its line (`1.“三清”行动`, its definition on the next) is no such text.
 */
function runsOn(rest: string): boolean {
  const lastLine = rest.slice(rest.lastIndexOf('\n') + 1);
  return /[\p{Script=Han}、，,]$/u.test(lastLine) && (rest.includes('\n') || headColon(rest) > 0) && [...lastLine].length >= RUN_ON_MIN;
}

/**
 * `plain`, a document's reading without its formatting, unless it found no entries, or failed to read
 * some, and the appendix of the same text with its bold runs marked (`boldMarked`: the HTML and Word
 * readers', undefined when nothing is bold) reads more: an appendix whose heads are set in bold
 * without a colon reads only so (all of it, or the entries whose definition starts with no space).
 */
export function withBoldHeads(plain: ImportResult, boldMarked: () => string | undefined, options: ImportOptions = {}): ImportResult {
  if (plain.entries.length > 0 && !plain.problems.some((problem) => problem.severity === 'error')) return plain;
  const marked = boldMarked();
  const bold = marked === undefined ? undefined : importAppendixText(marked, options);
  return bold && bold.entries.length > plain.entries.length ? bold : plain;
}

/**
 * The entries of the 名词解释 appendix of `text` (appendix numbers as written; a gap in the
 * numbering is reported). No appendix gives no entries and one problem.
 */
export function importAppendixText(text: string, options: ImportOptions = {}): ImportResult {
  const source = { ...readReportHead(text), kind: '名词解释' as const };
  const start = findAppendix(text, options.headedOnly !== true);
  if (start < 0) {
    return { source, entries: [], problems: [{ severity: 'error', message: '找不到“名词解释”附录 / no 名词解释 appendix found' }] };
  }
  const firstLine = text.slice(0, start).split('\n').length;
  // Each line without its decoration, a table row as an entry line (asEntryLine): made once, as the
  // loop reads the line after each.
  // A page number (PAGE_NUMBER_LINE) is kept as it is, not undecorated (`— 23 —`), for the loop to pass over.
  const lines = text
    .slice(start)
    .split(/\r?\n/u)
    .map((raw) => (PAGE_NUMBER_LINE.test(raw.trim()) ? raw.trim() : asEntryLine(stripDecoration(raw))));
  const problems: ImportProblem[] = [];
  const entries: { entry: NumberedLine; line: number }[] = [];
  let mode: 'numbered' | 'unnumbered' | 'spaced' | undefined;
  let preamble = 0;
  /** Whether the last line was a point of an entry's definition (`（1）清垃圾；`). */
  let inPoints = false;
  // The body before the appendix without its quotes, for heads nothing else marks (bodyStopEntry)
  // and the terms of entries run together (splitUnnumbered).
  const body = quotelessBefore(text, start);
  const running = runningLines(text);
  // An appendix whose entries are `listEntry` lines: its first lines say so.
  const spacedList = opensSpacedEntries(lines.filter((line) => line.length > 0).slice(0, MAX_PREAMBLE_LINES + 2), body);
  for (const [index, line] of lines.entries()) {
    if (line.length === 0) continue;
    const lineNumber = firstLine + index;
    const expected = (entries.at(-1)?.entry.number ?? 0) + 1;
    if (mode !== 'unnumbered' && mode !== 'spaced' && numberAlone(line, expected, lines, index)) continue;
    if (PAGE_NUMBER_LINE.test(line)) continue;
    const read = mode === 'unnumbered' || mode === 'spaced' ? undefined : readNumber(line, expected, true);
    // Entries keep to the way the first is numbered where that is one of the other kinds (⑴, 1）, A.).
    // A line numbered otherwise than the list (in brackets, circled, digits) and not next in it is a
    // point of the entry before, and so is the next one while points are listed (`1.三清行动：包括：`
    // / `（1）清垃圾；` / `（2）清河道。`).
    const first = entries[0]?.entry;
    const lastEntry = entries.at(-1);
    const point = read !== undefined && mode === 'numbered' && first !== undefined && read.style === first.style && read.mark !== first.mark && (read.number !== expected || inPoints);
    if (point) {
      entries.at(-1)!.entry.rest += `\n${line}`;
      inPoints = true;
      continue;
    }
    inPoints = false;
    // A number that opens a line the entry before runs on into is part of its sentence (`…整治河道` /
    // `2.5万公里，…`), unless a head follows it.
    const wrapped = read !== undefined && lastEntry !== undefined && /^\d/u.test(read.rest) && headColon(read.rest) <= 0 && runsOn(lastEntry.entry.rest);
    const numbered = read && !wrapped && (!first || read.style === first.style) ? read : undefined;
    if (numbered && (mode === 'numbered' || numbered.number <= 2)) {
      mode = 'numbered';
      entries.push({ entry: numbered, line: lineNumber });
      continue;
    }
    if (PAGE_FURNITURE.test(line) || CREDIT_LINE.test(line) || NEXT_ANNEX.test(line)) {
      // The page around the report: after entries it ends the appendix; before them it is preamble.
      if (entries.length > 0) break;
      preamble += 1;
      if (preamble > MAX_PREAMBLE_LINES) break;
      continue;
    }
    // Such an appendix mixes its heads: a line any head reader takes starts an entry too.
    if (spacedList && mode !== 'numbered' && (listEntry(line, body) || isHeadLine(line))) {
      mode = 'spaced';
      entries.push({ entry: { number: expected, rest: line, style: 'spaced' }, line: lineNumber });
      continue;
    }
    let next = index + 1;
    while (next < lines.length && lines[next]!.length === 0) next++;
    const nextLine = lines[next] ?? '';
    const termBeforePair = mode !== 'numbered' && !/[：:。，；]/u.test(line) && [...line].length <= MAX_HEAD && PAIR_START.test(nextLine);
    // A term alone on its line, its definition on the next (termThenSentence).
    const termAlone = mode !== 'numbered' && !termBeforePair && termThenSentence(line, nextLine);
    if (mode !== 'numbered' && mode !== 'spaced' && (isHeadLine(line) || termBeforePair || termAlone)) {
      mode = 'unnumbered';
      // A bold head says where its entry starts; its definition may quote another term before a colon.
      for (const part of termBeforePair || termAlone || BOLD_HEAD.test(line) ? [line] : splitUnnumbered(line, body())) {
        entries.push({ entry: { number: (entries.at(-1)?.entry.number ?? 0) + 1, rest: part }, line: lineNumber });
      }
      continue;
    }
    const last = entries.at(-1);
    if (!last) {
      preamble += 1;
      if (preamble > MAX_PREAMBLE_LINES) break;
      continue;
    }
    // A page's running head or foot (the report's title on every page of a PDF saved as text).
    if (running(line)) continue;
    // A line the entry's last line runs on into (a report hard-wrapped as a PDF lays it out: the line
    // before ends inside a sentence) continues it, whatever it ends with.
    const runOn = runsOn(last.entry.rest);
    if (!runOn && !continues(line) && !PAIR_START.test(line) && !/^[【[]?解释/u.test(line)) break;
    // A word the wrap cut in two (`城乡环` / `境整治`) is joined again: a definition keeps its line
    // breaks, and the tooltip shows them.
    last.entry.rest += runOn && /\p{Script=Han}$/u.test(last.entry.rest) && /^\p{Script=Han}/u.test(line) ? line : `\n${line}`;
  }
  const notes: RawNote[] = [];
  let last = 0;
  for (const { entry, line } of entries) {
    // Entries run together on one line are split at the next number written `2.` (a list of the
    // other kinds keeps such numbers in its definitions).
    for (const part of mode === 'numbered' && entry.style === undefined ? splitRunTogether(entry.number, entry.rest, entry.bracketed, entry.mark === 'circle') : [entry]) {
      // A gap left once run-together entries are split (`11.…。12.…` on one line is no gap).
      if (mode === 'numbered' && part.number !== last + 1) {
        problems.push({ severity: 'warning', line, message: `名词解释编号从 ${last} 跳到 ${part.number} / numbering jumps` });
      }
      last = part.number;
      const note = toNote(part, line);
      if (isProblem(note)) problems.push(note);
      else notes.push(note);
    }
  }
  const built = buildEntries(notes, { numbering: 'appendix', reservedIds: options.reservedIds });
  return { source, entries: built.entries, problems: [...problems, ...built.problems] };
}
