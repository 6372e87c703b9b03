// Finds numbered slogans (“两网融合”, 四个意识, 双千工程, 稳增长“21”条) and quoted coinages (“放管服”改革,
// “揭榜挂帅”) that a glossary may not have, and leaves ordinary counting (6大类14项, 三所配套学校) alone.
import { coinageAt, governingAt } from './coinages';
import { COUNT_CHARS, COUNTING_DIGITS, isArabicDigitAt } from './numerals';

/** Why a span was taken for a slogan. */
export type SloganEvidence = 'quoted' | 'alternating' | 'headed' | 'plan' | 'coined';

export interface ScanSloganOptions {
  /** Also take quoted coinages without a numeral (“放管服”, “无废城市”, “RCEP”). Default true. */
  coinages?: boolean;
}

/** A span of text that reads as a numbered slogan. */
export interface SloganCandidate {
  start: number;
  end: number;
  text: string;
  evidence: SloganEvidence;
}

const OPENING: Readonly<Record<string, string>> = { '“': '”', '「': '」', '『': '』', '‘': '’', '"': '"' };
/** OPENING by UTF-16 unit (0: opens nothing): text.charAt of a Chinese quote mark makes a string. */
const CLOSING_CODE = new Uint16Array(65536);
for (const [open, close] of Object.entries(OPENING)) CLOSING_CODE[open.charCodeAt(0)] = close.charCodeAt(0);

/** After a numeral, a quantity, date, ordinal or ranking rather than a set: 三年, 十九届, 六连冠, 万亿. */
const NOT_COUNTED = new Set('年月日号届次期季周天时分秒岁亿连后成倍是要则亩米吨元斤'.split(''));

/** Classifiers of ordinary counting (三所学校, 千家万户); a quoted name may still use them (“五件实事”). */
const CLASSIFIERS = new Set('所家户人名位座栋辆台层楼批轮场起件份宗处块套间段级代拨度股笔封张遍回趟只头匹颗粒首部本册篇幅'.split(''));

/** Measure words that numbered slogans put between numeral and name: 四个意识, 六大产业, 十项工程. */
const MEASURES = new Set('大个项条种类化型横纵联'.split(''));

/** How slogan names end when they are not quoted: 十项民生工程, 两网融合, 四个意识. */
const HEADS = [
  '工程', '行动', '战略', '机制', '制度', '体系', '功能', '意识', '自信', '维护', '专项', '任务', '改革', '攻坚',
  '产业', '计划', '政策', '举措', '清单', '平台', '基地', '走廊', '通道', '战役', '会战', '原则', '要求', '目标',
  '保障', '确保', '理念', '方针', '格局', '布局', '模式', '示范', '融合', '合一', '同步', '协同', '形态', '试点',
  '服务圈', '倍增', '工作法', '不摘', '转变', '带动', '确立', '务必', '全面', '跨越', '发力',
];

/**
 * Idioms, place names and common words that start with a numeral without numbering anything.
 * Checked as prefixes of an unquoted candidate and against the whole of a quoted one.
 */
const NOT_SLOGANS = [
  '千方百计', '一心一意', '三令五申', '四面八方', '五湖四海', '一举两得', '万众一心', '一五一十', '七上八下', '十全十美',
  '三番五次', '一清二楚', '一干二净', '四通八达', '五花八门', '一朝一夕', '一草一木', '一点一滴', '一言一行', '一砖一瓦',
  '一针一线', '九牛一毛', '一模一样', '接二连三', '三三两两', '独一无二', '一来二去', '一穷二白', '说一不二', '千姿百态',
  '千帆竞发', '万无一失', '一反三', '千上万', '千秋', '千行百业', '一步一个', '一个一个', '一项一项',
  '一件一件', '一批一批', '百花齐放', '千家万户', '一方水土', '百分百', '万紫千红', '十有八九',
  '一定', '一步', '一直', '一起', '一致', '一般', '一切', '一些', '一样', '一律', '一并', '一再', '一向', '一度',
  '一旦', '一举', '一流', '一体', '一线', '一道', '一同', '一齐', '一贯', '一揽子', '一把手', '一刀切', '一盘棋',
  '一锅煮', '一对一', '一站式', '一卡通', '一次性', '一系列', '一手', '一方面', '一小时', '一环路', '二环路', '三环路',
  '四环路', '五环路', '四川', '双流', '三星堆', '九寨', '万华', '五粮液', '六灶', '三亚', '十堰', '万州', '九江',
  '六安', '三门峡', '三峡', '五指山', '七台河', '双鸭山', '三沙', '四平', '二氧化', '一氧化', '三角', '万物',
  '百姓', '十分', '万一', '一二三产', '百强', '千亿', '百亿', '万亿', '铁人三项',
];

/** Adjectives that only a quoted name may turn into a slogan: 双向转诊 is two-way, “双向揭榜挂帅” a programme. */
const UNQUOTED_NOT_SLOGANS = ['双向', '双重', '两岸'];

// For a numeral inside an idiom (千方百计 seen from 百), the idioms and how far back they start.
// Keyed by the numeral's code: looked up for every numeral, which then makes no string.
const IDIOMS_BY_NUMERAL = new Map<number, Array<[string, number]>>();
for (const word of NOT_SLOGANS) {
  for (let p = 1; p < word.length; p++) {
    const char = word.charAt(p);
    if (!COUNT_CHARS.includes(char)) continue;
    const list = IDIOMS_BY_NUMERAL.get(char.charCodeAt(0)) ?? [];
    list.push([word, p]);
    IDIOMS_BY_NUMERAL.set(char.charCodeAt(0), list);
  }
}

const PUNCTUATION = '，。、；：！？（）()《》〈〉【】—…·,.;:!?';
const PLAN_CODE = /^(?:十[一二三四五]|[七八九])五$/;

const isCjk = (char: string): boolean => char >= '\u4e00' && char <= '\u9fff';
// A count never follows these (三 in 第三, 十三, 3三, 初三, 周三, 每三, 零三) …
// What a unit is to the slogan rules, as bits of one table (one 64 KB table a page, not five).
const NOT_AFTER = 1;
const NOT_NEXT = 2;
const NOT_IN_NAME = 4;
const MEASURE = 8;
const NAME_BREAK = 16;
const FLAGS = new Uint8Array(65536);
const flag = (chars: Iterable<string>, bit: number): void => {
  for (const char of chars) FLAGS[char.charCodeAt(0)] = (FLAGS[char.charCodeAt(0)] as number) | bit;
};
/** Whether the unit at `at` of `text` has `bit` (false past its end). */
const hasFlag = (text: string, at: number, bit: number): boolean => ((FLAGS[text.charCodeAt(at)] as number) & bit) !== 0;
flag(COUNT_CHARS + '0123456789０１２３４５６７８９第初周每零', NOT_AFTER);
// … nor comes before these (三年, 三所).
flag([...NOT_COUNTED, ...CLASSIFIERS], NOT_NEXT);
const FIVE = '五'.charCodeAt(0);
const ZHE = '折'.charCodeAt(0);
const ZHI = '之'.charCodeAt(0);
const ONE = '一'.charCodeAt(0);
// What a character may begin: a quoted name or a count.
const OPENS = 1;
const COUNTS = 2;
const TRIGGER_TABLE = new Uint8Array(65536);
for (const char of COUNT_CHARS) TRIGGER_TABLE[char.charCodeAt(0)] = COUNTS;
for (const char of Object.keys(OPENING)) TRIGGER_TABLE[char.charCodeAt(0)] = OPENS;
// Latin capitals begin an acronym (RCEP, TOD) written bare in Chinese text.
const LATIN = 3;
for (let code = 0x41; code <= 0x5a; code++) TRIGGER_TABLE[code] = LATIN;
const NOT_SLOGAN_SET = new Set(NOT_SLOGANS);
// Characters a quoted name never holds: it would be a sentence, or two quotes.
flag('。；！？\n“「『‘', NOT_IN_NAME);
// The longest quoted name taken for a slogan.
const MAX_NAME = 16;
// The same questions of the unit at `at` of a text (false past its end), asked for every numeral:
// reading a code makes no one-character string, as charAt does for a Chinese character.
const isCjkAt = (text: string, at: number): boolean => {
  const code = text.charCodeAt(at);
  return code >= 0x4e00 && code <= 0x9fff;
};
const isCountAt = (text: string, at: number): boolean => TRIGGER_TABLE[text.charCodeAt(at)] === COUNTS;
flag(MEASURES, MEASURE);
// What ends the name of a headed slogan (headedAt) besides a non-Chinese character or a numeral.
flag(PUNCTUATION + '的和与及等在是了对把为从将', NAME_BREAK);
const BIG = '大'.charCodeAt(0);

/**
 * Words (two units or longer, as all of these are) grouped by a pair of UTF-16 units, so that a
 * lookup tries only the one or two words that can match: 一 alone starts sixty of them.
 */
type WordIndex = ReadonlyMap<number, readonly string[]>;

// Two UTF-16 units as one key; past the end of a text charCodeAt gives NaN, which makes a key no word has.
const pairKey = (text: string, at: number): number => (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);

function indexBy(words: readonly string[], keyOf: (word: string) => number): WordIndex {
  const index = new Map<number, string[]>();
  for (const word of words) {
    const key = keyOf(word);
    const list = index.get(key) ?? [];
    list.push(word);
    index.set(key, list);
  }
  return index;
}

// Every numeral in the text is looked up in these.
const NOT_SLOGANS_BY_START = indexBy(NOT_SLOGANS, (word) => pairKey(word, 0));
const LONG_NOT_SLOGANS_BY_START = indexBy(NOT_SLOGANS.filter((word) => word.length > 2), (word) => pairKey(word, 0));
const UNQUOTED_NOT_SLOGANS_BY_START = indexBy(UNQUOTED_NOT_SLOGANS, (word) => pairKey(word, 0));
const HEADS_BY_END = indexBy(HEADS, (word) => pairKey(word, word.length - 2));

// The loops over words below and in the rules index their arrays rather than use for…of: every
// numeral and quote of a report comes through them, most while the code is not yet optimised, and
// there each step of an iterator makes an object to collect (a 15 MB report: megabytes of them).

/** Whether one of the indexed words starts at `at`. */
function startsWithAny(text: string, at: number, index: WordIndex): boolean {
  const words = index.get(pairKey(text, at));
  if (words === undefined) return false;
  for (let w = 0; w < words.length; w++) if (text.startsWith(words[w] as string, at)) return true;
  return false;
}

/** Whether one of the indexed words (by last two units) ends at `end` and starts at `from` or later. */
function endsWithAny(text: string, end: number, from: number, index: WordIndex): boolean {
  if (end - 2 < from) return false;
  const words = index.get(pairKey(text, end - 2));
  if (words === undefined) return false;
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as string;
    if (end - word.length >= from && text.startsWith(word, end - word.length)) return true;
  }
  return false;
}

/** Whether `name` contains one of the indexed words. */
function containsAny(name: string, index: WordIndex): boolean {
  for (let at = 0; at < name.length; at++) if (startsWithAny(name, at, index)) return true;
  return false;
}

/**
 * Numbered slogans in `text`, sorted and non-overlapping. Quoted names need a numeral that counts
 * (“两网融合”, “1+4+7”, “五件实事”); unquoted ones need a slogan's shape: alternating numerals
 * (三问三登记, 一核三治), a numeral with a slogan head (十项民生工程, 四个意识), or a plan code (十四五).
 * Arabic numerals outside quotes are statistics in these reports (6大类14项) and never count.
 */
export function scanSlogans(text: string, options: ScanSloganOptions = {}): SloganCandidate[] {
  const coinages = options.coinages ?? true;
  // The matcher and readInContext (match-context.ts) both ask for the same text's slogans, one
  // after the other: the second gets the first's answer (on a 15 MB report, 150–350 ms saved).
  // Shared, so frozen: a caller that tried to change it would throw instead of misleading the next.
  if (last !== undefined && last.text === text && last.coinages === coinages) return last.found;
  return settleSlogans(text, collectSlogans(text, options));
}

/** The last text scanned and its slogans (a long text is kept until the next scan, no longer). */
let last: { text: string; coinages: boolean; found: SloganCandidate[] } | undefined;

/**
 * What `scanSlogans` finds in a text before the one rule that looks at the whole text: coinages
 * held only by their shape, kept when their name is quoted twice anywhere in it. A caller that
 * reads a long text in parts (the CLI's `scan` on two threads) adds up `quoted` over all parts
 * before settling each part with {@link settleSlogans}.
 */
export interface CollectedSlogans {
  coinages: boolean;
  /** Every candidate, shaped-only coinages included, sorted and non-overlapping. */
  found: SloganCandidate[];
  /** The shaped-only coinages among `found`. */
  shaped?: Set<SloganCandidate>;
  /** How often each quoted coinage's name is quoted (the rule's count). */
  quoted: Map<string, number>;
}

/** Every slogan candidate of `text`, before the whole-text rule (see {@link CollectedSlogans}). */
export function collectSlogans(text: string, options: ScanSloganOptions = {}): CollectedSlogans {
  return findSlogans(text, options.coinages ?? true);
}

/**
 * The slogans of `text` from its collected candidates: a shaped-only coinage is kept when its name
 * is quoted at least twice in `collected` and `elsewhere` (the counts of the text's other parts,
 * when it is one part of a longer text). Remembered as `scanSlogans(text)`'s answer.
 */
export function settleSlogans(text: string, collected: CollectedSlogans, elsewhere?: ReadonlyMap<string, number>): SloganCandidate[] {
  const { shaped, quoted } = collected;
  // A name quoted once with nothing governing it reads as scare quotes; a coined term recurs.
  const kept =
    shaped === undefined
      ? collected.found
      : collected.found.filter((candidate) => !shaped.has(candidate) || (quoted.get(candidate.text) ?? 0) + (elsewhere?.get(candidate.text) ?? 0) >= 2);
  const found = Object.freeze(kept) as SloganCandidate[];
  last = { text, coinages: collected.coinages, found };
  return found;
}

/**
 * The first position from `i` on holding a quote, numeral or Latin letter (TRIGGER_TABLE), or `n`.
 * A function of its own: the JIT optimises this small loop early in a page's first pass, while
 * findSlogans as a whole takes it tens of milliseconds to compile, run by the interpreter meanwhile.
 */
function nextTrigger(text: string, i: number, n: number): number {
  while (i < n && TRIGGER_TABLE[text.charCodeAt(i)] === 0) i++;
  return i;
}

function findSlogans(text: string, coinages: boolean): CollectedSlogans {
  const found: SloganCandidate[] = [];
  // Coinages held only by their shape, and how often each name is quoted: kept when quoted twice.
  let shaped: Set<SloganCandidate> | undefined;
  const quotedCount = new Map<string, number>();
  const n = text.length;
  for (let i = 0; i < n; i++) {
    // Most characters are neither a quote nor a numeral: passed in a loop that makes no strings.
    i = nextTrigger(text, i, n);
    if (i === n) break;
    const trigger = TRIGGER_TABLE[text.charCodeAt(i)] as number;
    if (trigger === LATIN) {
      const acronym = coinages ? acronymAt(text, i) : undefined;
      if (acronym) found.push(acronym);
      // Step over the whole run of letters either way.
      while (i + 1 < n && TRIGGER_TABLE[text.charCodeAt(i + 1)] === LATIN) i++;
      continue;
    }
    let candidate = trigger === OPENS ? quotedAt(text, i) : unquotedAt(text, i);
    if (candidate === undefined && trigger === OPENS && coinages) {
      const coined = coinedAt(text, i);
      if (coined) {
        candidate = coined.candidate;
        quotedCount.set(candidate.text, (quotedCount.get(candidate.text) ?? 0) + 1);
        if (coined.shapedOnly) (shaped ??= new Set()).add(candidate);
      }
    }
    if (candidate) {
      found.push(candidate);
      // Step over the closing quote too: a straight quote " would otherwise open a new name.
      const quoted = (candidate.evidence === 'quoted' || candidate.evidence === 'coined') && TRIGGER_TABLE[text.charCodeAt(candidate.start - 1)] === OPENS;
      i = quoted ? candidate.end : candidate.end - 1;
    }
  }
  return shaped === undefined ? { coinages, found, quoted: quotedCount } : { coinages, found, shaped, quoted: quotedCount };
}

const isLatinOrDigit = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x2e || code === 0x2d;

// A bare acronym of three to six capitals in Chinese text (RCEP协定, TOD模式), with no letters,
// digits or dots around it (not part of PM2.5, 5G, a URL or an English phrase).
function acronymAt(text: string, start: number): SloganCandidate | undefined {
  if (start > 0 && isLatinOrDigit(text.charCodeAt(start - 1))) return undefined;
  let end = start;
  while (end < text.length && TRIGGER_TABLE[text.charCodeAt(end)] === LATIN) end++;
  if (end - start < 3 || end - start > 6 || (end < text.length && isLatinOrDigit(text.charCodeAt(end)))) return undefined;
  // Bare, only when a noun governs it (RCEP协定, TOD模式): GDP, APP, LNG are abbreviations, not terms.
  return governingAt(text, end) !== undefined ? candidateOf(text, start, end, 'coined') : undefined;
}

// A quoted coinage at `open`: the name without its quotes, and whether only its shape holds it.
function coinedAt(text: string, open: number): { candidate: SloganCandidate; shapedOnly: boolean } | undefined {
  // NaN where nothing opens (as ''.charCodeAt(0) was): no unit equals it.
  const closing = CLOSING_CODE[text.charCodeAt(open)] || NaN;
  // A coined name is at most 19 units (a compound's four parts of four and three dots, coinages.ts).
  const limit = Math.min(text.length, open + 21);
  let close = open + 1;
  while (close < limit && text.charCodeAt(close) !== closing) close++;
  if (close === limit) return undefined;
  const verdict = coinageAt(text, open, close);
  if (verdict === undefined) return undefined;
  return { candidate: candidateOf(text, open + 1, close, 'coined'), shapedOnly: verdict === 'shaped' };
}

function candidateOf(text: string, start: number, end: number, evidence: SloganEvidence): SloganCandidate {
  return { start, end, text: text.slice(start, end), evidence };
}

// A quoted name at `open` (the opening quote). The candidate spans the name without its quotes,
// except a bare number whose counter follows the quote: 稳增长“21”条 gives “21”条.
function quotedAt(text: string, open: number): SloganCandidate | undefined {
  // NaN where nothing opens (as ''.charCodeAt(0) was): no unit equals it.
  const closing = CLOSING_CODE[text.charCodeAt(open)] || NaN;
  // Looked for only as far as a name can reach: an unclosed quote must not cost a search to the end.
  const limit = Math.min(text.length, open + MAX_NAME + 2);
  let close = open + 1;
  while (close < limit && text.charCodeAt(close) !== closing) close++;
  if (close === limit || close === open + 1) return undefined;
  // A name is taken only for a numeral in it (countsSomething; the bare numbers below start with
  // a digit): without an Arabic digit or a count character, nothing below can take it.
  let numbered = false;
  for (let i = open + 1; i < close; i++) {
    if (hasFlag(text, i, NOT_IN_NAME)) return undefined;
    if (!numbered && (isCountAt(text, i) || isArabicDigitAt(text, i))) numbered = true;
  }
  if (!numbered) return undefined;
  const name = text.slice(open + 1, close);
  if (/^[0-9０-９]+(?:\s*[+＋]\s*[0-9０-９a-zA-ZＮ]*)*$/.test(name)) {
    // A year, or one digit alone (“1+3”财政金融互动：“1”是指…, a part a note explains, named by nothing).
    if (/^((19|20)\d)?\d$/.test(name)) return undefined;
    const counter = text.charAt(close + 1);
    return counter !== '' && '条项字'.includes(counter) ? candidateOf(text, open, close + 2, 'quoted') : candidateOf(text, open + 1, close, 'quoted');
  }
  return countsSomething(name) ? candidateOf(text, open + 1, close, 'quoted') : undefined;
}

// Whether a quoted name holds a numeral that counts: 两网融合, 五件实事, 15分钟服务圈, 七五, 多证合一;
// not 统一大市场, 2020年度, 90后, 十九大.
function countsSomething(name: string): boolean {
  if (containsAny(name, LONG_NOT_SLOGANS_BY_START) || NOT_SLOGAN_SET.has(name)) return false;
  if (name.endsWith('合一') && name.length >= 4) return true;
  for (let i = 0; i < name.length; i++) {
    // Read as codes (isArabicDigitAt, isCountAt): most units are neither, and charAt of a Chinese
    // character makes a string.
    if (isArabicDigitAt(name, i)) {
      let j = i;
      while (j < name.length && isArabicDigitAt(name, j)) j++;
      // After a letter or a middle dot the digits are a code, not a count: a licence plate
      // (京·12345应急, 京·X2345应急), a model (C919).
      if (isCodeLead(name.charCodeAt(i - 1))) {
        i = j - 1;
        continue;
      }
      const number = name.slice(i, j);
      const rest = name.slice(j);
      const year = /^(?:19|20)\d\d$/.test(number);
      if (/^(?:分钟|小时|公里)[\u4e00-\u9fff]{2}/.test(rest) || (rest.startsWith('条') && !year)) return true;
      const unit = rest.charAt(0);
      if (number.length >= 3 && !year && isCjk(unit) && !NOT_COUNTED.has(unit) && !CLASSIFIERS.has(unit) && !MEASURES.has(unit) && !'强多余万元米'.includes(unit)) return true;
      i = j - 1;
      continue;
    }
    if (!isCountAt(name, i)) continue;
    let j = i;
    while (j < name.length && isCountAt(name, j)) j++;
    const run = name.slice(i, j);
    const next = name.charAt(j);
    const previous = name.charAt(i - 1);
    const afterWord = run === '一' && isCjk(previous) && !CLASSIFIERS.has(next) && next !== '个';
    const congress = next === '大' && isOrdinalCongress(run) && !isCjk(name.charAt(j + 2));
    if (run.startsWith('双') && !afterWord) return true;
    if (!afterWord && !congress && previous !== '第' && !NOT_COUNTED.has(next) && !isEnumeration(run) && !startsWithAny(name, i, NOT_SLOGANS_BY_START)) return true;
    i = j - 1;
  }
  return false;
}

// A Latin letter or a middle dot (·, •, ・, ･): what a code's digits follow.
const isCodeLead = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0xb7 || code === 0x2022 || code === 0x30fb || code === 0xff65;

// 十九大, 二十大: party congresses are ordinals; 十大 (ten major …) is a count, and so is
// 十二大行动 (checked by the callers: a congress is not followed by a slogan's name).
function isOrdinalCongress(run: string): boolean {
  return (run.length >= 2 && run.startsWith('十')) || run.startsWith('二十');
}

// 一二三 (as in 一二三产融合) lists numerals rather than counting.
const IS_COUNTING_DIGIT = new Uint8Array(65536);
for (let i = 0; i < COUNTING_DIGITS.length; i++) IS_COUNTING_DIGIT[COUNTING_DIGITS.charCodeAt(i)] = 1;
function isEnumeration(run: string): boolean {
  if (run.length < 2) return false;
  for (let i = 0; i < run.length; i++) if (!IS_COUNTING_DIGIT[run.charCodeAt(i)]) return false;
  return !PLAN_CODE.test(run);
}

function unquotedAt(text: string, start: number): SloganCandidate | undefined {
  // Every numeral in the text comes here, 一 above all: the common rejections read char codes
  // and make no strings.
  if (start > 0 && hasFlag(text, start - 1, NOT_AFTER)) return undefined;
  let end = start;
  while (end < text.length && TRIGGER_TABLE[text.charCodeAt(end)] === COUNTS) end++;
  const nextCode = end < text.length ? text.charCodeAt(end) : 0;
  // A count is followed by the Chinese name of what it counts, not by 年, 届, 所…
  const countsNothing = nextCode < 0x4e00 || nextCode > 0x9fff || hasFlag(text, end, NOT_NEXT);
  // Only a plan code (十四五, 九五) stands without one.
  const planShaped = end - start >= 2 && text.charCodeAt(end - 1) === FIVE;
  if (countsNothing && !planShaped) return undefined;
  // A lone 一 (the commonest numeral: 进一步, 一批) heads no slogan (headedAt) and is no plan code
  // or congress: only an alternation can start with it, and that needs another count within the
  // next three characters (alternatingAt). Without one, nothing below can take it.
  if (end - start === 1 && text.charCodeAt(start) === ONE && !isCountAt(text, end + 1) && !isCountAt(text, end + 2) && !isCountAt(text, end + 3)) return undefined;
  const run = text.slice(start, end);
  // A plan code is plan-shaped (ends in 五): the test is not run for the others. Not before 折 or
  // 之 (九五折, a discount; 九五之尊).
  if (planShaped && PLAN_CODE.test(run)) return nextCode === ZHE || nextCode === ZHI ? undefined : candidateOf(text, start, end, 'plan');
  if (countsNothing || isEnumeration(run)) return undefined;
  if (startsWithAny(text, start, NOT_SLOGANS_BY_START) || startsWithAny(text, start, UNQUOTED_NOT_SLOGANS_BY_START)) return undefined;
  const idioms = IDIOMS_BY_NUMERAL.get(text.charCodeAt(start));
  if (idioms !== undefined) {
    for (let d = 0; d < idioms.length; d++) {
      // Read by index: destructuring an array runs its iterator.
      const idiom = idioms[d] as [string, number];
      if (text.startsWith(idiom[0], start - idiom[1])) return undefined;
    }
  }
  if (nextCode === BIG && isOrdinalCongress(run)) {
    // 十二大行动 is a programme; 十九大战略安排 is the 19th congress's strategy.
    const headed = headedAt(text, start, end, run);
    return headed && /(?:行动|工程|产业|专项)$/.test(headed.text) ? headed : undefined;
  }
  return alternatingAt(text, start) ?? headedAt(text, start, end, run);
}

// 三问三登记, 三重一大, 两不愁三保障, 一核三治, 三去一降一补: numerals alternating with short names.
function alternatingAt(text: string, start: number): SloganCandidate | undefined {
  let i = start;
  let groups = 0;
  let end = start;
  while (groups < 5) {
    let j = i;
    while (j < text.length && isCountAt(text, j)) j++;
    if (j === i || j - i > 2 || (j - i > 1 && isEnumeration(text.slice(i, j)))) break;
    let k = j;
    while (k < text.length && k - j < 3 && isCjkAt(text, k) && !isCountAt(text, k)) k++;
    // The name is text[j, k); its first character is neither a unit of time, a classifier nor a measure.
    if (k === j || hasFlag(text, j, NOT_NEXT | MEASURE)) break;
    // A three-character name only at the end of a phrase: 两不愁三保障 ends at 保障, but in
    // 双流机场二跑道建设 nothing alternates.
    if (k - j === 3 && isCjkAt(text, k)) break;
    groups++;
    end = k;
    i = k;
    if (!isCountAt(text, k)) break;
  }
  return groups >= 2 ? candidateOf(text, start, end, 'alternating') : undefined;
}

// 十项民生工程, 四个意识, 两网融合, 六大科技专项, 双千工程: numeral, measure word, name ending in a slogan head.
function headedAt(text: string, start: number, end: number, run: string): SloganCandidate | undefined {
  // 一项系统工程, 一个重要平台: 一 with a measure word is an article, not a count.
  if (run === '一') return undefined;
  const nameStart = hasFlag(text, end, MEASURE) ? end + 1 : end;
  let best = -1;
  for (let k = nameStart; k < text.length && k - nameStart < 7; k++) {
    if (!isCjkAt(text, k) || isCountAt(text, k) || hasFlag(text, k, NAME_BREAK)) break;
    const upTo = k + 1;
    // 三矿副总工程师 names an engineer, not a 工程 (师, U+5E08, after any head: the widget's reading chunk has no room for a list).
    if (endsWithAny(text, upTo, nameStart, HEADS_BY_END) && text.charCodeAt(upTo) !== 0x5e08) best = upTo;
  }
  return best === -1 ? undefined : candidateOf(text, start, best, 'headed');
}
