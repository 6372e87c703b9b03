// How one line of an appendix reads: the decoration it is stripped of (bullets, Markdown marks, a
// note's label), whether it is the appendix's heading, and where its head (the term) ends and its
// definition begins — a colon, brackets, a dash, a verb (是指), a page reference, bold, a space, a
// full stop, a question (appendix.ts decides which lines are entries).
import { APPENDIX_KINDS, APPENDIX_NAMES } from './appendix-words';
import { DEFINITION_LABEL } from './entries';
import { dashOutsideQuotes } from './notes';
import { PAGE_REFERENCE_FIRST } from './term-forms';
import { PAGE_FURNITURE } from './appendix-layout';
import { readNumber } from './appendix-numbers';

/**
 * The words that name the appendix: 名词解释, 名词注释, 名词注解, 名词说明, 名词释义, 名词解析, 名词解读,
 * 名词简释, the same of 词语, 用语, 术语, 词汇, 关键词, 新词 or 热词 (also with 的 between: 有关词语的
 * 解释), or a heading that is only 注释, 注解, 释义, 附注, 注释说明, 术语表, 知识链接, 小知识 or 注： (附：注释).
 */
export const HEADING_WORD = new RegExp(`(?:${APPENDIX_NAMES})的?(?:${APPENDIX_KINDS})|^(?:附[录件]?[一二三1-3]?[：:、\\s]*)?(?:(?:注释|注解|释义|附注|注释说明|术语表|知识链接|小知识)[：:]?|注[：:])$`, 'u');
/**
 * What may stand before a bold head on its line (web page, Word paragraph): nothing but an entry's
 * number (`1.`, `（1）`, `①`). The HTML and Word readers mark such a bold run with `**` for BOLD_HEAD.
 */
export const BEFORE_BOLD_HEAD = /^[\s\d.．、（）()①-⑳]{0,8}$/u;
/** A head set in bold without a colon: `**五大工程** 大力实施…`. */
export const BOLD_HEAD = /^\*\*(?=[^\s*])([^*\n：:。，；]{1,30})(?<=\S)\*\*[^\S\n]*(?=[^\s*：:])/u;
/**
 * An entry number inside the bold run of a head without a colon: `**1. 三清行动**…`,
 * `**（1）三清行动**…` (not `**1.“三清”行动**”：…`, whose colon heads it).
 */
const BOLD_NUMBER = /^(\s*)\*\*(\s*(?:[0-9０-９]{1,3}\s*[.．、]|[（(][0-9０-９]{1,3}[）)]|[①-⑳])\s*)(?=[^*\s][^*\n：:]*\*\*(?!\s*[：:”」*]))/u;
/** A head set off by a space instead of a colon: `九大工程 指优先发展…`, `两不愁、三保障 指…`. */
export const SPACED_HEAD = /^([^\s：:。，；,;、](?:[^\s：:。，；,;]{0,28}[^\s：:。，；,;、])?)[^\S\n]+(?=\S)/u;
export const PAIR_START = /^[【[]?报告原文/u;
export const PAIR = /[【[]?报告原文[】\]]?[：:]?([\s\S]*?)[【[]?解释[】\]]?[：:]([\s\S]*)/u;
export const MAX_HEAD = 30;

/**
 * The bullets a list may open its entries with (◆ ● ■ ▲ ★ • ※ ➢ √ Ø, a symbol font's private-use
 * bullet), as a class body.
 */
const BULLETS = '◆◇●○■□▲△▶►▸▹▪▫◦•‣⁃·・※√✓✔➢➣➤→☆★❖◎Ø\\uf000-\\uf0ff';
const LEADING_MARKS = new RegExp(`^[\\s>#*\\-${BULLETS}]+(?=\\S)`, 'u');

export function stripDecoration(line: string): string {
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

export function bracketHead(line: string): { head: string; definition: string } | undefined {
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

export function pageHead(line: string): { head: string; definition: string } | undefined {
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
export function dashHead(text: string): { head: string; definition: string } | undefined {
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
export function headColon(text: string): number {
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
export function isHeadLine(line: string, colonOnly = false): boolean {
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

export function plainVerbHead(text: string): { head: string; definition: string } | undefined {
  const match = PLAIN_VERB_HEAD.exec(text);
  if (!match || colonHead(text) || !/[\u3400-\u9fff]/u.test(match[1]!)) return undefined;
  return { head: match[1]!, definition: text.slice(match[0].length).trim() };
}

export function verbHead(text: string): { head: string; definition: string } | undefined {
  const match = VERB_HEAD.exec(text);
  if (!match || colonHead(text)) return undefined;
  return { head: match[1]!, definition: text.slice(match[0].length).trim() };
}

/** Whether `text` (no bold marks) reads `term：definition`, as isHeadLine says. */
export function colonHead(text: string): boolean {
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
export const bracketOpen = (text: string): boolean => (text.match(/[（(]/gu)?.length ?? 0) > (text.match(/[）)]/gu)?.length ?? 0);

/**
 * An unnumbered entry whose head is set off by a space, or is a quoted name the definition follows
 * at once, one entry a line (杭州's appendices 2009–2013: `潮汐交通组织形式 指在不同的时间内…`,
 * `“低收入农户奔小康”工程 指…`, `六大战略、“七难”问题 六大战略指…`, `Wi-Fi 当今使用最广的…`,
 * `“八个有”有收入、有房住…`). The head reads as a term or a list of terms (no sentence
 * punctuation but 、); the definition as a sentence (ends a sentence, has Chinese in it).
 * Only where the appendix opens with two such lines (startsEntry), and then every such line is an
 * entry of it.
 */
export function spacedEntry(line: string): { head: string; definition: string } | undefined {
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
 * Whether `line` is a term alone on its line (short, Chinese, no punctuation but quotes and
 * brackets) and `next` a sentence that is not itself numbered: a term line, its definition on the
 * line after (`三个一批` / `签约一批、开工一批、投产一批。`, also `三个一批：` / …), as pages set bold
 * terms apart.
 */
export function termThenSentence(line: string, next: string): boolean {
  // A term line may end at its colon (`三个一批：` / `签约一批…`).
  const text = line.replace(/\*\*/gu, '').trim().replace(/[：:]$/u, '');
  if ([...text].length > MAX_HEAD || !/[\u3400-\u9fff]/u.test(text) || /[：:。，；！？,;!?、\s]/u.test(text) || /^[（(]/u.test(text) || PAGE_FURNITURE.test(`${text}：`)) return false;
  if (HEADING_WORD.test(text) || PAIR_START.test(text) || PAIR_START.test(next)) return false;
  return /[。；！？]$/u.test(next) && !readNumber(next, 1, true) && !isHeadLine(next);
}

/**
 * A question asking for a term, as a Q&A sets its entries out (`问：什么是“三清行动”？`,
 * `1.什么是三清行动？`, `“三清行动”是什么？`): the line as the term's head alone (`1.三清行动：`),
 * its answer on the lines after (ANSWER's mark taken off).
 */
const QUESTION = /^((?:[0-9０-９]{1,3}\s*[.．、]|[（(][0-9０-９]{1,3}[）)])?\s*)(?:(?:问|Q)\s*[：:])?\s*(?:什么(?:是|叫)|何为|何谓)\s*(.{1,30}?)\s*[？?]$|^((?:[0-9０-９]{1,3}\s*[.．、]|[（(][0-9０-９]{1,3}[）)])?\s*)(?:(?:问|Q)\s*[：:])?\s*(.{1,30}?)\s*(?:是什么|指什么|是指什么|的含义是什么)\s*[？?]$/u;
/** The mark opening an answer: `答：` `A：`. */
export const ANSWER = /^(?:答|A)\s*[：:]\s*/u;

export function questionHead(line: string): string | undefined {
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
export function separatedHead(line: string): string | undefined {
  if (line.startsWith('|') || colonHead(line)) return undefined;
  const match = /^(.*?)(?:[^\S\n]*｜[^\S\n]*|[^\S\n]+[|/／][^\S\n]+)(?=\S)/u.exec(line);
  if (!match) return undefined;
  const before = match[1]!.trim();
  const numbered = readNumber(before, 1);
  const head = numbered ? numbered.rest.trim() : before;
  if (head.length === 0 || [...head].length > MAX_HEAD || !/[\u3400-\u9fff]/u.test(head) || /[。，；！？,;!?：:、|｜]/u.test(bareHead(head))) return undefined;
  return `${before}：${line.slice(match[0].length)}`;
}

/**
 * A numbered entry whose head ends at a full stop (`1.三个一批。签约一批、开工一批…`): only where no
 * colon heads the entry, the head reads as a term (short, no other punctuation outside quotes), and
 * what follows the stop is not the next point (`next`): notes run together on one line
 * (`注：1、坐标系统为深圳独立坐标系统。 2、L为弧长…`, a table cell's lines) are sentences, not a term
 * and its definition.
 */
export function stopHead(text: string, next?: number): { head: string; definition: string } | undefined {
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

export function quotedLead(text: string): { head: string; definition: string } | undefined {
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

/** A head alone on the entry's first line, the definition on the lines after (termThenSentence). */
export function lineHead(text: string): { head: string; definition: string } | undefined {
  const cut = text.indexOf('\n');
  if (cut <= 0) return undefined;
  const head = text.slice(0, cut).trim();
  // A colon may open the definition's line instead of closing the term's (`三区三线` / `：城镇空间…`).
  const definition = text.slice(cut + 1).trim().replace(/^[：:]\s*/u, '');
  return termThenSentence(head, definition.split('\n')[0] ?? '') ? { head, definition } : undefined;
}
