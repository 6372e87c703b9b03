// The one numeral module's character table: what the normaliser, the slogan finder and the
// fuzzy resolver each take for a numeral (parsers: normalise.test.ts, glossary-numerals.test.ts).
import { describe, expect, it } from 'vitest';
import { CHINESE_NUMERAL_CHARS, COUNT_CHARS, COUNTING_DIGITS, digitValueOfCode, numeralKind } from '../../src/core/numerals';

describe('numeral characters', () => {
  it.each<[string, 0 | 1 | 2, number, boolean, boolean]>([
    // char, numeralKind, digit value, part of a numeral that counts, a counting digit
    ['零', 1, 0, false, false],
    ['〇', 1, 0, true, true],
    ['一', 1, 1, true, true],
    ['二', 1, 2, true, true],
    ['两', 1, 2, true, true],
    ['五', 1, 5, true, true],
    ['九', 1, 9, true, true],
    ['十', 2, -1, true, false],
    ['百', 2, -1, true, false],
    ['千', 2, -1, true, false],
    // counted but not read as a numeral below 10,000
    ['万', 0, -1, true, false],
    ['双', 0, -1, true, false],
    // negatives: traditional forms fold first (兩 → 两), Arabic and full-width digits, look-alikes
    ['兩', 0, -1, false, false],
    ['5', 0, -1, false, false],
    ['５', 0, -1, false, false],
    ['亿', 0, -1, false, false],
    ['壹', 0, -1, false, false],
    ['稳', 0, -1, false, false],
  ])('%s', (char, kind, value, counts, counting) => {
    expect(numeralKind(char)).toBe(kind);
    expect(digitValueOfCode(char.charCodeAt(0))).toBe(value);
    expect(CHINESE_NUMERAL_CHARS.includes(char)).toBe(kind !== 0);
    expect(COUNT_CHARS.includes(char)).toBe(counts);
    expect(COUNTING_DIGITS.includes(char)).toBe(counting);
  });

  it('lists each character once', () => {
    for (const chars of [CHINESE_NUMERAL_CHARS, COUNT_CHARS, COUNTING_DIGITS]) expect(new Set(chars).size).toBe(chars.length);
  });
});
