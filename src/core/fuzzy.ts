// Resolves a slogan the glossary does not have word for word to the glossary term it almost is
// (五大倍增 → 五大倍增行动, 三问三登计 → 三问三登记), and refuses when the resemblance is accidental.
import Fuse from 'fuse.js/basic';
import type { IFuseOptions } from 'fuse.js';
import { COUNT_CHARS } from './numerals';
import type { MatchableEntry } from './types';

/** A glossary entry that a slogan is a near miss of. */
export interface FuzzyMatch {
  entry: MatchableEntry;
  /** The glossary form (normalised) that the slogan resembles. */
  form: string;
  /** fuse.js score: 0 identical … 1 unrelated. */
  score: number;
}

/** Looks up near misses; build once per glossary. */
export interface FuzzyResolver {
  /** The one entry `key` (a normalised slogan) is a near miss of, or undefined. */
  resolve(key: string): FuzzyMatch | undefined;
}

interface FormRecord {
  key: string;
  entry: number;
}

const FUSE_OPTIONS: Readonly<IFuseOptions<FormRecord>> = Object.freeze({ keys: ['key'], includeScore: true, threshold: 0.4, ignoreLocation: true });

/**
 * Builds a resolver over the normalised forms `keys[i]` of `entries[i]`. A slogan resolves when
 * its numerals equal the form's and it is either the form cut short (五大倍增, at least four
 * characters and 60 % of the form) or the form with one non-numeral character changed (at least
 * three characters), and exactly one entry qualifies: 六穏 is as close to 六保 as to 六稳, so it
 * stays unresolved.
 */
export function createFuzzyResolver(entries: readonly MatchableEntry[], keys: readonly (readonly string[])[]): FuzzyResolver {
  // Forms are grouped by their first character: a near miss keeps the leading numeral, and a
  // small group keeps each lookup cheap however large the glossary is.
  const groups = new Map<string, FormRecord[]>();
  keys.forEach((forms, entry) => {
    for (const key of forms) {
      const first = key.charAt(0);
      if (first === '') continue;
      const group = groups.get(first) ?? [];
      group.push({ key, entry });
      groups.set(first, group);
    }
  });
  const indexes = new Map<string, Fuse<FormRecord>>();
  const cache = new Map<string, FuzzyMatch | undefined>();

  function lookup(key: string): FuzzyMatch | undefined {
    const group = groups.get(key.charAt(0));
    if (!group) return undefined;
    let fuse = indexes.get(key.charAt(0));
    if (!fuse) {
      fuse = new Fuse(group, FUSE_OPTIONS);
      indexes.set(key.charAt(0), fuse);
    }
    let best: FuzzyMatch | undefined;
    const qualifying = new Set<number>();
    for (const result of fuse.search(key, { limit: 8 })) {
      if (!isNearMiss(key, result.item.key)) continue;
      qualifying.add(result.item.entry);
      const entry = entries[result.item.entry];
      if (!best && entry) best = { entry, form: result.item.key, score: result.score ?? 0 };
    }
    return qualifying.size === 1 ? best : undefined;
  }

  return {
    resolve(key: string): FuzzyMatch | undefined {
      if (cache.has(key)) return cache.get(key);
      const found = lookup(key);
      if (cache.size > 4096) cache.clear();
      cache.set(key, found);
      return found;
    },
  };
}

const NUMERALS = new RegExp(`[0-9${COUNT_CHARS}]`, 'g');

/** Whether `key` is `form` cut short or with one non-numeral character changed (both normalised). */
export function isNearMiss(key: string, form: string): boolean {
  if (key === form) return false;
  if ((key.match(NUMERALS) ?? []).join('') !== (form.match(NUMERALS) ?? []).join('')) return false;
  if (form.startsWith(key)) return key.length >= 4 && key.length >= 0.6 * form.length;
  if (key.length !== form.length || key.length < 3) return false;
  let differences = 0;
  for (let i = 0; i < key.length; i++) if (key.charAt(i) !== form.charAt(i)) differences++;
  return differences === 1;
}
