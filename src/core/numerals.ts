// Chinese and Arabic numerals as government text writes them (六, 十五, 二〇二〇, 两, 双, １５): the
// one table of numeral characters, reading a run of them (so 十五分钟 and 15分钟 compare equal) and
// deciding how many items a numbered slogan announces (六稳 → 6, 三问三登记 → 3 + 3, 十四五 → not a count).

/** Digit characters and their values; 两 counts things (两网) where 二 numbers them. */
const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Place-value characters below 10,000. */
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that can be part of a Chinese numeral below 10,000 (digits, then place values). */
export const CHINESE_NUMERAL_CHARS = Object.keys(DIGITS).join('') + Object.keys(UNITS).join('');

/**
 * Digits that count a set of things in a slogan (三问三登记, 两网融合): every digit but 零, which
 * names a target instead (零就业, 零容忍).
 */
export const COUNTING_DIGITS = Object.keys(DIGITS).filter((char) => char !== '零').join('');

/**
 * Characters of a numeral that counts things in a slogan: the counting digits, the place values,
 * 万 (万人) and 双 (双千工程, read as 2).
 */
export const COUNT_CHARS = COUNTING_DIGITS + Object.keys(UNITS).join('') + '万双';

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

/** Whether the unit at `at` is an Arabic digit, ASCII or full-width (false past the end). */
export function isArabicDigitAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** Full-width digits ０-９ → ASCII 0-9; other characters unchanged. */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * Reads a numeral written in Arabic digits (half- or full-width) or as a well-formed Chinese
 * numeral below 10,000 (五, 十五, 二十一, 一百零八, 两千). Returns undefined for anything else,
 * including digit strings that are codes rather than numbers (十四五, 七五, 二〇二〇).
 */
export function parseNumeral(text: string): number | undefined {
  const ascii = toHalfWidthDigits(text);
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  if (ascii === '' || ![...ascii].every((c) => c in DIGITS || c in UNITS)) return undefined;
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  let zeroSeen = false;
  for (const c of ascii) {
    const unit = UNITS[c];
    if (unit !== undefined) {
      if (unit >= lastUnit) return undefined;
      if (pending === 0) return undefined;
      // A bare 十 at the start means 一十; elsewhere a unit needs its digit (二百十 is not a numeral).
      if (pending === undefined && (total > 0 || unit !== 10)) return undefined;
      total += (pending ?? 1) * unit;
      lastUnit = unit;
      pending = undefined;
      zeroSeen = false;
      continue;
    }
    const digit = DIGITS[c] ?? 0;
    if (digit === 0) {
      if (total === 0 || zeroSeen || pending !== undefined) return undefined;
      zeroSeen = true;
      continue;
    }
    if (pending !== undefined) return undefined;
    // 两 counts things (两网) but is not written in place of 二 in the ones of a larger number.
    if (c === '两' && total > 0) return undefined;
    pending = digit;
  }
  if (pending !== undefined) {
    // 二百五 style shorthand (the next unit down) is not used in slogans; take only exact forms.
    if (lastUnit !== Infinity && lastUnit > 10 && !zeroSeen) return undefined;
    total += pending;
  } else if (zeroSeen) {
    return undefined;
  }
  return total;
}

/** Words after a number that make it a measure or an ordinal, not a count of items. */
const NOT_A_COUNT_AFTER = /^(?:分钟|小时|年|月|日|天|周|届|次|期|号|公里|千米|米|岁|%|％)/;
/** 一 inside these words is not a count: 合一, 统一, 一体 (五位一体 names 5 things, not 6). */
const NOT_A_COUNT_ONE = /(?:[合统唯同归]一|一体)/;
/** Place names whose numerals count nothing (电动四川行动 announces no items). */
const PLACE_NAMES = /四川|三亚|三明|三沙|三门峡|六安|六盘水|九江|十堰|七台河|五指山|二连浩特/g;

/**
 * How many items a numbered term announces: the sum of the numerals that count things
 * (六稳 → 6, 三问三登记 → 6, 三重一大 → 4, 五位一体 → 5, 双随机一公开 → 3). Returns undefined when
 * the term has no numeral or its numbers are not counts: plan codes (十四五, 七五普法), ordinals
 * (第七次), measures (15分钟服务圈, 三年行动计划).
 */
export function countAnnouncedItems(term: string): number | undefined {
  const text = toHalfWidthDigits(term).replace(PLACE_NAMES, (name) => '地'.repeat(name.length));
  const runs = [...text.matchAll(new RegExp(`[0-9]+|[${CHINESE_NUMERAL_CHARS}]+|双`, 'g'))];
  let sum = 0;
  let counted = false;
  for (const run of runs) {
    const start = run.index;
    const numeral = run[0];
    const end = start + numeral.length;
    if (numeral === '一' && NOT_A_COUNT_ONE.test(text.slice(Math.max(0, start - 1), end + 1))) continue;
    if (text[start - 1] === '第' || NOT_A_COUNT_AFTER.test(text.slice(end))) return undefined;
    const value = numeral === '双' ? 2 : parseNumeral(numeral);
    if (value === undefined) return undefined;
    sum += value;
    counted = true;
  }
  return counted ? sum : undefined;
}
