// An appendix entry's number at the start of its line, as lists write it (`1.` `（1）` `[1]` `①`, the
// word processors' ⑴ ❶ ㈠ Ⅰ. `1）` `A.` `第一条`, Chinese numerals after a heading), and its value.
import { circledNumber } from './marks';

export const OPEN = '[（(［\\[【〔﹝〖]';
export const CLOSE = '[）)］\\]】〕﹞〗]';
const DIGITS = '[0-9０-９]{1,3}';
/**
 * An entry number at the start of a line: `1.` `1、` `1．` `（1）` `(1)` `[1]` `【1】` `〔1〕` `﹝ 1 ﹞` `①`,
 * a markdown footnote definition `[^1]:`, or one or two digits set off by a space before a term (`01 三区三线：…`).
 */
const NUMBER = new RegExp(`^(?:\\[\\^(${DIGITS})\\][:：]?|${OPEN}\\s*(${DIGITS})\\s*${CLOSE}|(${DIGITS})\\s*[.．、](?![0-9０-９])|([①-⑳])|([0-9０-９]{1,2})[^\\S\\n]+(?=[\\p{Script=Han}“「]))\\s*`, 'u');
/**
 * Characters that each stand for a number 1, 2, 3 … from the first of their range: ⑴ ⒈ ❶ ➀ ➊ ㈠,
 * and Roman numerals Ⅰ ⅰ (those followed by a full stop or 、).
 */
const NUMBER_CHARS: readonly (readonly [first: number, last: number])[] = [
  [0x2474, 0x2487],
  [0x2488, 0x249b],
  [0x2776, 0x277f],
  [0x2780, 0x2789],
  [0x278a, 0x2793],
  [0x3220, 0x3229],
  [0x2160, 0x216b],
  [0x2170, 0x217b],
];
/**
 * Entry numbers of other lists (word processors' numbering styles): `⑴` `⒈` `❶` `➀` `➊` `㈠`, `Ⅰ.`,
 * `1）` `1)`, `A.` `A、`, `第一条` `第1条`, `第一，`. An appendix numbered so reads only lines numbered the same
 * way as entries (its definitions may list points as `1.` `（1）`).
 */
const OTHER_NUMBER = new RegExp(
  `^(?:([\\u2474-\\u249b\\u2776-\\u2793\\u3220-\\u3229])|([\\u2160-\\u216b\\u2170-\\u217b])\\s*[.．、]|(${DIGITS})\\s*[）)]|([A-Z])\\s*[.．、](?![0-9A-Za-z])|第\\s*(${DIGITS}|[一二三四五六七八九十]{1,3})\\s*条|第([一二三四五六七八九十]{1,3})\\s*[，,、])\\s*`,
  'u',
);
/** A number mark opening with a bracket (`（1）`, `[1]`, `（一）`). */
const OPENS_BRACKET = new RegExp(`^${OPEN}`, 'u');
const HAN_DIGITS = '[一二三四五六七八九十]{1,3}';
/** A number in Chinese numerals: `（一）` `(一)` `一、`; read after a heading only (report sections are numbered so too). */
const HAN_NUMBER = new RegExp(`^(?:${OPEN}\\s*(${HAN_DIGITS})\\s*${CLOSE}|(${HAN_DIGITS})\\s*、)\\s*`, 'u');

export interface NumberedLine {
  number: number;
  rest: string;
  /** How the number is written, for lists of the OTHER_NUMBER kinds: entries keep to their list's kind. */
  style?: string;
  /** Whether the number is in brackets (`（1）`, `[1]`): entries run together are split at numbers written alike. */
  bracketed?: boolean;
  /** How the number is written: digits (undefined), in brackets, circled or in Chinese numerals. */
  mark?: 'bracket' | 'circle' | 'han';
}

/** The number an OTHER_NUMBER match stands for, and its style. */
function otherNumber(match: RegExpExecArray): { number: number; style: string } {
  const [, char, roman, closing, letter, article, ordinal] = match;
  const single = char ?? roman;
  if (single !== undefined) {
    const code = single.codePointAt(0)!;
    const range = NUMBER_CHARS.find(([first, last]) => code >= first && code <= last)!;
    return { number: code - range[0] + 1, style: `char-${range[0].toString(16)}` };
  }
  if (closing !== undefined) return { number: toNumber(closing), style: 'closing' };
  if (letter !== undefined) return { number: letter.charCodeAt(0) - 0x40, style: 'letter' };
  if (ordinal !== undefined) return { number: hanNumber(ordinal), style: 'ordinal' };
  return { number: toNumber(article ?? ''), style: 'article' };
}

function toNumber(digits: string): number {
  if (/^[一二三四五六七八九十]+$/u.test(digits)) return hanNumber(digits);
  const ascii = digits.replace(/[０-９]/gu, (char) => String(char.charCodeAt(0) - 0xff10));
  if (/^[①-⑳]$/u.test(digits)) return circledNumber(digits);
  return Number(ascii);
}

/** 一 … 九十九 as a number (十二 12, 二十 20, 二十一 21); 0 for anything else. */
function hanNumber(text: string): number {
  const value = (char: string | undefined) => '一二三四五六七八九'.indexOf(char ?? '') + 1;
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? value(text) : 0;
  const tens = ten === 0 ? 1 : value(text[0]);
  const ones = ten === text.length - 1 ? 0 : value(text[ten + 1]);
  return ten > 1 || text.length > ten + 2 ? 0 : tens * 10 + ones;
}

/**
 * Reads a leading entry number, preferring the expected one (so `5.251三年行动计划` is entry 5);
 * numbers in Chinese numerals (`（一）` `一、`) only when `han`.
 */
export function readNumber(line: string, expected: number, han = false): NumberedLine | undefined {
  const text = line.replace(/^\*+\s*/u, '');
  // The expected number also without its stop before a quoted term (`41“振兴初中”计划：…`).
  const preferred = new RegExp(`^(?:${expected}\\s*[.．、]|${expected}(?=[“「])|${OPEN}\\s*${expected}\\s*${CLOSE}|\\[\\^${expected}\\][:：]?)\\s*`, 'u').exec(text);
  const bracketed = (mark: string) => OPENS_BRACKET.test(mark);
  if (preferred) {
    const inBrackets = bracketed(preferred[0]);
    return { number: expected, rest: text.slice(preferred[0].length), bracketed: inBrackets, ...(inBrackets ? { mark: 'bracket' as const } : {}) };
  }
  const hanMatch = han ? HAN_NUMBER.exec(text) : null;
  if (hanMatch) return { number: hanNumber(hanMatch[1] ?? hanMatch[2] ?? ''), rest: text.slice(hanMatch[0].length), bracketed: bracketed(hanMatch[0]), mark: 'han' };
  const match = NUMBER.exec(text);
  if (match) {
    const digits = match.slice(1).find((group) => group !== undefined) ?? '';
    const mark = match[2] !== undefined ? ('bracket' as const) : match[4] !== undefined ? ('circle' as const) : undefined;
    return { number: toNumber(digits), rest: text.slice(match[0].length), bracketed: bracketed(match[0]), ...(mark ? { mark } : {}) };
  }
  const other = OTHER_NUMBER.exec(text);
  return other ? { ...otherNumber(other), rest: text.slice(other[0].length) } : undefined;
}
