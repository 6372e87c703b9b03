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
