// Turns the notes a report explains into glossary entries: terms and aliases, items, ids, sources.
import type { EntrySource, GlossaryEntry } from '../core/types';
import { splitItems } from './items';
import { createSlugger } from './slug';
import { readTermForms } from './term-forms';
import type { ImportProblem, RawNote } from './types';

/** Which numbering the notes carry: footnote marks or the 名词解释 appendix. */
export type NoteNumbering = 'footnote' | 'appendix';

/** Options for {@link buildEntries}. */
export interface BuildEntriesOptions {
  numbering: NoteNumbering;
  /** Ids already taken (by other glossary files); new ids avoid them. */
  reservedIds?: Iterable<string>;
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

/**
 * One `official` entry per term of each note, in note order. A note that explains several terms
 * (“六稳”“六保”) gives one entry per term, sharing the definition and linked through `related`.
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
    const definition = note.definition.trim();
    const source: EntrySource = options.numbering === 'footnote' ? { footnote: note.number } : { appendix: note.number };
    const group: GlossaryEntry[] = [];
    for (const forms of readTermForms(note.head)) {
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
