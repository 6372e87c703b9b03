// Reads the explained phrase of a note (“三会一代理”制度, “六稳”“六保”, 服务业“三百工程”) as the
// canonical term(s) plus the written form as an alias.

/** One term a note explains, with the other forms the report writes it in. */
export interface TermForms {
  term: string;
  aliases: string[];
  /** An English gloss the report writes after the term (三清行动（Three Clean Campaign））. */
  en?: string;
}

const QUOTED = /[“"「『‘]([^“”"「」『』‘’]*)[”"」』’]/gu;
const QUOTE_CHARS = /[“”"「」『』‘’]/gu;
const HAN = /\p{Script=Han}/gu;
const JOINERS = /^[、，,和与及\s]*$/u;
/** A bracketed phrase of Chinese words after a quoted name, and nothing else: its expansion. */
const EXPANSION = /^\s*[（(][^（）()]*\p{Script=Han}[^（）()]*[）)]\s*$/u;
/** Words that only say what kind of thing the quoted term is: “三会一代理”制度 is the term 三会一代理. */
const KIND_SUFFIXES = new Set(['制度']);

/** The phrase without its quotation marks: “三项”工作 → 三项工作. */
export function stripQuotes(text: string): string {
  return text.replace(QUOTE_CHARS, '');
}

/** A page reference after a head: `（P2）`, `（第3页）`, `(p.12)`. */
const PAGE_REFERENCE_TEXT = String.raw`\s*[（(]\s*(?:[Pp]\.?\s*\d+|第?\s*\d+\s*页)\s*[）)]`;
const PAGE_REFERENCE = new RegExp(`${PAGE_REFERENCE_TEXT}$`, 'u');
/** A page reference opening the text after a head (`“三清”行动（第3页）清河道…`: no colon after it). */
export const PAGE_REFERENCE_FIRST = new RegExp(`^${PAGE_REFERENCE_TEXT}`, 'u');

/** Removes markdown emphasis, line breaks and spaces inside Chinese text, a page reference, and the colon that ends a note head. */
export function cleanHead(head: string): string {
  return head
    .replace(/\*+/gu, '')
    // A line break a wrap put inside the head (`“两通”工` / `程：…`, a PDF saved as text), or the
    // spaces of text set letter-spaced (`三 清 行 动`).
    .replace(/(?<=[\p{Script=Han}“”「」])\s+(?=[\p{Script=Han}“”「」])/gu, '')
    .replace(/^[\s、，,]+/u, '')
    // `关于“三清”行动：…`: 关于 ("on") before the quoted name is no part of the term.
    .replace(/^关于(?=[“「『‘"])/u, '')
    .replace(/[\s：:]+$/u, '')
    // `四个着力。即：…`: the verb that leads into the definition is no part of the term.
    .replace(/。(?:即|是指|指的是|指)$/u, '')
    .replace(PAGE_REFERENCE, '')
    .trim();
}

function hanCount(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

/**
 * The terms of a note head. Several quoted phrases and nothing else (“六稳”“六保”, “邮票绿地”和“袖珍广场”)
 * are several terms; a quoted phrase followed only by 制度 (“三会一代理”制度) is the term, the written
 * form its alias; anything else (“三用”土地, 服务业“三百工程”, 稳增长“21”条) is one term without its
 * quotes, the written form its alias.
 */
export function readTermForms(rawHead: string): TermForms[] {
  const cleaned = cleanHead(rawHead);
  const gloss = englishGloss(cleaned);
  if (gloss) return readTermForms(gloss.term).map((forms, _, all) => (all.length === 1 ? { ...forms, en: gloss.en } : forms));
  // A short name the report gives the term (`城市更新行动（简称“更新行动”）`): the term without it, the
  // short name a form of it (pages write either); a one-character short name stays out (it would match everywhere).
  const short = SHORT_NAME.exec(cleaned);
  if (short) {
    const name = short[1]!.replace(QUOTE_CHARS, '').trim();
    return readTermForms(cleaned.slice(0, short.index)).map((forms, _, all) =>
      all.length === 1 && [...name].length >= 2 && name !== forms.term && !forms.aliases.includes(name) ? { ...forms, aliases: [...forms.aliases, name] } : forms,
    );
  }
  const head = cleaned;
  const quoted = [...head.matchAll(QUOTED)];
  const outside = head.replace(QUOTED, '');
  if (quoted.length >= 2 && JOINERS.test(outside)) {
    return quoted.map((m) => ({ term: (m[1] ?? '').trim(), aliases: [] })).filter((forms) => forms.term.length > 0);
  }
  const plain = stripQuotes(head).trim();
  const core = quoted[0]?.[1]?.trim() ?? '';
  const leading = quoted[0]?.index === 0;
  if (quoted.length === 1 && leading && KIND_SUFFIXES.has(outside.trim()) && hanCount(core) >= 2) {
    return [{ term: core, aliases: [head] }];
  }
  // A quoted name and its expansion in brackets (`“两新”（大规模设备更新和消费品以旧换新）`): the
  // name is the term pages write; the head as written stays a form of it.
  if (quoted.length === 1 && leading && EXPANSION.test(outside) && hanCount(core) >= 2) {
    return [{ term: core, aliases: [plain] }];
  }
  const wrappedWhole = quoted.length === 1 && outside.trim().length === 0;
  const strayQuote = /[“”"「」『』‘’]/u.test(outside);
  const aliases = plain === head || wrappedWhole || strayQuote ? [] : [head];
  for (const form of abbreviationForms(plain)) if (form !== plain && !aliases.includes(form)) aliases.push(form);
  return [{ term: plain, aliases }];
}

/** A name and its abbreviation in brackets after it: 区域全面经济伙伴关系协定（RCEP）, 合同研究组织（CRO）. */
const NAME_THEN_ABBREVIATION = /^(.*\p{Script=Han}.*?)\s*[（(]\s*([A-Za-z][A-Za-z0-9.+\-&/ ]{0,20}[A-Za-z0-9+])\s*[）)]$/u;
/** An abbreviation and its name in brackets after it: PPP（政府和社会资本合作）. */
const ABBREVIATION_THEN_NAME = /^([A-Za-z][A-Za-z0-9.+\-&/]{0,20}[A-Za-z0-9+])\s*[（(]\s*([^（）()]*\p{Script=Han}[^（）()]*?)\s*[）)]$/u;

/**
 * The two forms of a term written as a name with its abbreviation in brackets (either way round),
 * each of which a text may use alone; none for any other term (保税物流中心（B型） names one kind).
 */
export function abbreviationForms(term: string): string[] {
  const match = NAME_THEN_ABBREVIATION.exec(term) ?? ABBREVIATION_THEN_NAME.exec(term);
  if (!match) return [];
  const [, first, second] = match;
  return [first!.trim(), second!.trim()].filter((form) => [...form].length >= 2);
}

/** A short name in brackets closing a head: （简称“更新行动”）, （以下简称大湾区）. */
const SHORT_NAME = /\s*[（(]\s*(?:以下)?简称[：:]?\s*([^（）()]{1,20}?)\s*[）)]$/u;

/** A term and words of English in brackets after it: 三清行动（Three Clean Campaign）, 金融科技（Fintech）. */
const TERM_THEN_LATIN = /^(.*\p{Script=Han}.*?)\s*[（(]\s*([A-Za-z][A-Za-z'’\- ]*[a-z])\s*[）)]$/u;

/**
 * The term and its English gloss when the head ends with one: two words or more with small letters
 * (Three Clean Campaign, Bay Area), or one capitalised word (Fintech); never an abbreviation
 * (RCEP, REITs, eVTOL), which abbreviationForms reads as a form of its own.
 */
export function englishGloss(head: string): { term: string; en: string } | undefined {
  const match = TERM_THEN_LATIN.exec(head);
  if (!match) return undefined;
  const en = match[2]!.trim();
  const words = en.split(/[\s-]+/u).filter((word) => word.length > 0);
  const gloss = words.length >= 2 ? /[a-z]{2}/u.test(en) : /^[A-Z][a-z]{3,}$/u.test(en);
  return gloss ? { term: match[1]!.trim(), en } : undefined;
}

/** Spaces between two Chinese characters or Chinese punctuation marks (none belongs in Chinese text). */
const SPACE_IN_CHINESE = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’])[^\S\n]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’])/gu;

/**
 * `text` without the spaces of letter-spaced setting (`清 河 道 、 清 垃 圾 。`, a PDF saved as
 * text): only when most of its neighbouring Chinese characters are set apart so, as a space between
 * two words of ordinary Chinese text may be the writer's.
 */
export function unspaced(text: string): string {
  const spaced = text.match(SPACE_IN_CHINESE)?.length ?? 0;
  if (spaced < 4) return text;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return spaced * 2 >= han ? text.replace(SPACE_IN_CHINESE, '') : text;
}
