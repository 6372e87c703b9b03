// Glossary search for the popup, the options page and the widget panel: exact and prefix hits on
// terms, aliases and pinyin keys first, then one-character typos, then fuse.js over items and
// definitions.
import Fuse from 'fuse.js/basic';
import type { IFuseOptions } from 'fuse.js';
import type { GlossaryPack, PackEntry } from './types';

/** One search hit: lower scores are better (0 = exact). */
export interface GlossarySearchResult {
  entry: PackEntry;
  score: number;
}

/** A search over one pack, built once. */
export interface GlossarySearch {
  /**
   * Entries matching `query` (Chinese, traditional characters, pinyin "liuwen", initials "lw",
   * English words of the gloss, a one-character typo), best first, at most `limit` (default 20).
   * An empty query lists the first `limit` entries in pack order.
   */
  search(query: string, limit?: number): GlossarySearchResult[];
}

/** Scores of the fixed tiers; fuse.js results are scaled into the range above them. */
const SCORE = { exact: 0, prefix: 0.05, contains: 0.15, typo: 0.25, fuzzyFloor: 0.3 } as const;

/** fuse.js hits scoring above this are noise rather than near misses. */
const MAX_FUZZY_SCORE = 0.4;

/** Chinese queries only: pinyin and English are matched by the explicit tiers. */
const FUSE_OPTIONS: IFuseOptions<PackEntry> = {
  includeScore: true,
  ignoreLocation: true,
  threshold: MAX_FUZZY_SCORE,
  keys: [
    { name: 'forms', weight: 3 },
    { name: 'items', weight: 1 },
    { name: 'tags', weight: 0.5 },
    { name: 'definition', weight: 0.5 },
  ],
};

const QUOTES_AND_SPACE = /[“”「」『』‘’"'\s]/g;

/** Builds the search for a pack (its entries and its traditional → simplified variants). */
export function createGlossarySearch(pack: Pick<GlossaryPack, 'entries' | 'variants'>): GlossarySearch {
  const entries = pack.entries;
  const variants = pack.variants;
  const forms = entries.map((entry) => entry.forms.map((form) => normalise(form, variants)));
  const glosses = entries.map((entry) => (entry.en ?? '').toLowerCase());
  const fuse = new Fuse(entries as PackEntry[], FUSE_OPTIONS);

  return {
    search(query, limit = 20) {
      const q = normalise(query, variants);
      if (q === '') return entries.slice(0, limit).map((entry) => ({ entry, score: SCORE.exact }));
      const best = new Map<number, number>();
      const offer = (index: number, score: number): void => {
        const previous = best.get(index);
        if (previous === undefined || score < previous) best.set(index, score);
      };
      const latin = /^[a-z0-9 ]+$/.test(q);
      if (latin) {
        const compact = q.replace(/ /g, '');
        entries.forEach((entry, index) => {
          for (const candidate of [...entry.keys, ...forms[index]!]) {
            if (candidate === compact) offer(index, SCORE.exact);
            else if (candidate.startsWith(compact)) offer(index, SCORE.prefix);
            else if (compact.length >= 4 && withinOneEdit(compact, candidate)) offer(index, SCORE.typo);
          }
          if (q.length >= 3 && glosses[index]!.includes(q)) offer(index, SCORE.contains);
        });
      } else {
        entries.forEach((_entry, index) => {
          for (const candidate of forms[index]!) {
            if (candidate === q) offer(index, SCORE.exact);
            else if (candidate.startsWith(q)) offer(index, SCORE.prefix);
            else if (candidate.includes(q)) offer(index, SCORE.contains);
            else if ([...q].length >= 2 && withinOneEdit(q, candidate)) offer(index, SCORE.typo);
          }
        });
        for (const hit of fuse.search(q)) {
          offer(hit.refIndex, SCORE.fuzzyFloor + (1 - SCORE.fuzzyFloor) * (hit.score ?? 1));
        }
      }
      return [...best]
        .sort(([a, sa], [b, sb]) => sa - sb || a - b)
        .slice(0, limit)
        .map(([index, score]) => ({ entry: entries[index]!, score }));
    },
  };
}

/**
 * Full-width → half-width (NFKC), lower case, quotes removed, traditional → simplified; runs of
 * spaces kept as one only between Latin words (for English queries).
 */
function normalise(text: string, variants: Readonly<Record<string, string>>): string {
  const folded = text.normalize('NFKC').toLowerCase().trim();
  const spaced = /^[a-z0-9\s]+$/.test(folded) ? folded.replace(/\s+/g, ' ') : folded.replace(QUOTES_AND_SPACE, '');
  let out = '';
  for (const char of spaced) out += variants[char] ?? char;
  return out;
}

/**
 * True when `a` becomes `b` by one substitution, insertion or deletion, or by swapping two
 * neighbouring characters (liuwne → liuwen).
 */
function withinOneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  let j = 0;
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++;
  const restX = x.length - i - j;
  const restY = y.length - i - j;
  if (restX <= 1 && restY <= 1) return true;
  return restX === 2 && restY === 2 && x[i] === y[i + 1] && x[i + 1] === y[i];
}
