// Splits a definition into the ordered items of a numbered slogan (六稳 → 稳就业, 稳金融, …), but only
// when the definition really is that enumeration: the number of parts must equal the term's count,
// and a list of phrases must look like one (parallel, short, no sentence inside an item).
import { CHINESE_NUMERAL_CHARS, countAnnouncedItems, parseNumeral } from '../core/numerals';

const LEAD_IN = /^(?:即|指|是指|主要指|主要包括|包括|具体指|具体包括|分别是|分别为)[:：]?/u;
const ORDINAL_CLAUSE = /(?:^|[。；;，,\s])(?=[一二三四五六七八九十]{1,2}是)/u;
const CONJUNCTION = /^(?:而|并且|以及|及|和)(?=\p{Script=Han}{4})/u;
/** A clause before the first item that says who does it: 上海要强化全球资源配置功能 → 全球资源配置功能. */
const FIRST_ITEM_LEAD = /^\p{Script=Han}{0,10}要?(?:强化|加强|推进|推动|实施|坚持|做好|打造|建设|围绕|建立健全|建立|开展|选取|聚焦|突出|抓好|着力|严格保护)(?=\p{Script=Han}{2})/u;
/** Words that end a list and start the rest of the sentence: …、生态等攻坚行动 → 生态. */
const LIST_END = /等(?:\p{Script=Han}{0,6})$/u;
const MAX_PHRASE = 20;
const MAX_CLAUSE = 80;

function clean(part: string): string {
  return part
    .trim()
    .replace(LEAD_IN, '')
    .replace(/^[一二三四五六七八九十]{1,2}是/u, '')
    .replace(CONJUNCTION, '')
    .replace(/[。；;，,、\s]+$/u, '')
    .trim();
}

function splitOn(text: string, separators: RegExp): string[] {
  return text.split(separators).map(clean).filter((part) => part.length > 0);
}

/**
 * Cuts the sentence around a list of phrases: a lead-in before the first item (…五大任务，指去产能;
 * 在深度贫困地区实施住房) and the words after the last (…生态等攻坚行动; …提档升级等方面，加快…).
 * Undefined when the first item carries a clause that is not a lead-in.
 */
function trimListEdges(parts: readonly string[]): string[] | undefined {
  const result = [...parts];
  const first = result[0] ?? '';
  const comma = Math.max(first.lastIndexOf('，'), first.lastIndexOf(','), first.lastIndexOf('：'), first.lastIndexOf(':'));
  let head = first;
  if (comma >= 0) {
    const after = first.slice(comma + 1);
    if (!LEAD_IN.test(after) && !/[：:]/u.test(first[comma] ?? '')) return undefined;
    head = after;
  }
  head = clean(head);
  const others = result.slice(1);
  const longest = Math.max(0, ...others.map((part) => part.length));
  const unled = head.replace(FIRST_ITEM_LEAD, '');
  if (unled !== head && head.length > longest && unled.length <= longest + 2) head = unled;
  // A clause before it ending in 的 (流经我省的金沙江, 杭州市正在实施的“城市国际化”), or only its 的 left;
  // not where the other items have a 的 of their own (用最严谨的标准、最严格的监管…: a parallel 的), nor
  // where they all begin as it does (站位…的重要期许看成都、站位公园城市…看成都: the 的 is inside an item).
  // (A clause of two characters at least: 党的十八大提出… is a name, not a clause.)
  const de = head.lastIndexOf('的');
  const afterDe = head.slice(de + 1);
  const parallel = others.some((part) => part.includes('的')) || (others.length > 0 && others.every((part) => part[0] === head[0]));
  if (head.startsWith('的') || (!parallel && de >= 2 && afterDe.length >= 2 && afterDe.length < head.length && head.length > longest && afterDe.length <= longest)) head = afterDe;
  result[0] = head;
  const lastIndex = result.length - 1;
  let last = result[lastIndex] ?? '';
  last = last.split(/[，,。]/u)[0] ?? '';
  if (LIST_END.test(last) && last.indexOf('等') >= 2) last = last.slice(0, last.lastIndexOf('等'));
  result[lastIndex] = clean(last);
  return result;
}

/** Whether parts read as one list of parallel phrases rather than pieces of a sentence. */
function looksLikeList(parts: readonly string[]): boolean {
  if (parts.some((part) => part.length === 0 || part.length > MAX_PHRASE || /[，,。：:]|[”"]指|是指/u.test(part))) return false;
  const lengths = parts.map((part) => part.length).sort((a, b) => a - b);
  const median = lengths[Math.floor((lengths.length - 1) / 2)] ?? 0;
  return (lengths.at(-1) ?? 0) <= 2 * median + 2;
}

/**
 * A list run inside a sentence (…召集听证会、协调会和评议会，…): the later parts are parallel words of
 * one length, so the first part is cut to that length too.
 */
function innerLists(body: string): string[][] {
  const lists: string[][] = [];
  for (const match of body.matchAll(/\p{Script=Han}+(?:、\p{Script=Han}{1,8})+(?:和|及|与|以及)\p{Script=Han}{1,8}/gu)) {
    const [first = '', ...rest] = match[0].split(/、|以及|和|及|与/u);
    const lengths = new Set(rest.map((part) => part.length));
    const [length] = lengths;
    if (lengths.size === 1 && length !== undefined && first.length >= length) lists.push([first.slice(-length), ...rest]);
  }
  return lists;
}

/** When the term ends with a word the last item repeats (三用土地 … 低效使用土地), that word belongs to every item. */
function dropSharedSuffix(term: string, parts: string[]): string[] {
  const last = parts.at(-1);
  if (last === undefined) return parts;
  for (let length = 2; length <= 3; length += 1) {
    const suffix = term.slice(-length);
    const countedWord = /[0-9一二两三四五六七八九十双]/u.test(term.slice(-length - 1, -length));
    if (!countedWord && last.endsWith(suffix) && last.length > suffix.length + 1 && parts.slice(0, -1).every((part) => !part.endsWith(suffix))) {
      return [...parts.slice(0, -1), last.slice(0, -length)];
    }
  }
  return parts;
}

/**
 * The count closing the list after its last item (…、数字经济五大; …、小生产加工企业等9类; …等这四类企业;
 * …、税务登记证三个证件合并成一个): cut off when it is the term's own count, with a measure word (or 大) after it and at most a
 * few words of the sentence going on. The item keeps at least two characters.
 */
const COUNT_TAIL = new RegExp(`^(.{2,}?)等?(?:这|此|上述|以上)?([0-9]+|[${CHINESE_NUMERAL_CHARS}]+)(?:个|大|项|类|条|种|支|张|批|方面)\\p{Script=Han}{0,8}$`, 'u');
function dropCountTail(count: number, parts: string[]): string[] {
  const last = parts.at(-1) ?? '';
  const tail = COUNT_TAIL.exec(last);
  // (Not where the words before the count qualify it: …、美丽经济发展的四大交通走廊.)
  if (!tail || parseNumeral(tail[2] ?? '') !== count || (tail[1] ?? '').endsWith('的')) return parts;
  return [...parts.slice(0, -1), tail[1] as string];
}

/** The sentence going on after the last item by naming the term again: 土地经营权“三权”分置并行 → 土地经营权. */
function dropTermEcho(term: string, parts: string[]): string[] {
  const last = parts.at(-1) ?? '';
  const echo = /[“"]([^”"]+)[”"]/u.exec(last);
  if (!echo || echo.index < 2 || !term.includes(echo[1] ?? '')) return parts;
  return [...parts.slice(0, -1), last.slice(0, echo.index)];
}

/** A definition that is nothing but a short list (产业兴旺、生态宜居、…) is its items even without a count. */
function plainList(body: string): string[] | undefined {
  if (/[，,；;。：:（(“"]/u.test(body)) return undefined;
  const parts = splitOn(body, /、/u);
  return parts.length >= 3 && parts.every((part) => part.length <= 10) ? parts : undefined;
}

/** Quoted stretches of a definition (“产业能级、项目投资、…”倍增行动) that may hold the enumeration. */
function quotedStretches(text: string): string[] {
  return [...text.matchAll(/[“"「]([^”"」]{2,})[”"」]/gu)].map((m) => m[1] ?? '');
}

/**
 * The items of `definition` for the numbered slogan `term`, or undefined when the definition is not
 * an enumeration of exactly as many parts as the term's numerals promise (then the entry gets none).
 * A term without a count gets items only when its definition is a bare list of short phrases.
 * Tries, in order: 一是…二是… clauses and clauses separated by ；(up to 80 characters each); then
 * lists of phrases: a quoted stretch split by 、 (“产业能级、项目投资、…”倍增行动), the whole definition
 * split by 、；(lead-in and trailing words cut off), by 、，； when every part is a short phrase
 * (不愁吃、不愁穿，义务教育…), and a list run inside a sentence.
 */
export function splitItems(term: string, definition: string): string[] | undefined {
  const count = countAnnouncedItems(term);
  // A definition that opens by naming its term (“三级”即市级、…) starts its list after the lead-in.
  const body = definition
    .trim()
    .replace(/[。.]$/u, '')
    .replace(/^[“"「]([^”"」]{1,15})[”"」](?=(?:即|指|是指|主要指|具体指|包括|主要包括|具体包括|分别是|分别为))/u, (whole, named: string) => (term.includes(named) ? '' : whole));
  if (count === undefined) return plainList(body);
  if (count < 2) return undefined;
  const clauses: string[][] = [];
  if (/[一二]是/u.test(body)) clauses.push(splitOn(body, ORDINAL_CLAUSE));
  clauses.push(splitOn(body, /[；;]/u));
  const clauseFit = clauses.find((parts) => parts.length === count && parts.every((part) => part.length <= MAX_CLAUSE));
  if (clauseFit) return dropSharedSuffix(term, dropCountTail(count, trimListEdges(clauseFit) ?? clauseFit));
  const phrases: (string[] | undefined)[] = quotedStretches(body).map((stretch) => splitOn(stretch, /[、；;]/u));
  phrases.push(trimListEdges(splitOn(body, /[、；;]/u)));
  const commaParts = splitOn(body, /[、，,；;]/u);
  if (commaParts.every((part) => /^[^和及与]{1,10}$/u.test(part))) phrases.push(commaParts);
  phrases.push(...innerLists(body));
  // The count closing a list is cut before the list's look is judged (…、排污许可证三个证件合并为一个).
  const fit = phrases.map((parts) => parts && dropCountTail(count, parts)).find((parts): parts is string[] => parts !== undefined && parts.length === count && looksLikeList(parts));
  return fit && dropSharedSuffix(term, dropTermEcho(term, fit));
}
