// Imports a report exported as text with footnote markers, as in the seed report: `[footnoteRef:N]`
// in the body, notes `[N: 、term：definition]` that may span lines. The .docx and HTML importers
// bring their footnotes into the same shape and use `importMarkedFootnotes`.
import { buildEntries } from './entries';
import { bodyFormsAt, splitNote } from './notes';
import type { ImportOptions } from './options';
import { readReportHead } from './report-head';
import type { ImportProblem, ImportResult, RawNote } from './types';

const NOTE = /\[(\d+):([\s\S]*?)\]/gu;
const REF = /\[footnoteRef:\s*(\d+)\]/gu;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** A footnote's text and where it was found. */
export interface FootnoteText {
  content: string;
  line?: number;
}

/** Whether `text` uses the `[footnoteRef:N]` / `[N: …]` footnote markers. */
export function hasFootnoteMarkers(text: string): boolean {
  return /\[footnoteRef:\s*\d+\]/u.test(text) && /\[\d+:/u.test(text);
}

/**
 * Entries for footnotes referenced as `[footnoteRef:N]` in `body`, in footnote order. A note without
 * its own `term：` head takes the phrase the body writes before its first reference mark.
 */
export function importMarkedFootnotes(
  body: string,
  footnotes: ReadonlyMap<number, FootnoteText>,
  options: ImportOptions = {},
): ImportResult {
  const problems: ImportProblem[] = [];
  const notes = new Map<number, RawNote>();
  for (const [number, footnote] of footnotes) notes.set(number, { ...splitNote(footnote.content), number, line: footnote.line });
  const referenced = new Set<number>();
  for (const match of body.matchAll(REF)) {
    const number = Number(match[1]);
    const note = notes.get(number);
    if (!note) {
      problems.push({ severity: 'error', line: lineAt(body, match.index), message: `正文引用了脚注 ${number}，但找不到脚注内容 / footnote ${number} has no note` });
      continue;
    }
    if (referenced.has(number)) continue;
    referenced.add(number);
    const before = body.slice(Math.max(0, match.index - 60), match.index).replace(REF, '');
    const found = bodyFormsAt(before, note.head);
    if (note.head.length === 0 && found.term) {
      note.head = found.term;
      if (found.guessed) {
        problems.push({ severity: 'warning', line: note.line, message: `脚注 ${number}：术语“${found.term}”取自引用处前的文字，请核对 / term guessed from the words before the mark, please check` });
      }
    }
    note.bodyForms = found.forms;
  }
  for (const note of notes.values()) {
    if (!referenced.has(note.number)) {
      problems.push({ severity: 'warning', line: note.line, message: `脚注 ${note.number} 在正文中没有引用 / footnote ${note.number} is never referenced` });
    }
    if (note.head.length === 0) {
      problems.push({ severity: 'error', line: note.line, message: `脚注 ${note.number}：找不到所解释的术语 / cannot tell which term the note explains` });
    }
  }
  const ordered = [...notes.values()].filter((note) => note.head.length > 0).sort((a, b) => a.number - b.number);
  const built = buildEntries(ordered, { numbering: 'footnote', reservedIds: options.reservedIds });
  return {
    source: { ...readReportHead(body.replace(REF, '')), kind: 'footnotes' },
    entries: built.entries,
    problems: [...problems, ...built.problems],
  };
}

/** Entries for every footnote of a text with `[footnoteRef:N]` markers and `[N: …]` notes. */
export function importFootnoteText(text: string, options: ImportOptions = {}): ImportResult {
  const footnotes = new Map<number, FootnoteText>();
  const problems: ImportProblem[] = [];
  for (const match of text.matchAll(NOTE)) {
    const number = Number(match[1]);
    const line = lineAt(text, match.index);
    if (footnotes.has(number)) {
      problems.push({ severity: 'warning', line, message: `脚注 ${number} 出现两次，保留第一次 / footnote ${number} appears twice` });
      continue;
    }
    footnotes.set(number, { content: match[2] ?? '', line });
  }
  const result = importMarkedFootnotes(text.replace(NOTE, ''), footnotes, options);
  return { ...result, problems: [...problems, ...result.problems] };
}
