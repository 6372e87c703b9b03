// What `scan` prints for people: per file, each glossary term, near miss and unknown slogan with its
// count (and the first one's context), tallied part by part so that a file read on two threads
// (scan-parts.ts) adds up to exactly what the whole file gives.
import type { TextMatch } from '../core/types';

/** One term, near miss or slogan of a file: how often it occurs and where it first does. */
export interface Tally {
  label: string;
  count: number;
  /** The first occurrence's start (UTF-16 offset into the file's text). */
  start: number;
  /** The first occurrence in its context (near misses and unknown slogans). */
  context?: string;
}

/** A file's (or a part's) tallies by kind, keyed as the summary groups them. */
export interface Tallies {
  terms: Map<string, Tally>;
  fuzzy: Map<string, Tally>;
  unknown: Map<string, Tally>;
}

/** Units of context shown on each side of a near miss or slogan. */
const CONTEXT = 12;
const QUOTES = /[“”‘’「」『』"]/g;
const QUOTE_CODES = new Set(Array.from('“”‘’「」『』"', (char) => char.charCodeAt(0)));
/** A match's text without quote marks; most have none and are returned as they are, no regular expression run. */
function bare(match: TextMatch): string {
  const text = match.text;
  for (let i = 0; i < text.length; i++) if (QUOTE_CODES.has(text.charCodeAt(i))) return text.replace(QUOTES, '');
  return text;
}

/**
 * One line of context around a match of `text`. When `text` is a part of the file, `head` is what
 * comes before it and `tail` what comes after it (CONTEXT units, or all there is).
 */
function contextOf(text: string, match: TextMatch, head: string, tail: string): string {
  const from = match.start - CONTEXT;
  const before = from >= 0 ? text.slice(from, match.start) : head.slice(Math.max(0, head.length + from)) + text.slice(0, match.start);
  const to = match.end + CONTEXT;
  const after = to <= text.length ? text.slice(match.end, to) : text.slice(match.end) + tail.slice(0, to - text.length);
  return `…${before}【${match.text}】${after}…`.replace(/\s+/g, ' ');
}

/** The last CONTEXT units of a text: the `head` the part after it needs. */
export const contextBefore = (text: string): string => text.slice(Math.max(0, text.length - CONTEXT));
/** The first CONTEXT units of a text: the `tail` the part before it needs. */
export const contextAfter = (text: string): string => text.slice(0, CONTEXT);

/** Adds one to the tally of `key`; false when there is none yet (the caller makes it). */
function counted(tallies: Map<string, Tally>, key: string): boolean {
  const seen = tallies.get(key);
  if (seen === undefined) return false;
  seen.count += 1;
  return true;
}

/**
 * The tallies of `matches` (as readForPage gives them for `text`; `head` and `tail` as for a part,
 * see contextOf). One pass over what may be hundreds of thousands of matches, making no string for
 * a term, nor (an indexed loop, no callback per match) any object until the code is optimised.
 */
export function tally(text: string, matches: readonly TextMatch[], head = '', tail = ''): Tallies {
  const tallies: Tallies = { terms: new Map(), fuzzy: new Map(), unknown: new Map() };
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i]!;
    if (match.kind === 'term') {
      const key = match.entryId ?? '';
      if (!counted(tallies.terms, key)) tallies.terms.set(key, { label: `${match.term} (${match.entryId})`, count: 1, start: match.start });
    } else if (match.kind === 'fuzzy') {
      if (!counted(tallies.fuzzy, match.text)) tallies.fuzzy.set(match.text, { label: `${match.text} → ${match.term} (${match.entryId})`, count: 1, start: match.start, context: contextOf(text, match, head, tail) });
    } else if (match.kind === 'unknown-slogan') {
      const key = bare(match);
      if (!counted(tallies.unknown, key)) tallies.unknown.set(key, { label: key, count: 1, start: match.start, context: contextOf(text, match, head, tail) });
    }
  }
  return tallies;
}

/**
 * `first`'s tallies followed by those of the part after it, whose offsets start `offset` units
 * later in the file: counts add up, and a first occurrence in `first` stays the first.
 */
export function joinTallies(first: Tallies, second: Tallies, offset: number): Tallies {
  const join = (into: Map<string, Tally>, from: Map<string, Tally>): Map<string, Tally> => {
    for (const [key, later] of from) {
      const seen = into.get(key);
      if (seen) seen.count += later.count;
      else into.set(key, { ...later, start: later.start + offset });
    }
    return into;
  };
  return { terms: join(first.terms, second.terms), fuzzy: join(first.fuzzy, second.fuzzy), unknown: join(first.unknown, second.unknown) };
}

const byCount = (tallies: Map<string, Tally>): Tally[] => [...tallies.values()].sort((a, b) => b.count - a.count || a.start - b.start);

/** The summary of one file, Chinese first. */
export function formatSummary(file: string, tallies: Tallies): string {
  const terms = byCount(tallies.terms);
  const fuzzy = byCount(tallies.fuzzy);
  const unknown = byCount(tallies.unknown);
  const lines = [`${file}`, `  术语 / glossary terms: ${terms.length}`];
  for (const term of terms) lines.push(`    ${term.label} ×${term.count}`);
  if (fuzzy.length > 0) {
    lines.push(`  近似术语 / near misses: ${fuzzy.length}`);
    for (const near of fuzzy) lines.push(`    ${near.label} ×${near.count}  ${near.context}`);
  }
  lines.push(`  未收录的提法 / unknown slogans: ${unknown.length}`);
  for (const slogan of unknown) lines.push(`    ${slogan.label} ×${slogan.count}  ${slogan.context}`);
  return lines.join('\n') + '\n';
}
