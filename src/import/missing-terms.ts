// Finds what a report uses that no glossary explains: numbered slogans the matcher reports as
// `unknown-slogan`, and quoted terms (“…”, 2–12 Chinese characters) the glossary does not cover.
import type { Matcher } from '../core/matcher';
import type { GlossaryEntry, TextMatch } from '../core/types';

/** One term a document uses that the glossary lacks. */
export interface MissingTerm {
  /** The term without quotation marks. */
  term: string;
  /** `slogan`: a numbered slogan the matcher found; `quoted`: a quoted term. */
  kind: 'slogan' | 'quoted';
  count: number;
  /** Offset of the first use in the document text. */
  firstOffset: number;
  /** The first use with some text either side, on one line. */
  context: string;
}

const QUOTED_TERM = /[“"「『]([\p{Script=Han}]{2,12})[”"」』]/gu;
const QUOTES = /[“”"「」『』‘’]/gu;
const CONTEXT = 16;

function contextAt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`.replace(/\s+/gu, ' ');
}

function covered(matches: readonly TextMatch[], start: number, end: number): boolean {
  return matches.some((match) => match.kind !== 'unknown-slogan' && match.start < end && start < match.end);
}

/**
 * The slogans and quoted terms of `text` that `matcher`'s glossary does not define, most used first
 * (then by first use). A quoted phrase that overlaps a glossary term or a near miss of one is known.
 */
export function findMissingTerms(text: string, matcher: Matcher): MissingTerm[] {
  const matches = matcher.scan(text);
  const found = new Map<string, MissingTerm>();
  const add = (term: string, kind: MissingTerm['kind'], start: number, end: number): void => {
    const existing = found.get(term);
    if (existing) {
      existing.count += 1;
      return;
    }
    found.set(term, { term, kind, count: 1, firstOffset: start, context: contextAt(text, start, end) });
  };
  for (const match of matches) {
    if (match.kind !== 'unknown-slogan') continue;
    const term = match.text.replace(QUOTES, '').trim();
    if (term.length > 0) add(term, 'slogan', match.start, match.end);
  }
  for (const match of text.matchAll(QUOTED_TERM)) {
    const start = match.index;
    const end = start + match[0].length;
    const inner = match[1] ?? '';
    if (covered(matches, start, end)) continue;
    const slogan = found.get(inner);
    if (slogan?.kind === 'slogan') continue;
    add(inner, 'quoted', start, end);
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.firstOffset - b.firstOffset);
}

/** A stub entry for an official to fill in: editorial, no definition, flagged `unfinished`. */
export function stubEntry(missing: MissingTerm, id: string): GlossaryEntry {
  return {
    id,
    term: missing.term,
    note: `待补充释义。首次出现：${missing.context} / to be explained; first use shown`,
    status: 'editorial',
    unfinished: true,
  };
}
