// One pass over raw text that normalises and runs the automaton together, without building the
// normalised text. Between matches, a character that cannot start a form costs one table lookup,
// whatever the glossary's size.
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

/** Finds every occurrence of every normalised pattern in raw text. */
export interface TermScanner {
  /** All occurrences, overlapping ones included, minus those cutting through a number or a Latin word. */
  scan(text: string): TermOccurrence[];
}

const SKIPPED = -1;
const NUMERAL = -2;
// Units that continue a number or a Latin word: a form must not start or end inside one
// (15分钟服务圈 is not in 115分钟服务圈).
const WORD_UNITS = '0123456789abcdefghijklmnopqrstuvwxyz';

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

  // At the root, a character that starts no form and is not part of a number or Latin word is
  // the same as one no form uses: the loop handles both without leaving it. `used` marks every
  // character with a class of its own, skipped ones and numerals included.
  const live = new Uint8Array(65536);
  const used = new Uint8Array(65536);
  for (const raw of [...automaton.alphabet, ...normaliser.exceptions.keys(), ...normaliser.numerals]) {
    const cls = rawClass[raw] as number;
    if (cls === 0) continue;
    used[raw] = 1;
    if (cls < 0 || isWord[cls] === 1 || automaton.next(0, cls) !== 0) live[raw] = 1;
  }

  // Every form spans at least two characters of raw text (a digit run can at most halve: 十 → 10),
  // so at the root a character no form uses, one ahead, rules out a match starting here: the
  // loop may step two at a time, as Horspool's algorithm does.
  const pairwise = patterns.every((pattern) => rawLengthAtLeast(pattern) >= 2);

  let longest = 1;
  for (const pattern of patterns) longest = Math.max(longest, pattern.length);
  let ringSize = 4;
  while (ringSize < longest + 2) ringSize *= 2;
  const mask = ringSize - 1;
  const ringStart = new Int32Array(ringSize);
  const ringWord = new Uint8Array(ringSize);

  // The units of a numeral run, reused between runs.
  const runClass: number[] = [];

  function scan(text: string): TermOccurrence[] {
    const found: TermOccurrence[] = [];
    const n = text.length;
    let state = 0;
    let k = 0;
    // The last unit outside every pattern: nothing before it can be part of a match.
    let resetAt = -1;
    // Occurrences that end in a word unit wait for the next unit to know whether they cut a word.
    let pendingFrom = -1;
    // The units of the current character: one, or a numeral run's several.
    let runStarts: number[] = [];
    let runEnds: number[] = [];

    for (let i = 0; i < n; i++) {
      if (state === 0 && pendingFrom === -1) {
        // The common case: a stretch of characters that start nothing.
        let j = i;
        for (;;) {
          if (pairwise && j + 1 < n && used[text.charCodeAt(j + 1)] === 0) j += 2;
          else if (j < n && live[text.charCodeAt(j)] === 0) j++;
          else break;
        }
        if (j > i) {
          k += j - i;
          resetAt = k - 1;
          i = j;
          if (i === n) break;
        }
      }
      const raw = text.charCodeAt(i);
      let cls = rawClass[raw] as number;
      let units = 1;
      if (cls === SKIPPED) continue;
      if (cls === NUMERAL) {
        const next = i + 1 < n ? (rawClass[text.charCodeAt(i + 1)] as number) : 0;
        cls = next >= 0 ? (aloneClass[raw] as number) : -1;
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
          found.push({ start: ringStart[from & mask] as number, end, from, to: k + 1, pattern: automaton.outputPattern(out) });
        }
        k++;
      }
    }
    return found;
  }

  return { scan };
}

/** The fewest raw characters a normalised form can come from: a digit run may come from half as many (十 → 10). */
function rawLengthAtLeast(pattern: string): number {
  let length = 0;
  let digits = 0;
  for (const unit of pattern) {
    if (unit >= '0' && unit <= '9') {
      digits++;
      continue;
    }
    length += 1 + Math.ceil(digits / 2);
    digits = 0;
  }
  return length + Math.ceil(digits / 2);
}
