// How reports write note and entry numbers other than in plain digits: superscript digits (¹²)
// and circled numbers (① … ⑳). One reading for the importers and the PDF layout.

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Digits written as superscript digits: 12 → ¹² (anything else in a text kept). */
export const toSuperscript = (digits: string | number): string => String(digits).replace(/\d/gu, (digit) => SUPERSCRIPT_DIGITS[Number(digit)]!);

/** Superscript digits written as digits: ¹² → 12 (anything else in a text kept). */
export const fromSuperscript = (text: string): string => text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/gu, (digit) => String(SUPERSCRIPT_DIGITS.indexOf(digit)));

/** The number a circled number stands for: ① → 1, ⑳ → 20. */
export const circledNumber = (char: string): number => char.charCodeAt(0) - 0x2460 + 1;

/** Number `n` (1 to 20) as a circled number: 1 → ①. */
export const circled = (n: number): string => String.fromCharCode(0x2460 + n - 1);

/** The number a parenthesized digit stands for: ⑴ → 1, ⒇ → 20. */
export const parenthesizedNumber = (char: string): number => char.charCodeAt(0) - 0x2474 + 1;

/** Number `n` (1 to 20) as a parenthesized digit: 1 → ⑴. */
export const parenthesized = (n: number): string => String.fromCharCode(0x2474 + n - 1);

const ROMAN: ReadonlyArray<[number, string]> = [[50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

/** Number `n` (1 to 89) in lower-case Roman numerals, as Word numbers endnotes by default: 4 → iv. */
export function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) for (; n >= value; n -= value) out += letters;
  return out;
}

/** The number lower- or upper-case Roman numerals stand for (ii → 2, XIV → 14), or NaN when they are not one `roman` writes. */
export function romanNumber(text: string): number {
  const lower = text.toLowerCase();
  let n = 0;
  let rest = lower;
  for (const [value, letters] of ROMAN) while (rest.startsWith(letters)) {
    n += value;
    rest = rest.slice(letters.length);
  }
  return rest.length === 0 && n > 0 && roman(n) === lower ? n : Number.NaN;
}

/** A superscript that is only a note's number: `1`, `[1]`, `（1）`, `①`. */
const SUP_NUMBER = /^\s*[[(（【〔]?\s*([0-9]{1,3})\s*[\])）】〕]?\s*$|^\s*([①-⑳])\s*$/u;

/**
 * A `<sup>`'s text as a note's mark, the one the plain-text footnote and appendix readers take
 * (`1`, `[1]`, `（1）` → `[1]`; `①` as it is), or undefined: not a number, or after a Latin letter or
 * a digit (`before`, the text just before it), where it is an exponent (m<sup>2</sup>, 10<sup>4</sup>).
 * The HTML importer writes it so; the page-notes script looks for one.
 */
export function supNoteMark(text: string, before: string): string | undefined {
  const number = SUP_NUMBER.exec(text);
  if (!number || /[0-9A-Za-z.．]\s*$/u.test(before)) return undefined;
  return number[2] ?? `[${number[1]}]`;
}
