// readInContext (src/core/match-context.ts) as first written, with a regular expression per
// character, Sets of offsets and a walk over every slogan: the straightforward reference that
// tests/core/reading-reference compares the faster reading with. A change of rules goes into both.
import { GENERIC_TERM_SUFFIXES } from '../../src/core/senses';
import { scanSlogans, type SloganCandidate } from './reference-slogans';
import type { TextMatch } from '../../src/core/types';
const NUMERALS = '零〇一二两三四五六七八九十百千双';
const NUMERAL = new RegExp(`^[${NUMERALS}0-9０-９]`, 'u');
/** CJK ideographs (a range, not \p{Script=Han}: a build for older browsers would spell that out in full). */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
const OPEN = '“‘「『';
const CLOSE = '”’」』';
/** What ends a search for the quote around a match: another quote mark or the end of a clause. */
const STOP = /[“”‘’「」『』。；;！？!?\n]/u;
/** What separates the items of a quoted enumeration (“一中心、一城、一区”, “金通工程+天府交邮通”). */
const ITEM_SEPARATOR = /[、，,；;／/\s·+＋]/u;
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

const isNumeral = (char: string | undefined) => char !== undefined && NUMERAL.test(char);
const isHan = (char: string | undefined) => char !== undefined && HAN.test(char) && !isNumeral(char);
const bare = (text: string) => text.replace(/[“”‘’「」『』"'〝〞＂]/gu, '');
const ONLY_NUMERALS = new RegExp(`^[${NUMERALS}0-9０-９]+$`, 'u');
const halfWidth = (text: string) => text.replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 0x30));
/** A term written only in numerals (一五, 12345) found as numerals written otherwise (15, 十五, 一二三四五). */
const numeralWrittenOtherwise = (written: string, term: string | undefined) =>
  term !== undefined && ONLY_NUMERALS.test(written) && ONLY_NUMERALS.test(bare(term)) && halfWidth(written) !== halfWidth(bare(term));

/** The quoted phrase (content offsets) that holds `start…end` and is longer than it, if any. */
function quotedAround(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let open = start - 1;
  while (open >= 0 && start - open <= MAX_QUOTED && !STOP.test(text[open]!)) open -= 1;
  if (open < 0 || !OPEN.includes(text[open]!)) return undefined;
  let close = end;
  while (close < text.length && close - open <= MAX_QUOTED && !STOP.test(text[close]!)) close += 1;
  if (close >= text.length || CLOSE.indexOf(text[close]!) !== OPEN.indexOf(text[open]!)) return undefined;
  return open + 1 === start && close === end ? undefined : { start: open + 1, end: close };
}

/**
 * The quoted phrase a match cuts (content offsets), if any: the match holds one quote mark of a
 * pair and the phrase goes on outside it — 双”提升 read in “单改双”提升, 双百”工程 in “双十双百”工程
 * (the matcher ignores quotes, so a term can begin or end in the middle of a quoted name).
 */
function cutQuote(text: string, match: TextMatch): { start: number; end: number } | undefined {
  const inside = match.text;
  const firstClose = [...inside].findIndex((char) => CLOSE.includes(char));
  const firstOpen = [...inside].findIndex((char) => OPEN.includes(char));
  if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen)) {
    // A closing mark whose opening one is before the match: the match began inside the phrase.
    let open = match.start - 1;
    while (open >= 0 && match.start - open <= MAX_QUOTED && !STOP.test(text[open]!)) open -= 1;
    if (open >= 0 && OPEN.indexOf(text[open]!) === CLOSE.indexOf(inside[firstClose]!) && open + 1 < match.start) {
      return { start: open + 1, end: match.start + firstClose };
    }
  }
  let lastOpen = -1;
  for (let k = inside.length - 1; k >= 0 && !CLOSE.includes(inside[k]!); k -= 1) if (OPEN.includes(inside[k]!)) lastOpen = k;
  if (lastOpen >= 0) {
    // An opening mark whose closing one is after the match: the match ended inside the phrase.
    let close = match.end;
    while (close < text.length && close - match.end < MAX_QUOTED && !STOP.test(text[close]!)) close += 1;
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
  while (a > from && !ITEM_SEPARATOR.test(text[a - 1]!)) a -= 1;
  let b = end;
  while (b < to && !ITEM_SEPARATOR.test(text[b]!)) b += 1;
  const item = text.slice(a, b);
  const term = text.slice(start, end);
  return item === term || (a === start && GLUED_SUFFIXES.some((suffix) => item === term + suffix)) ? undefined : { start: a, end: b };
}

/**
 * Whether a numbered match is one link of a chain of numbered words it does not span: a numeral just
 * before it (三个一批 in 十三个一批), a numeral with one to three characters just before it (一枢纽 in
 * 四中心一枢纽, 五化 in 三同五化), or a numeral and a character just after it (五通 in 五通五有).
 * A neighbour that is itself a term match (六稳六保: two terms side by side) makes no chain:
 * `termEnds` and `termStarts` hold the offsets where term matches end and start.
 */
function chainLink(text: string, match: TextMatch, termEnds: ReadonlySet<number>, termStarts: ReadonlySet<number>): boolean {
  if (!isNumeral(bare(match.text)[0])) return false;
  // A match that holds a quote mark: the words before and after it are not its links.
  if (bare(match.text) !== match.text) return false;
  const before = text[match.start - 1];
  if (isNumeral(before) && !termEnds.has(match.start)) return true;
  let at = match.start - 1;
  while (at >= 0 && match.start - at <= 3 && isHan(text[at])) at -= 1;
  // The numeral must not open a term that ends before the match (六稳和六保: 六稳 is a term of its own).
  let termBetween = false;
  for (let k = at + 1; k <= match.start; k++) if (termEnds.has(k)) termBetween = true;
  if (at < match.start - 1 && isNumeral(text[at]) && !isNumeral(text[at - 1]) && !termBetween && text[at + 1] !== '是' && !/[0-9０-９]/u.test(text[at]!) && numeralAlone(text, at)) return true;
  return isNumeral(text[match.end]) && isHan(text[match.end + 1]) && !termStarts.has(match.end) && !/[0-9０-９]/u.test(text[match.end]!) && numeralAlone(text, match.end);
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
  if (![...stem].some(isNumeral)) return undefined;
  const own = match.term === undefined ? undefined : GENERIC_TERM_SUFFIXES.find((suffix) => bare(match.term!) === stem + suffix);
  if (own === undefined) return undefined;
  const after = CLOSE.includes(text[match.end] ?? '') ? match.end + 1 : match.end;
  const noun = PROGRAMME_NOUNS.find((candidate) => text.startsWith(candidate, after));
  if (noun === undefined || noun.startsWith(own) || own.startsWith(noun) || noun.endsWith(own) || own.endsWith(noun)) return undefined;
  const next = text[after + noun.length];
  if (next !== undefined && !AFTER_NAME.test(next)) return undefined;
  return { start: match.start, end: after + noun.length };
}

/**
 * Whether a two-character term between two Chinese characters begins inside one word and ends
 * inside another, by the runtime's word segmenter reading four units either side (众创 in 群众创造).
 */
function crossesWords(text: string, match: TextMatch, term: string): boolean {
  if (term.length !== 2 || match.text.length !== 2 || !isHan(text[match.start - 1]) || !isHan(text[match.end])) return false;
  if (typeof Intl.Segmenter !== 'function') return false;
  const from = Math.max(0, match.start - 4);
  const window = text.slice(from, match.end + 4);
  const boundaries = new Set<number>();
  for (const word of new Intl.Segmenter('zh', { granularity: 'word' }).segment(window)) {
    boundaries.add(from + word.index);
    boundaries.add(from + word.index + word.segment.length);
  }
  return !boundaries.has(match.start) && !boundaries.has(match.end);
}

/** Whether the numeral at `at` is a word of its own by the word segmenter, four units either side (四 in 四|中心, not 一 in 进一步). */
function numeralAlone(text: string, at: number): boolean {
  if (typeof Intl.Segmenter !== 'function') return true;
  const from = Math.max(0, at - 4);
  for (const word of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text.slice(from, at + 4))) {
    if (from + word.index <= at && at < from + word.index + word.segment.length) return from + word.index === at && word.segment.length === 1;
  }
  return true;
}

/** The term matches of `text` read in context (src/core/match-context.ts readInContext says how). */
export function readInContext(text: string, matches: readonly TextMatch[]): TextMatch[] {
  const terms = matches.filter((m) => m.kind === 'term');
  const starts = new Set(terms.map((m) => m.start));
  const ends = new Set(terms.map((m) => m.end));
  let candidates: SloganCandidate[] | undefined;
  const out: TextMatch[] = [];
  /** Flags what the slogan detector finds over `match`, else `fallback`, where it fits between the neighbours. */
  const replace = (i: number, match: TextMatch, fallback?: { start: number; end: number }) => {
    const low = out[out.length - 1]?.end ?? 0;
    const high = matches[i + 1]?.start ?? text.length;
    candidates ??= scanSlogans(text);
    const fits = (span: { start: number; end: number }) => span.start >= low && span.end <= high;
    const span = candidates.find((c) => c.start < match.end && match.start < c.end && fits(c)) ?? (fallback && fits(fallback) ? fallback : undefined);
    if (span) out.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end), kind: 'unknown-slogan' });
  };
  matches.forEach((match, i) => {
    if (match.kind !== 'term') {
      out.push(match);
      return;
    }
    const term = bare(match.text);
    // A digit after a decimal point (2.2, 5.2.1) is a fraction or a section number, never a count.
    const afterPoint = /^[0-9０-９]/u.test(match.text) && /[.．]/u.test(text[match.start - 1] ?? '');
    // A numeral right after 第 is an ordinal (第二水源), never a numbered term.
    const ordinal = text[match.start - 1] === '第' && NUMERAL.test(match.text);
    if ([...term].length < 2 || numeralWrittenOtherwise(term, match.term) || afterPoint || ordinal || crossesWords(text, match, term)) return replace(i, match);
    const cut = cutQuote(text, match);
    if (cut) return replace(i, match, cut);
    const phrase = term === match.text ? quotedAround(text, match.start, match.end) : undefined;
    const item = phrase && partOfItem(text, phrase.start, phrase.end, match.start, match.end);
    // A two-character term of a Chinese numeral found as a digit and a character, unquoted (3名): a count.
    const count = term.length === 2 && /^[0-9０-９]/u.test(match.text) && !/^[0-9０-９]/u.test(match.term ?? '1') && !OPEN.includes(text[match.start - 1] ?? 'x');
    if (item) replace(i, match, item);
    else if (count) replace(i, match);
    else if (chainLink(text, match, ends, starts)) replace(i, match, match);
    else {
      const renamed = renamedStem(text, match);
      if (renamed) replace(i, match, renamed);
      else out.push(match);
    }
  });
  return out;
}
