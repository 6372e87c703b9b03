// Imports a report's 名词解释 appendix, read from its structure rather than from known layouts: a
// heading line that names the appendix (or, without one, a closing run of numbered entries), entries
// segmented by one consistent marker (`1.` `1、` `（1）` `[1]` `【1】` `〔1〕` … `⑴` `❶` `㈠` `Ⅰ.` `1）`
// `A.` `第一条`, or unnumbered `term：definition` lines, also behind a bullet ◆ ● ■ …), and each entry
// split into head and definition.
import { APPENDIX_KINDS, APPENDIX_NAMES } from './appendix-words';
import { buildEntries, DEFINITION_LABEL } from './entries';
import { circledNumber } from './marks';
import { readReportHead } from './report-head';
import { dashOutsideQuotes, splitNote } from './notes';
import type { ImportOptions } from './options';
import { cleanHead, PAGE_REFERENCE_FIRST, stripQuotes, unspaced } from './term-forms';
import type { ImportProblem, ImportResult, RawNote } from './types';

/**
 * The words that name the appendix: 名词解释, 名词注释, 名词注解, 名词说明, 名词释义, 名词解析, 名词解读,
 * 名词简释, the same of 词语, 用语, 术语, 词汇, 关键词, 新词 or 热词 (also with 的 between: 有关词语的
 * 解释), or a heading that is only 注释, 注解, 释义, 附注, 注释说明, 术语表, 知识链接, 小知识 or 注： (附：注释).
 */
const HEADING_WORD = new RegExp(`(?:${APPENDIX_NAMES})的?(?:${APPENDIX_KINDS})|^(?:附[录件]?[一二三1-3]?[：:、\\s]*)?(?:(?:注释|注解|释义|附注|注释说明|术语表|知识链接|小知识)[：:]?|注[：:])$`, 'u');
/**
 * A heading glued to the end of the last paragraph (`…奋斗！主要名词解释：1、…`), or opening the line
 * its entries run on (`名词解释：“两重”：…；“两新”：…`).
 */
const GLUED_HEADING = /(?:^|[。！？!?])[ \t]*(?:\*\*)?[^。！？!?\n，,：:“”]{0,16}?(?:名词|词语|用语|术语)(?:解释|注释|说明|释义)[^。！？!?\n，,“”]{0,12}?(?:[：:]|\*\*|(?=\n)|(?=\s*(?:\d|（\d)))(?:\*\*)?/gmu;
const OPEN = '[（(［\\[【〔﹝〖]';
const CLOSE = '[）)］\\]】〕﹞〗]';
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
/**
 * What may stand before a bold head on its line (web page, Word paragraph): nothing but an entry's
 * number (`1.`, `（1）`, `①`). The HTML and Word readers mark such a bold run with `**` for BOLD_HEAD.
 */
export const BEFORE_BOLD_HEAD = /^[\s\d.．、（）()①-⑳]{0,8}$/u;
/** A head set in bold without a colon: `**五大工程** 大力实施…`. */
const BOLD_HEAD = /^\*\*(?=[^\s*])([^*\n：:。，；]{1,30})(?<=\S)\*\*[^\S\n]*(?=[^\s*：:])/u;
/**
 * An entry number inside the bold run of a head without a colon: `**1. 三清行动**…`,
 * `**（1）三清行动**…` (not `**1.“三清”行动**”：…`, whose colon heads it).
 */
const BOLD_NUMBER = /^(\s*)\*\*(\s*(?:[0-9０-９]{1,3}\s*[.．、]|[（(][0-9０-９]{1,3}[）)]|[①-⑳])\s*)(?=[^*\s][^*\n：:]*\*\*(?!\s*[：:”」*]))/u;
/** A head set off by a space instead of a colon: `九大工程 指优先发展…`, `两不愁、三保障 指…`. */
const SPACED_HEAD = /^([^\s：:。，；,;、](?:[^\s：:。，；,;]{0,28}[^\s：:。，；,;、])?)[^\S\n]+(?=\S)/u;
/**
 * A line of the web page a report is republished on, not of the report: `来源：XX市人民政府`,
 * `责任编辑：王某`, `发布时间：…`. Its label reads like a term before a colon, so after unnumbered
 * entries it would become one (来源, “defined” as 无锡市人民政府, was highlighted on every page
 * saying 来源：新华社).
 */
const PAGE_FURNITURE = /^[【[]?(?:(?:信息|文章|稿件|内容)?来源|(?:责任|网络|值班)?编辑|作者|撰稿|供稿|录入|审核|审校|校对|发布(?:时间|日期|机构|单位|者)?|(?:更新|发文|成文|印发|公开)(?:时间|日期)|日期|时间|字号|浏览(?:次数|量)?|点击(?:数|量|率)?|阅读(?:次数|量)?|访问量|分享到?|索引号|主题分类|文号|发文(?:字号|机关)|信息分类|(?:联系)?电话|邮编|地址|(?:主办|承办|协办|运维|维护)(?:单位)?|技术支持|网站标识码|(?:ICP)?备案(?:号|编号)?|版权所有|联系方式|(?:电子)?邮箱|传真)[】\]]?\s*[：:]/u;
/** A line in brackets that credits who compiled the page: `（市政府办公厅 年鉴处）`, `（本文有删减）`. */
const CREDIT_LINE = /^[（(][^（）()]{0,30}(?:办公厅|办公室|年鉴|供稿|整理|来源|编辑|删减|删节|节选|摘编)[^（）()]{0,30}[）)]$/u;
/**
 * A page's number left in a report's text (a PDF or Word file saved as text): `— 23 —`, `- 23 -`,
 * `23`, `第 23 页`, `第23页 共30页`, `23/30`. Inside the appendix it is passed over: neither an entry
 * nor the end of the list, nor a break in the definition it interrupts.
 */
const PAGE_NUMBER_LINE = /^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/u;
const PAIR_START = /^[【[]?报告原文/u;
const PAIR = /[【[]?报告原文[】\]]?[：:]?([\s\S]*?)[【[]?解释[】\]]?[：:]([\s\S]*)/u;
/** Lines that only describe the list, such as （以在报告中出现的先后为序）. */
const MAX_PREAMBLE_LINES = 3;
const MAX_HEAD = 30;

interface NumberedLine {
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
 * The bullets a list may open its entries with (◆ ● ■ ▲ ★ • ※ ➢ √ Ø, a symbol font's private-use
 * bullet), as a class body.
 */
const BULLETS = '◆◇●○■□▲△▶►▸▹▪▫◦•‣⁃·・※√✓✔➢➣➤→☆★❖◎Ø\\uf000-\\uf0ff';
const LEADING_MARKS = new RegExp(`^[\\s>#*\\-${BULLETS}]+(?=\\S)`, 'u');

function stripDecoration(line: string): string {
  const uncommented = line
    .replace(/<!--[\s\S]*?-->/gu, '')
    // A Markdown link is read as its text (`[三清行动](https://…)：…`, a page saved as Markdown).
    .replace(/\[([^[\]\n]+)\]\([^()\s]*\)/gu, '$1')
    // An entry number set in bold with its head (`**1. 三清行动**`) goes before the bold run.
    .replace(BOLD_NUMBER, '$1$2**')
    // A bold run opened inside the term's quote (`“**金包金”工程**`) is the bold head it was meant to be.
    .replace(/^(\s*)([“「])\*\*(?=[^*\n]{1,30}\*\*)/u, '$1**$2');
  // A bold head opening the line (`**三清行动** 清河道…`, also after a bullet) keeps its marks: they
  // say where the term ends.
  const bulleted = uncommented.replace(new RegExp(`^[\\s>#\\-${BULLETS}]+(?=\\*\\*)`, 'u'), '');
  if (BOLD_HEAD.test(bulleted) && !/\*\*\s*$/u.test(bulleted.slice(BOLD_HEAD.exec(bulleted)![0].length))) return bulleted.trim();
  const stripped = uncommented
    // Markdown's marks and bullets.
    .replace(LEADING_MARKS, '')
    .replace(/^\*+|\*+$/gu, '')
    .trim()
    // A note's label before its number (`注①：三区三线，指…`, `注1：…`, `注（1）…`, `[注1]…`): the number is the entry's.
    .replace(NOTE_LABEL, (_label, number: string | undefined, bracketed: string | undefined) => `${number ?? bracketed} `);
  // A dash used as a bullet (`— 三清行动：…`, `——三清行动：…`): taken off only before a head
  // line, as reports open running sentences with —— too (——经济实现稳步增长。).
  const dashed = DASH_BULLET.exec(stripped);
  return dashed && isHeadLine(stripped.slice(dashed[0].length), true) ? stripped.slice(dashed[0].length) : stripped;
}

/** 注 before an entry number (`注1：`, `注①`, `注（1）`) or with it in brackets (`[注1]`, `【注1】`), and a colon after it. */
const NOTE_LABEL = /^(?:注\s*([①-⑳]|[0-9０-９]{1,2}(?=\s*[：:])|[（(［[【〔]\s*[0-9０-９]{1,2}\s*[）)］\]】〕])|[［[【〔]\s*注\s*([0-9０-９]{1,2})\s*[］\]】〕])\s*[：:]?\s*/u;

/** Dashes opening a line as a bullet: — ——, ― or a full-width hyphen. */
const DASH_BULLET = /^[—―－]{1,2}[^\S\n]*(?=\S)/u;

/**
 * A head in brackets instead of before a colon: `【三个一批】签约一批、开工一批…`. The brackets'
 * text must read as a term: no sentence punctuation, not a number (an entry marker), not the
 * page's labels (【来源】) nor the 报告原文/解释 parts.
 */
const BRACKET_HEAD = /^(?:[【〖]([^【】〖〗\n]{1,30})[】〗]|[[［](?!\^)([^[\]［］\n]{1,30})[\]］](?![(（]))[^\S\n]*(?:[：:]|——|—)?[^\S\n]*(?=\S)/u;

function bracketHead(line: string): { head: string; definition: string } | undefined {
  const match = BRACKET_HEAD.exec(line.replace(/\*\*/gu, ''));
  const head = (match?.[1] ?? match?.[2])?.trim() ?? '';
  if (!match || head.length === 0 || /[。，；！？,;!?]/u.test(head) || /^[0-9０-９]+$/u.test(head)) return undefined;
  if (/^(?:报告原文|解释)$/u.test(head) || HEADING_WORD.test(head) || PAGE_FURNITURE.test(`${head}：`)) return undefined;
  return { head, definition: line.replace(/\*\*/gu, '').slice(match[0].length).trim() };
}

/**
 * A head a page reference ends instead of a colon (`三个一批（第3页）签约一批…`): a short name, no
 * sentence punctuation or quotes in it, Chinese text after the reference.
 */
const PAGE_HEAD = new RegExp(`^([^，。；：:、“”「」\\s（(]{2,20})(${PAGE_REFERENCE_FIRST.source.slice(1)})[^\\S\\n]*(?=\\p{Script=Han})`, 'u');

function pageHead(line: string): { head: string; definition: string } | undefined {
  const match = PAGE_HEAD.exec(line.replace(/\*\*/gu, ''));
  if (!match || !/\p{Script=Han}/u.test(match[1]!)) return undefined;
  return { head: match[1]!, definition: line.replace(/\*\*/gu, '').slice(match[0].length).trim() };
}

/**
 * A head set off by a dash instead of a colon: `四个不摘——摘帽不摘责任…` (also — alone, －－ and
 * --). Only where no colon sets off a head (天府信用通——广融通平台：… is headed by its colon), and
 * not a dash inside quotes or brackets (（2021—2025年）) nor after a digit (从2012—2014年). The
 * head must read as a term: Chinese, short, no sentence punctuation.
 */
function dashHead(text: string): { head: string; definition: string } | undefined {
  if (colonHead(text)) return undefined;
  const i = dashOutsideQuotes(text);
  if (i === -1) return undefined;
  const width = text[i + 1] === text[i] ? 2 : 1;
  const head = text.slice(0, i).trim();
  const definition = text.slice(i + width).trim();
  const bare = bareHead(head);
  if (definition.length === 0 || [...head].length > MAX_HEAD || !/[\u3400-\u9fff]/u.test(head) || /[0-9０-９]$/u.test(head)) return undefined;
  return /[。，；！？,;!?、\s|]/u.test(bare) ? undefined : { head, definition };
}

/**
 * `head` without its quoted parts (“…” 「…」) and, unless `brackets` is false, its bracketed ones
 * (（…）): the part that must read as a term, free of sentence punctuation.
 */
function bareHead(head: string, { brackets = true }: { brackets?: boolean } = {}): string {
  const unquoted = head.replace(/[“「][^“”「」]*[”」]/gu, '');
  return brackets ? unquoted.replace(/[（(][^）)]*[）)]/gu, '') : unquoted;
}

/** Position of the first colon outside “…” quotes, or -1. */
function headColon(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '“' || char === '「') depth += 1;
    else if (char === '”' || char === '」') depth = Math.max(0, depth - 1);
    else if ((char === '：' || char === ':') && depth === 0) return i;
  }
  return -1;
}

/**
 * Whether `line` reads `term：definition`: a short head before the first colon (outside quotes)
 * without sentence punctuation outside quotes and brackets, and something after the colon; unless
 * `colonOnly`, also `【term】definition`, `term——definition` (bracketHead, dashHead) or a bold
 * head without a colon, `**term** definition` (BOLD_HEAD).
 */
function isHeadLine(line: string, colonOnly = false): boolean {
  // `解释：…` under a term alone on its line labels the definition (entries.ts DEFINITION_LABEL).
  if (PAIR_START.test(line) || DEFINITION_LABEL.test(line)) return false;
  const text = line.replace(/\*\*/gu, '');
  return colonHead(text) || (!colonOnly && (bracketHead(text) !== undefined || dashHead(text) !== undefined || verbHead(text) !== undefined || pageHead(text) !== undefined || BOLD_HEAD.test(line)));
}

/**
 * A quoted head followed by 是指, 指的是, 主要指 or 即 (`“三个一批”是指签约一批…`): the quotes say
 * where the term ends. The definition is kept as written, the verb included.
 */
const VERB_HEAD = /^([“「][^“”「」]{1,30}[”」]\p{Script=Han}{0,6}?)[，,]?(?=是指|指的是|主要是指|主要指|即)/u;

/**
 * An unquoted head before 是指, 指的是, 主要指 or 指 (`1.三个一批是指签约一批…`, `1.三个一批，指…`), or
 * before a comma and 即 (`三个一批，即…`; 即 right after a word is often part of it, 立即):
 * numbered entries, and unnumbered ones in a list that opens with two such lines (`listEntry`; an
 * unnumbered line that explains a word so elsewhere may be a definition's next sentence). 指 begins
 * no word here that goes on (指挥, 指标, 指导…).
 */
const PLAIN_VERB_HEAD = /^([^，。；：:“”「」\s]{2,14}?)(?:[，,]?(?=是指|指的是|主要是指|主要指|即指|指(?![挥标导数南引令定出示向明望责控纹针]))|[，,](?=即(?![时将使便刻])))/u;

function plainVerbHead(text: string): { head: string; definition: string } | undefined {
  const match = PLAIN_VERB_HEAD.exec(text);
  if (!match || colonHead(text) || !/[\u3400-\u9fff]/u.test(match[1]!)) return undefined;
  return { head: match[1]!, definition: text.slice(match[0].length).trim() };
}

function verbHead(text: string): { head: string; definition: string } | undefined {
  const match = VERB_HEAD.exec(text);
  if (!match || colonHead(text)) return undefined;
  return { head: match[1]!, definition: text.slice(match[0].length).trim() };
}

/** Whether `text` (no bold marks) reads `term：definition`, as isHeadLine says. */
function colonHead(text: string): boolean {
  const colon = headColon(text);
  if (colon <= 0 || colon === text.length - 1) return false;
  const head = text.slice(0, colon).trim();
  // 问： and 答： open a question and its answer, never a term; a colon after a point of the
  // definition (`一湖四环、一湖四片 （1）一湖四环：…`) heads that point, not the entry.
  if ([...head].length > MAX_HEAD || /^(?:问|答|Q|A)$/u.test(head) || POINT_IN_HEAD.test(head)) return false;
  const bare = bareHead(head);
  return !/[。，；！？,;!?]/u.test(bare);
}

/** Whether `text` opens a bracket it does not close. */
const bracketOpen = (text: string): boolean => (text.match(/[（(]/gu)?.length ?? 0) > (text.match(/[）)]/gu)?.length ?? 0);

/**
 * An unnumbered entry whose head is set off by a space, or is a quoted name the definition follows
 * at once, one entry a line (杭州's appendices 2009–2013: `潮汐交通组织形式 指在不同的时间内…`,
 * `“低收入农户奔小康”工程 指…`, `六大战略、“七难”问题 六大战略指…`, `Wi-Fi 当今使用最广的…`,
 * `“八个有”有收入、有房住…`). The head reads as a term or a list of terms (no sentence
 * punctuation but 、); the definition as a sentence (ends a sentence, has Chinese in it).
 * Only where the appendix opens with two such lines (startsEntry), and then every such line is an
 * entry of it.
 */
function spacedEntry(line: string): { head: string; definition: string } | undefined {
  const text = line.replace(/\*\*/gu, '').trim();
  if (!/[。；！？）)”]$/u.test(text)) return undefined;
  // The first space ends the head, whatever follows it (`第三方与国际物流 第三方物流：…`); a quoted
  // head with no space after it only where no other reader takes the line (a colon, a dash,
  // brackets, bold, 是指).
  const spaced = /^([^\s：:。，；,;！？!?]{2,40}?)[^\S\n]+(?=[\p{Script=Han}“「‘A-Za-z0-9（(《])/u.exec(text);
  const quoted = spaced || isHeadLine(line) ? undefined : /^([“「][^“”「」\s：:。，；,;]{1,20}[”」])(?=[^\s，,。；：:、”」])/u.exec(text);
  const match = spaced ?? quoted;
  if (!match) return undefined;
  const head = match[1]!;
  const definition = text.slice(match[0].length).trim();
  if ([...bareHead(head)].length > MAX_HEAD || !/[\p{Script=Han}A-Za-z]/u.test(head) || /^[0-9０-９.．、]+$/u.test(head)) return undefined;
  if ([...definition].length < 6 || !/\p{Script=Han}/u.test(definition)) return undefined;
  return { head, definition };
}

/**
 * An unnumbered `term。definition` line (`三区三线。城镇空间、农业空间…`): a head ended by 。 that the
 * report's body writes (`body`, its quotes taken out), and a sentence after it. Nothing else marks
 * such a head, so the body must name it: a definition's own next sentence (`主要包括三个方面。一是…`)
 * is not a term the report uses.
 */
function bodyStopEntry(text: string, body: () => string): boolean {
  const read = stopHead(text);
  if (!read || !/[。；！？）)”]$/u.test(text) || [...read.definition].length < 6 || !/\p{Script=Han}/u.test(read.definition)) return false;
  const head = stripQuotes(read.head);
  return [...head].length >= 2 && body().includes(head);
}

/** The text before `end` without its quotes, made when first asked for (a page may be megabytes long). */
function quotelessBefore(text: string, end: number): () => string {
  let body: string | undefined;
  return () => (body ??= stripQuotes(text.slice(0, end)));
}

/**
 * An unnumbered entry line of a list whose heads are set off by a space (`spacedEntry`), by the
 * verb of its definition (`三区三线，指…`, `五好园区是指…`: `plainVerbHead`) or by 。 after a term the
 * body writes (`bodyStopEntry`).
 */
function listEntry(line: string, body: () => string): boolean {
  if (spacedEntry(line) !== undefined) return true;
  const text = line.replace(/\*\*/gu, '').trim();
  return plainVerbHead(text) !== undefined || bodyStopEntry(text, body);
}

/** Whether at least two of the first lines after a heading are `listEntry` lines. */
function opensSpacedEntries(lines: readonly string[], body: () => string): boolean {
  return lines.filter((line) => listEntry(line, body)).length >= 2;
}

/**
 * Reads a leading entry number, preferring the expected one (so `5.251三年行动计划` is entry 5);
 * numbers in Chinese numerals (`（一）` `一、`) only when `han`.
 */
function readNumber(line: string, expected: number, han = false): NumberedLine | undefined {
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

/** Whether the text right after a heading starts like an appendix entry; `body` is the text before the heading, quotes taken out. */
function startsEntry(text: string, body: () => string): boolean {
  const lines = text
    .split('\n')
    .map((line) => asEntryLine(stripDecoration(line)))
    .filter((line) => line.length > 0)
    .slice(0, MAX_PREAMBLE_LINES + 2);
  if (opensSpacedEntries(lines.slice(0, MAX_PREAMBLE_LINES + 2), body)) return true;
  return lines.slice(0, MAX_PREAMBLE_LINES + 1).some((line, i) => {
    const numbered = readNumber(line, 1, true);
    const next = lines[i + 1] ?? '';
    if (numbered) {
      const rest = numbered.rest;
      return numbered.number <= 2 && (/[：:]/u.test(rest) || PAIR_START.test(rest) || BOLD_HEAD.test(rest) || SPACED_HEAD.test(rest.replace(/\*\*/gu, '')) || bracketHead(rest) !== undefined || dashHead(rest) !== undefined || verbHead(rest) !== undefined || pageHead(rest) !== undefined || stopHead(rest, numbered.number + 1) !== undefined || plainVerbHead(rest) !== undefined || quotedLead(rest) !== undefined || termThenSentence(rest, next));
    }
    return isHeadLine(line) || PAIR_START.test(line) || termThenSentence(line, next);
  });
}

/**
 * Whether `line` is a term alone on its line (short, Chinese, no punctuation but quotes and
 * brackets) and `next` a sentence that is not itself numbered: a term line, its definition on the
 * line after (`三个一批` / `签约一批、开工一批、投产一批。`, also `三个一批：` / …), as pages set bold
 * terms apart.
 */
function termThenSentence(line: string, next: string): boolean {
  // A term line may end at its colon (`三个一批：` / `签约一批…`).
  const text = line.replace(/\*\*/gu, '').trim().replace(/[：:]$/u, '');
  if ([...text].length > MAX_HEAD || !/[\u3400-\u9fff]/u.test(text) || /[：:。，；！？,;!?、\s]/u.test(text) || /^[（(]/u.test(text) || PAGE_FURNITURE.test(`${text}：`)) return false;
  if (HEADING_WORD.test(text) || PAIR_START.test(text) || PAIR_START.test(next)) return false;
  return /[。；！？]$/u.test(next) && !readNumber(next, 1, true) && !isHeadLine(next);
}

/** Cells of a table header, not an entry: 名词 | 解释. */
const TABLE_HEADER = /^(?:序号|编号|名词|术语|词语|名称|提法|简称|用语)$|^(?:解释|释义|含义|说明|内容|注释|名词解释)$/u;

/**
 * A table row as an entry line: `| 1 | 三个一批 | 签约一批… |` (a markdown table) or the same
 * cells set apart by tabs (a table pasted as text) reads `1.三个一批：签约一批…`; a separator or
 * header row reads as nothing. Any other line is returned as it is, so is a line already headed
 * by a colon.
 */
function asEntryLine(line: string): string {
  const asked = questionHead(line);
  if (asked !== undefined) return asked;
  if (ANSWER.test(line)) return line.replace(ANSWER, '');
  const separated = separatedHead(line);
  if (separated !== undefined) return separated;
  if (!line.startsWith('|') && (!line.includes('\t') || colonHead(line))) return line;
  const cells = line.split(/\t|(?<!\\)\|/u).map((cell) => cell.trim()).filter((cell) => cell.length > 0);
  if (cells.length === 0 || cells.every((cell) => /^:?-{2,}:?$/u.test(cell) || TABLE_HEADER.test(cell))) return '';
  const number = /^[0-9０-９]{1,3}[.．、]?$/u.test(cells[0] ?? '') ? cells.shift()!.replace(/[.．、]$/u, '') : undefined;
  if (cells.length !== 2) return line;
  return `${number === undefined ? '' : `${number}.`}${cells[0]}：${cells[1]}`;
}

/**
 * A question asking for a term, as a Q&A sets its entries out (`问：什么是“三清行动”？`,
 * `1.什么是三清行动？`, `“三清行动”是什么？`): the line as the term's head alone (`1.三清行动：`),
 * its answer on the lines after (ANSWER's mark taken off).
 */
const QUESTION = /^((?:[0-9０-９]{1,3}\s*[.．、]|[（(][0-9０-９]{1,3}[）)])?\s*)(?:(?:问|Q)\s*[：:])?\s*(?:什么(?:是|叫)|何为|何谓)\s*(.{1,30}?)\s*[？?]$|^((?:[0-9０-９]{1,3}\s*[.．、]|[（(][0-9０-９]{1,3}[）)])?\s*)(?:(?:问|Q)\s*[：:])?\s*(.{1,30}?)\s*(?:是什么|指什么|是指什么|的含义是什么)\s*[？?]$/u;
/** The mark opening an answer: `答：` `A：`. */
const ANSWER = /^(?:答|A)\s*[：:]\s*/u;

function questionHead(line: string): string | undefined {
  const match = QUESTION.exec(line);
  if (!match) return undefined;
  const number = match[1] ?? match[3] ?? '';
  const term = (match[2] ?? match[4] ?? '').trim();
  // The term must read as one: no sentence punctuation outside its quotes.
  if (term.length === 0 || /[。，；！？,;!?：:]/u.test(bareHead(term)) || !/[\u3400-\u9fff]/u.test(term)) return undefined;
  return `${number}${term}：`;
}

/**
 * A term and its definition set apart by a vertical bar (`三清行动｜清垃圾…`, `三清行动 | 清垃圾…`) or
 * a slash between spaces (`三清行动 / 清垃圾…`), after an entry number or not: read as
 * `三清行动：清垃圾…`. Only where what stands before the bar reads as a term.
 */
function separatedHead(line: string): string | undefined {
  if (line.startsWith('|') || colonHead(line)) return undefined;
  const match = /^(.*?)(?:[^\S\n]*｜[^\S\n]*|[^\S\n]+[|/／][^\S\n]+)(?=\S)/u.exec(line);
  if (!match) return undefined;
  const before = match[1]!.trim();
  const numbered = readNumber(before, 1);
  const head = numbered ? numbered.rest.trim() : before;
  if (head.length === 0 || [...head].length > MAX_HEAD || !/[\u3400-\u9fff]/u.test(head) || /[。，；！？,;!?：:、|｜]/u.test(bareHead(head))) return undefined;
  return `${before}：${line.slice(match[0].length)}`;
}

/** Spaces between two Han characters: a heading set with letter spacing (`名 词 解 释`, or full-width spaces). */
const SPACE_IN_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/** Whether a whole line is a heading naming the appendix (`【名词解释】`, `附录一：《政府工作报告》名词解释`, `名 词 解 释`). */
function isHeadingLine(line: string): boolean {
  const text = stripDecoration(line.replace(/<!--\s*([\s\S]*?)\s*-->/gu, '$1')).replace(/\*\*/gu, '').replace(SPACE_IN_HAN, '');
  return HEADING_WORD.test(text) && [...text].length <= 50 && !/[。；]$/u.test(text) && !/^\d/u.test(text);
}

/**
 * Offset just after the heading that starts the 名词解释 appendix, or -1 when there is none. The
 * heading is the last line (or end of a paragraph) naming the appendix that entries follow; with no
 * heading, the appendix is a closing run of numbered `term：definition` lines starting at 1 (unless `headless` is false).
 */
export function findAppendix(text: string, headless = true): number {
  let found = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    if (isHeadingLine(line) && startsEntry(text.slice(end, end + 2000), quotelessBefore(text, offset))) found = end;
    offset = end + 1;
  }
  for (const match of text.matchAll(GLUED_HEADING)) {
    const after = match.index + match[0].length;
    if (after > found && startsEntry(text.slice(after, after + 2000).replace(/^[\s*>：:]+/u, ''), quotelessBefore(text, match.index))) found = after;
  }
  // Notes that open on their 注： line (`注：①三区三线：…。②新质生产力：…`): only where no heading
  // named an appendix, as 注： also opens a table's notes in a report's body.
  if (found < 0) {
    for (const match of text.matchAll(GLUED_NOTES)) {
      const after = match.index + match[0].length;
      if (startsEntry(text.slice(after, after + 2000), quotelessBefore(text, match.index))) found = after;
    }
  }
  return found >= 0 || !headless ? found : headlessAppendix(text);
}

/** 注： opening a line, its first numbered note after it on the same line. */
const GLUED_NOTES = /^[^\S\n]*注[：:][^\S\n]*(?=①|1[.．、]|[（(]1[）)])/gmu;

/** Start of a closing run of at least three numbered `term：definition` lines 1, 2, 3…, or -1. */
function headlessAppendix(text: string): number {
  const lines = text.split('\n');
  let offset = text.length;
  let run = 0;
  let next = -1;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const raw = lines[i] ?? '';
    offset -= raw.length + (i < lines.length - 1 ? 1 : 0);
    const line = stripDecoration(raw);
    if (line.length === 0) continue;
    const numbered = readNumber(line, 1);
    // Colons only: without a heading, a closing list of 工业——增长… is no appendix.
    if (!numbered || !isHeadLine(numbered.rest, true)) continue;
    if (next !== -1 && numbered.number !== next - 1) continue;
    run += 1;
    next = numbered.number;
    if (numbered.number === 1) return run >= 3 ? Math.max(0, offset) : -1;
  }
  return -1;
}

/**
 * Splits one entry's text where the next numbered entry was run into it (`…。2、…：…`): after a
 * sentence's end, the next number and a head (`（1）清垃圾；（2）清河道。` are points of the definition).
 */
function splitRunTogether(number: number, text: string, bracketed = false, circled = false): NumberedLine[] {
  const result: NumberedLine[] = [];
  let current = { number, rest: text };
  for (;;) {
    const next = current.number + 1;
    // Only the next number written as this entry's is (`1.…（2）…` is a point of entry 1's definition;
    // `①…。②…` circled entries run together, as notes under 注： are written).
    if (circled && next > 20) break;
    const written = circled ? String.fromCharCode(0x245f + next) : bracketed ? `${OPEN}${next}${CLOSE}` : `${next}\\s*[.．、]`;
    const marker = new RegExp(`[。！？；]\\s*(?:\\*\\*)?${written}`, 'gu');
    const entryAfter = (at: RegExpExecArray): string =>
      current.rest.slice(at.index + 1).replace(/^\s*(?:\*\*)?/u, '').replace(new RegExp(`^(?:\\d+\\s*[.．、]|${OPEN}\\d+${CLOSE}|[①-⑳])`, 'u'), '');
    // Where this entry ends and what the next one holds.
    let cut: { end: number; rest: string } | undefined;
    let at: RegExpExecArray | null;
    while ((at = marker.exec(current.rest)) !== null && !isHeadLine(entryAfter(at).split('\n')[0]!.trim()));
    if (at) cut = { end: at.index + 1, rest: entryAfter(at) };
    // Also with no sentence end before it (`…面积100平方公里4、三馆一站：文化馆…`): after a character that
    // ends no number, and before a short colon head.
    else if (!bracketed && !circled) {
      const bare = new RegExp(`(?<=[\\p{Script=Han}）)”」])(?:${next}\\s*[.．、])`, 'gu');
      while ((at = bare.exec(current.rest)) !== null) {
        const after = current.rest.slice(at.index + at[0].length).split('\n')[0]!;
        const colon = headColon(after);
        if (colonHead(after) && colon > 0 && colon <= 12) break;
      }
      if (at) cut = { end: at.index, rest: current.rest.slice(at.index + at[0].length) };
    }
    if (!cut) break;
    result.push({ number: current.number, rest: current.rest.slice(0, cut.end) });
    current = { number: next, rest: cut.rest };
  }
  result.push(current);
  return result;
}

/** A full stop or semicolon, then what may head another entry: `“term”…：` or an unquoted `term：`. */
const NEXT_ENTRY = /(?<=[。；;])\s*(?:“[^“”]{1,20}”[^，。；：:“”\s]{0,8}|([^，。；：:“”、\s]{2,16}))[：:]/gu;

/**
 * Splits an unnumbered line where a second `“term”：definition` follows a full stop or a semicolon,
 * or a second `term：definition` whose term the report's body (`body`, its quotes taken out) writes
 * (`…控制线。五好园区：指…` on one line; a definition's own `…。其中：` is no term of the body) and the
 * entry's head does not name (`三偏四短：三偏：…。四短：…` explains its parts).
 */
function splitUnnumbered(line: string, body: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const next of line.matchAll(NEXT_ENTRY)) {
    const head = line.slice(from, next.index).split(/[：:]/u)[0]!;
    if (next[1] !== undefined && (!body.includes(next[1]) || head.includes(next[1]))) continue;
    parts.push(line.slice(from, next.index));
    from = next.index;
  }
  parts.push(line.slice(from));
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/** An entry's note (readNote), its definition without letter-spacing (`清 河 道 、…`: unspaced). */
function toNote(entry: NumberedLine, line: number): RawNote | ImportProblem {
  const note = readNote(entry, line);
  return isProblem(note) ? note : { ...note, definition: unspaced(note.definition) };
}

function readNote(entry: NumberedLine, line: number): RawNote | ImportProblem {
  const text = entry.rest.replace(/\*\*/gu, '').trim();
  const spaced = entry.style === 'spaced' ? spacedEntry(text.split('\n')[0]!) : undefined;
  if (spaced) return { head: cleanHead(spaced.head), definition: text.slice(text.indexOf(spaced.definition)).trim(), number: entry.number, line };
  const bold = BOLD_HEAD.exec(entry.rest.trim());
  if (bold && !/^\s*[：:]/u.test(entry.rest.trim().slice(bold[0].length))) {
    return { head: cleanHead(bold[1] ?? ''), definition: entry.rest.trim().slice(bold[0].length).replace(/\*\*/gu, '').trim(), number: entry.number, line };
  }
  const bracketed = bracketHead(text) ?? dashHead(text) ?? verbHead(text) ?? pageHead(text) ?? lineHead(text) ?? stopHead(text, entry.number + 1) ?? plainVerbHead(text);
  if (bracketed) return { head: cleanHead(bracketed.head), definition: bracketed.definition, number: entry.number, line };
  const pair = PAIR.exec(text);
  if (pair) {
    const before = cleanHead(text.slice(0, pair.index));
    const original = pair[1] ?? '';
    const explained = splitNote(pair[2] ?? '');
    const quoted = original.match(/[“"「][^“”"「」]{1,30}[”"」]/gu)?.join('') ?? '';
    const head = explained.head || before || quoted;
    if (head.length === 0) return { severity: 'error', line, message: `名词解释第 ${entry.number} 条：报告原文中没有加引号的术语 / no quoted term in 报告原文` };
    return { head, definition: explained.definition, number: entry.number, line };
  }
  const colon = headColon(text);
  // A space inside brackets (`新质生产力（New Quality Productive Forces）：…`) sets no head off.
  const spacedMatch = SPACED_HEAD.exec(text);
  const spacedHead = spacedMatch && !bracketOpen(spacedMatch[1] ?? '') ? spacedMatch : null;
  // Last, a quoted name its definition follows at once: where no space or colon sets a head off.
  const lead = spacedHead && !isHeadLine(text) ? undefined : quotedLead(text);
  if (lead) return { head: cleanHead(lead.head), definition: lead.definition, number: entry.number, line };
  const note =
    spacedHead && !isHeadLine(text)
      ? { head: cleanHead(spacedHead[1] ?? ''), definition: text.slice(spacedHead[0].length).trim() }
      : colon > 0 && colon <= 60
        ? { head: cleanHead(text.slice(0, colon)), definition: text.slice(colon + 1).trim() }
        : splitNote(text);
  if (note.head.length === 0) {
    return { severity: 'error', line, message: `名词解释第 ${entry.number} 条：找不到“术语：解释”中的冒号 / no "term: definition" colon` };
  }
  return { head: cleanHead(note.head), definition: note.definition, number: entry.number, line };
}

/**
 * A numbered entry whose head ends at a full stop (`1.三个一批。签约一批、开工一批…`): only where no
 * colon heads the entry, the head reads as a term (short, no other punctuation outside quotes), and
 * what follows the stop is not the next point (`next`): notes run together on one line
 * (`注：1、坐标系统为深圳独立坐标系统。 2、L为弧长…`, a table cell's lines) are sentences, not a term
 * and its definition.
 */
function stopHead(text: string, next?: number): { head: string; definition: string } | undefined {
  if (colonHead(text)) return undefined;
  const stop = text.indexOf('。');
  if (stop <= 0) return undefined;
  const head = text.slice(0, stop).trim();
  const definition = text.slice(stop + 1).trim();
  const bare = bareHead(head, { brackets: false });
  // `四个着力。即：…` is headed by its colon (the head's 。即 is cleaned off, cleanHead).
  // The length counts what stands outside quotes: a quoted list may be long (`“中优、东精、西拓、北育、南联”的空间布局`).
  // A verb before a quote (`“三减少”指“减少…”`) says the sentence defines, not names.
  if (definition.length === 0 || /^(?:即|是指|指的是|指)[：:]/u.test(definition) || /(?:指|即|是|为)[“「]/u.test(head) || [...bare].length > STOP_HEAD_MAX || [...head].length > MAX_HEAD + 10 || !/[\u3400-\u9fff]/u.test(head)) return undefined;
  if (/[，；！？,;!?、：:\s]/u.test(bare)) return undefined;
  // Asked last: it builds a pattern for `next`, and most lines fail the checks above.
  return next !== undefined && new RegExp(`^(?:${next}\\s*[、.．](?![0-9０-９])|[（(]${next}[）)])`, 'u').test(definition) ? undefined : { head, definition };
}

/**
 * A numbered entry opening with a quoted name its definition follows at once (`2．“543倍增计划”昆明市除
 * 主城四区以外…`, `7．环保“七优先”一是…`, `8．河道整治“158”工程1个重中之重：…`): the quoted name with
 * a few characters before it, a second quoted name joined to it (`“三化”化“三农”`) and a generic
 * word glued after it (工程, 行动…). Only where no colon heads the entry, or the colon heads a point of
 * the definition instead (`“四环十七射”（1）四环：…`).
 */
const QUOTED_LEAD = /^[\p{Script=Han}（）()]{0,10}?[“「][^“”「」\n：:。，；]{1,20}[”」](?:(\p{Script=Han}?)([“「][^“”「」\n：:。，；]{1,20}[”」]))?(?:行动计划|工程|行动|计划|制度|机制|战略|体系|模式|改革|工作|活动|试点)?/u;
/** A point of a definition inside what reads as a head: （1）, ⑴, 一是. */
const POINT_IN_HEAD = /[（(][0-9０-９一二三四五六七八九十]{1,2}[）)]|[\u2474-\u2487]|一是/u;
/** What cannot follow a head: a space or punctuation (another reader's shape), or 的 (the name goes on). */
const NOT_AFTER_LEAD = /^[\s：:，,、。；”」的之]/u;

function quotedLead(text: string): { head: string; definition: string } | undefined {
  const colon = headColon(text);
  if (colon !== -1) {
    const before = text.slice(0, colon);
    // A colon heads the entry, unless what it ends is a point of the definition; `…。即：` is read by it.
    if ((colonHead(text) && !POINT_IN_HEAD.test(before)) || /。(?:即|是指|指的是|指)$/u.test(before)) return undefined;
  }
  // A head with quotes set off by a space (`“大清扫、大消毒”爱国卫生运动 即为…`).
  const spaced = /^(\S{2,30}?)[^\S\n]+(?=[\p{Script=Han}“「])/u.exec(text);
  if (spaced && /[“「]/u.test(spaced[1]!) && !/[：:。，；,;！？]/u.test(bareHead(spaced[1]!))) return { head: spaced[1]!, definition: text.slice(spaced[0].length).trim() };
  const match = QUOTED_LEAD.exec(text);
  if (!match) return undefined;
  let head = match[0];
  // Two quoted names side by side are one head (“三减少”“三加强”) only when the definition names the
  // second again; else it opens the definition (“四好农村路”“建好、管好…”农村公路).
  const [, joiner, second] = match;
  if (second !== undefined && joiner === '' && !text.slice(head.length).includes(second)) head = head.slice(0, head.indexOf(second));
  // A page reference after the name belongs to the head (cleanHead drops it), not to the definition.
  head += PAGE_REFERENCE_FIRST.exec(text.slice(head.length))?.[0] ?? '';
  if (NOT_AFTER_LEAD.test(text.slice(head.length))) return undefined;
  const definition = text.slice(head.length).trim();
  return [...definition].length >= 4 && /\p{Script=Han}/u.test(definition) ? { head, definition } : undefined;
}

/** The longest head a full stop ends: a slogan or a short name, never a sentence. */
const STOP_HEAD_MAX = 14;

/**
 * Whether `lines[index]` is the number `expected` alone on its line (a PDF's or a table's number
 * column read as a line of its own) and the next line an entry's head and definition with no number
 * of its own: that line then gets the number (`N.` before it). A page number that happens to be the
 * expected one stays a line of its own before text that opens no entry.
 */
function numberAlone(line: string, expected: number, lines: string[], index: number): boolean {
  if (!/^\d{1,3}$/u.test(line) || Number(line) !== expected) return false;
  let next = index + 1;
  while (next < lines.length && lines[next]!.length === 0) next++;
  const entry = lines[next];
  if (entry === undefined || readNumber(entry, expected, true) !== undefined) return false;
  if (!isHeadLine(entry) && quotedLead(entry) === undefined && plainVerbHead(entry) === undefined) return false;
  lines[next] = `${line}.${entry}`;
  return true;
}

/** A head alone on the entry's first line, the definition on the lines after (termThenSentence). */
function lineHead(text: string): { head: string; definition: string } | undefined {
  const cut = text.indexOf('\n');
  if (cut <= 0) return undefined;
  const head = text.slice(0, cut).trim();
  // A colon may open the definition's line instead of closing the term's (`三区三线` / `：城镇空间…`).
  const definition = text.slice(cut + 1).trim().replace(/^[：:]\s*/u, '');
  return termThenSentence(head, definition.split('\n')[0] ?? '') ? { head, definition } : undefined;
}

function isProblem(value: RawNote | ImportProblem): value is ImportProblem {
  return 'severity' in value;
}

/**
 * Whether an entry's text stops inside a sentence, its definition begun: its last line, as long as a
 * wrapped line, ends with a Chinese character or a comma after the head's colon (`清违建，推进城乡环`
 * / `境整治工作。`). A head alone on its line (`1.“三清”行动`, its definition on the next) is no such text.
 */
function runsOn(rest: string): boolean {
  const lastLine = rest.slice(rest.lastIndexOf('\n') + 1);
  return /[\p{Script=Han}、，,]$/u.test(lastLine) && (rest.includes('\n') || headColon(rest) > 0) && [...lastLine].length >= RUN_ON_MIN;
}

/** Characters of a line that a wrap ended: a PDF's line is 20–40; a list item of its own is shorter. */
const RUN_ON_MIN = 15;

/** Times a short line must stand alone in the document to be a running head or foot. */
const RUNNING_MIN = 3;

/** The longest running head or foot. */
const RUNNING_MAX = 30;

/**
 * Whether a line, short and with no sentence's end, stands alone on at least RUNNING_MIN lines of
 * `text`: a running head or foot a PDF repeats page after page (`2024年政府工作报告`), neither the
 * end of the appendix nor part of a definition. The document's lines are counted on first use.
 */
function runningLines(text: string): (line: string) => boolean {
  let counts: Map<string, number> | undefined;
  return (line) => {
    if (line.length > RUNNING_MAX || /[。；！？：:]$/u.test(line)) return false;
    if (!counts) {
      counts = new Map();
      for (const raw of text.split('\n')) {
        const other = raw.trim();
        if (other.length > 0 && other.length <= RUNNING_MAX) counts.set(other, (counts.get(other) ?? 0) + 1);
      }
    }
    return (counts.get(line) ?? 0) >= RUNNING_MIN;
  };
}

/** Whether a line can continue the entry before it (not page furniture such as 打印本页). */
function continues(line: string): boolean {
  return [...line].length >= 4 && /[。；！？)）：:”…]$/u.test(line);
}

/**
 * `plain`, a document's reading without its formatting, unless it found no entries, or failed to read
 * some, and the appendix of the same text with its bold runs marked (`boldMarked`: the HTML and Word
 * readers', undefined when nothing is bold) reads more: an appendix whose heads are set in bold
 * without a colon reads only so (all of it, or the entries whose definition starts with no space).
 */
export function withBoldHeads(plain: ImportResult, boldMarked: () => string | undefined, options: ImportOptions = {}): ImportResult {
  if (plain.entries.length > 0 && !plain.problems.some((problem) => problem.severity === 'error')) return plain;
  const marked = boldMarked();
  const bold = marked === undefined ? undefined : importAppendixText(marked, options);
  return bold && bold.entries.length > plain.entries.length ? bold : plain;
}

/**
 * The entries of the 名词解释 appendix of `text` (appendix numbers as written; a gap in the
 * numbering is reported). No appendix gives no entries and one problem.
 */
export function importAppendixText(text: string, options: ImportOptions = {}): ImportResult {
  const source = { ...readReportHead(text), kind: '名词解释' as const };
  const start = findAppendix(text, options.headedOnly !== true);
  if (start < 0) {
    return { source, entries: [], problems: [{ severity: 'error', message: '找不到“名词解释”附录 / no 名词解释 appendix found' }] };
  }
  const firstLine = text.slice(0, start).split('\n').length;
  // Each line without its decoration, a table row as an entry line (asEntryLine): made once, as the
  // loop reads the line after each.
  // A page number (PAGE_NUMBER_LINE) is kept as it is, not undecorated (`— 23 —`), for the loop to pass over.
  const lines = text
    .slice(start)
    .split(/\r?\n/u)
    .map((raw) => (PAGE_NUMBER_LINE.test(raw.trim()) ? raw.trim() : asEntryLine(stripDecoration(raw))));
  const problems: ImportProblem[] = [];
  const entries: { entry: NumberedLine; line: number }[] = [];
  let mode: 'numbered' | 'unnumbered' | 'spaced' | undefined;
  let preamble = 0;
  /** Whether the last line was a point of an entry's definition (`（1）清垃圾；`). */
  let inPoints = false;
  // The body before the appendix without its quotes, for heads nothing else marks (bodyStopEntry)
  // and the terms of entries run together (splitUnnumbered).
  const body = quotelessBefore(text, start);
  const running = runningLines(text);
  // An appendix whose entries are `listEntry` lines: its first lines say so.
  const spacedList = opensSpacedEntries(lines.filter((line) => line.length > 0).slice(0, MAX_PREAMBLE_LINES + 2), body);
  for (const [index, line] of lines.entries()) {
    if (line.length === 0) continue;
    const lineNumber = firstLine + index;
    const expected = (entries.at(-1)?.entry.number ?? 0) + 1;
    if (mode !== 'unnumbered' && mode !== 'spaced' && numberAlone(line, expected, lines, index)) continue;
    if (PAGE_NUMBER_LINE.test(line)) continue;
    const read = mode === 'unnumbered' || mode === 'spaced' ? undefined : readNumber(line, expected, true);
    // Entries keep to the way the first is numbered where that is one of the other kinds (⑴, 1）, A.).
    // A line numbered otherwise than the list (in brackets, circled, digits) and not next in it is a
    // point of the entry before, and so is the next one while points are listed (`1.三清行动：包括：`
    // / `（1）清垃圾；` / `（2）清河道。`).
    const first = entries[0]?.entry;
    const lastEntry = entries.at(-1);
    const point = read !== undefined && mode === 'numbered' && first !== undefined && read.style === first.style && read.mark !== first.mark && (read.number !== expected || inPoints);
    if (point) {
      entries.at(-1)!.entry.rest += `\n${line}`;
      inPoints = true;
      continue;
    }
    inPoints = false;
    // A number that opens a line the entry before runs on into is part of its sentence (`…整治河道` /
    // `2.5万公里，…`), unless a head follows it.
    const wrapped = read !== undefined && lastEntry !== undefined && /^\d/u.test(read.rest) && headColon(read.rest) <= 0 && runsOn(lastEntry.entry.rest);
    const numbered = read && !wrapped && (!first || read.style === first.style) ? read : undefined;
    if (numbered && (mode === 'numbered' || numbered.number <= 2)) {
      mode = 'numbered';
      entries.push({ entry: numbered, line: lineNumber });
      continue;
    }
    if (PAGE_FURNITURE.test(line) || CREDIT_LINE.test(line)) {
      // The page around the report: after entries it ends the appendix; before them it is preamble.
      if (entries.length > 0) break;
      preamble += 1;
      if (preamble > MAX_PREAMBLE_LINES) break;
      continue;
    }
    // Such an appendix mixes its heads: a line any head reader takes starts an entry too.
    if (spacedList && mode !== 'numbered' && (listEntry(line, body) || isHeadLine(line))) {
      mode = 'spaced';
      entries.push({ entry: { number: expected, rest: line, style: 'spaced' }, line: lineNumber });
      continue;
    }
    let next = index + 1;
    while (next < lines.length && lines[next]!.length === 0) next++;
    const nextLine = lines[next] ?? '';
    const termBeforePair = mode !== 'numbered' && !/[：:。，；]/u.test(line) && [...line].length <= MAX_HEAD && PAIR_START.test(nextLine);
    // A term alone on its line, its definition on the next (termThenSentence).
    const termAlone = mode !== 'numbered' && !termBeforePair && termThenSentence(line, nextLine);
    if (mode !== 'numbered' && mode !== 'spaced' && (isHeadLine(line) || termBeforePair || termAlone)) {
      mode = 'unnumbered';
      // A bold head says where its entry starts; its definition may quote another term before a colon.
      for (const part of termBeforePair || termAlone || BOLD_HEAD.test(line) ? [line] : splitUnnumbered(line, body())) {
        entries.push({ entry: { number: (entries.at(-1)?.entry.number ?? 0) + 1, rest: part }, line: lineNumber });
      }
      continue;
    }
    const last = entries.at(-1);
    if (!last) {
      preamble += 1;
      if (preamble > MAX_PREAMBLE_LINES) break;
      continue;
    }
    // A page's running head or foot (the report's title on every page of a PDF saved as text).
    if (running(line)) continue;
    // A line the entry's last line runs on into (a report hard-wrapped as a PDF lays it out: the line
    // before ends inside a sentence) continues it, whatever it ends with.
    const runOn = runsOn(last.entry.rest);
    if (!runOn && !continues(line) && !PAIR_START.test(line) && !/^[【[]?解释/u.test(line)) break;
    // A word the wrap cut in two (`城乡环` / `境整治`) is joined again: a definition keeps its line
    // breaks, and the tooltip shows them.
    last.entry.rest += runOn && /\p{Script=Han}$/u.test(last.entry.rest) && /^\p{Script=Han}/u.test(line) ? line : `\n${line}`;
  }
  const notes: RawNote[] = [];
  let last = 0;
  for (const { entry, line } of entries) {
    // Entries run together on one line are split at the next number written `2.` (a list of the
    // other kinds keeps such numbers in its definitions).
    for (const part of mode === 'numbered' && entry.style === undefined ? splitRunTogether(entry.number, entry.rest, entry.bracketed, entry.mark === 'circle') : [entry]) {
      // A gap left once run-together entries are split (`11.…。12.…` on one line is no gap).
      if (mode === 'numbered' && part.number !== last + 1) {
        problems.push({ severity: 'warning', line, message: `名词解释编号从 ${last} 跳到 ${part.number} / numbering jumps` });
      }
      last = part.number;
      const note = toNote(part, line);
      if (isProblem(note)) problems.push(note);
      else notes.push(note);
    }
  }
  const built = buildEntries(notes, { numbering: 'appendix', reservedIds: options.reservedIds });
  return { source, entries: built.entries, problems: [...problems, ...built.problems] };
}
