// Decides whether a quoted name without a numeral is a coined policy term (“放管服”, “揭榜挂帅”,
// “无废城市”, “RCEP”) rather than a quotation, a title, a proper name or scare quotes around a word.
// General rules of shape and context only: no lists of words taken from any report.
import { COUNT_CHARS } from './numerals';

/** Nouns that govern a coined name when they follow its closing quote: “无废城市”建设, “放管服”改革. */
const GOVERNING = [
  '工程', '行动', '制度', '改革', '模式', '城市', '企业', '品牌', '机制', '体系', '战略', '计划', '平台', '试点',
  '示范', '建设', '工作', '政策', '项目', '理念', '经济', '产业', '服务', '行业', '园区', '社区', '乡村', '村',
  '区', '港', '中心', '工作法', '活动', '专项', '系列', '指数', '标准', '清单', '名单', '目标', '任务', '举措',
  '协定', '协议', '战役', '攻坚', '格局', '效应', '品质', '文化', '精神', '人才', '队伍', '小组', '基金', '系统',
];
/**
 * `words` grouped by their first UTF-16 unit (`at` 0) or their last (`at` -1): a word that starts
 * or ends at a given place is looked for among those with the unit there, and text.charAt of a
 * Chinese character would make a string each time. The loops over these lists index them rather
 * than use for…of, whose iterator makes an object per step until the code is optimised.
 */
function byUnit(words: readonly string[], at: 0 | -1): Map<number, string[]> {
  const index = new Map<number, string[]>();
  for (const word of words) {
    const unit = word.charCodeAt(at < 0 ? word.length - 1 : 0);
    index.set(unit, [...(index.get(unit) ?? []), word]);
  }
  return index;
}
const GOVERNING_BY_FIRST = byUnit(GOVERNING, 0);
const GOVERNING_BY_LAST = byUnit(GOVERNING, -1);

/** Last characters of names of organisations and places: a quoted 某某局, 某某县 is a name, not a term. */
const NAME_ENDINGS = '局厅委办院所部处科社队站馆校司省市县镇乡街路桥山河江湖岛寺楼厂店号';
/** NAME_ENDINGS as UTF-16 units: looked up by code, as text.charAt of a Chinese character makes a string. */
const NAME_ENDING_CODES = new Set(Array.from(NAME_ENDINGS, (char) => char.charCodeAt(0)));

/** What comes just before a quotation of speech or an ironic mention: 说：“…”, 所谓“…”. */
const SPEECH_BEFORE = ['所谓', '称为', '叫做', '号称', '自称', '俗称', '说', '道', '讲', '问', '曰', '喊'];
const SPEECH_BEFORE_BY_LAST = byUnit(SPEECH_BEFORE, -1);

/**
 * Verbs a work report puts before the name of an initiative it launches or pushes on: 建设“天府森林
 * 粮库”, 推动“四川云教”…, 推行“暗标盲评”. The quoted object of such a verb is a named programme, not
 * scare quotes (a quoted ordinary word after them is two characters, which are not taken this way).
 */
const LAUNCHING_VERBS = [
  '实施', '打造', '建设', '推进', '推动', '开展', '深化', '启动', '推行', '推广', '创建', '培育', '构建', '建立', '擦亮', '打响', '叫响', '举办',
];
const LAUNCHING_VERBS_BY_LAST = byUnit(LAUNCHING_VERBS, -1);

const isHan = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;
const isUpper = (code: number): boolean => code >= 0x41 && code <= 0x5a;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * Shape of a name that may be a coined term: 2–8 Han characters, a Latin acronym of 2–6 capitals,
 * or words joined by plus signs or ending in one or in a times sign (`joined`: 人工智能+,
 * 数据要素×, 互联网+政务服务, 党建+网格, AI+, 5G+): at least two Han characters, or a capital and
 * one more character (a sum like 1+1 is not a name); no quotation of speech or scare quote takes it.
 */
export function coinageShape(name: string): 'han' | 'acronym' | 'joined' | 'compound' | undefined {
  if (compoundOf(name)) return 'compound';
  const n = name.length;
  let han = 0;
  let upper = 0;
  let digits = 0;
  let signs = 0;
  for (let i = 0; i < n; i++) {
    const code = name.charCodeAt(i);
    if (isHan(code)) han++;
    else if (isUpper(code)) upper++;
    else if (isDigit(code)) digits++;
    // A sign follows a Han character, a capital or a digit; a times sign only ends the name.
    else if ((code === 0x2b || code === 0xff0b || (code === 0xd7 && i === n - 1)) && i > 0 && isWordUnit(name.charCodeAt(i - 1))) signs++;
    else return undefined;
  }
  if (han === n && n >= 2 && n <= 8) return 'han';
  if (upper === n && n >= 2 && n <= 6) return 'acronym';
  if (signs > 0 && (han >= 2 || (upper > 0 && han + upper + digits >= 2))) return 'joined';
  return undefined;
}

/** What separates the parts of a compound name: a middle dot (科创天府·智汇蓉城) or 、 (对标竞进、争创一流). */
const COMPOUND_SEPARATORS = '·・•、';
const LIST_COMMA = 0x3001;
/** COUNT_CHARS by code: a compound with a part that opens with a count (“一县一园、一镇一业”) is left to the numbered slogans. */
const COUNT_CODES = new Set(Array.from(COUNT_CHARS, (char) => char.charCodeAt(0)));

/**
 * Whether `name` is a compound name: two to four parts of two to four Han characters each, joined
 * by one kind of separator (COMPOUND_SEPARATORS): “科创天府·智汇蓉城”, “美丽四川·宜居乡村”; with 、
 * only parts of one length, three or four (a parallel slogan: “对标竞进、争创一流”, “大学习、深调研、
 * 真落实”), not a list of words (“阳光、雨露、土壤”, “政府、银行、企业”); no part opening with a count
 * (“一县一园、一镇一业”: numbered slogans, slogans.ts). Taken only where the text names it a programme (coinageAt).
 */
function compoundOf(name: string): boolean {
  let separator = -1;
  let parts = 0;
  let run = 0;
  let length = 0;
  for (let i = 0; i <= name.length; i++) {
    const code = i < name.length ? name.charCodeAt(i) : -1;
    if (code !== -1 && isHan(code)) {
      if (run === 0 && COUNT_CODES.has(code)) return false;
      run++;
      continue;
    }
    if (run < 2 || run > 4) return false;
    if (parts === 0) length = run;
    else if (run !== length) length = 0;
    parts++;
    run = 0;
    if (code === -1) break;
    if (!COMPOUND_SEPARATORS.includes(name.charAt(i)) || (separator !== -1 && code !== separator)) return false;
    separator = code;
  }
  if (parts < 2 || parts > 4) return false;
  return separator !== LIST_COMMA || length >= 3;
}

/** A unit a sign may follow in a joined name: a Han character, a capital or a digit. */
const isWordUnit = (code: number): boolean => isHan(code) || isUpper(code) || isDigit(code);

/** Which governing noun starts at `at`, if any. */
export function governingAt(text: string, at: number): string | undefined {
  const words = GOVERNING_BY_FIRST.get(text.charCodeAt(at));
  if (words === undefined) return undefined;
  for (let w = 0; w < words.length; w++) if (text.startsWith(words[w] as string, at)) return words[w];
  return undefined;
}

/**
 * Whether the quoted name text[open+1, close) may be a coined term by its own shape and the text
 * right around it. Whether it is taken also depends on the whole text (see `scanSlogans`): it
 * must be governed by a noun, be quoted more than once, or be an acronym.
 */
export function coinageAt(text: string, open: number, close: number): 'governed' | 'named' | 'shaped' | 'acronym' | undefined {
  const name = text.slice(open + 1, close);
  const shape = coinageShape(name);
  if (shape === undefined) return undefined;
  // Quotation of speech: 他说：“…”; an ironic mention: 所谓“…”.
  const before = text.charCodeAt(open - 1);
  if (before === 0xff1a || before === 0x3a) return undefined;
  // Only the words that end in the unit before the quote (most quotes follow none of them).
  const speech = SPEECH_BEFORE_BY_LAST.get(before);
  if (speech !== undefined) {
    for (let w = 0; w < speech.length; w++) {
      const word = speech[w] as string;
      if (open >= word.length && text.startsWith(word, open - word.length)) return undefined;
    }
  }
  if (shape === 'acronym') return 'acronym';
  // Words joined by a sign name a programme by their shape alone: “人工智能+”行动, “数据要素×”.
  if (shape === 'joined') return 'named';
  // Parts joined by a dot or 、 name one only where the text says so: governed (“对标竞进、争创一流”
  // 活动, “科创天府·智汇蓉城”科技成果转化行动) or launched (开展“…”); else a quoted list of words.
  if (shape === 'compound') return governingAt(text, close + 1) !== undefined ? 'governed' : launchedAt(text, open) || governedNear(text, close) ? 'named' : undefined;
  // A name that the sentence goes on to govern: “无废城市”建设, “放管服”改革.
  if (governingAt(text, close + 1) !== undefined) return 'governed';
  // 某某局, 某某县 name an organisation or a place; 无废城市 ends in a common noun of its own.
  if (NAME_ENDING_CODES.has(name.charCodeAt(name.length - 1)) && !endsInGoverning(name)) return undefined;
  // Two characters alone are mostly scare quotes around an ordinary word.
  if (name.length < 3) return undefined;
  // Quoted once, but named as a programme: its own name ends in a governing noun (“萃青工程”,
  // “网链共享计划”), a launching verb takes it as object (建设“天府森林粮库”), or it stands in a
  // list of quoted names (“科技副总”“产业教授”“科技成果专员”等).
  if (endsInGoverning(name) || launchedAt(text, open) || listedBeside(text, open, close) || governedNear(text, close)) return 'named';
  return 'shaped';
}

/** Characters that end a noun phrase (function words), or begin a count of something else (“强工业”十二大行动). */
const PHRASE_BREAK = '的和与及等是在为对把将从向了着过也都又并且或零〇一二两三四五六七八九十百千万';
const PHRASE_BREAK_CODES = new Set(Array.from(PHRASE_BREAK, (char) => char.charCodeAt(0)));

// Whether a governing noun ends a short noun phrase right after the closing quote at `close`
// (“防疫泡泡”生产模式, “川行天下”市场拓展活动): up to four more Han characters, none a function word
// or a numeral.
function governedNear(text: string, close: number): boolean {
  for (let at = close + 1; at <= close + 5 && at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (!isHan(code) || PHRASE_BREAK_CODES.has(code)) return false;
    if (at > close + 1 && governingAt(text, at) !== undefined) return true;
  }
  return false;
}

// Whether a launching verb ends right before the opening quote at `open`.
function launchedAt(text: string, open: number): boolean {
  const verbs = LAUNCHING_VERBS_BY_LAST.get(text.charCodeAt(open - 1));
  if (verbs === undefined) return false;
  for (let v = 0; v < verbs.length; v++) {
    const verb = verbs[v] as string;
    if (open >= verb.length && text.startsWith(verb, open - verb.length)) return true;
  }
  return false;
}

const CLOSING_QUOTES = '”」』’';
const OPENING_QUOTES = '“「『‘';

/** What joins two names of a list: 、 and the conjunctions 和, 与, 及. */
const JOINS = '、和与及';

// Whether another quoted name comes right before or after this one (”“, ”、“, ”和“): a list of names.
function listedBeside(text: string, open: number, close: number): boolean {
  const before = JOINS.includes(text.charAt(open - 1) || '-') ? text.charAt(open - 2) : text.charAt(open - 1);
  const after = JOINS.includes(text.charAt(close + 1) || '-') ? text.charAt(close + 2) : text.charAt(close + 1);
  return (before !== '' && CLOSING_QUOTES.includes(before)) || (after !== '' && OPENING_QUOTES.includes(after));
}

// Whether a name ends in one of the governing nouns (无废城市, 智慧社区): a common noun, not a proper name.
function endsInGoverning(name: string): boolean {
  const words = GOVERNING_BY_LAST.get(name.charCodeAt(name.length - 1));
  if (words === undefined) return false;
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as string;
    if (name.length > word.length && name.endsWith(word)) return true;
  }
  return false;
}
