// Chinese and Arabic numerals in policy terms: reading a numeral (十五 → 15) and deciding how
// many items a numbered slogan announces (六稳 → 6, 三问三登记 → 3 + 3, 十四五 → not a count).

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that can be part of a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

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
