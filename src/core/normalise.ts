// Folds the many ways government text writes one term (１５/十五/15, “六稳”, 六穩, line breaks
// inside a term) into one canonical string, keeping for every canonical unit its span in the original.

import { numeralKind, parseChineseNumber, digitValue } from './chinese-numerals';

/** Opening quote → its closing partner, for every quote style officials wrap terms in. */
export const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '“': '”', '‘': '’', '「': '」', '『': '』', '"': '"', "'": "'", '〝': '〞', '＂': '＂', '＇': '＇',
};

const SKIPPED = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff“”‘’「」『』"\'〝〞〟＂＇';

/** A text in canonical form: `codes[i]` came from `original.slice(starts[i], ends[i])`. */
export interface NormalisedText {
  length: number;
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** Normalises texts and glossary forms the same way; build once per glossary. */
export interface Normaliser {
  /** Canonical form of `text`; reuses `into`'s arrays when they are large enough. */
  normalise(text: string, into?: NormalisedText): NormalisedText;
  /** Canonical form of a glossary form, as a string. */
  key(form: string): string;
  /** The canonical code of one UTF-16 unit before numeral handling; 0 when it is skipped. */
  fold(code: number): number;
}

function grow(from: NormalisedText, used: number, capacity: number): NormalisedText {
  const to = createNormalisedText(capacity);
  to.codes.set(from.codes.subarray(0, used));
  to.starts.set(from.starts.subarray(0, used));
  to.ends.set(from.ends.subarray(0, used));
  return to;
}

/** Empty scratch space for {@link Normaliser.normalise}. */
export function createNormalisedText(capacity = 0): NormalisedText {
  return { length: 0, codes: new Uint16Array(capacity), starts: new Int32Array(capacity), ends: new Int32Array(capacity) };
}

/**
 * Builds a normaliser. `variants` maps traditional characters to simplified ones (the pack's
 * `variants`); entries whose key or value is not a single UTF-16 unit are ignored.
 */
export function createNormaliser(variants: Readonly<Record<string, string>> = {}): Normaliser {
  const fold = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) fold[code] = code;
  for (let code = 0xff01; code <= 0xff5e; code++) fold[code] = code - 0xfee0;
  for (const [from, to] of Object.entries(variants)) {
    if (from.length === 1 && to.length === 1) fold[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  for (let code = 0; code < 65536; code++) {
    const folded = fold[code] ?? code;
    if (folded >= 0x41 && folded <= 0x5a) fold[code] = folded + 0x20;
  }
  fold[0] = 0;
  for (const char of SKIPPED) fold[char.charCodeAt(0)] = 0;

  const numeral = new Uint8Array(65536);
  const digitOf = new Int8Array(65536).fill(-1);
  for (let code = 1; code < 65536; code++) {
    const folded = fold[code] ?? 0;
    if (folded === 0) continue;
    const char = String.fromCharCode(folded);
    numeral[code] = numeralKind(char);
    digitOf[code] = digitValue(char) ?? -1;
  }

  function normalise(text: string, into?: NormalisedText): NormalisedText {
    const n = text.length;
    let out = into && into.codes.length >= n + 16 ? into : createNormalisedText(n + 16);
    let { codes, starts, ends } = out;
    let k = 0;
    let i = 0;
    while (i < n) {
      const raw = text.charCodeAt(i);
      const code = fold[raw] as number;
      if (code === 0) {
        i++;
        continue;
      }
      let digit = -2;
      if (numeral[raw] !== 0) {
        // Most numerals stand alone (一, 六稳) and need no run.
        const following = i + 1 < n ? text.charCodeAt(i + 1) : 0x20;
        digit = numeral[following] === 0 && fold[following] !== 0 ? (digitOf[raw] as number) : -1;
      }
      if (digit === -2 || digit >= 0) {
        codes[k] = digit >= 0 ? 0x30 + digit : code;
        starts[k] = i;
        ends[k] = i + 1;
        k++;
        i++;
        continue;
      }
      // A numeral run can grow (十 → 10), never beyond twice its length; the rest of the text
      // after it needs at most one unit per character.
      const run = readNumeralRun(text, i);
      const needed = k + 2 * run.positions.length + (n - run.end) + 16;
      if (codes.length < needed) {
        out = grow(out, k, needed + (needed >> 3));
        ({ codes, starts, ends } = out);
      }
      k = emitNumeralRun(run, out, k);
      i = run.end;
    }
    out.length = k;
    return out;
  }

  // Skipped characters inside a run (十\n五) do not break it.
  function readNumeralRun(text: string, from: number): { run: string; positions: number[]; end: number } {
    const positions: number[] = [];
    let run = '';
    let end = from;
    for (let i = from; i < text.length; i++) {
      const raw = text.charCodeAt(i);
      if (numeral[raw] !== 0) {
        positions.push(i);
        run += String.fromCharCode(fold[raw] ?? raw);
        end = i + 1;
      } else if ((fold[raw] ?? 0) !== 0) {
        break;
      }
    }
    return { run, positions, end };
  }

  function emitNumeralRun({ run, positions, end }: { run: string; positions: number[]; end: number }, out: NormalisedText, k: number): number {
    const first = positions[0] ?? 0;
    const value = parseChineseNumber(run);
    if (value !== null) {
      const digits = String(value);
      for (let d = 0; d < digits.length; d++) {
        out.codes[k] = digits.charCodeAt(d);
        out.starts[k] = first;
        out.ends[k] = end;
        k++;
      }
      return k;
    }
    let allDigits = true;
    for (const char of run) if (digitValue(char) === undefined) allDigits = false;
    for (let r = 0; r < run.length; r++) {
      const position = positions[r] ?? first;
      out.codes[k] = allDigits ? 0x30 + (digitValue(run.charAt(r)) ?? 0) : run.charCodeAt(r);
      out.starts[k] = position;
      out.ends[k] = position + 1;
      k++;
    }
    return k;
  }

  function key(form: string): string {
    const normalised = normalise(form);
    let result = '';
    for (let k = 0; k < normalised.length; k++) result += String.fromCharCode(normalised.codes[k] ?? 0);
    return result;
  }

  return { normalise, key, fold: (code) => fold[code & 0xffff] ?? 0 };
}
