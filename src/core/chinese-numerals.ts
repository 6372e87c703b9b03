// Chinese numerals as government text writes them (六, 十五, 二〇二〇, 两): recognising the
// characters and turning a run of them into Arabic digits, so 十五分钟 and 15分钟 compare equal.

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** 1 for a digit character (零〇一…九两), 2 for a place-value character (十百千), 0 otherwise. */
export function numeralKind(char: string): 0 | 1 | 2 {
  if (DIGITS[char] !== undefined) return 1;
  if (UNITS[char] !== undefined) return 2;
  return 0;
}

/** The value of a Chinese digit character (零〇一…九两), or undefined. */
export function digitValue(char: string): number | undefined {
  return DIGITS[char];
}

/**
 * Parses a well-formed Chinese number below 10,000 written with place values (十五 → 15,
 * 二十 → 20, 一百零五 → 105, 十 → 10). Returns null for anything else, including digit
 * strings without place values (二〇二〇) and juxtaposed numbers such as 十四五.
 */
export function parseChineseNumber(run: string): number | null {
  let total = 0;
  let pending = -1;
  let lastUnit = 10_000;
  let afterZero = false;
  let sawUnit = false;
  for (const char of run) {
    const digit = DIGITS[char];
    if (digit === 0) {
      if (pending !== -1 || !sawUnit || afterZero) return null;
      afterZero = true;
      continue;
    }
    if (digit !== undefined) {
      if (pending !== -1) return null;
      pending = digit;
      continue;
    }
    const unit = UNITS[char];
    if (unit === undefined || unit >= lastUnit) return null;
    if (pending === -1) {
      if (unit !== 10 || (sawUnit && !afterZero)) return null;
      pending = 1;
    }
    total += pending * unit;
    pending = -1;
    lastUnit = unit;
    sawUnit = true;
    afterZero = false;
  }
  if (!sawUnit) return null;
  if (pending !== -1) {
    // 一百五 is colloquial for 150, not 105; only accept a trailing digit right after 十 or 零.
    if (lastUnit !== 10 && !afterZero) return null;
    total += pending;
  }
  return total;
}
