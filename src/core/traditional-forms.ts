// The traditional-script spellings of a glossary's forms (Mainland → traditional, Taiwan and Hong
// Kong standards), as OpenCC's converters give them, without building OpenCC's whole dictionaries.
//
// `OpenCC.Converter({ from: 'cn', to: 'tw' })` loads every phrase it knows (about 50,000, some of
// them twice) into tries of Maps: the three converters the pack compiler uses took 0.3 s of CPU and
// 0.5 s of garbage collection, in every command that compiles YAML and in the options page's
// import, to convert a few thousand short forms. A converter's tries match a dictionary entry only
// where its source text occurs in the text being converted, so a trie holding only the entries
// whose source may occur in the texts given to it (every pair of adjacent characters of the source
// occurs in them) converts those texts exactly as the whole dictionary does (longest match first,
// the same entries in the same order). Each step of OpenCC's chain (normalisation, segmentation,
// each conversion) is built that way for the texts that reach it. tests/core/traditional-forms.test.ts
// checks the result against OpenCC's own converters.
import { Locale, Trie } from 'opencc-js';

/** A dictionary as OpenCC ships it: `source target|source target…`, or pairs. */
type Dictionary = string | readonly (readonly [string, string])[];
type DictionaryGroup = readonly Dictionary[];

/** One of OpenCC's conversion presets (its typings leave out the normalisation chain). */
interface Preset {
  normalizationChain?: readonly DictionaryGroup[];
  segmentation?: Dictionary | DictionaryGroup;
  conversionChain: readonly DictionaryGroup[];
}

/** OpenCC's presets for Mainland simplified → traditional, Taiwan and Hong Kong (from 'cn' to 't', 'tw', 'hk'). */
export const TRADITIONAL_PRESETS = ['s2t', 's2tw', 's2hk'] as const;

/**
 * The entries of `dictionary` whose source passes `mayOccur` (given the dictionary and the
 * source's bounds in it), as pairs the way Trie.loadDict reads them. A dictionary in text form is
 * read in place: only the entries kept are cut out of it (OpenCC's largest holds ~50,000).
 */
function entriesOf(dictionary: Dictionary, mayOccur: (text: string, start: number, end: number) => boolean): Array<readonly [string, string]> {
  if (typeof dictionary !== 'string') return dictionary.filter(([source]) => mayOccur(source, 0, source.length));
  const kept: Array<readonly [string, string]> = [];
  for (let start = 0; start <= dictionary.length; ) {
    let bar = dictionary.indexOf('|', start);
    if (bar === -1) bar = dictionary.length;
    const space = dictionary.indexOf(' ', start);
    if (mayOccur(dictionary, start, space === -1 || space > bar ? bar : space)) {
      const [source, target] = dictionary.slice(start, bar).split(' ');
      kept.push([source ?? '', target ?? '']);
    }
    start = bar + 1;
  }
  return kept;
}

/** The code units of `texts`, and each pair of adjacent units (as one number). */
function unitsAndPairsOf(texts: Iterable<string>): { units: Set<number>; pairs: Set<number> } {
  const units = new Set<number>();
  const pairs = new Set<number>();
  for (const text of texts) {
    let previous = -1;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      units.add(unit);
      if (previous !== -1) pairs.add(previous * 0x10000 + unit);
      previous = unit;
    }
  }
  return { units, pairs };
}

/**
 * A trie of the entries of `group` that may occur in `texts`: those whose every pair of adjacent
 * units (a one-unit source: whose unit) occurs in them. That keeps every entry that does occur, and
 * a few that do not, which never match; the order is OpenCC's, so the same entry wins.
 */
function trieFor(group: DictionaryGroup, texts: Iterable<string>): Trie {
  const { units, pairs } = unitsAndPairsOf(texts);
  const mayOccur = (text: string, start: number, end: number): boolean => {
    if (end - start === 1) return units.has(text.charCodeAt(start));
    for (let i = start + 1; i < end; i++) if (!pairs.has(text.charCodeAt(i - 1) * 0x10000 + text.charCodeAt(i))) return false;
    return end > start;
  };
  const trie = new Trie();
  trie.loadDictGroup(group.map((dictionary) => entriesOf(dictionary, mayOccur)));
  return trie;
}

/** `texts` converted by the OpenCC preset `name` (one of {@link TRADITIONAL_PRESETS}), in order. */
export function convertAll(texts: readonly string[], name: (typeof TRADITIONAL_PRESETS)[number]): string[] {
  const preset = (Locale.configs as unknown as Record<string, Preset>)[name];
  if (!preset) throw new Error(`OpenCC has no preset ${name}`);
  let current = [...texts];
  for (const group of preset.normalizationChain ?? []) {
    const trie = trieFor(group, current);
    current = current.map((text) => trie.convert(text));
  }
  let parts: string[][];
  if (preset.segmentation) {
    // As OpenCC reads it: a list of dictionaries in text form is a group, anything else one dictionary.
    const { segmentation } = preset;
    const group = Array.isArray(segmentation) && segmentation.every((dictionary) => typeof dictionary === 'string') ? (segmentation as DictionaryGroup) : [segmentation as Dictionary];
    const trie = trieFor(group, current);
    parts = current.map((text) => trie.segment(text));
  } else parts = current.map((text) => [text]);
  for (const group of preset.conversionChain) {
    const trie = trieFor(group, parts.flat());
    parts = parts.map((pieces) => pieces.map((piece) => trie.convert(piece)));
  }
  return parts.map((pieces) => pieces.join(''));
}
