// What the glossary knows about a numbered slogan it does not define: similar terms (closest-terms),
// the same words with other numbers in other places (五个一批 → 四个一批), and the definitions whose
// text uses it — the reports that use it, since a 名词解释 is the only part of a report we ship.
import { closestTerms } from './closest-terms';
import type { MatchableEntry, SourceDocument } from './types';

/** An entry as this module reads it: its term, its text and its source document's index. */
export type UsageEntry = Pick<MatchableEntry, 'id' | 'term'> & { doc: number; definition?: string; items?: string[] };

/** What the glossary knows about one slogan; every list holds other terms, never a meaning of it. */
export interface SloganUsage<E extends UsageEntry> {
  /** Terms with the same numbers and a shared character (四个严实 → 四个意识). */
  close: E[];
  /** Terms with the same words and other numbers (五个一批 → 四个一批, 三个一批): how other places number it. */
  otherNumbers: E[];
  /** Definitions that use the slogan's words, one per source document, most recent first. */
  usedIn: E[];
  /** How many source documents use it in all (`usedIn` is cut to the limit). */
  usedInCount: number;
}

const NUMERAL_RUN = /[零〇一二两三四五六七八九十百千万0-9]+/gu;
const HAS_NUMERAL = /[零〇一二两三四五六七八九十百千万0-9]/u;

/**
 * The slogan's words with each run of numbers as `#` (五个一批 → #个#批), or '' when nothing else is
 * left. Measure words stay: 六大行动 and 5个1000行动 are not one slogan numbered two ways.
 */
function wordsOf(text: string): string {
  const words = text.replace(NUMERAL_RUN, '#');
  return words.replace(/#/g, '') ? words : '';
}

/** A slogan's text without quote marks: what a definition writes when it uses it. */
const bare = (text: string): string => text.replace(/[“”「」‘’"']/g, '');

/**
 * What `entries` (with their `documents`) know about the slogan `text`, each list cut to `limit`.
 * The slogan's own term is never in a list (a defined slogan is not unknown).
 */
export function sloganUsage<E extends UsageEntry>(entries: readonly E[], documents: readonly (SourceDocument | undefined)[], text: string, limit = 3): SloganUsage<E> {
  const slogan = bare(text);
  const close = closestTerms(entries, slogan, limit);
  const words = wordsOf(slogan);
  const seenTerms = new Set([slogan, ...close.map((e) => e.term)]);
  const otherNumbers: E[] = [];
  const byDoc = new Map<number, E>();
  for (const entry of entries) {
    if (words && HAS_NUMERAL.test(entry.term) && !seenTerms.has(entry.term) && wordsOf(bare(entry.term)) === words) {
      seenTerms.add(entry.term);
      otherNumbers.push(entry);
    }
    if (slogan.length > 1 && entry.term !== slogan && !byDoc.has(entry.doc) && usesText(entry, slogan)) byDoc.set(entry.doc, entry);
  }
  const year = (entry: E): number => documents[entry.doc]?.year ?? Number(documents[entry.doc]?.date?.slice(0, 4) ?? 0);
  const usedIn = [...byDoc.values()].sort((a, b) => year(b) - year(a) || a.doc - b.doc);
  otherNumbers.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return { close, otherNumbers: otherNumbers.slice(0, limit), usedIn: usedIn.slice(0, limit), usedInCount: usedIn.length };
}

const usesText = (entry: UsageEntry, text: string): boolean =>
  (entry.definition?.includes(text) ?? false) || (entry.items?.some((item) => item.includes(text)) ?? false);
