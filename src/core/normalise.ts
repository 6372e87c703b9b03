// Folds the many ways government text writes one term (１５/十五/15, “六稳”, 六穩, line breaks
// inside a term) into one canonical string, keeping for every canonical unit its span in the original.

import { CHINESE_NUMERAL_CHARS, digitValueOfCode, numeralKind, parseChineseNumberCodes } from './numerals';

/** Opening quote → its closing partner, for every quote style officials wrap terms in. */
export const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"', "'": "'", '〝': '〞', '＂': '＂', '＇': '＇',
};

/** The quotes a term is read through (“六稳” is 六稳); term-scan.ts ends a word of digits or Latin letters at one. */
export const QUOTES = '“”‘’「」『』"\'〝〞〟＂＇';

const SKIPPED = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff' + QUOTES;

/** A text in canonical form: `codes[i]` came from `original.slice(starts[i], ends[i])`. */
export interface NormalisedText {
  length: number;
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** The canonical units of one run of numeral characters, each with its span in the original. */
export interface NumeralRun {
  codes: number[];
  starts: number[];
  ends: number[];
  /** Where the run ends in the original. */
  end: number;
}

/** Normalises texts and glossary forms the same way; build once per glossary. */
export interface Normaliser {
  /** Canonical form of `text`, with each unit's span in `text`. */
  normalise(text: string): NormalisedText;
  /** Canonical form of a glossary form, as a string. */
  key(form: string): string;
  /** The canonical code of one UTF-16 unit outside numeral runs; 0 when it is skipped. */
  fold(code: number): number;
  /** Whether a UTF-16 unit is a Chinese numeral character (一, 十, 兩 …). */
  isNumeral(code: number): boolean;
  /** Every unit that does not fold to itself, with what it folds to (0: skipped). */
  readonly exceptions: ReadonlyMap<number, number>;
  /** Every unit that is a numeral character. */
  readonly numerals: readonly number[];
  /**
   * The canonical units of the numeral run starting at `from` (十五 → "15", 二〇二〇 → "2020"),
   * written into `into` when given (a caller reading many runs reuses one).
   */
  numeralRun(text: string, from: number, into?: NumeralRun): NumeralRun;
}

function grow(from: NormalisedText, used: number, capacity: number): NormalisedText {
  const to = createNormalisedText(capacity);
  to.codes.set(from.codes.subarray(0, used));
  to.starts.set(from.starts.subarray(0, used));
  to.ends.set(from.ends.subarray(0, used));
  return to;
}

function createNormalisedText(capacity: number): NormalisedText {
  return { length: 0, codes: new Uint16Array(capacity), starts: new Int32Array(capacity), ends: new Int32Array(capacity) };
}

/**
 * Builds a normaliser. `variants` maps traditional characters to simplified ones (the pack's
 * `variants`); entries whose key or value is not a single UTF-16 unit are ignored.
 */
export function createNormaliser(variants: Readonly<Record<string, string>> = {}): Normaliser {
  // Most units fold to themselves; only the exceptions are stored (building a matcher happens on
  // every page load, so no loop over all 65,536 units).
  const exceptions = new Map<number, number>();
  const lower = (code: number): number => (code >= 0x41 && code <= 0x5a ? code + 0x20 : code);
  for (let code = 0x41; code <= 0x5a; code++) exceptions.set(code, code + 0x20);
  for (let code = 0xff01; code <= 0xff5e; code++) exceptions.set(code, lower(code - 0xfee0));
  for (const [from, to] of Object.entries(variants)) {
    if (from.length === 1 && to.length === 1) exceptions.set(from.charCodeAt(0), lower(to.charCodeAt(0)));
  }
  exceptions.set(0, 0);
  for (const char of SKIPPED) exceptions.set(char.charCodeAt(0), 0);
  // folded + 1, so that the zero-filled array means "itself" (16 bits: no unit folds to U+FFFF,
  // a noncharacter no variant table maps to).
  const override = new Uint16Array(65536);
  for (const [code, folded] of exceptions) if (folded < 0xffff) override[code] = folded + 1;
  const fold = (code: number): number => {
    const stored = override[code] as number;
    return stored === 0 ? code : stored - 1;
  };

  // Numeral characters are few: mark them and whatever folds onto them (兩 → 两).
  const numeral = new Uint8Array(65536);
  for (const char of CHINESE_NUMERAL_CHARS) numeral[char.charCodeAt(0)] = numeralKind(char);
  for (const [code, folded] of exceptions) {
    if (folded !== 0) numeral[code] = numeralKind(String.fromCharCode(folded));
  }
  const numerals = [...CHINESE_NUMERAL_CHARS].map((char) => char.charCodeAt(0));
  for (const [code] of exceptions) if (numeral[code] !== 0 && !numerals.includes(code)) numerals.push(code);

  function normalise(text: string): NormalisedText {
    const n = text.length;
    let out = createNormalisedText(n + 16);
    let { codes, starts, ends } = out;
    let k = 0;
    let i = 0;
    while (i < n) {
      const raw = text.charCodeAt(i);
      const code = fold(raw);
      if (code === 0) {
        i++;
        continue;
      }
      if (numeral[raw] === 0) {
        codes[k] = code;
        starts[k] = i;
        ends[k] = i + 1;
        k++;
        i++;
        continue;
      }
      const run = numeralRun(text, i);
      // A numeral run can grow (十 → 10); the rest of the text needs at most one unit per character.
      const needed = k + run.codes.length + (n - run.end) + 16;
      if (codes.length < needed) {
        out = grow(out, k, needed + (needed >> 3));
        ({ codes, starts, ends } = out);
      }
      for (let r = 0; r < run.codes.length; r++) {
        codes[k] = run.codes[r] as number;
        starts[k] = run.starts[r] as number;
        ends[k] = run.ends[r] as number;
        k++;
      }
      i = run.end;
    }
    out.length = k;
    return out;
  }

  // The folded units of the run being read. Runs are short and frequent in reports: arrays are
  // overwritten in place and only shortened when a run is shorter than the last one.
  const runCodes: number[] = [];

  // Skipped characters inside a run (十\n五) do not break it. A place-value number maps every
  // unit to the whole run; a digit string or a run kept as written maps unit to character.
  function numeralRun(text: string, from: number, into?: NumeralRun): NumeralRun {
    const result = into ?? { codes: [], starts: [], ends: [], end: from };
    const { codes, starts, ends } = result;
    let count = 0;
    let end = from;
    for (let i = from; i < text.length; i++) {
      const raw = text.charCodeAt(i);
      if (numeral[raw] !== 0) {
        runCodes[count] = fold(raw);
        starts[count] = i;
        ends[count] = i + 1;
        count++;
        end = i + 1;
      } else if (fold(raw) !== 0) {
        break;
      }
    }
    result.end = end;
    const value = parseChineseNumberCodes(runCodes, count);
    if (value !== -1) {
      let place = 1;
      while (place * 10 <= value) place *= 10;
      // Most significant digit first, so that the arrays only ever grow at their end.
      for (count = 0; place >= 1; place = Math.floor(place / 10)) {
        codes[count] = 0x30 + (Math.floor(value / place) % 10);
        starts[count] = from;
        ends[count] = end;
        count++;
      }
    } else {
      let allDigits = true;
      for (let r = 0; r < count; r++) if (digitValueOfCode(runCodes[r] as number) === -1) allDigits = false;
      for (let r = 0; r < count; r++) {
        const code = runCodes[r] as number;
        codes[r] = allDigits ? 0x30 + digitValueOfCode(code) : code;
      }
    }
    if (codes.length !== count) codes.length = count;
    if (starts.length !== count) starts.length = count;
    if (ends.length !== count) ends.length = count;
    return result;
  }

  // The run being read by `key`, reused: a glossary of thousands of forms is keyed on every page
  // load and every CLI run, and three typed arrays per form cost more than the folding itself.
  const keyRun: NumeralRun = { codes: [], starts: [], ends: [], end: 0 };

  // `normalise` without the spans: most forms fold to themselves and are returned as they are.
  function key(form: string): string {
    const n = form.length;
    let same = 0;
    while (same < n) {
      const raw = form.charCodeAt(same);
      if (numeral[raw] !== 0 || override[raw] !== 0) break;
      same++;
    }
    if (same === n) return form;
    let result = form.slice(0, same);
    let i = same;
    while (i < n) {
      const raw = form.charCodeAt(i);
      const code = fold(raw);
      if (code === 0) {
        i++;
      } else if (numeral[raw] === 0) {
        result += String.fromCharCode(code);
        i++;
      } else {
        numeralRun(form, i, keyRun);
        for (let r = 0; r < keyRun.codes.length; r++) result += String.fromCharCode(keyRun.codes[r] as number);
        i = keyRun.end;
      }
    }
    return result;
  }

  return {
    normalise,
    key,
    numeralRun,
    fold: (code) => fold(code & 0xffff),
    isNumeral: (code) => numeral[code & 0xffff] !== 0,
    exceptions,
    numerals,
  };
}
