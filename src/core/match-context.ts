// Term matches read in their context: a term found as a fragment of a longer coinage the glossary
// does not know (两基 in “两高地、两基地、一屏障”, 五化 in 三同五化) is that coinage, not the term.
import { scanSlogans, type SloganCandidate } from './slogans';
import type { TextMatch } from './types';

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
/** The longest quoted phrase looked at: beyond it, a quote is a citation, not a coinage. */
const MAX_QUOTED = 24;

const isNumeral = (char: string | undefined) => char !== undefined && NUMERAL.test(char);
const isHan = (char: string | undefined) => char !== undefined && HAN.test(char) && !isNumeral(char);
const bare = (text: string) => text.replace(/[“”‘’「」『』"'〝〞＂]/gu, '');

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
  const before = text[match.start - 1];
  if (isNumeral(before) && !termEnds.has(match.start)) return true;
  let at = match.start - 1;
  while (at >= 0 && match.start - at <= 3 && isHan(text[at])) at -= 1;
  // The numeral must not open a term that ends before the match (六稳和六保: 六稳 is a term of its own).
  let termBetween = false;
  for (let k = at + 1; k <= match.start; k++) if (termEnds.has(k)) termBetween = true;
  if (at < match.start - 1 && isNumeral(text[at]) && !isNumeral(text[at - 1]) && !termBetween) return true;
  return isNumeral(text[match.end]) && isHan(text[match.end + 1]) && !termStarts.has(match.end);
}

/**
 * The matches of `text` (as `Matcher.scan` returns them: sorted, non-overlapping) with term
 * matches read in context. A term match that is a fragment of something longer is replaced by the
 * numbered slogan or quoted coinage the slogan detector finds around it (an `unknown-slogan`,
 * which the term had hidden), else as said below:
 * - a term of one character (三, 服: parts of entries such as “一停二拆三修复” or 放管服 split by
 *   the importer) is never a term in running text: dropped;
 * - a term inside a longer quoted phrase that is not one of the phrase's items, alone or with a
 *   glued generic word (两基 in “两高地、两基地、一屏障”, 六大行动 in “蓉城女性六大行动”; not 一城 in
 *   “一中心、一城、一区”, 三医联动 in “三医联动改革”), becomes an `unknown-slogan` spanning its item;
 * - a term that cuts a quoted name — begins inside the quotes and ends outside them, or the other
 *   way round (双提升 read as 双”提升 in “单改双”提升) — names something else: an `unknown-slogan`
 *   spanning the quoted name;
 * - a numbered term that is one link of a longer chain of numbered words (see `chainLink`) becomes
 *   an `unknown-slogan` of its own span.
 * Sparing the page's own terms from the last two rules was tried: it keeps a place's own chained
 * slogans (“四精五有”, each part defined on its own) but lets through its old terms inside new
 * coinages (两基 in “两高地、两基地、一屏障”); on the 2023+ eval, contradictions rose from 21% to 25%
 * of the explained occurrences.
 * Other matches pass unchanged, so a term shown keeps its place rules (core/sense-choice.ts): this
 * only keeps a term's meaning off text that names something else.
 *
 * Called through `readForPage` on every scan result before choosing senses or drawing highlights:
 * the content script (src/extension/content.ts), the PDF viewer (src/pdf/viewer.ts), the widget
 * (src/widget/widget.ts), and `scan` in the CLI (src/cli/commands/scan.ts).
 */
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
    if ([...term].length < 2) return replace(i, match);
    const cut = cutQuote(text, match);
    if (cut) return replace(i, match, cut);
    const phrase = term === match.text ? quotedAround(text, match.start, match.end) : undefined;
    const item = phrase && partOfItem(text, phrase.start, phrase.end, match.start, match.end);
    if (item) replace(i, match, item);
    else if (chainLink(text, match, ends, starts)) replace(i, match, match);
    else out.push(match);
  });
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
