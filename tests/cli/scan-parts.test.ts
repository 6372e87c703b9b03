// `scan` of a long file on two threads (src/cli/scan-parts.ts, scan-summary.ts): where the bytes may
// be cut, and that the parts read exactly as the whole text does, at every cut the rule allows in
// generated text (invented passages). Rows where a cut elsewhere would change the reading show why
// the rule is what it is. The worker itself runs in tests/cli/command-line.test.ts.
import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { readForPage } from '../../src/core/match-context';
import { createMatcher } from '../../src/core/matcher';
import { collectSlogans, scanSlogans } from '../../src/core/slogans';
import type { TextMatch } from '../../src/core/types';
import { cutOffset, decodeCleanUtf8, partStarts, readInParts, readPart } from '../../src/cli/scan-parts';
import { contextAfter, contextBefore, formatSummary, joinTallies, tally } from '../../src/cli/scan-summary';
import { seededRandom } from '../support/random';

const entry = (id: string, term: string, ...aliases: string[]) => ({ id, term, forms: [term, ...aliases] });
// Terms of the shapes the reading rules act on, and two forms holding 。 (as slips of an importer
// have: 智能制造。即), one of them with a numeral after it (着力。四 → 着力。4).
const matcher = createMatcher({
  entries: [
    entry('liu-wen', '六稳', '“六稳”'), entry('liu-bao', '六保'), entry('liu-wen-liu-bao', '六稳六保'), entry('san-wen', '三问三登记'),
    entry('wu-hua', '五化'), entry('san-ge-yi-pi', '三个一批'), entry('shuang-ti-sheng', '双提升'), entry('liang-ji', '两基'),
    entry('shi-si-wu', '十四五'), entry('quan', '15分钟服务圈'), entry('san-hui', '三会一代理', '“三会一代理”制度'),
    entry('si-ge', '四个意识'), entry('wu-ge-yi', '五个一工程', '五个一', '“五个一”'),
    entry('zhi-neng', '智能制造。即'), entry('zhuo-li', '着力。四'),
  ],
});
const PATTERNS = ['六稳', '智能制造。即', '着力。4'];
const starts = partStarts(PATTERNS, {});

const show = (matches: readonly TextMatch[]) => matches.map((m) => `${m.start}-${m.end}:${m.kind}:${m.entryId ?? ''}:${m.text}`);
const whole = (text: string) => show(readForPage(text, (part) => matcher.scan(part)));
const inParts = (text: string, at: number) => show(readInParts([text.slice(0, at), text.slice(at)], matcher));
const bytes = (text: string) => new TextEncoder().encode(text);
const charAt = (text: string, byte: number) => new TextDecoder().decode(bytes(text).subarray(0, byte)).length;

describe('partStarts: which character may begin the part after 。 and a line break', () => {
  it.each([
    ['推', true, 'a Han character'],
    ['智', true, 'one that only begins a form holding 。'],
    ['即', false, 'one that follows 。 in a form (智能制造。即)'],
    ['三', false, 'a numeral (it folds into a digit a form may hold after 。)'],
    ['四', false, 'a numeral'],
    ['“', false, 'a quote mark (skipped by forms)'],
    [' ', false, 'a space'],
    ['A', false, 'a Latin letter'],
    ['，', false, 'punctuation'],
  ])('%s → %s (%s)', (char, expected) => {
    expect(starts(char.charCodeAt(0))).toBe(expected);
  });

  it('refuses a character the variants fold into another', () => {
    expect(partStarts(PATTERNS, { 穩: '稳' })('穩'.charCodeAt(0))).toBe(false);
    expect(partStarts(PATTERNS, {})('穩'.charCodeAt(0))).toBe(true);
  });
});

describe('cutOffset: where the bytes are cut', () => {
  it.each([
    ['after 。 and a line break', '第一段。\n推进工作。', '第一段。\n'.length],
    ['after 。 and \\r\\n', '第一段。\r\n推进工作。', '第一段。\r\n'.length],
    ['not after a line break that follows a comma', '第一段，\n推进工作', -1],
    ['not before a numeral', '第一段。\n三问三登记', -1],
    ['not before a character that continues a form across 。', '智能制造。\n即推进', -1],
    ['not before a quote', '第一段。\n“六稳”', -1],
    ['not when the line break ends the text', '第一段。\n', -1],
  ])('%s', (_, text, expected) => {
    const at = cutOffset(bytes(text), starts, 0);
    expect(at === -1 ? -1 : charAt(text, at)).toBe(expected);
  });

  it('takes the first cut at or after `from`', () => {
    const text = '一段。\n推进。\n落实。\n深化';
    expect(charAt(text, cutOffset(bytes(text), starts, 0))).toBe('一段。\n'.length);
    expect(charAt(text, cutOffset(bytes(text), starts, bytes('一段。\n推').length))).toBe('一段。\n推进。\n'.length);
  });
});

// Pieces of invented report prose (terms, slogans and their negatives, quoted coinages) and glue,
// with many sentence ends and line breaks so that a text has many cuts.
const PIECES = [
  '扎实做好“六稳”工作', '全面落实六保任务', '严格执行“三问三登记”', '十四五时期', '“两网融合”', '增强四个意识', '实施十项民生工程',
  '深化“放管服”改革', '两不愁三保障', 'RCEP协定', '稳增长“21”条', '千方百计', '三年行动', '“一中心、一城、一区”', '“两高地、两基地、一屏障”',
  '“单改双”提升', '三同五化', '十三个一批', '“三会一代理”制度', '15分钟服务圈', '所谓“无废城市”', '他说：“揭榜挂帅”', '“智慧社区”',
  '“数字乡村”', '六稳六保', '“六稳”“六保”', '落实“五个一”责任', '五个一工程', '推进智能制造。即', '着力。四', '推进智能制造。\n即推进', '今年着力。\n四项', '一五一十', '实施“蓉城慧眼”',
  '这就是“蓉城慧眼”', '人人都夸“天府粮仓”', '“天府粮仓”',
];
const GLUE = ['。\n', '。\n', '。\r\n', '，', '、', '；', '的', '推进', '全镇', ' ', '\n', '三', '十', '“', '”', '即', '四'];

function generatedText(random: () => number, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) {
    const pool = random() < 0.55 ? PIECES : GLUE;
    text += pool[Math.floor(random() * pool.length)];
  }
  return text;
}

/** Every offset of `text` that cutOffset would cut at (as UTF-16 offsets). */
function cutsOf(text: string): number[] {
  const encoded = bytes(text);
  const cuts: number[] = [];
  for (let at = cutOffset(encoded, starts, 0); at !== -1; at = cutOffset(encoded, starts, at)) cuts.push(charAt(text, at));
  return cuts;
}

describe('the parts read as the whole text', () => {
  it.each([1, 2, 3, 4, 5, 6])('at every cut of generated texts, seed %i', (seed) => {
    const random = seededRandom(seed);
    let cuts = 0;
    for (let round = 0; round < 12; round++) {
      const text = generatedText(random, 40 + Math.floor(random() * 160));
      const expected = whole(text);
      for (const at of cutsOf(text)) {
        expect(inParts(text, at), `cut at ${at} of ${JSON.stringify(text)}`).toEqual(expected);
        cuts++;
      }
    }
    expect(cuts).toBeGreaterThan(20);
  });

  it('and the summary of the parts is the summary of the whole, context across the cut included', () => {
    const text = '扎实做好“六稳”工作，推进“数字乡村”。\n深化“放管服”改革，推进“数字乡村”，实施十项民生工程。\n落实六保任务，实施十项民生工程。';
    const at = cutsOf(text)[0]!;
    const [first, second] = [text.slice(0, at), text.slice(at)];
    const collected = [collectSlogans(first), collectSlogans(second)];
    const a = readPart(first, matcher, collected[0]!, collected[1]!.quoted);
    const b = readPart(second, matcher, collected[1]!, collected[0]!.quoted);
    const joined = joinTallies(tally(first, a, '', contextAfter(second)), tally(second, b, contextBefore(first)), first.length);
    const summary = formatSummary('report.txt', tally(text, readForPage(text, (part) => matcher.scan(part))));
    expect(formatSummary('report.txt', joined)).toBe(summary);
    // The first 放管服 is 2 characters after the cut, the first 数字乡村 2 before it: their
    // contexts reach into the other part.
    expect(summary).toMatch(/放管服 ×1 {2}…[^\n]*数字乡村”。 深化“【放管服】/);
    expect(summary).toMatch(/数字乡村 ×2 {2}…[^\n]*【数字乡村】”。 深化“放管服/);
  });
});

describe('cuts the rule refuses would change the reading', () => {
  it.each([
    ['a form holding 。 runs across the line break', '推进工作，推进智能制造。\n即推进全镇工作', '智能制造。\n即'],
    ['a numeral after 。 folds into a form’s digit', '今年着力。\n四项工作全面推进', '着力。\n四'],
  ])('%s', (_, text, term) => {
    const at = text.indexOf('\n') + 1;
    expect(whole(text).some((match) => match.endsWith(`:term:${match.split(':')[2]}:${term}`))).toBe(true);
    expect(inParts(text, at)).not.toEqual(whole(text));
    expect(cutsOf(text)).not.toContain(at);
  });

  it('a coinage quoted once in each part is kept only with the other part’s count', () => {
    const text = '这就是“蓉城慧眼”。\n人人都夸“蓉城慧眼”。';
    const at = cutsOf(text)[0]!;
    expect(whole(text).filter((match) => match.includes('蓉城慧眼'))).toHaveLength(2);
    expect(inParts(text, at)).toEqual(whole(text));
    // Settled alone, each part sees the name quoted once: scare quotes.
    const alone = text.slice(at);
    expect(scanSlogans(alone).map((candidate) => candidate.text)).not.toContain('蓉城慧眼');
  });
});

describe('decodeCleanUtf8: the text of clean UTF-8 (valid, no U+FFFD, no NUL), checked while decoding', () => {
  // What scan checked the bytes for before decoding them: the same answer is expected on every row.
  const reference = (input: Buffer): string | undefined => (isUtf8(input) && !input.includes(0) && !input.includes(Buffer.from('\ufffd')) ? input.toString('utf8') : undefined);
  it.each([
    ['plain ASCII', '6869'],
    ['empty', ''],
    ['Chinese text', Buffer.from('实施“两网融合”工程。\n').toString('hex')],
    ['a character outside the BMP', 'f09f9880'],
    ['a byte order mark inside', '41efbbbf41'],
    ['U+FFFD written in the file', Buffer.from('乱码\ufffd').toString('hex')],
    ['a NUL byte', Buffer.from('六稳\0').toString('hex')],
    ['a NUL byte in ASCII', '410041'],
    ['an invalid byte', 'e4b8ff41'],
    ['a lone continuation byte', Buffer.from('六稳').toString('hex') + '80'],
    ['a sequence cut at the end', Buffer.from('六稳').toString('hex') + 'e4b8'],
    ['an overlong form', 'c0af'],
    ['an overlong three-byte form', 'e0808f'],
    ['an encoded surrogate', 'eda080'],
    ['a code point beyond U+10FFFF', 'f4908080'],
    ['a five-byte form', 'f888808080'],
    ['0xFE', Buffer.from('六').toString('hex') + 'fe'],
  ])('%s', (_, hex) => {
    const input = Buffer.from(hex, 'hex');
    expect(decodeCleanUtf8(input)).toBe(reference(input));
  });
});
