// One pass over raw text that normalises and runs the automaton together, without building the
// normalised text. Between matches, a character that cannot start a form costs one table lookup,
// whatever the glossary's size; overlapping occurrences are settled where they arise.
import { createAutomaton } from './automaton';
import type { Normaliser } from './normalise';

/** One occurrence of a pattern, in original offsets (`start`, `end`) and canonical units (`from`, `to`). */
export interface TermOccurrence {
  start: number;
  end: number;
  from: number;
  to: number;
  pattern: number;
}

/** Finds normalised patterns in raw text, as a reader would pick them. */
export interface TermScanner {
  /**
   * The occurrences a reader sees, by start: leftmost first, then longest, none overlapping one
   * kept before it, and none cutting through a number or a Latin word. The next call reuses
   * the occurrence objects: read them before scanning again.
   */
  scan(text: string): TermOccurrence[];
}

const SKIPPED = -1;
const NUMERAL = -2;
// Units that continue a number or a Latin word: a form must not start or end inside one
// (15分钟服务圈 is not in 115分钟服务圈).
const WORD_UNITS = '0123456789abcdefghijklmnopqrstuvwxyz';
// Most occurrence objects kept for reuse between scans.
const POOL_LIMIT = 1 << 16;
const PAIR_BITS = 16;
const PAIR_SLOTS = 1 << PAIR_BITS;
const TRIPLE_BITS = 17;
const TRIPLE_SLOTS = 1 << TRIPLE_BITS;

/** Builds a scanner for `patterns`, which must have been normalised by `normaliser`. */
export function createTermScanner(patterns: readonly string[], normaliser: Normaliser): TermScanner {
  const automaton = createAutomaton(patterns, WORD_UNITS);
  const unitClass = automaton.classOf;
  const isWord = new Uint8Array(65536);
  for (const unit of WORD_UNITS) isWord[unitClass[unit.charCodeAt(0)] as number] = 1;

  // Class of each raw UTF-16 unit after folding; a numeral standing alone (六 in 六稳, 一) has
  // the class of its one canonical unit, so only real runs (十五, 二〇二〇) take the slow path.
  // Only units that fold into the alphabet, are skipped or are numerals get an entry.
  const rawClass = new Int32Array(65536);
  for (const unit of automaton.alphabet) if (normaliser.fold(unit) === unit) rawClass[unit] = unitClass[unit] as number;
  for (const [raw, folded] of normaliser.exceptions) rawClass[raw] = folded === 0 ? SKIPPED : (unitClass[folded] as number);
  for (const raw of normaliser.numerals) rawClass[raw] = NUMERAL;
  const aloneClass = new Int32Array(65536).fill(-1);
  for (const raw of normaliser.numerals) {
    const alone = normaliser.numeralRun(String.fromCharCode(raw), 0).codes;
    if (alone.length === 1) aloneClass[raw] = unitClass[alone[0] as number] as number;
  }

  // Skipping at the root. `firstClass` is the class of a character's one canonical unit when it
  // has exactly one (a numeral standing alone included). `skip`: 0 when that unit starts no
  // form (a digit or Latin letter too: the loop records whether the last one skipped was part of
  // a word), 2 when it starts forms of two units or more (then the pair it makes with the next
  // character decides, a numeral's too), 3 for a skipped character (no unit at all), 1 when the
  // loop must stop (numerals before a skipped character or numeral, one-unit forms).
  const firstClass = new Int32Array(65536);
  const skip = new Uint8Array(65536);
  for (const raw of [...automaton.alphabet, ...normaliser.exceptions.keys(), ...normaliser.numerals]) {
    const cls = rawClass[raw] as number;
    const first = cls === NUMERAL ? (aloneClass[raw] as number) : cls;
    if (first < 0) {
      skip[raw] = cls === SKIPPED ? 3 : 1;
      continue;
    }
    firstClass[raw] = first;
    const child = first === 0 ? 0 : automaton.next(0, first);
    if (child !== 0 && automaton.firstOutput(child) !== 0) skip[raw] = 1;
    // A numeral stands alone only before a character that is neither a numeral nor skipped.
    else skip[raw] = child === 0 && cls !== NUMERAL ? 0 : 2;
  }
  // Every form's first two units, hashed: 0 when no form starts with the pair, 1 when forms do
  // and all are longer (then their first three units, hashed too, decide), 2 when one is just the
  // pair. At the root most characters that could start a form are not followed by what could
  // continue it (2020年 starts no 2网融合); a false positive only costs a trip through the automaton.
  const pairs = new Uint8Array(PAIR_SLOTS);
  const triples = new Uint8Array(TRIPLE_SLOTS);
  for (const pattern of patterns) {
    if (pattern.length < 2) continue;
    const pair = pairHash(unitClass[pattern.charCodeAt(0)] as number, unitClass[pattern.charCodeAt(1)] as number);
    const slot = pair >>> (32 - PAIR_BITS);
    pairs[slot] = Math.max(pairs[slot] as number, pattern.length === 2 ? 2 : 1);
    if (pattern.length > 2) triples[tripleSlot(pair, unitClass[pattern.charCodeAt(2)] as number)] = 1;
  }

  let longest = 1;
  for (const pattern of patterns) longest = Math.max(longest, pattern.length);
  let ringSize = 4;
  while (ringSize < longest + 2) ringSize *= 2;
  const mask = ringSize - 1;
  const ringStart = new Int32Array(ringSize);
  const ringWord = new Uint8Array(ringSize);

  // The units of a numeral run, reused between runs.
  const runClass: number[] = [];
  // Occurrence objects, reused from one scan to the next: a page's worth of them, kept until the
  // caller is done, would otherwise all survive a garbage collection and be copied by it.
  const pool: TermOccurrence[] = [];

  function scan(text: string): TermOccurrence[] {
    const found: TermOccurrence[] = [];
    let reused = 0;
    const n = text.length;
    let state = 0;
    let k = 0;
    // The last unit outside every pattern: nothing before it can be part of a match.
    let resetAt = -1;
    // Occurrences that end in a word unit wait for the next unit to know whether they cut a word.
    let pendingFrom = -1;
    // Occurrences since the automaton last stood at the root, before choosing among them.
    let group = 0;
    // The units of the current character: one, or a numeral run's several.
    let runStarts: number[] = [];
    let runEnds: number[] = [];

    for (let i = 0; i < n; i++) {
      if (state === 0 && pendingFrom === -1) {
        // At the root no later occurrence can overlap an earlier one.
        if (found.length - group > 1) keepLeftmostLongest(found, group);
        group = found.length;
        // The common case: a stretch of characters that start nothing.
        let j = i;
        let skipped = 0;
        for (;;) {
          // The tightest loop there is, for the characters that start nothing at all.
          while (j < n && skip[text.charCodeAt(j)] === 0) j++;
          if (j === n) break;
          const raw = text.charCodeAt(j);
          const how = skip[raw];
          if (how === 2 && rulesOut(text, j, firstClass[raw] as number)) j++;
          else if (how === 3) {
            j++;
            skipped++;
          } else break;
        }
        if (j - i > skipped) {
          k += j - i - skipped;
          // Whether the last unit passed continues a number or word into the next one.
          let last = j - 1;
          while (skip[text.charCodeAt(last)] === 3) last--;
          if (isWord[firstClass[text.charCodeAt(last)] as number] === 1) ringWord[(k - 1) & mask] = 1;
          else resetAt = k - 1;
        }
        i = j;
        if (i === n) break;
      }
      const raw = text.charCodeAt(i);
      let cls = rawClass[raw] as number;
      let units = 1;
      if (cls === SKIPPED) continue;
      if (cls === NUMERAL) {
        // A run goes on across skipped characters (十\n五); a numeral before a closing quote is alone.
        let after = i + 1;
        while (after < n && rawClass[text.charCodeAt(after)] === SKIPPED) after++;
        cls = after === n || rawClass[text.charCodeAt(after)] !== NUMERAL ? (aloneClass[raw] as number) : -1;
        if (cls === -1) {
          const run = normaliser.numeralRun(text, i);
          units = run.codes.length;
          runClass.length = 0;
          for (const code of run.codes) runClass.push(unitClass[code] as number);
          runStarts = run.starts;
          runEnds = run.ends;
          i = run.end - 1;
        }
      }
      for (let u = 0; u < units; u++) {
        const unit = units === 1 && cls !== -1 ? cls : (runClass[u] as number);
        const start = units === 1 && cls !== -1 ? i : (runStarts[u] as number);
        const end = units === 1 && cls !== -1 ? i + 1 : (runEnds[u] as number);
        if (pendingFrom !== -1) {
          if (isWord[unit] === 1) found.length = pendingFrom;
          pendingFrom = -1;
        }
        if (unit === 0) {
          state = 0;
          resetAt = k++;
          continue;
        }
        const slot = k & mask;
        ringStart[slot] = start;
        ringWord[slot] = isWord[unit] as number;
        state = automaton.next(state, unit);
        for (let out = automaton.firstOutput(state); out !== 0; out = automaton.nextOutput(out)) {
          const from = k + 1 - automaton.outputLength(out);
          const cutsStart = from > 0 && from - 1 !== resetAt && ringWord[(from - 1) & mask] === 1 && ringWord[from & mask] === 1;
          if (cutsStart) continue;
          if (ringWord[slot] === 1 && pendingFrom === -1) pendingFrom = found.length;
          let occurrence = pool[reused++];
          if (occurrence === undefined) {
            occurrence = { start: 0, end: 0, from: 0, to: 0, pattern: 0 };
            if (pool.length < POOL_LIMIT) pool.push(occurrence);
          }
          occurrence.start = ringStart[from & mask] as number;
          occurrence.end = end;
          occurrence.from = from;
          occurrence.to = k + 1;
          occurrence.pattern = automaton.outputPattern(out);
          found.push(occurrence);
        }
        k++;
      }
    }
    if (found.length - group > 1) keepLeftmostLongest(found, group);
    return found;
  }

  // Whether the characters after `at` rule out a form starting there. A skipped character or a
  // numeral among them decides nothing: its units are not simply the next ones.
  function rulesOut(text: string, at: number, first: number): boolean {
    if (at + 1 >= text.length) return false;
    const second = rawClass[text.charCodeAt(at + 1)] as number;
    if (second < 0) return false;
    const pair = pairHash(first, second);
    const known = pairs[pair >>> (32 - PAIR_BITS)];
    if (known !== 1) return known === 0;
    if (at + 2 >= text.length) return false;
    const third = rawClass[text.charCodeAt(at + 2)] as number;
    return third >= 0 && triples[tripleSlot(pair, third)] === 0;
  }

  return { scan };
}

// Sorts the occurrences from `from` on by start (longest first) and keeps, leftmost first, those
// that overlap none kept before them. Groups are small: the occurrences around one spot.
function keepLeftmostLongest(found: TermOccurrence[], from: number): void {
  for (let o = from + 1; o < found.length; o++) {
    const occurrence = found[o] as TermOccurrence;
    let p = o - 1;
    for (; p >= from; p--) {
      const before = found[p] as TermOccurrence;
      if (before.from < occurrence.from || (before.from === occurrence.from && before.to >= occurrence.to)) break;
      found[p + 1] = before;
    }
    found[p + 1] = occurrence;
  }
  let kept = from;
  let reached = -1;
  for (let o = from; o < found.length; o++) {
    const occurrence = found[o] as TermOccurrence;
    if (occurrence.from < reached) continue;
    reached = occurrence.to;
    found[kept++] = occurrence;
  }
  found.length = kept;
}

// Hash of a pair of unit classes; its top bits pick the pair's slot.
function pairHash(first: number, second: number): number {
  return Math.imul(first ^ Math.imul(second, 0x27d4eb2d), 0x9e3779b1);
}

// Slot of a pair's hash followed by a third unit class.
function tripleSlot(pair: number, third: number): number {
  return Math.imul(pair ^ Math.imul(third, 0x165667b1), 0x85ebca6b) >>> (32 - TRIPLE_BITS);
}
