// Term matches read in their context: a term found as a fragment of a longer coinage the glossary
// does not know (两基 in “两高地、两基地、一屏障”, 五化 in 三同五化) is that coinage, not the term.
import { isArabicDigitAt, toHalfWidthDigits } from './numerals';
import { GENERIC_TERM_SUFFIXES, QUOTE as QUOTE_MARKS } from './senses';
import { scanSlogans, type SloganCandidate } from './slogans';
import type { TextMatch } from './types';

const NUMERALS = '零〇一二两三四五六七八九十百千双';
const OPEN = '“‘「『';
const CLOSE = '”’」』';
/**
 * Words a report glues onto a quoted term without making it another thing (“三医联动改革” is the
 * 三医联动 reform). Kept to the commonest; a longer list only keeps more fragments.
 */
const GLUED_SUFFIXES = ['工程', '行动', '制度', '机制', '战略', '计划', '建设', '体系', '模式', '改革', '理念', '政策', '经验'];
/**
 * Nouns that say what kind of programme a slogan names, when they follow it: the glossary's generic
 * suffixes (工程, 行动, 机制…) but 建设 and 活动, which reports glue onto any programme's name
 * (“五个一”工程建设), and 责任/责任制, a named set of duties (“五个一”责任).
 */
const PROGRAMME_NOUNS = [...GENERIC_TERM_SUFFIXES.filter((suffix) => suffix !== '建设' && suffix !== '活动'), '责任制', '责任'];
/** The longest quoted phrase looked at: beyond it, a quote is a citation, not a coinage. */
const MAX_QUOTED = 24;

// What each UTF-16 unit is, as bits: every term match looks at the characters around it, and a
// table read costs far less than a regular expression per character (with the bit sets and the
// halving below, readInContext on a 15 MB report: about 130 → 25 ms warm).
const NUMERAL = 1;
/** CJK ideographs (a range, not \p{Script=Han}: a build for older browsers would spell that out in full). */
const HAN = 2;
/** What ends a search for the quote around a match: another quote mark or the end of a clause. */
const STOP = 4;
/** What separates the items of a quoted enumeration (“一中心、一城、一区”, “金通工程+天府交邮通”). */
const ITEM_SEPARATOR = 8;
/** JavaScript's \s: what a regular expression's \s matches. */
const WHITE_SPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const KIND = new Uint8Array(65536);
KIND.fill(HAN, 0x3400, 0xa000);
KIND.fill(HAN, 0xf900, 0xfb00);
for (const [chars, kind] of [
  [`${NUMERALS}0123456789０１２３４５６７８９`, NUMERAL],
  ['“”‘’「」『』。；;！？!?\n', STOP],
  [`、，,；;／/·+＋${WHITE_SPACE}`, ITEM_SEPARATOR],
] as const) {
  for (let i = 0; i < chars.length; i++) KIND[chars.charCodeAt(i)] = (KIND[chars.charCodeAt(i)] as number) | kind;
}
/** The kind bits of the unit at `at` (0 outside the text). */
const kindAt = (text: string, at: number): number => KIND[text.charCodeAt(at)] ?? 0;
const isNumeral = (text: string, at: number) => (kindAt(text, at) & NUMERAL) !== 0;
const isHan = (text: string, at: number) => (kindAt(text, at) & (HAN | NUMERAL)) === HAN;
const isStop = (text: string, at: number) => (kindAt(text, at) & STOP) !== 0;
const isItemSeparator = (text: string, at: number) => (kindAt(text, at) & ITEM_SEPARATOR) !== 0;

const IS_QUOTE_MARK = new Uint8Array(65536);
for (const mark of '“”‘’「」『』"\'〝〞＂') IS_QUOTE_MARK[mark.charCodeAt(0)] = 1;
/** `text` without quote marks; most matches have none, and are returned as they are without a regular expression's pass. */
function bare(text: string): string {
  for (let i = 0; i < text.length; i++) if (IS_QUOTE_MARK[text.charCodeAt(i)] === 1) return text.replace(QUOTE_MARKS, '');
  return text;
}

/** `text` with full-width digits as ASCII ones, if every unit of it (one or more) is a numeral of either script; else undefined. */
function numeralsOnly(text: string): string | undefined {
  // Most terms fail at their first or second unit, by a table read.
  for (let i = 0; i < text.length; i++) if (!isNumeral(text, i)) return undefined;
  return text.length > 0 ? toHalfWidthDigits(text) : undefined;
}

/**
 * Whether a term written only in numerals was found as numerals written otherwise (the matcher
 * reads 15, 十五 and 一五 alike): 一五 (a city's programme) read in 增长15% or in 第十五届, 三零 in
 * 30个, the 12345 hotline in “一二三四五”总体战略. A number written otherwise is a quantity, an
 * ordinal or a coinage of its own, never the term: in all report bodies up to 2022 the matcher
 * found 一五 and 三零 in 2,218 such numbers (of 37,776 term matches), each a wrong explanation.
 * Terms with words (七个一批 read in “7个一批”, 四大支柱 in 4大支柱) are not touched.
 */
function numeralWrittenOtherwise(written: string, term: string | undefined): boolean {
  if (term === undefined) return false;
  const text = numeralsOnly(written);
  const canonical = text === undefined ? undefined : numeralsOnly(bare(term));
  return canonical !== undefined && canonical !== text;
}

/**
 * Whether a match begins with a digit written after a decimal point: the fraction of 2.2 or a
 * sub-section number (2.2 地方…, 3.1 市场监测, 5.2.1 建立…), never a count. The matcher skips
 * the space after a section number, so without this 两地 was read in “2.2 地方粮食应急机构” and
 * 一市场 in “3.1 市场监测” (a State Council emergency plan on www.gov.cn).
 */
function digitAfterPoint(text: string, match: TextMatch): boolean {
  const before = text.charCodeAt(match.start - 1);
  return (before === 0x2e || before === 0xff0e) && isArabicDigitAt(text, match.start);
}

/**
 * A licence plate's head before its digits: a province's one-character name and a capital letter
 * (川A), or that name standing alone (no Han character before it), a middle dot after it or not (“京·).
 */
const PROVINCE_CHARS = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_HEAD = new RegExp(`(?:[${PROVINCE_CHARS}][A-Z]|(?:^|[^\\p{Script=Han}])[${PROVINCE_CHARS}])[·•・･]?$`, 'u');

/**
 * Whether a match begins with the digits of a licence plate (“京·12345应急” an emergency vehicle's
 * plate, 川A12345): a code, never the 12345 hotline or a count. Only four digits or more after a
 * province's one-character name and a capital letter, or after that name standing alone:
 * 热线·12345 and 北京·12345 keep their match. Such a plate on a
 * www.gov.cn page (a rule on emergency vehicles' plates) was flagged as the slogan 12345应急.
 */
function licencePlate(text: string, match: TextMatch): boolean {
  // A plate's number runs four or five places (“新36条” is no plate: 新 is also a province's name).
  let digits = 0;
  while (isArabicDigitAt(text, match.start + digits)) digits++;
  return digits >= 4 && PLATE_HEAD.test(text.slice(Math.max(0, match.start - 4), match.start));
}

/**
 * Whether a numbered match follows 第: an ordinal (第二水源 the second water source, 第二高速,
 * 第三市场, 第4名), never the term (两水, 两高, 三市, 四名工程 as the matcher reads them). In all
 * report bodies up to 2022, 61 of 31,742 term matches began with a numeral right after 第, each
 * an ordinal read as a place's numbered slogan.
 */
function ordinalNumeral(text: string, match: TextMatch): boolean {
  return text.charCodeAt(match.start - 1) === 0x7b2c && isNumeral(text, match.start);
}

/**
 * Whether a two-character numbered term written with a Chinese numeral (三名, 三类, 两线; not 4G) was
 * found as a digit and a character, not quoted: a count (全国劳模3名, 3类空间, 1平方公里, 成都（3线）),
 * never the term. In the 114 corpus reports of 2020–2022 (collection), 42 term matches were so, all
 * counts; the quoted “2纵” is kept (a quote before it names the term). Longer terms written with
 * digits are often the terms themselves (4大支柱型服务业, 10件民生实事) and are not touched.
 */
const countInDigits = (text: string, match: TextMatch, term: string): boolean =>
  term.length === 2 && isArabicDigitAt(text, match.start) && !isArabicDigitAt(match.term ?? '1', 0) && !(openIndexAt(text, match.start - 1) >= 0);

/** How far either side of a match the word segmenter reads (UTF-16 units): enough for the words around it. */
const WORD_WINDOW = 4;
/**
 * The runtime's word segmenter for Chinese (ICU's dictionary in Chromium and Node, Firefox's own
 * in Firefox; they split this rule's examples alike, checked on Chromium 156 and Firefox 153).
 * Undefined where Intl.Segmenter is missing, and then no match is judged by it. Made on first use.
 */
let wordSegmenter: Intl.Segmenter | null | undefined;
function segmenter(): Intl.Segmenter | undefined {
  if (wordSegmenter === undefined) wordSegmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  return wordSegmenter ?? undefined;
}

/**
 * Whether a two-character term match begins inside one word and ends inside another, by the
 * runtime's word segmenter: 众创 read in 人民群众|创造 or 大众|创业, 倍增 in 成倍增长, 升高 in
 * 提升|高中教育, 南开 in 西南|开放, 用数 in 运用|数字化. In all report bodies up to 2022 (with the
 * collection ≤2022), 118 of 31,681 term matches were cut so at both ends, each read: 115 wrong,
 * 3 arguably right (四平's own 南开 in 吉林省向南开放, the phrase the term shortens); no longer
 * term was cut so. Eval: one explained occurrence lost on the 2022 rows (that 南开). A match cut
 * at one end only is kept: 众创 in 众|创|空间 or a term glued to a word after it are split so by
 * the segmenter too. Only where both neighbours are
 * Chinese characters, and only two-character terms: the short abbreviations that ordinary words
 * hold by chance.
 */
function crossesWords(text: string, match: TextMatch, term: string): boolean {
  if (term.length !== 2 || match.end - match.start !== 2 || !isHan(text, match.start - 1) || !isHan(text, match.end)) return false;
  const words = segmenter();
  if (!words) return false;
  const from = Math.max(0, match.start - WORD_WINDOW);
  const segments = words.segment(text.slice(from, Math.min(text.length, match.end + WORD_WINDOW)));
  const first = segments.containing(match.start - from);
  const last = segments.containing(match.end - 1 - from);
  return first !== undefined && last !== undefined && first.index < match.start - from && last.index + last.segment.length > match.end - from;
}

/** Whether `text` has fewer than two characters (code points: a surrogate pair is one). */
function underTwoCharacters(text: string): boolean {
  if (text.length !== 2) return text.length < 2;
  const high = text.charCodeAt(0);
  const low = text.charCodeAt(1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

// By UTF-16 unit, its place in OPEN and in CLOSE (-1: none): asked around nearly every term
// match, where text[i] of a Chinese character would make a string each time.
const OPEN_INDEX = new Int8Array(65536).fill(-1);
const CLOSE_INDEX = new Int8Array(65536).fill(-1);
for (let i = 0; i < OPEN.length; i++) OPEN_INDEX[OPEN.charCodeAt(i)] = i;
for (let i = 0; i < CLOSE.length; i++) CLOSE_INDEX[CLOSE.charCodeAt(i)] = i;
/** OPEN.indexOf / CLOSE.indexOf of the unit at `at` of a text, which must be inside it. */
const openIndexAt = (text: string, at: number): number => OPEN_INDEX[text.charCodeAt(at)] as number;
const closeIndexAt = (text: string, at: number): number => CLOSE_INDEX[text.charCodeAt(at)] as number;

/** The quoted phrase (content offsets) that holds `start…end` and is longer than it, if any. */
function quotedAround(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let open = start - 1;
  while (open >= 0 && start - open <= MAX_QUOTED && !isStop(text, open)) open -= 1;
  if (open < 0 || openIndexAt(text, open) === -1) return undefined;
  let close = end;
  while (close < text.length && close - open <= MAX_QUOTED && !isStop(text, close)) close += 1;
  if (close >= text.length || closeIndexAt(text, close) !== openIndexAt(text, open)) return undefined;
  return open + 1 === start && close === end ? undefined : { start: open + 1, end: close };
}

/** Whether a match is quoted: it holds quote marks, is quoted whole (“一心”), or is inside a quoted phrase (“一核、一心、两翼”). */
function inQuotes(text: string, match: TextMatch, term: string): boolean {
  return term !== match.text || (openIndexAt(text, match.start - 1) >= 0 && closeIndexAt(text, match.end) >= 0) || quotedAround(text, match.start, match.end) !== undefined;
}

/** Whether `text` has a UTF-16 surrogate unit. */
function hasSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return true;
  }
  return false;
}

/** The first unit of `text` that `index` places (OPEN_INDEX, CLOSE_INDEX), or -1. */
function firstUnitIn(text: string, index: Int8Array): number {
  for (let i = 0; i < text.length; i++) if (index[text.charCodeAt(i)] !== -1) return i;
  return -1;
}

/**
 * The quoted phrase a match cuts (content offsets), if any: the match holds one quote mark of a
 * pair and the phrase goes on outside it — 双”提升 read in “单改双”提升, 双百”工程 in “双十双百”工程
 * (the matcher ignores quotes, so a term can begin or end in the middle of a quoted name).
 */
function cutQuote(text: string, match: TextMatch): { start: number; end: number } | undefined {
  const inside = match.text;
  // Indexes counted in characters (code points), as they always were; without a surrogate in the
  // match they are its units, found with no array of one-character strings.
  const firstClose = hasSurrogate(inside) ? [...inside].findIndex((char) => CLOSE.includes(char)) : firstUnitIn(inside, CLOSE_INDEX);
  const firstOpen = hasSurrogate(inside) ? [...inside].findIndex((char) => OPEN.includes(char)) : firstUnitIn(inside, OPEN_INDEX);
  if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen)) {
    // A closing mark whose opening one is before the match: the match began inside the phrase.
    let open = match.start - 1;
    while (open >= 0 && match.start - open <= MAX_QUOTED && !isStop(text, open)) open -= 1;
    if (open >= 0 && OPEN.indexOf(text[open]!) === CLOSE.indexOf(inside[firstClose]!) && open + 1 < match.start) {
      return { start: open + 1, end: match.start + firstClose };
    }
  }
  let lastOpen = -1;
  for (let k = inside.length - 1; k >= 0 && !CLOSE.includes(inside[k]!); k -= 1) if (OPEN.includes(inside[k]!)) lastOpen = k;
  if (lastOpen >= 0) {
    // An opening mark whose closing one is after the match: the match ended inside the phrase.
    let close = match.end;
    while (close < text.length && close - match.end < MAX_QUOTED && !isStop(text, close)) close += 1;
    if (close < text.length && CLOSE.indexOf(text[close]!) === OPEN.indexOf(inside[lastOpen]!) && close > match.end) {
      return { start: match.start + lastOpen + 1, end: close };
    }
  }
  return undefined;
}

/**
 * The item of the quoted phrase `from…to` that holds `start…end` (content offsets), split at the
 * separators of an enumeration; undefined when the match is that item, alone or with a glued word.
 */
function partOfItem(text: string, from: number, to: number, start: number, end: number): { start: number; end: number } | undefined {
  let a = start;
  while (a > from && !isItemSeparator(text, a - 1)) a -= 1;
  let b = end;
  while (b < to && !isItemSeparator(text, b)) b += 1;
  const item = text.slice(a, b);
  const term = text.slice(start, end);
  return item === term || (a === start && GLUED_SUFFIXES.some((suffix) => item === term + suffix)) ? undefined : { start: a, end: b };
}

/** Characters that may follow a programme noun that ends a name: 和, 与, 等 join it to the next one. */
const AFTER_NAME = /[^\u3400-\u9fff\uf900-\ufaff]|[和与及等的]/u;

/**
 * The span of another programme that shares the numbered stem of the matched term (content
 * offsets), if any: the matcher found the term's distinctive stem (五个一 for 五个一工程,
 * core/senses.ts) and the text names it, right after the stem or its closing quote, with another
 * programme noun that ends the name — “五个一”责任 is a set of duties, not the 五个一工程 of prizes;
 * 十大重点改革 is not 十大重点工程. Nouns where one begins or ends the other (行动 / 行动计划 /
 * 专项行动) are the same kind; a noun that begins a longer word (“双十”战略性产业) names nothing.
 * Only numbered stems: a place numbers each programme of its own, while an unnumbered coinage is
 * called a 战略 one day and a 工程 the next (“东数西算”战略, 东数西算工程).
 */
function renamedStem(text: string, match: TextMatch): { start: number; end: number } | undefined {
  const stem = bare(match.text);
  let numbered = false;
  for (let k = 0; k < stem.length && !numbered; k++) numbered = isNumeral(stem, k);
  if (!numbered) return undefined;
  // The generic suffix the term adds to the stem, if any (one candidate: what follows the stem).
  const term = match.term === undefined ? undefined : bare(match.term);
  const rest = term !== undefined && term.length > stem.length && term.startsWith(stem) ? term.slice(stem.length) : undefined;
  const own = rest !== undefined && GENERIC_TERM_SUFFIXES.includes(rest) ? rest : undefined;
  if (own === undefined) return undefined;
  const after = CLOSE.includes(text[match.end] ?? '') ? match.end + 1 : match.end;
  const noun = PROGRAMME_NOUNS.find((candidate) => text.startsWith(candidate, after));
  if (noun === undefined || noun.startsWith(own) || own.startsWith(noun) || noun.endsWith(own) || own.endsWith(noun)) return undefined;
  const next = text[after + noun.length];
  if (next !== undefined && !AFTER_NAME.test(next)) return undefined;
  return { start: match.start, end: after + noun.length };
}

/**
 * Whether a numbered match is one link of a chain of numbered words it does not span: a numeral just
 * before it (三个一批 in 十三个一批), a numeral that is a word of its own with one to three characters
 * just before it (一枢纽 in 四中心一枢纽, 五化 in 三同五化; not 三项制度 in 进一步落实三项制度, nor after
 * 一是 or a count in digits), or such a numeral and a character just after it (五通 in 五通五有). A match
 * holding quote marks is a quoted name, no link. A neighbour that is itself a term match (六稳六保: two
 * terms side by side) makes no chain: `termEnds` and `termStarts` hold the offsets where term
 * matches end and start. Measured on all the corpus's report bodies: the word, 一是, digit and quote
 * conditions keep 103 term matches that were flagged (一律执行“两个先进”审查标准, 一批双创
 * 示范基地, 新增3家三甲医院…), 2 of them doubtful; `npm run eval`: explained +0.1–0.3 points.
 */
function chainLink(text: string, match: TextMatch, term: string, termEnds: OffsetSet, termStarts: OffsetSet): boolean {
  if (!isNumeral(term, 0)) return false;
  // A match that holds a quote mark is a quoted name, with or without a glued word: the words
  // before and after it are not its links (一律执行“两个先进”审查标准: 一律 is a word, not a count;
  // “十三五”时期三年: the next phrase).
  if (term !== match.text) return false;
  if (isNumeral(text, match.start - 1) && !termEnds.has(match.start)) return true;
  let at = match.start - 1;
  while (at >= 0 && match.start - at <= 3 && isHan(text, at)) at -= 1;
  // The numeral must not open a term that ends before the match (六稳和六保: 六稳 is a term of its own).
  let termBetween = false;
  for (let k = at + 1; k <= match.start; k++) if (termEnds.has(k)) termBetween = true;
  // 一是、二是… number the points of a passage: the numeral counts nothing of what follows; nor
  // does a count in digits (新增3家三甲医院: three hospitals that are 三甲).
  if (at < match.start - 1 && isNumeral(text, at) && !isNumeral(text, at - 1) && !termBetween && text.charCodeAt(at + 1) !== IS && !isArabicDigitAt(text, at) && numeralAlone(text, at)) return true;
  // After it likewise: a numeral that is a word of its own (五通|五|有), not a count in digits
  // (七通一平1万亩) nor a numeral inside a word (一般性支出|一律).
  return isNumeral(text, match.end) && isHan(text, match.end + 1) && !termStarts.has(match.end) && !isArabicDigitAt(text, match.end) && numeralAlone(text, match.end);
}

/** 是, after a numeral that numbers a point (一是、二是…). */
const IS = '是'.charCodeAt(0);

/**
 * Whether the numeral at `at` is a word of its own, by the runtime's word segmenter: a count that
 * opens a link of a chain (四|中心|一|枢纽, 三|同|五|化), not a numeral inside a word
 * (进一步|落实|三项制度, 统一, 唯一, 一体, 一律, 一批). True where Intl.Segmenter is missing.
 */
function numeralAlone(text: string, at: number): boolean {
  const words = segmenter();
  if (!words) return true;
  const from = Math.max(0, at - WORD_WINDOW);
  const word = words.segment(text.slice(from, Math.min(text.length, at + WORD_WINDOW))).containing(at - from);
  return word === undefined || (word.index === at - from && word.segment.length === 1);
}

/**
 * Offsets `0…size` of a text, one bit each: a report has a hundred thousand term matches, and a
 * Set of their starts and ends cost more than reading them in context.
 */
class OffsetSet {
  private readonly bits: Uint32Array;
  constructor(size: number) {
    this.bits = new Uint32Array((size >>> 5) + 1);
  }
  add(offset: number): void {
    if (offset >= 0 && offset >>> 5 < this.bits.length) this.bits[offset >>> 5]! |= 1 << (offset & 31);
  }
  has(offset: number): boolean {
    return offset >= 0 && ((this.bits[offset >>> 5] as number) & (1 << (offset & 31))) !== 0;
  }
}

/**
 * The first of `candidates` (sorted and non-overlapping, as scanSlogans gives them) that overlaps
 * `start…end` and `fits`. Found by halving, not by walking from the first: a long report has tens
 * of thousands of slogans and thousands of term matches to replace.
 */
function firstOverlapping(candidates: readonly SloganCandidate[], start: number, end: number, fits: (span: SloganCandidate) => boolean): SloganCandidate | undefined {
  // Candidates before `low` end at or before `start`: their ends grow with their starts.
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (candidates[mid]!.end <= start) low = mid + 1;
    else high = mid;
  }
  for (let c = low; c < candidates.length && candidates[c]!.start < end; c++) if (fits(candidates[c]!)) return candidates[c];
  return undefined;
}

/**
 * The matches of `text` (as `Matcher.scan` returns them: sorted, non-overlapping) with term
 * matches read in context. A term match that is a fragment of something longer is replaced by the
 * numbered slogan or quoted coinage the slogan detector finds around it (an `unknown-slogan`,
 * which the term had hidden), else as said below:
 * - a term of one character (三, 服: parts of entries such as “一停二拆三修复” or 放管服 split by
 *   the importer) is never a term in running text: dropped;
 * - a term written only in numerals found as numerals written otherwise (一五 in 15 or 十五, the
 *   12345 hotline in 一二三四五; see `numeralWrittenOtherwise`) is a quantity, an ordinal or another
 *   coinage: dropped (flagged where the slogan detector finds a coinage there);
 * - a term whose first numeral is a digit after a decimal point (两地 read in “2.2 地方…”: see
 *   `digitAfterPoint`) is a section number or a fraction: dropped; after a licence plate's head
 *   (12345 in “京·12345应急”: see `licencePlate`) a code: dropped;
 * - a term whose first numeral follows 第 (两水 read in 第二水源: see `ordinalNumeral`) is an
 *   ordinal: dropped;
 * - a two-character term that begins inside one word and ends inside the next, by the runtime's
 *   word segmenter (众创 read in 群众创造, 倍增 in 成倍增长: see `crossesWords`), is neither: dropped;
 * - a part of a numbered layout, a name only in quotes (`quotedOnly`: 一心 of “一心两翼”, defined
 *   “一心”即…; see matcher-base.ts `partEntry`), found unquoted is a word (团结一心, 三级医院):
 *   dropped, or flagged where the slogan detector finds a coinage there (一心两翼三带);
 * - a term inside a longer quoted phrase that is not one of the phrase's items, alone or with a
 *   glued generic word (两基 in “两高地、两基地、一屏障”, 六大行动 in “蓉城女性六大行动”; not 一城 in
 *   “一中心、一城、一区”, 三医联动 in “三医联动改革”), becomes an `unknown-slogan` spanning its item;
 * - a term that cuts a quoted name — begins inside the quotes and ends outside them, or the other
 *   way round (双提升 read as 双”提升 in “单改双”提升) — names something else: an `unknown-slogan`
 *   spanning the quoted name;
 * - a two-character term found as a digit and a character, unquoted and no part of a quoted phrase
 *   (三名 read in 3名: see `countInDigits`), is a count: dropped;
 * - a numbered term that is one link of a longer chain of numbered words (see `chainLink`) becomes
 *   an `unknown-slogan` of its own span;
 * - a term found by its stem (五个一 for 五个一工程) that the text names with another programme noun
 *   (“五个一”责任, see `renamedStem`) is that other programme: an `unknown-slogan`.
 * Sparing the page's own terms from the last two rules was tried: it keeps a place's own chained
 * slogans (“四精五有”, each part defined on its own) but lets through its old terms inside new
 * coinages (两基 in “两高地、两基地、一屏障”); on the 2023+ eval, contradictions rose from 21% to 25%
 * of the explained occurrences.
 * Two narrowings of the chain rules were tried with the page's place rule and not kept. Side by side
 * terms only as long as both have a meaning for the page (两山两水 on a 成都 page, where 两水 is only
 * 怀化's and 两山 was shown with the national meaning): it fires once in all the corpus text (that
 * 两山两水, a 2023 report; never in the 240 reports up to 2022, the Shanghai and national reports or
 * the 31 www.gov.cn pages), so nothing measured it. A known item of a quoted numbered list whose other
 * items are unknown flagged with the list (四集中 in “一就近、四集中”): on the reports up to 2022 it
 * fired 82 times, mostly on right explanations (一网通办 in “一号申请、一窗受理、一网通办”,
 * 一村一品, 一岗双责), and on the 2023+ eval it took 3 agreeing explanations (四化同步) and no
 * contradiction. Nor a numbered term read with a programme noun it lacks, glued on by the matcher
 * (重大慢性病防治“四早”工程 beside the epidemic 四早): on the 2022 rows it took 2 agreeing
 * explanations (“千村示范、万村整治”工程, “两化融合”工程) and no contradiction; the qualifier that
 * tells the chronic-disease programme apart cannot be told from a verb (实施, 持续开展) by position.
 * Three more were measured and not built (eval's second held-out row: collection ≤2020, reports of
 * 2021–2022). The text's own expansion beside a numbered term (“两癌”（乳腺癌、宫颈癌）, “五同”：规划同编…)
 * overruling the shown definition: 24 such expansions in all report bodies up to 2022, none beside a
 * numbered term the eval rows explain, so nothing to prove it on. The sentence around a numbered
 * term sharing none of the shown definition's content words: true of 37% of the agreeing
 * explanations and 32% of the contradicting ones (2022 rows; 41% / 38% on the ≤2020 row), no
 * signal. Two numbered terms side by side (the exemption above, 两山两水): 9 pairs in every report
 * body up to 2022, national and Shanghai ones included (三透四督四整三稳, 五馆三中心, 一点一点…),
 * too few and too mixed to tell a rule from a list.
 * Measured in session 11 and not built. Variant names between appendix and collection: of the
 * appendix-term occurrences neither explained nor flagged, 3 of 162 (2022 row) and 4 of 389 (≤2020
 * row) had a collection form within a few characters (3个国铁 / 3个国铁项目), each another thing;
 * of the flagged ones, 19 (2022) and 56 (≤2020) differ from a collection term by a programme
 * noun (九大攻坚行动 / 九大工程), mostly other programmes. A place's own numbered definition
 * being years old (a name reused, as 六个一批): contradicted 0 of 41 own numbered explanations 2+
 * years old on the 2022 row and 1 of 90 on the ≤2020 row (automatic judge), no signal. A term cut
 * at one end only by the word segmenter (一心 in 万众一心, which ICU reads 万|众|一心): by jieba,
 * 184 such two-character matches, mixed (三环, 五通 often right), so only both ends count.
 * Other matches pass unchanged, so a term shown keeps its place rules (core/sense-choice.ts): this
 * only keeps a term's meaning off text that names something else.
 *
 * Called through `readForPage` on every scan result before choosing senses or drawing highlights:
 * the content script (src/extension/content.ts), the PDF viewer (src/pdf/viewer.ts), the widget
 * (src/widget/widget.ts), and `scan` in the CLI (src/cli/commands/scan.ts).
 */
export function readInContext(text: string, matches: readonly TextMatch[]): TextMatch[] {
  const starts = new OffsetSet(text.length);
  const ends = new OffsetSet(text.length);
  // Indexed loops, not for…of or forEach: until the code is optimised, each step of an iterator
  // makes an object, and a report has a hundred thousand matches.
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    if (m.kind !== 'term') continue;
    starts.add(m.start);
    ends.add(m.end);
  }
  let candidates: SloganCandidate[] | undefined;
  const out: TextMatch[] = [];
  /** Flags what the slogan detector finds over `match`, else `fallback`, where it fits between the neighbours. */
  const replace = (i: number, match: TextMatch, fallback?: { start: number; end: number }) => {
    const low = out[out.length - 1]?.end ?? 0;
    const high = matches[i + 1]?.start ?? text.length;
    candidates ??= scanSlogans(text);
    const fits = (span: { start: number; end: number }) => span.start >= low && span.end <= high;
    const span = firstOverlapping(candidates, match.start, match.end, fits) ?? (fallback && fits(fallback) ? fallback : undefined);
    if (span) out.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end), kind: 'unknown-slogan' });
  };
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i]!;
    if (match.kind !== 'term') {
      out.push(match);
      continue;
    }
    const term = bare(match.text);
    if (underTwoCharacters(term) || numeralWrittenOtherwise(term, match.term) || digitAfterPoint(text, match) || licencePlate(text, match) || ordinalNumeral(text, match) || crossesWords(text, match, term) || (match.quotedOnly === true && !inQuotes(text, match, term))) {
      replace(i, match);
      continue;
    }
    // Without a quote mark in it, a match cuts no quoted name (and makes no arrays finding out).
    const cut = term === match.text ? undefined : cutQuote(text, match);
    if (cut) {
      replace(i, match, cut);
      continue;
    }
    const phrase = term === match.text ? quotedAround(text, match.start, match.end) : undefined;
    const item = phrase && partOfItem(text, phrase.start, phrase.end, match.start, match.end);
    if (item) replace(i, match, item);
    else if (countInDigits(text, match, term)) replace(i, match);
    else if (chainLink(text, match, term, ends, starts)) replace(i, match, match);
    else {
      const renamed = renamedStem(text, match);
      if (renamed) replace(i, match, renamed);
      else out.push(match);
    }
  }
  return out;
}

/**
 * How a page reads `text`, the one reading the extension's content script, the widget, `scan` in
 * the CLI and the eval share: `scan` (the matcher's raw scan), every term match read in context
 * (`readInContext`), then, where the page's place decides senses, `isElsewhere` (the term's chosen
 * sense is only other places' meaning, kind `elsewhere` in core/sense-choice.ts; undefined while
 * not known) narrows such matches to a term quoted whole inside them that has a meaning for the
 * page (`preferPlaceMeaning`).
 */
export function readForPage(text: string, scan: (text: string) => TextMatch[], isElsewhere?: (entryId: string) => boolean | undefined): TextMatch[] {
  const read = (part: string) => readInContext(part, scan(part));
  const matches = read(text);
  return isElsewhere ? preferPlaceMeaning(matches, read, isElsewhere) : matches;
}

/** A quoted phrase inside a match: “六稳” in “六稳”工作 (content offsets, relative to the match). */
const QUOTED_INSIDE = /[“‘「『]([^“”‘’「」『』]{2,})[”’」』]/gu;

/**
 * The matches with each term match that `isElsewhere` (its chosen sense is only other places'
 * meaning, kind `elsewhere` in core/sense-choice.ts) narrowed to a quoted term inside it that is
 * not: “六稳”工作 is a term only another city defines, while 六稳, quoted whole inside it, has the
 * page's own or central meaning. Only a term quoted whole is taken — the quotes say where the name
 * ends — never an unquoted fragment (三个一 in 三个一批, 双创 in 双安双创) nor a term that drops a
 * qualifier outside its quotes' reach. `scan` is the page's matcher (already read in context).
 *
 * Called through `readForPage`, wherever senses are chosen for a page: the content script and the
 * PDF viewer (with the choices the background sent, src/extension/entries.ts; the rescan once they
 * come is src/extension/place-rescan.ts), the widget with the collection (its
 * sense chooser, src/ui/sense-chooser.ts) and `scan --region` in the CLI.
 */
export function preferPlaceMeaning(
  matches: readonly TextMatch[],
  scan: (text: string) => TextMatch[],
  isElsewhere: (entryId: string) => boolean | undefined,
): TextMatch[] {
  return matches.map((match) => {
    if (match.kind !== 'term' || match.entryId === undefined || isElsewhere(match.entryId) !== true) return match;
    // An inner term whose choice is not known yet (undefined) is not narrowed to: it may be another place's too.
    const inner = quotedInnerTerms(match, scan).find((candidate) => isElsewhere(candidate.entryId!) === false);
    return inner ?? match;
  });
}

/**
 * The terms quoted whole inside a term match (“六稳”工作 → 六稳), with offsets into the text the
 * match came from: what `preferPlaceMeaning` may narrow the match to. The extension asks the
 * background for their sense choices before narrowing.
 */
export function quotedInnerTerms(match: TextMatch, scan: (text: string) => TextMatch[]): TextMatch[] {
  const found: TextMatch[] = [];
  for (const quoted of match.text.matchAll(QUOTED_INSIDE)) {
    const name = quoted[1]!;
    const inner = scan(name).find((m) => m.kind === 'term' && m.start === 0 && m.end === name.length);
    if (!inner?.entryId) continue;
    const start = match.start + quoted.index! + 1;
    found.push({ ...inner, start, end: start + name.length, text: name });
  }
  return found;
}
