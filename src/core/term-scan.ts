// One pass over raw text that normalises and runs the automaton together, without building the
// normalised text. Between matches, a character that cannot start a form costs at most one table
// lookup, whatever the glossary's size; overlapping occurrences are settled where they arise.
import type { Automaton } from './automaton';
import { QUOTES, type Normaliser, type NumeralRun } from './normalise';

/**
 * One occurrence of a pattern, in original offsets (`start`, `end`). `from` and `to` place it in
 * the scan's own count of units, which only orders occurrences: they are offsets into no string.
 */
export interface TermOccurrence {
  start: number;
  end: number;
  from: number;
  to: number;
  pattern: number;
}

/**
 * Occurrences packed five numbers each (start, end, from, to, pattern, as in TermOccurrence):
 * the o-th (o < `count`) begins at `data[o * OCCURRENCE]`. A report holds a hundred thousand of
 * them; as objects they cost more to make and collect than to find.
 */
export interface TermOccurrences {
  count: number;
  data: Int32Array;
}

/** Numbers per occurrence in `TermOccurrences.data`. */
export const OCCURRENCE = 5;

/** Room for `capacity` occurrences, e.g. for `scanInto`. */
export function createTermOccurrences(capacity = 256): TermOccurrences {
  return { count: 0, data: new Int32Array(Math.max(16, capacity) * OCCURRENCE) };
}

/** Finds normalised patterns in raw text, as a reader would pick them. */
export interface TermScanner {
  /**
   * The occurrences a reader sees, by start: leftmost first, then longest, none overlapping one
   * kept before it, and none cutting through a number or a Latin word.
   */
  scan(text: string): TermOccurrence[];
  /** `scan` written into `into` (overwritten, grown as needed), with no object per occurrence. */
  scanInto(text: string, into: TermOccurrences): TermOccurrences;
}

const SKIPPED = -1;
const NUMERAL = -2;
// What the skipping loop does with a character at the root (`skip`). CLEAN: it starts no form,
// and neither does the character before it; PLAIN: it starts no form; PAIR: it starts forms of
// two units or more, the next character decides; SKIP: it has no unit (a quote, a space); STOP:
// the loop ends there (a numeral before a skipped character or numeral, a one-unit form).
const CLEAN = 0;
const PLAIN = 1;
const PAIR = 2;
const SKIP = 3;
const STOP = 4;
// Characters sampled from a text to tell whether striding over it pays: few, as the sample is read
// on every call and a page makes thousands of calls on paragraphs of a few hundred characters (64
// read half of such a paragraph again in each call of a cold first pass).
const STRIDE_SAMPLES = 16;
// Units that continue a number or a Latin word: a form must not start or end inside one
// (15分钟服务圈 is not in 115分钟服务圈).
export const WORD_UNITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const PAIR_BITS = 16;
const PAIR_SLOTS = 1 << PAIR_BITS;
const TRIPLE_BITS = 17;
const TRIPLE_SLOTS = 1 << TRIPLE_BITS;

/**
 * What a scanner reads besides the automaton, derived from its patterns, normaliser and automaton:
 * typed arrays and two numbers, which a caller may store and hand back to {@link createTermScanner}
 * (the CLI's ready matcher, src/cli/pack-cache.ts: deriving them is a third of building a matcher
 * for the collection, cold).
 */
export interface TermScannerTables {
  /** By class: 1 for a unit of WORD_UNITS. */
  isWord: Uint8Array;
  /** By raw UTF-16 unit: its class after folding, SKIPPED, NUMERAL, or 0. */
  rawClass: Int16Array | Int32Array;
  /** By raw unit: the class of its one canonical unit, when it has exactly one. */
  firstClass: Uint16Array;
  /** By raw unit: what the skipping loop does with it (CLEAN, PLAIN, PAIR, SKIP, STOP). */
  skip: Uint8Array;
  /** Pairs of first classes, hashed: 0 none, 1 longer forms, 2 a form of two units. */
  pairs: Uint8Array;
  /** Triples of first classes, hashed, one bit a slot. */
  triples: Uint8Array;
  /** By second unit's class: a bit per first unit's class modulo 32. */
  firstsBefore: Int32Array;
  /** Whether striding over clean characters can pay (no form shorter than two units, none inside a numeral's expansion). */
  strides: boolean;
  /** The longest pattern's length (at least 1). */
  longest: number;
}

/** Each numeral that stands for one canonical unit alone (六 in 六稳) and that unit's class. */
function aloneClasses(normaliser: Normaliser, unitClass: Uint16Array): Map<number, number> {
  const aloneClass = new Map<number, number>();
  for (const raw of normaliser.numerals) {
    const alone = normaliser.numeralRun(String.fromCharCode(raw), 0).codes;
    if (alone.length === 1) aloneClass.set(raw, unitClass[alone[0] as number] as number);
  }
  return aloneClass;
}

/** Derives the {@link TermScannerTables} of `patterns` (normalised by `normaliser`) and their automaton. */
export function termScannerTables(patterns: readonly string[], normaliser: Normaliser, automaton: Automaton): TermScannerTables {
  const unitClass = automaton.classOf;
  // By class (not by unit): a few bytes, not 64 KB.
  const isWord = new Uint8Array(automaton.alphabet.length + 1);
  for (const unit of WORD_UNITS) isWord[unitClass[unit.charCodeAt(0)] as number] = 1;

  // Class of each raw UTF-16 unit after folding; a numeral standing alone (六 in 六稳, 一) has
  // the class of its one canonical unit, so only real runs (十五, 二〇二〇) take the slow path.
  // Only units that fold into the alphabet, are skipped or are numerals get an entry.
  // 16 bits a unit where classes fit (every glossary of words does): half the memory.
  const Classes = automaton.alphabet.length < 0x7fff ? Int16Array : Int32Array;
  const rawClass = new Classes(65536);
  for (const unit of automaton.alphabet) if (normaliser.fold(unit) === unit) rawClass[unit] = unitClass[unit] as number;
  for (const [raw, folded] of normaliser.exceptions) rawClass[raw] = folded === 0 ? SKIPPED : (unitClass[folded] as number);
  for (const raw of normaliser.numerals) rawClass[raw] = NUMERAL;
  // Numerals only (a few dozen units): a map, not a 64K-unit table.
  const aloneClass = aloneClasses(normaliser, unitClass);

  // Characters that could rule out a form starting at themselves or just before them, so that
  // the skipping loop need not read the one before: characters of one unit, found at neither of
  // a form's first two units. A numeral before one may stand for several units (十 → 10), so
  // the units that follow such an expansion inside a form are excluded too; when a form fits in
  // one character's units (or has one unit), no character rules out the one before.
  const dirty = new Uint8Array(automaton.alphabet.length + 1);
  const expansions: string[] = [];
  for (const raw of normaliser.numerals) {
    const alone = normaliser.numeralRun(String.fromCharCode(raw), 0).codes;
    if (alone.length > 1) expansions.push(String.fromCharCode(...alone));
  }
  let strides = true;
  // Every expansion's tails (十 → 10: "10", "0"), made once rather than once per pattern.
  const tails: string[] = [];
  for (const expansion of expansions) for (let u = 0; u < expansion.length; u++) tails.push(expansion.slice(u));
  for (const pattern of patterns) {
    if (pattern.length === 0) continue;
    if (pattern.length < 2) strides = false;
    for (let at = 0; at < 2 && at < pattern.length; at++) dirty[unitClass[pattern.charCodeAt(at)] as number] = 1;
    for (let e = 0; e < expansions.length; e++) if ((expansions[e] as string).includes(pattern)) strides = false;
    for (let t = 0; t < tails.length; t++) {
      const rest = tails[t] as string;
      if (pattern.length > rest.length && pattern.startsWith(rest)) dirty[unitClass[pattern.charCodeAt(rest.length)] as number] = 1;
    }
  }

  // Skipping at the root. `firstClass` is the class of a character's one canonical unit when it
  // has exactly one (a numeral standing alone included). `skip` says what the loop does with a
  // character (see the constants); a digit or Latin letter that starts nothing is passed too, the
  // loop records whether the last one passed was part of a word.
  const firstClass = new Uint16Array(65536);
  const skip = new Uint8Array(65536).fill(strides ? CLEAN : PLAIN);
  for (const raw of [...automaton.alphabet, ...normaliser.exceptions.keys(), ...normaliser.numerals]) {
    const cls = rawClass[raw] as number;
    const first = cls === NUMERAL ? (aloneClass.get(raw) ?? -1) : cls;
    if (first < 0) {
      skip[raw] = cls === SKIPPED ? SKIP : STOP;
      continue;
    }
    firstClass[raw] = first;
    const child = first === 0 ? 0 : automaton.next(0, first);
    if (child !== 0 && automaton.firstOutput(child) !== 0) skip[raw] = STOP;
    // A numeral stands alone only before a character that is neither a numeral nor skipped.
    else if (child !== 0 || cls === NUMERAL) skip[raw] = PAIR;
    else skip[raw] = strides && dirty[cls] === 0 ? CLEAN : PLAIN;
  }

  // Every form's first two units, hashed: 0 when no form starts with the pair, 1 when forms do
  // and all are longer (then their first three units, hashed too, decide), 2 when one is just the
  // pair. At the root most characters that could start a form are not followed by what could
  // continue it (2020年 starts no 2网融合); a false positive only costs a trip through the automaton.
  const pairs = new Uint8Array(PAIR_SLOTS);
  // One bit a slot.
  const triples = new Uint8Array(TRIPLE_SLOTS >> 3);
  // Before the hash, a table small enough to stay in the processor's nearest cache: for each
  // second unit, one bit per first unit's class modulo 32. It alone rules out nearly every pair
  // that starts no form, even with 10,000 forms.
  const firstsBefore = new Int32Array(automaton.alphabet.length + 1);
  for (const pattern of patterns) {
    if (pattern.length < 2) continue;
    const first = unitClass[pattern.charCodeAt(0)] as number;
    const second = unitClass[pattern.charCodeAt(1)] as number;
    firstsBefore[second] = (firstsBefore[second] as number) | (1 << (first & 31));
    const pair = pairHash(first, second);
    const slot = pair >>> (32 - PAIR_BITS);
    pairs[slot] = Math.max(pairs[slot] as number, pattern.length === 2 ? 2 : 1);
    if (pattern.length > 2) {
      const slot = tripleSlot(pair, unitClass[pattern.charCodeAt(2)] as number);
      triples[slot >> 3] = (triples[slot >> 3] as number) | (1 << (slot & 7));
    }
  }


  let longest = 1;
  for (const pattern of patterns) longest = Math.max(longest, pattern.length);
  return { isWord, rawClass, firstClass, skip, pairs, triples, firstsBefore, strides, longest };
}

/**
 * Builds a scanner for `patterns`, which must have been normalised by `normaliser`, from their
 * automaton with {@link WORD_UNITS} as extra alphabet (createAutomaton, or loaded from a compiled
 * pack: passed in, so a content script that only loads one carries no automaton builder).
 * `tables`: the ones {@link termScannerTables} derives from the same three, stored by a caller.
 */
export function createTermScanner(patterns: readonly string[], normaliser: Normaliser, automaton: Automaton, tables: TermScannerTables = termScannerTables(patterns, normaliser, automaton)): TermScanner {
  const unitClass = automaton.classOf;
  const { isWord, rawClass, firstClass, skip, pairs, triples, firstsBefore, strides, longest } = tables;
  const aloneClass = aloneClasses(normaliser, unitClass);

  let ringSize = 4;
  while (ringSize < longest + 2) ringSize *= 2;
  const mask = ringSize - 1;
  const ringStart = new Int32Array(ringSize);
  // 1: a unit of a word (digits, Latin letters); 2: one that begins a word after a quote. A word
  // ends at a quote (成宜1+13 in 成宜“1+13”“1+5+2”), where a space or a line break may run through
  // one (9 15).
  const ringWord = new Uint8Array(ringSize);

  const { dense, denseStates, stride, firstOutputs, nextOutputs, depths, patterns: outputPatterns } = automaton.arrays;

  // The units of a numeral run, reused between runs.
  const run: NumeralRun = { codes: [], starts: [], ends: [], end: 0 };

  // The common case at the root: a stretch of characters that start nothing, passed without
  // stepping the automaton. Returns where the stretch ends: a character a form may start at, or
  // `n`. Striding reads every other character while they are clean; one at a time otherwise.
  // A function of its own, not written out in scanInto: the JIT optimises this small loop within
  // the first few thousand characters of a page, while the whole of scanInto took V8 83 ms to
  // compile, run all that time by the interpreter (a cold page's first pass ran at about a fifth
  // of its warm speed).
  function skipFrom(text: string, j: number, n: number, striding: boolean): number {
    for (;;) {
      let raw = 0;
      let how = 0;
      if (striding) {
        while (j + 1 < n && skip[text.charCodeAt(j + 1)] === CLEAN) j += 2;
        while (j < n && (how = skip[(raw = text.charCodeAt(j))] as number) === PLAIN) j++;
      } else {
        while (j < n && (how = skip[(raw = text.charCodeAt(j))] as number) <= PLAIN) j++;
      }
      if (j >= n) return j;
      if (how === PAIR) {
        // Whether the characters after j rule out a form starting there: with 7,000 forms most
        // characters are PAIR (a call small enough for the JIT to inline; not checked).
        if (!rulesOut(text, j, firstClass[raw] as number)) return j;
        j++;
      } else if (how === CLEAN || how === SKIP) j++;
      else return j;
    }
  }

  function scanInto(text: string, found: TermOccurrences): TermOccurrences {
    // Occurrences found so far (`found.count` is written at the end).
    let count = 0;
    const n = text.length;
    // Room for a long text's occurrences up front (one per 64 units; a report holds about one per
    // 90): the growing below, first needed long after the loop was optimised without it, sent the
    // loop back to the interpreter until optimised again (a 15 MB report: ~50 ms of 300).
    if (found.data.length < (n >> 6) * OCCURRENCE) found.data = new Int32Array((n >> 6) * OCCURRENCE);
    let data = found.data;
    const striding = strides && pays(text);
    let state = 0;
    let k = 0;
    // The last unit outside every pattern: nothing before it can be part of a match.
    let resetAt = -1;
    // Occurrences that end in a word unit wait for the next unit to know whether they cut a word.
    let pendingFrom = -1;
    // Whether a quote came since the last unit.
    let quoted = 0;
    // Occurrences since the automaton last stood at the root, before choosing among them.
    let group = 0;

    // The end of the text settles the last group in the same statement as the root does: code
    // after the loop, optimised while the first call (a whole report) was still in the loop, had
    // no type feedback and deoptimised at every later call (566 times in one 15 MB scan).
    for (let i = 0; ; i++) {
      if (i >= n || (state === 0 && pendingFrom === -1)) {
        // At the root no later occurrence can overlap an earlier one.
        if (count - group > 1) count = keepLeftmostLongest(found, group, count);
        group = count;
        found.count = count;
        if (i >= n) break;
        // The common case: a stretch of characters that start nothing (skipFrom).
        const j = skipFrom(text, i, n, striding);
        // Positions passed count as units, skipped characters too: `k` only needs to grow and to
        // name the last unit passed, whose word-ness decides whether a form may start after it.
        let last = j - 1;
        let quote = 0;
        while (last >= i && skip[text.charCodeAt(last)] === SKIP) if (QUOTES.includes(text.charAt(last--))) quote = 1;
        quoted = last >= i ? quote : quoted | quote;
        if (last >= i) {
          k += last + 1 - i;
          if (isWord[firstClass[text.charCodeAt(last)] as number] === 1) ringWord[(k - 1) & mask] = 1;
          else resetAt = k - 1;
        }
        i = j;
        // Settled at the top, as above.
        if (i === n) continue;
      }
      const raw = text.charCodeAt(i);
      let cls = rawClass[raw] as number;
      let units = 1;
      if (cls === SKIPPED) {
        if (QUOTES.includes(text.charAt(i))) quoted = 1;
        continue;
      }
      if (cls === NUMERAL) {
        // A run goes on across skipped characters (十\n五); a numeral before a closing quote is alone.
        let after = i + 1;
        while (after < n && rawClass[text.charCodeAt(after)] === SKIPPED) after++;
        cls = after === n || rawClass[text.charCodeAt(after)] !== NUMERAL ? (aloneClass.get(raw) ?? -1) : -1;
        if (cls === -1) {
          normaliser.numeralRun(text, i, run);
          units = run.codes.length;
          i = run.end - 1;
        }
      }
      for (let u = 0; u < units; u++) {
        const unit = units === 1 && cls !== -1 ? cls : (unitClass[run.codes[u] as number] as number);
        const start = units === 1 && cls !== -1 ? i : (run.starts[u] as number);
        const end = units === 1 && cls !== -1 ? i + 1 : (run.ends[u] as number);
        if (pendingFrom !== -1) {
          if (isWord[unit] === 1 && quoted === 0) count = pendingFrom;
          pendingFrom = -1;
        }
        if (unit === 0) {
          state = 0;
          resetAt = k++;
          continue;
        }
        const slot = k & mask;
        ringStart[slot] = start;
        ringWord[slot] = (isWord[unit] as number) << quoted;
        quoted = 0;
        // The automaton's step, its dense rows read here (see Automaton.arrays).
        state = state < denseStates ? (dense[state * stride + unit] as number) : automaton.next(state, unit);
        for (let out = firstOutputs[state] as number; out !== 0; out = nextOutputs[out] as number) {
          const from = k + 1 - (depths[out] as number);
          const cutsStart = from > 0 && from - 1 !== resetAt && (ringWord[(from - 1) & mask] as number) > 0 && ringWord[from & mask] === 1;
          if (cutsStart) continue;
          if ((ringWord[slot] as number) > 0 && pendingFrom === -1) pendingFrom = count;
          let at = count * OCCURRENCE;
          if (at === data.length) {
            const wider = new Int32Array(at * 2);
            wider.set(data);
            found.data = data = wider;
          }
          data[at++] = ringStart[from & mask] as number;
          data[at++] = end;
          data[at++] = from;
          data[at++] = k + 1;
          data[at] = outputPatterns[out] as number;
          count++;
        }
        k++;
      }
      // One unit deep again (the automaton fell back to the form starts of this character alone)
      // with nothing able to follow it: the same as standing at the root, where the skipping loop
      // takes over. Without this, a glossary of 7,000 forms keeps the automaton off the root for
      // most of a text, one unit at a time.
      if (units === 1 && depths[state] === 1 && skip[raw] === PAIR && rulesOut(text, i, firstClass[raw] as number)) state = 0;
    }
    return found;
  }

  function scan(text: string): TermOccurrence[] {
    const { count, data } = scanInto(text, createTermOccurrences());
    const occurrences: TermOccurrence[] = [];
    for (let at = 0; at < count * OCCURRENCE; at += OCCURRENCE) {
      occurrences.push({ start: data[at] as number, end: data[at + 1] as number, from: data[at + 2] as number, to: data[at + 3] as number, pattern: data[at + 4] as number });
    }
    return occurrences;
  }

  // Whether most characters of `text` are clean, from a sample (a text is of one kind
  // throughout). A glossary whose forms begin with common characters, as 10,000 forms do, leaves
  // few clean ones, and striding would stop at nearly every character.
  function pays(text: string): boolean {
    const step = Math.max(1, Math.floor(text.length / STRIDE_SAMPLES));
    let clean = 0;
    let sampled = 0;
    for (let at = 0; at < text.length; at += step, sampled++) if (skip[text.charCodeAt(at)] === CLEAN) clean++;
    return clean * 2 > sampled;
  }

  // Whether the characters after `at` rule out a form starting there (asked by skipFrom for each
  // character that could start one, and after a one-unit step). A skipped character or a numeral
  // among them decides nothing: its units are not simply the next ones.
  function rulesOut(text: string, at: number, first: number): boolean {
    if (at + 1 >= text.length) return false;
    const second = rawClass[text.charCodeAt(at + 1)] as number;
    if (second < 0) return false;
    if (((firstsBefore[second] as number) & (1 << (first & 31))) === 0) return true;
    const pair = pairHash(first, second);
    const known = pairs[pair >>> (32 - PAIR_BITS)];
    if (known !== 1) return known === 0;
    if (at + 2 >= text.length) return false;
    const third = rawClass[text.charCodeAt(at + 2)] as number;
    if (third < 0) return false;
    const slot = tripleSlot(pair, third);
    return ((triples[slot >> 3] as number) & (1 << (slot & 7))) === 0;
  }

  return { scan, scanInto };
}

// Sorts the occurrences `first`…`count` - 1 by start (longest first) and keeps, leftmost first,
// those that overlap none kept before them; the new count. Groups are small: the occurrences
// around one spot.
function keepLeftmostLongest(found: TermOccurrences, first: number, count: number): number {
  const data = found.data;
  for (let o = first + 1; o < count; o++) {
    const at = o * OCCURRENCE;
    const from = data[at + 2] as number;
    const to = data[at + 3] as number;
    let p = o - 1;
    for (; p >= first; p--) {
      const before = data[p * OCCURRENCE + 2] as number;
      if (before < from || (before === from && (data[p * OCCURRENCE + 3] as number) >= to)) break;
    }
    if (p === o - 1) continue;
    // It goes after `p`; those between move up by one. Held in locals, not a copied typed array:
    // the automaton reports a longer occurrence after the shorter ones it holds, so this runs for
    // a good share of a report's occurrences, and an array each cost more than the rest.
    const start = data[at] as number;
    const end = data[at + 1] as number;
    const pattern = data[at + 4] as number;
    data.copyWithin((p + 2) * OCCURRENCE, (p + 1) * OCCURRENCE, at);
    const into = (p + 1) * OCCURRENCE;
    data[into] = start;
    data[into + 1] = end;
    data[into + 2] = from;
    data[into + 3] = to;
    data[into + 4] = pattern;
  }
  let kept = first;
  let reached = -1;
  for (let o = first; o < count; o++) {
    const at = o * OCCURRENCE;
    if ((data[at + 2] as number) < reached) continue;
    reached = data[at + 3] as number;
    if (kept !== o) data.copyWithin(kept * OCCURRENCE, at, at + OCCURRENCE);
    kept++;
  }
  return kept;
}

// Hash of a pair of unit classes; its top bits pick the pair's slot. scanInto's skipping loop
// computes it and `tripleSlot` again inline: change all three together.
function pairHash(first: number, second: number): number {
  return Math.imul(first ^ Math.imul(second, 0x27d4eb2d), 0x9e3779b1);
}

// Slot of a pair's hash followed by a third unit class.
function tripleSlot(pair: number, third: number): number {
  return Math.imul(pair ^ Math.imul(third, 0x165667b1), 0x85ebca6b) >>> (32 - TRIPLE_BITS);
}
