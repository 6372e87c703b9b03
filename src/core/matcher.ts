// The matcher every reader of the glossary uses: finds glossary terms (through normalisation, in
// one automaton pass), numbered slogans the glossary lacks, and near misses of glossary terms.

import type { MatchableEntry, TextMatch } from './types';
import { createAutomaton } from './automaton';
import { createNormaliser, createNormalisedText, QUOTE_PAIRS } from './normalise';
import type { NormalisedText } from './normalise';
import { scanSlogans } from './slogans';
import { createFuzzyResolver } from './fuzzy';
import type { FuzzyResolver } from './fuzzy';

/** The part of a glossary the matcher needs; a `GlossaryPack` is one. */
export interface MatcherGlossary {
  entries: readonly MatchableEntry[];
  /** Traditional → simplified characters (the pack's `variants`). */
  variants?: Readonly<Record<string, string>>;
}

/** What the matcher looks for besides glossary terms. */
export interface MatcherOptions {
  /** Report numbered slogans the glossary does not have (`unknown-slogan`). Default true. */
  slogans?: boolean;
  /** Resolve slogans that are near misses of glossary terms (`fuzzy`; needs `slogans`). Default true. */
  fuzzy?: boolean;
}

/** A matcher built for one glossary. */
export interface Matcher {
  /** Matches in `text`, sorted and non-overlapping, offsets in UTF-16 units of `text`. */
  scan(text: string): TextMatch[];
}

/**
 * Words glued after a quoted term that belong to the term as readers see it: “三会一代理”制度,
 * “五联”机制. Deliberately short: 工作 or 精神 after a quote are usually the sentence's own words.
 */
const GENERIC_SUFFIXES = ['制度', '机制', '工程', '行动'];

const CLOSING_QUOTES = new Set(Object.values(QUOTE_PAIRS));
const OPENING_OF = new Map(Object.entries(QUOTE_PAIRS).map(([open, close]) => [close, open]));

const isWordCode = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);

// Scratch space for normalised text is kept between calls unless a call was huge.
const SCRATCH_LIMIT = 1 << 20;

/**
 * Builds a matcher for `glossary` (done once; `scan` is cheap per call). A surface form claimed
 * by two entries goes to the first.
 */
export function createMatcher(glossary: MatcherGlossary, options: MatcherOptions = {}): Matcher {
  const slogans = options.slogans ?? true;
  const fuzzy = options.fuzzy ?? true;
  const normaliser = createNormaliser(glossary.variants ?? {});
  const patterns: string[] = [];
  const patternEntry: MatchableEntry[] = [];
  const seen = new Set<string>();
  const suffixesOf = new Map<string, string[]>();
  const entryKeys: string[][] = [];
  for (const entry of glossary.entries) {
    const suffixes = new Set(GENERIC_SUFFIXES);
    const keys: string[] = [];
    entryKeys.push(keys);
    for (const form of [entry.term, ...entry.forms]) {
      const glued = gluedSuffix(form);
      if (glued) suffixes.add(glued);
      const key = normaliser.key(form);
      if (key.length > 0 && !keys.includes(key)) keys.push(key);
      if (key.length === 0 || seen.has(key)) continue;
      seen.add(key);
      patterns.push(key);
      patternEntry.push(entry);
    }
    suffixesOf.set(entry.id, [...suffixes].sort((a, b) => b.length - a.length));
  }
  const automaton = createAutomaton(patterns);
  const resolver = slogans && fuzzy ? createFuzzyResolver(glossary.entries, entryKeys) : undefined;
  let scratch = createNormalisedText(1024);

  function scanTerms(text: string): TextMatch[] {
    const normalised = normaliser.normalise(text, scratch);
    if (normalised.codes.length <= SCRATCH_LIMIT) scratch = normalised;
    const found = collectOccurrences(normalised);
    const matches: TextMatch[] = [];
    const matchEntries: string[] = [];
    let reachedEnd = 0;
    for (const [start, end, pattern] of found) {
      if (start < reachedEnd) continue;
      reachedEnd = end;
      const entry = patternEntry[pattern];
      if (!entry) continue;
      matchEntries.push(entry.id);
      matches.push({
        start: normalised.starts[start] ?? 0,
        end: normalised.ends[end - 1] ?? 0,
        text: '',
        kind: 'term',
        entryId: entry.id,
        term: entry.term,
      });
    }
    for (let m = 0; m < matches.length; m++) {
      const match = matches[m];
      if (!match) continue;
      const limit = matches[m + 1]?.start ?? text.length;
      extendSpan(text, match, limit, suffixesOf.get(matchEntries[m] ?? '') ?? GENERIC_SUFFIXES);
      match.text = text.slice(match.start, match.end);
    }
    return matches;
  }

  // Every occurrence whose edges do not cut through a number or a Latin word, ordered so that a
  // greedy pass keeps the leftmost, then longest, occurrence.
  function collectOccurrences(normalised: NormalisedText): Array<[number, number, number]> {
    const { codes, length } = normalised;
    const found: Array<[number, number, number]> = [];
    automaton.scan(codes, length, (start, end, pattern) => {
      if (start > 0 && isWordCode(codes[start] ?? 0) && isWordCode(codes[start - 1] ?? 0)) return;
      if (end < length && isWordCode(codes[end - 1] ?? 0) && isWordCode(codes[end] ?? 0)) return;
      found.push([start, end, pattern]);
    });
    found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    return found;
  }

  return {
    scan(text: string): TextMatch[] {
      if (typeof text !== 'string' || text.length === 0) return [];
      const terms = scanTerms(text);
      return slogans ? mergeSlogans(terms, text, (name) => resolver?.resolve(normaliser.key(name))) : terms;
    },
  };
}

// Slogan candidates that a glossary term does not already cover, merged into the term matches;
// a candidate that is a near miss of a glossary term becomes a fuzzy match of it.
function mergeSlogans(terms: TextMatch[], text: string, nearMiss: (name: string) => ReturnType<FuzzyResolver['resolve']>): TextMatch[] {
  const merged: TextMatch[] = [];
  let t = 0;
  for (const candidate of scanSlogans(text)) {
    while (t < terms.length && (terms[t]?.end ?? 0) <= candidate.start) merged.push(terms[t++] as TextMatch);
    const next = terms[t];
    if (next && next.start < candidate.end) continue;
    const near = nearMiss(candidate.text);
    merged.push(
      near
        ? { start: candidate.start, end: candidate.end, text: candidate.text, kind: 'fuzzy', entryId: near.entry.id, term: near.entry.term, score: near.score }
        : { start: candidate.start, end: candidate.end, text: candidate.text, kind: 'unknown-slogan' },
    );
  }
  while (t < terms.length) merged.push(terms[t++] as TextMatch);
  return merged;
}

// The suffix after the closing quote of a form such as “三项”工作, if any.
function gluedSuffix(form: string): string | undefined {
  const last = Math.max(...[...CLOSING_QUOTES].map((quote) => form.lastIndexOf(quote)));
  if (last <= 0 || last === form.length - 1) return undefined;
  const suffix = form.slice(last + 1);
  return suffix.length <= 4 && ![...suffix].some((char) => CLOSING_QUOTES.has(char) || OPENING_OF.has(char)) ? suffix : undefined;
}

/**
 * Grows a term's span to what a reader sees as the term: a quoted term keeps a glued suffix
 * (“三会一代理”制度 as one span, quotes included), and a span never leaves a quote unpaired.
 * Without a suffix the quotes stay outside: “六稳” highlights 六稳.
 */
function extendSpan(text: string, match: TextMatch, limit: number, suffixes: readonly string[]): void {
  const closing = text.charAt(match.end);
  const opening = OPENING_OF.get(closing);
  if (opening !== undefined && text.charAt(match.start - 1) === opening) {
    const suffix = suffixes.find((candidate) => text.startsWith(candidate, match.end + 1));
    if (suffix && match.end + 1 + suffix.length <= limit) {
      match.start -= 1;
      match.end += 1 + suffix.length;
    }
  }
  const open: string[] = [];
  let unpairedClose: string | undefined;
  for (let i = match.start; i < match.end; i++) {
    const char = text.charAt(i);
    const isClosing = CLOSING_QUOTES.has(char);
    if (isClosing && open.length > 0 && QUOTE_PAIRS[open[open.length - 1] ?? ''] === char) open.pop();
    else if (QUOTE_PAIRS[char] !== undefined) open.push(char);
    else if (isClosing && open.length === 0) unpairedClose ??= char;
  }
  if (unpairedClose !== undefined && text.charAt(match.start - 1) === OPENING_OF.get(unpairedClose)) match.start -= 1;
  const lastOpen = open[open.length - 1];
  if (lastOpen !== undefined && text.charAt(match.end) === QUOTE_PAIRS[lastOpen] && match.end < limit) match.end += 1;
}
