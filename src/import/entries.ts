// Turns the notes a report explains into glossary entries: terms and aliases, items, ids, sources.
import type { EntrySource, GlossaryEntry } from '../core/types';
import { splitItems } from './items';
import { createSlugger } from './slug';
import { readTermForms } from './term-forms';
import type { TermForms } from './term-forms';
import type { ImportProblem, RawNote } from './types';

/** Which numbering the notes carry: footnote marks or the 名词解释 appendix. */
export type NoteNumbering = 'footnote' | 'appendix';

/** Options for {@link buildEntries}. */
export interface BuildEntriesOptions {
  numbering: NoteNumbering;
  /** Ids already taken (by other glossary files); new ids avoid them. */
  reservedIds?: Iterable<string>;
}

const SEGMENT_END = /[。；;\n]\s*$/u;
/** A point's number before a term (`（1）一湖四环：…（2）一湖四片：…`), which also opens its part. */
const POINT_MARK = /(?:[（(][0-9０-９一二三四五六七八九十]{1,2}[）)]|[\u2474-\u2487])\s*$/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * The part of a shared definition that explains each term, when the definition takes the terms in
 * turn, each opening a sentence or clause (`“两新”指…；“两重”指…`, `双减，…；双升，…`, a quoted term
 * also after a comma: `“危改”即…，“三改”即…`); undefined when it does not, so
 * that every term keeps the whole text.
 */
export function splitDefinition(terms: readonly string[], definition: string): string[] | undefined {
  if (terms.length < 2) return undefined;
  const starts: number[] = [];
  let from = 0;
  for (const term of terms) {
    const pattern = new RegExp(`[“"「『]?${escapeRegExp(term)}[”"」』]?`, 'gu');
    pattern.lastIndex = from;
    let found: number | undefined;
    for (let match = pattern.exec(definition); match; match = pattern.exec(definition)) {
      const before = definition.slice(0, match.index);
      const after = definition.slice(match.index + match[0].length);
      const quoted = /^[“"「『]/u.test(match[0]);
      const opens = match.index === 0 || SEGMENT_END.test(before) || POINT_MARK.test(before) || (quoted && /[，,]\s*$/u.test(before));
      if (opens && /^\s*\S/u.test(after) && !/^\s*[、和与及]/u.test(after)) {
        found = match.index;
        break;
      }
    }
    if (found === undefined) return undefined;
    starts.push(found);
    from = found + term.length;
  }
  // The first term opens the definition, after its point's number if the parts are numbered.
  if (starts[0] !== 0 && !POINT_MARK.test(definition.slice(0, starts[0]))) return undefined;
  const parts = starts.map((start, index) =>
    definition
      .slice(start, starts[index + 1] ?? definition.length)
      .replace(POINT_MARK, '')
      .trim()
      .replace(/\s*[；;]$/u, ''),
  );
  return parts.every((part) => part.length > 0) ? parts : undefined;
}

/**
 * A head that runs several terms together (六稳六保) when the definition takes them in turn, each
 * clause opening with one of them quoted (“六稳”指…；“六保”指…) and the quoted terms, joined, are
 * exactly the head: each becomes its own entry with its own clause.
 */
function joinedTerms(head: string, definition: string): { forms: TermForms; definition: string }[] | undefined {
  const opening = [...definition.matchAll(/(?:^|[。；;])\s*[“"「]([^“”"「」]{1,15})[”"」]/gu)].map((match) => match[1] ?? '');
  // Each part must be a term that can stand alone: 六稳六保 → 六稳, 六保; never 放管服 → 放, 管, 服
  // (single characters would be matched everywhere), which stays one term with its whole definition.
  if (opening.length < 2 || opening.join('') !== head || opening.some((term) => [...term].length < 2)) return undefined;
  const parts = splitDefinition(opening, definition);
  return parts && opening.map((term, index) => ({ forms: { term, aliases: [`“${term}”`] }, definition: parts[index] ?? definition }));
}

/**
 * The full name a listed term's own definition opens with, when it restates the term so: in
 * `创投、产投、平行、担保基金` each part is a kind of 基金, and its part of the definition names it
 * (`平行基金，就是…`): the term is 平行基金, not 平行, an ordinary word. Else the term as listed.
 */
function restatedName(term: string, definition: string): string {
  const fuller = new RegExp(`^${escapeRegExp(term)}(\\p{Script=Han}{1,4})[，,：:]`, 'u').exec(definition);
  return fuller ? term + fuller[1] : term;
}

/** The terms of a note: quoted terms as written, or an unquoted head listing terms with 、 that the definition takes in turn. */
function termsOf(head: string, definition: string): { forms: TermForms; definition: string }[] {
  const forms = readTermForms(head);
  if (forms.length >= 2) {
    const parts = splitDefinition(forms.map((form) => form.term), definition);
    return forms.map((form, index) => ({ forms: form, definition: parts?.[index] ?? definition }));
  }
  const only = forms[0];
  if (!only || /[“”"「」]/u.test(head)) return only ? [{ forms: only, definition }] : [];
  const listed = only.term.split(/[、，,]/u).map((part) => part.trim());
  if (listed.length >= 2 && listed.every((part) => [...part].length >= 2)) {
    const parts = splitDefinition(listed, definition);
    if (parts) return listed.map((term, index) => ({ forms: { term: restatedName(term, parts[index] ?? definition), aliases: [] }, definition: parts[index] ?? definition }));
  }
  const joined = joinedTerms(only.term, definition);
  if (joined) return joined;
  return [{ forms: only, definition }];
}

function uniqueForms(term: string, forms: readonly string[]): string[] {
  const seen = new Set([term]);
  const result: string[] = [];
  for (const form of forms) {
    const trimmed = form.trim();
    const unwrapped = trimmed.replace(/^[“"「『‘]([^“”"「」『』‘’]*)[”"」』’]$/u, '$1');
    if (trimmed.length === 0 || seen.has(trimmed) || unwrapped === term) continue;
    seen.add(trimmed);
    result.push(trimmed);
  }
  return result;
}

/** A label opening a definition (`“三清”行动` / `解释：清河道…`, `【释义】…`): no part of it. */
export const DEFINITION_LABEL = /^[【[]?(?:解释|释义|含义|定义|内涵)[】\]]?\s*[：:]\s*|^【(?:解释|释义|含义|定义|内涵)】\s*/u;

const withoutLabel = (definition: string): string => definition.replace(DEFINITION_LABEL, '');

/**
 * One `official` entry per term of each note, in note order. A note that explains several terms
 * (“六稳”“六保”) gives one entry per term, linked through `related`, each with its own part of the
 * definition when the definition takes them in turn ({@link splitDefinition}), else the whole.
 * A term explained twice keeps its first note; the repeat is reported.
 */
export function buildEntries(
  notes: readonly RawNote[],
  options: BuildEntriesOptions,
): { entries: GlossaryEntry[]; problems: ImportProblem[] } {
  const nextId = createSlugger(options.reservedIds);
  const entries: GlossaryEntry[] = [];
  const problems: ImportProblem[] = [];
  const seenTerms = new Map<string, number>();
  for (const note of notes) {
    const source: EntrySource = options.numbering === 'footnote' ? { footnote: note.number } : { appendix: note.number };
    const group: GlossaryEntry[] = [];
    for (const { forms, definition } of termsOf(note.head, withoutLabel(note.definition.trim()))) {
      const label = options.numbering === 'footnote' ? `脚注 ${note.number}` : `名词解释第 ${note.number} 条`;
      const first = seenTerms.get(forms.term);
      if (first !== undefined) {
        problems.push({
          severity: 'warning',
          line: note.line,
          message: `${label}：术语“${forms.term}”已在第 ${first} 条解释过，保留第一条 / term explained twice, first kept`,
        });
        continue;
      }
      if (definition.length === 0) {
        problems.push({ severity: 'warning', line: note.line, message: `${label}：“${forms.term}”没有解释文字 / empty definition` });
      }
      seenTerms.set(forms.term, note.number);
      const aliases = uniqueForms(forms.term, [...forms.aliases, ...(note.bodyForms ?? [])]);
      const items = splitItems(forms.term, definition);
      group.push({
        id: nextId(forms.term),
        term: forms.term,
        ...(aliases.length > 0 ? { aliases } : {}),
        ...(items ? { items } : {}),
        definition,
        ...(forms.en ? { en: forms.en } : {}),
        source,
        status: 'official',
      });
    }
    for (const entry of group) {
      const related = group.filter((other) => other !== entry).map((other) => other.id);
      const { status, ...rest } = entry;
      entries.push(related.length > 0 ? { ...rest, related, status } : entry);
    }
  }
  return { entries, problems };
}
