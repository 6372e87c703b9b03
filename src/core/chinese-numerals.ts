// Chinese numerals as government text writes them (六, 十五, 二〇二〇, 两): recognising the
// characters and turning a run of them into Arabic digits, so 十五分钟 and 15分钟 compare equal.

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

// By UTF-16 unit, so that the scanner can parse the numeral runs it meets without a string per run.
const DIGIT_OF_CODE = new Int8Array(65536).fill(-1);
for (const [char, value] of Object.entries(DIGITS)) DIGIT_OF_CODE[char.charCodeAt(0)] = value;
const UNIT_OF_CODE = new Map(Object.entries(UNITS).map(([char, value]) => [char.charCodeAt(0), value]));

/** 1 for a digit character (零〇一…九两), 2 for a place-value character (十百千), 0 otherwise. */
export function numeralKind(char: string): 0 | 1 | 2 {
  if (DIGITS[char] !== undefined) return 1;
  if (UNITS[char] !== undefined) return 2;
  return 0;
}

/** The value of a Chinese digit character (零〇一…九两) given as a UTF-16 unit, or -1. */
export function digitValueOfCode(code: number): number {
  return DIGIT_OF_CODE[code & 0xffff] as number;
}

/**
 * Parses a well-formed Chinese number below 10,000 written with place values (十五 → 15,
 * 二十 → 20, 一百零五 → 105, 十 → 10). Returns null for anything else, including digit
 * strings without place values (二〇二〇) and juxtaposed numbers such as 十四五.
 */
export function parseChineseNumber(run: string): number | null {
  const codes: number[] = [];
  for (let i = 0; i < run.length; i++) codes.push(run.charCodeAt(i));
  const value = parseChineseNumberCodes(codes, codes.length);
  return value === -1 ? null : value;
}

/** `parseChineseNumber` over the first `length` UTF-16 units in `codes`; -1 instead of null. */
export function parseChineseNumberCodes(codes: ArrayLike<number>, length: number): number {
  let total = 0;
  let pending = -1;
  let lastUnit = 10_000;
  let afterZero = false;
  let sawUnit = false;
  for (let i = 0; i < length; i++) {
    const code = codes[i] as number;
    const digit = digitValueOfCode(code);
    if (digit === 0) {
      if (pending !== -1 || !sawUnit || afterZero) return -1;
      afterZero = true;
      continue;
    }
    if (digit !== -1) {
      if (pending !== -1) return -1;
      pending = digit;
      continue;
    }
    const unit = UNIT_OF_CODE.get(code);
    if (unit === undefined || unit >= lastUnit) return -1;
    if (pending === -1) {
      if (unit !== 10 || (sawUnit && !afterZero)) return -1;
      pending = 1;
    }
    total += pending * unit;
    pending = -1;
    lastUnit = unit;
    sawUnit = true;
    afterZero = false;
  }
  if (!sawUnit) return -1;
  if (pending !== -1) {
    // 一百五 is colloquial for 150, not 105; only accept a trailing digit right after 十 or 零.
    if (lastUnit !== 10 && !afterZero) return -1;
    total += pending;
  }
  return total;
}
