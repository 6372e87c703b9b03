// The matcher without a built-in fuzzy resolver: finds glossary terms (through normalisation, in one
// automaton pass) and numbered slogans the glossary lacks; near misses only with an injected resolver.

import type { MatchableEntry, TextMatch } from './types';
import { createNormaliser, QUOTE_PAIRS } from './normalise';
import { createTermOccurrences, createTermScanner, OCCURRENCE, WORD_UNITS } from './term-scan';
import type { TermOccurrences, TermScannerTables } from './term-scan';
import { scanSlogans, type SloganCandidate } from './slogans';
import type { FormRecord, FuzzyForms, FuzzyResolver } from './fuzzy';
import { createAutomaton, type Automaton } from './automaton';

/** The part of a glossary the matcher needs; a `GlossaryPack` is one. */
export interface MatcherGlossary {
  entries: readonly MatchableEntry[];
  /** Traditional → simplified characters (the pack's `variants`). */
  variants?: Readonly<Record<string, string>>;
}

/** Builds a near-miss resolver over a glossary's forms (e.g. createFuzzyResolver). */
export type FuzzyResolverFactory = (forms: FuzzyForms) => FuzzyResolver;

/** The forms of `entries`, whose normalised forms are `keys[i]`, grouped at the first lookup (see fuzzy.ts FuzzyForms). */
export function fuzzyForms(entries: readonly MatchableEntry[], keys: readonly (readonly string[])[]): FuzzyForms {
  let groups: Map<string, FormRecord[]> | undefined;
  const group = (first: string): readonly FormRecord[] => {
    if (!groups) {
      groups = new Map();
      for (let entry = 0; entry < keys.length; entry++) {
        for (const key of keys[entry] ?? []) {
          const list = groups.get(key.charAt(0)) ?? [];
          list.push({ key, entry });
          groups.set(key.charAt(0), list);
        }
      }
    }
    return groups.get(first) ?? [];
  };
  return { startingWith: group, entry: (index) => entries[index] };
}

/** What the base matcher looks for besides glossary terms. */
export interface BaseMatcherOptions {
  /** Report numbered slogans the glossary does not have (`unknown-slogan`). Default true. */
  slogans?: boolean;
  /**
   * Resolves slogans that are near misses of glossary terms (`fuzzy`), even with `slogans` off.
   * Without one, such slogans count as unknown.
   */
  fuzzy?: FuzzyResolverFactory;
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
const GENERIC_BY_LENGTH = [...GENERIC_SUFFIXES].sort((a, b) => b.length - a.length);

const CLOSING_QUOTES = new Set(Object.values(QUOTE_PAIRS));
const OPENING_OF = new Map(Object.entries(QUOTE_PAIRS).map(([open, close]) => [close, open]));
// By UTF-16 unit: its number among the quote marks (0: not one), and by that number its partner
// as an opening or a closing mark (0: not that kind). One 64 KB table for every page, where a
// table of partners per unit took 256 KB.
const QUOTE_INDEX = new Uint8Array(65536);
const CLOSING_BY_INDEX = [0];
const OPENING_BY_INDEX = [0];
const quoteIndex = (code: number): number => {
  if (QUOTE_INDEX[code] === 0) {
    QUOTE_INDEX[code] = CLOSING_BY_INDEX.length;
    CLOSING_BY_INDEX.push(0);
    OPENING_BY_INDEX.push(0);
  }
  return QUOTE_INDEX[code] as number;
};
for (const [open, close] of Object.entries(QUOTE_PAIRS)) {
  CLOSING_BY_INDEX[quoteIndex(open.charCodeAt(0))] = close.charCodeAt(0);
  OPENING_BY_INDEX[quoteIndex(close.charCodeAt(0))] = open.charCodeAt(0);
}
// (A code past the text's end, NaN, has no index: undefined, which is no partner and not > 0.)
/** The closing partner of an opening quote mark (0: `code` opens nothing). */
const closingOf = (code: number): number => CLOSING_BY_INDEX[QUOTE_INDEX[code] as number] ?? 0;
/** The opening partner of a closing quote mark (0: `code` closes nothing). */
const openingOf = (code: number): number => OPENING_BY_INDEX[QUOTE_INDEX[code] as number] ?? 0;

/**
 * What a matcher is built from, worked out once per glossary: every pattern (a normalised form)
 * with its entry, and per entry what scanning needs of it. Plain JSON-serialisable data, so the
 * compiled pack (compiled-pack.ts) can store it beside the automaton.
 */
export interface MatcherTable {
  /** Traditional → simplified characters (the pack's `variants`). */
  variants: Record<string, string>;
  /** Normalised forms, each once: a surface form claimed by two entries goes to the first. */
  patterns: string[];
  /** Per pattern: its entry (index into the entry lists), or -1 for a name that is no term (PLACE_NAMES_HOLDING_TERMS). */
  patternEntry: number[];
  /** The patterns whose own form runs across two quoted phrases (“米袋子”“菜篮子”强基行动). */
  joinsQuotes: number[];
  /** The patterns that are names only in quotes: every entry with the form is a part of a numbered layout (`partEntry`). */
  quotedOnly: number[];
  /** Per entry: id, term and the suffixes its quoted forms glue on. */
  entryIds: string[];
  entryTerms: string[];
  entrySuffixes: string[][];
}

/**
 * Works out the {@link MatcherTable} of `glossary`, with each entry's normalised forms (for near
 * misses; a compiled pack keeps them apart, see compiled-pack.ts).
 */
export function createMatcherTable(glossary: MatcherGlossary): MatcherTable & { entryKeys: string[][] } {
  const variants = { ...(glossary.variants ?? {}) };
  const normaliser = createNormaliser(variants);
  const table: MatcherTable & { entryKeys: string[][] } = { variants, patterns: [], patternEntry: [], joinsQuotes: [], quotedOnly: [], entryIds: [], entryTerms: [], entryKeys: [], entrySuffixes: [] };
  // Canonical key → its pattern index.
  const seen = new Map<string, number>();
  const joins = new Set<number>();
  // Per two-unit pattern: whether every entry with its form so far is a part (partEntry).
  const parts = new Map<number, boolean>();
  glossary.entries.forEach((entry, index) => {
    const part = partEntry(entry);
    const glued = new Set<string>();
    const keys: string[] = [];
    for (const form of [entry.term, ...entry.forms]) {
      const suffix = gluedSuffix(form);
      if (suffix && !GENERIC_SUFFIXES.includes(suffix)) glued.add(suffix);
      const key = normaliser.key(form);
      if (key.length === 0) continue;
      if (!keys.includes(key)) keys.push(key);
      // A one-character form (“破”“立”“降”, each explained in its report) would match inside every
      // sentence of every page: the entry stays in the glossary, never matched by that form.
      if (key.length < 2) continue;
      const known = seen.get(key);
      if (known !== undefined) {
        if (quoteJoinAt(form, 0, form.length) >= 0) joins.add(known);
        if (parts.has(known)) parts.set(known, part && (parts.get(known) as boolean));
        continue;
      }
      if (key.length === 2) parts.set(table.patterns.length, part);
      seen.set(key, table.patterns.length);
      if (quoteJoinAt(form, 0, form.length) >= 0) joins.add(table.patterns.length);
      table.patterns.push(key);
      table.patternEntry.push(index);
    }
    table.entryIds.push(entry.id);
    table.entryTerms.push(entry.term);
    table.entryKeys.push(keys);
    table.entrySuffixes.push([...glued]);
  });
  // Patterns of no entry (-1): names that hold a form, which a reader sees as the name.
  for (const name of PLACE_NAMES_HOLDING_TERMS) {
    const key = normaliser.key(name);
    if (seen.has(key)) continue;
    seen.set(key, table.patterns.length);
    table.patterns.push(key);
    table.patternEntry.push(-1);
  }
  table.joinsQuotes = [...joins].sort((x, y) => x - y);
  table.quotedOnly = [...parts].filter(([, only]) => only).map(([pattern]) => pattern);
  return table;
}

/**
 * Division names that hold a form of the collection (tests/core/place-names.test.ts finds every
 * such name in src/places and fails on one missing here): matched as patterns of no entry, they
 * win over the form inside them (leftmost, then longest), so 乐山's 五通桥区 shows no 五通, 郑州's
 * 二七区 no 七区 and 三明市 no 三明 (四平's “三明”). 新城区 stays out: it is as often a new district (新城区块).
 */
export const PLACE_NAMES_HOLDING_TERMS = ['五通桥区', '五通桥', '二七区', '南开区', '三明市', '保定白沟新城'];

/** A count (numeral or 双) and one Han character: the shape of a layout's parts (一心, 两翼, 三级). */
const NUMBERED_PAIR = /^[一二两三四五六七八九十双][\u3400-\u9fff]$/u;

/**
 * Whether `entry` names a part of a numbered layout or list: a count and one character, its
 * definition opening with the term in quotes (“一心”即丛泉湖核心区, “三级”即市级、区县（市）级、乡镇级,
 * “两大”是指…), as an appendix explains the parts of “一心两翼三带” one by one. Such a part is a name
 * only where the report quotes it: in running text the same two characters are a word (团结一心,
 * 三级医院, 两大任务, 北三环). A form that any other entry defines otherwise (六稳, 双拥: 拥军优属、
 * 拥政爱民) stays a name everywhere (createMatcherTable: every entry with the form must be a part).
 */
export function partEntry(entry: MatchableEntry): boolean {
  if (!NUMBERED_PAIR.test(entry.term)) return false;
  const definition = entry.definition?.trimStart() ?? '';
  const close = closingOf(definition.charCodeAt(0));
  return close !== 0 && definition.startsWith(entry.term, 1) && definition.charCodeAt(1 + entry.term.length) === close;
}

/**
 * Builds a matcher for `glossary` (done once; `scan` is cheap per call) that resolves near misses
 * only through `options.fuzzy`. A surface form claimed by two entries goes to the first.
 */
export function createBaseMatcher(glossary: MatcherGlossary, options: BaseMatcherOptions = {}): Matcher {
  const table = createMatcherTable(glossary);
  return matcherFromTable(table, options, createAutomaton(table.patterns, WORD_UNITS), fuzzyForms(glossary.entries, table.entryKeys));
}

/**
 * The glued suffixes of each pattern's entry, and their first units. A function of its own, given
 * only the two lists it reads: a closure made inside tableLookups would share its context with the
 * closures there that read `table`, and keep the whole table alive with the matcher (the
 * collection's: 0.35 MB more JS memory in every tab, measured).
 */
function suffixLookups(entrySuffixes: readonly (readonly string[])[], patternEntryList: readonly number[]) {
  // Suffixes a quoted form of the pattern's entry may glue on: the generic ones and those its
  // own aliases show (“三项”工作 → 工作), longest first; shared by the entries that add none.
  // Made at an entry's first quoted match, once per entry (its term and forms share the list):
  // made for every pattern with the matcher, the lists of the collection's 942 entries with
  // suffixes of their own cost a third of building it, and a page quotes a few of them.
  const ownSuffixes = new Map<number, readonly string[]>();
  // First units of the glued suffixes (制度 → 制): a closing quote followed by none of them ends a
  // term plainly. A set: a few hundred units, read once per quoted match.
  const suffixStarts = new Set<number>();
  for (const suffix of GENERIC_SUFFIXES) suffixStarts.add(suffix.charCodeAt(0));
  // Indexed loops: run once per matcher, before anything is optimised.
  for (let entry = 0; entry < entrySuffixes.length; entry++) {
    const own = entrySuffixes[entry] as readonly string[];
    if (own.length === 0) continue;
    ownSuffixes.set(entry, own);
    for (let s = 0; s < own.length; s++) suffixStarts.add((own[s] as string).charCodeAt(0));
  }
  const patternEntry = Int32Array.from(patternEntryList);
  const madeFor = new Map<number, string[]>();
  const patternSuffixes = (pattern: number): readonly string[] => {
    const entry = patternEntry[pattern] as number;
    const own = ownSuffixes.get(entry);
    if (own === undefined) return GENERIC_BY_LENGTH;
    let made = madeFor.get(entry);
    if (made === undefined) madeFor.set(entry, (made = [...new Set([...GENERIC_SUFFIXES, ...own])].sort((a, b) => b.length - a.length)));
    return made;
  };
  return { patternSuffixes, suffixStarts };
}

/**
 * What scanning reads of a {@link MatcherTable}, per pattern. Worked out apart from the matcher so
 * that its closures hold none of the table: a compiled pack's patterns, variants and suffix lists
 * (half a megabyte for the collection) are collected once the matcher is made.
 */
function tableLookups(table: MatcherTable) {
  const patternJoinsQuotes = new Uint8Array(table.patterns.length);
  for (const p of table.joinsQuotes) patternJoinsQuotes[p] = 1;
  const patternQuotedOnly = new Uint8Array(table.patterns.length);
  for (const p of table.quotedOnly) patternQuotedOnly[p] = 1;
  const { patternSuffixes, suffixStarts } = suffixLookups(table.entrySuffixes, table.patternEntry);
  return {
    normaliser: createNormaliser(table.variants),
    patternJoinsQuotes,
    patternQuotedOnly,
    patternSuffixes,
    // Entries come in many shapes (optional fields); reading them per match would not stay fast.
    patternId: table.patternEntry.map((entry) => table.entryIds[entry] as string),
    patternTerm: table.patternEntry.map((entry) => table.entryTerms[entry] as string),
    suffixStarts,
  };
}

/**
 * Builds a matcher from a {@link MatcherTable} and the automaton of its patterns (term-scan.ts
 * WORD_UNITS as extra alphabet): nothing is built here but lookup tables. `forms` gives the
 * near-miss resolver its forms (read from at the first slogan the glossary lacks word for word).
 * `scannerTables`: the term scanner's tables (term-scan.ts termScannerTables) when a caller stored them.
 */
export function matcherFromTable(table: MatcherTable, options: BaseMatcherOptions, automaton: Automaton, forms: FuzzyForms, scannerTables?: TermScannerTables): Matcher {
  const slogans = options.slogans ?? true;
  const { normaliser, patternJoinsQuotes, patternQuotedOnly, patternSuffixes, patternId, patternTerm, suffixStarts } = tableLookups(table);
  const scanner = createTermScanner(table.patterns, normaliser, automaton, scannerTables);
  const patternCount = table.patterns.length;

  // The near-miss resolver is built at the first slogan the glossary lacks word for word, not
  // with the matcher: with thousands of entries it costs a page milliseconds and memory that a
  // page without such slogans never needs.
  const makeResolver = options.fuzzy;
  let resolver: FuzzyResolver | undefined;
  const nearMiss = (name: string): ReturnType<FuzzyResolver['resolve']> => {
    if (!makeResolver) return undefined;
    resolver ??= makeResolver(forms);
    return resolver.resolve(normaliser.key(name));
  };
  // Occurrences of the last scan, kept for the next: a rescan inside a scan gets its own.
  const occurrences = createTermOccurrences(1024);
  // The text of each pattern's last match: a report writes a term the same way again and again,
  // and one string shared by its matches saves making (and collecting) one per match.
  const lastText: Array<string | undefined> = new Array<string | undefined>(patternCount).fill(undefined);

  // The scanner already settles overlaps (leftmost, then longest); here each occurrence becomes a
  // match whose span is widened to the quotes and glued suffix a reader sees as part of the term.
  // A term does not run across two separately quoted phrases unless its own form does: in
  // “六稳”“六保” the reader sees two terms, even where a glossary also has the compound 六稳六保.
  function scanTerms(text: string, into: TermOccurrences): TextMatch[] {
    const found = scanner.scanInto(text, into);
    const count = found.count;
    const data = found.data;
    const matches: TextMatch[] = [];
    for (let o = 0; o < count; o++) {
      const at = o * OCCURRENCE;
      let start = data[at] as number;
      let end = data[at + 1] as number;
      const pattern = data[at + 4] as number;
      // A place's name, which held a term: neither it nor the term is shown.
      if (patternId[pattern] === undefined) continue;
      const join = hasQuote(text, start, end) && patternJoinsQuotes[pattern] !== 1 ? quoteJoinAt(text, start, end) : -1;
      if (join >= 0) {
        // Rescan a window around it with the second phrase's opening quote turned into a stop.
        const from = Math.max(o > 0 ? (data[at - OCCURRENCE + 1] as number) : 0, start - 1);
        const to = Math.min(o + 1 < count ? (data[at + OCCURRENCE] as number) : text.length, end + 8);
        const masked = `${text.slice(from, join)}。${text.slice(join + 1, to)}`;
        for (const part of scanTerms(masked, createTermOccurrences(16))) {
          matches.push({ ...part, start: part.start + from, end: part.end + from, text: text.slice(part.start + from, part.end + from) });
        }
        continue;
      }
      // Most terms have neither a glued suffix after their closing quote nor a quote inside them,
      // and so nothing to widen.
      const after = text.charCodeAt(end);
      const glued = (QUOTE_INDEX[after] as number) > 0 && suffixStarts.has(text.charCodeAt(end + 1)) && text.charCodeAt(start - 1) === openingOf(after);
      if (glued || hasQuote(text, start, end)) {
        const limit = o + 1 < count ? (data[at + OCCURRENCE] as number) : text.length;
        const span = extendSpan(text, start, end, limit, patternSuffixes(pattern));
        start = span.start;
        end = span.end;
      }
      let written = lastText[pattern];
      if (written === undefined || written.length !== end - start || !text.startsWith(written, start)) lastText[pattern] = written = text.slice(start, end);
      const match: TextMatch = { start, end, text: written, kind: 'term', entryId: patternId[pattern] as string, term: patternTerm[pattern] as string };
      if (patternQuotedOnly[pattern] === 1) match.quotedOnly = true;
      matches.push(match);
    }
    return matches;
  }

  return {
    scan(text: string): TextMatch[] {
      if (typeof text !== 'string' || text.length === 0) return [];
      const terms = scanTerms(text, occurrences);
      if (!slogans && !makeResolver) return terms;
      return mergeSlogans(terms, text, slogans, nearMiss);
    },
  };
}

// Slogan candidates that a glossary term does not already cover, merged into the term matches: a
// near miss of a glossary term as a fuzzy match of it, any other as unknown when `unknown` is set.
function mergeSlogans(
  terms: TextMatch[],
  text: string,
  unknown: boolean,
  nearMiss: (name: string) => ReturnType<FuzzyResolver['resolve']>,
): TextMatch[] {
  const merged: TextMatch[] = [];
  let t = 0;
  const candidates = scanSlogans(text);
  // Indexed, not for…of: each step of an iterator makes an object until the code is optimised.
  for (let c = 0; c < candidates.length; c++) {
    const candidate = candidates[c] as SloganCandidate;
    while (t < terms.length && (terms[t]?.end ?? 0) <= candidate.start) merged.push(terms[t++] as TextMatch);
    const next = terms[t];
    if (next && next.start < candidate.end) {
      // Shorter terms held whole by a near miss of a longer one (三问 in 三问三登计, a slip of
      // 三问三登记) are read as that near miss: the slip, not its fragment, is what the text names.
      const last = innerTermsEnd(terms, t, candidate);
      const near = last === -1 ? undefined : nearMiss(candidate.text);
      if (near) {
        merged.push({ start: candidate.start, end: candidate.end, text: candidate.text, kind: 'fuzzy', entryId: near.entry.id, term: near.entry.term, score: near.score });
        t = last;
      }
      continue;
    }
    const near = nearMiss(candidate.text);
    if (near) {
      merged.push({ start: candidate.start, end: candidate.end, text: candidate.text, kind: 'fuzzy', entryId: near.entry.id, term: near.entry.term, score: near.score });
    } else if (unknown) {
      merged.push({ start: candidate.start, end: candidate.end, text: candidate.text, kind: 'unknown-slogan' });
    }
  }
  while (t < terms.length) merged.push(terms[t++] as TextMatch);
  return merged;
}


/**
 * Where the terms from `terms[t]` on that lie inside `candidate` end (the index after the last), or
 * -1 when a term there reaches outside it or none is shorter than it: only then may a near miss
 * of a longer term take their place.
 */
function innerTermsEnd(terms: readonly TextMatch[], t: number, candidate: { start: number; end: number }): number {
  let i = t;
  while (i < terms.length && (terms[i] as TextMatch).start < candidate.end) {
    const term = terms[i] as TextMatch;
    if (term.start < candidate.start || term.end > candidate.end || term.end - term.start >= candidate.end - candidate.start) return -1;
    i++;
  }
  return i;
}

function hasQuote(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (QUOTE_INDEX[text.charCodeAt(i)] !== 0) return true;
  return false;
}

/**
 * Where, inside `start`–`end`, a quoted phrase closes and the next one opens (”“, or with a space
 * between), or one opens that the match leaves before it closes (企业“上云 of 企业“上云上平台”: the
 * reader sees the quoted phrase as the term): the offset of that opening quote, or -1.
 */
function quoteJoinAt(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    // Read as codes: every match with a quote in it comes here.
    const code = text.charCodeAt(i);
    const close = closingOf(code);
    // Quotes that open and close alike (" ') are left alone: which they do is not known. Without
    // its closing quote in the text, a phrase is taken to go on past the match.
    if (i > start && close && close !== code && text.slice(end, text.indexOf(String.fromCharCode(close), i + 1)).trim()) return i;
    if (openingOf(code) === 0) continue;
    let j = i + 1;
    while (j < end && /\s/.test(text.charAt(j))) j++;
    if (j < end && closingOf(text.charCodeAt(j)) !== 0) return j;
  }
  return -1;
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
function extendSpan(text: string, start: number, end: number, limit: number, suffixes: readonly string[]): { start: number; end: number } {
  const after = text.charCodeAt(end);
  if ((QUOTE_INDEX[after] as number) > 0 && text.charCodeAt(start - 1) === openingOf(after)) {
    // Indexed, not find with a callback: a closure per quoted match until the code is optimised.
    let suffix: string | undefined;
    for (let s = 0; s < suffixes.length && suffix === undefined; s++) if (text.startsWith(suffixes[s] as string, end + 1)) suffix = suffixes[s];
    if (suffix && end + 1 + suffix.length <= limit) {
      start -= 1;
      end += 1 + suffix.length;
    }
  }
  if (!hasQuote(text, start, end)) return { start, end };
  const open: number[] = [];
  let unpairedClose = -1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const isClosing = openingOf(code) !== 0;
    if (isClosing && open.length > 0 && closingOf(open[open.length - 1] as number) === code) open.pop();
    else if (closingOf(code) !== 0) open.push(code);
    else if (isClosing && open.length === 0 && unpairedClose === -1) unpairedClose = code;
  }
  if (unpairedClose !== -1 && text.charCodeAt(start - 1) === openingOf(unpairedClose)) start -= 1;
  const lastOpen = open[open.length - 1];
  if (lastOpen !== undefined && text.charCodeAt(end) === closingOf(lastOpen) && end < limit) end += 1;
  return { start, end };
}
