// Resolves a slogan the glossary does not have word for word to the glossary term it almost is
// (五大倍增 → 五大倍增行动, 三问三登计 → 三问三登记), and refuses when the resemblance is accidental.
import { COUNT_CHARS } from './numerals';
import type { MatchableEntry } from './types';

/** A glossary entry that a slogan is a near miss of. */
export interface FuzzyMatch {
  entry: MatchableEntry;
  /** The glossary form (normalised) that the slogan resembles. */
  form: string;
  /**
   * 0 identical … 1 unrelated: the share of the form's characters the slogan does not have
   * (one changed character), halved for a form cut short (what is there matches exactly).
   */
  score: number;
}

/** Looks up near misses; build once per glossary. */
export interface FuzzyResolver {
  /** The one entry `key` (a normalised slogan) is a near miss of, or undefined. */
  resolve(key: string): FuzzyMatch | undefined;
}

/** A form a slogan may be a near miss of: normalised, with its entry's index. */
export interface FormRecord {
  key: string;
  entry: number;
}

/**
 * Where a resolver looks: the forms grouped by their first unit, asked for one group at a time (a
 * near miss keeps the leading numeral), and the entries by index. A compiled pack hands a page its
 * groups as text and splits only the groups its slogans start with (compiled-pack.ts): the whole
 * collection's forms and entries as objects cost a page about 1.8 MB it rarely needs.
 */
export interface FuzzyForms {
  /** The forms whose key starts with `first` (one UTF-16 unit). */
  startingWith(first: string): readonly FormRecord[];
  /** The entry at `index`. */
  entry(index: number): MatchableEntry | undefined;
}

/**
 * Builds a resolver over `forms`. A slogan resolves when its numerals equal the form's and it is
 * either the form cut short (五大倍增, at least four characters and 60 % of the form) or the form
 * with one non-numeral character changed (at least three characters), and exactly one entry
 * qualifies: 六穏 is as close to 六保 as to 六稳, so it stays unresolved.
 */
export function createFuzzyResolver(forms: FuzzyForms): FuzzyResolver {
  const cache = new Map<string, FuzzyMatch | undefined>();

  // Every form of the group that the slogan is a near miss of: a near miss has the form's length
  // or is its start, so most forms are ruled out by two comparisons (no fuzzy index to build:
  // fuse.js cost the content script 6 KB gzipped and a page an index per group).
  function lookup(key: string): FuzzyMatch | undefined {
    let best: FuzzyMatch | undefined;
    let qualifying = -1;
    for (const record of forms.startingWith(key.charAt(0))) {
      const form = record.key;
      if (form.length < key.length || (form.length > key.length && !form.startsWith(key)) || !isNearMiss(key, form)) continue;
      if (qualifying !== -1 && qualifying !== record.entry) return undefined;
      qualifying = record.entry;
      const score = form.length === key.length ? 1 / form.length : (form.length - key.length) / (2 * form.length);
      const entry = forms.entry(record.entry);
      if (entry && (!best || score < best.score)) best = { entry, form, score };
    }
    return best;
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

// The counting characters as UTF-16 units (a few dozen; a set, not a 64 KB table on every page).
const COUNT_CODES = new Set(Array.from(COUNT_CHARS, (char) => char.charCodeAt(0)));
/**
 * Whether a unit is a numeral (an Arabic digit or a counting character): asked of the forms a
 * slogan may be a near miss of, unit by unit, rather than matched with a regular expression (whose
 * arrays of matches, joined, cost a report's first slogans tens of milliseconds).
 */
const isNumeralUnit = (code: number): boolean => (code >= 0x30 && code <= 0x39) || COUNT_CODES.has(code);

/** Whether `a` and `b` hold the same numerals in the same order. */
function sameNumerals(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && !isNumeralUnit(a.charCodeAt(i))) i++;
    while (j < b.length && !isNumeralUnit(b.charCodeAt(j))) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
}

/**
 * Whether `key` is `form` cut short or with one non-numeral character changed (both normalised),
 * their numerals the same. The shapes are checked first: most forms of a group fail them.
 */
export function isNearMiss(key: string, form: string): boolean {
  if (key === form) return false;
  if (form.startsWith(key)) return key.length >= 4 && key.length >= 0.6 * form.length && sameNumerals(key, form);
  if (key.length !== form.length || key.length < 3) return false;
  let differences = 0;
  for (let i = 0; i < key.length && differences < 2; i++) if (key.charCodeAt(i) !== form.charCodeAt(i)) differences++;
  return differences === 1 && sameNumerals(key, form);
}
