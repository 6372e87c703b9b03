// Every string the UI shows, Chinese first with English available. Glossary data (official terms,
// definitions, document titles) is never translated: only the UI's own words are here.

/** The UI's own words in one language. */
export interface Strings {
  /** BCP 47 tag for the `lang` attribute of UI roots. */
  lang: 'zh-CN' | 'en';
  editorial: string;
  editorialHint: string;
  expansion: string;
  note: string;
  related: string;
  /** Label before the source line: "来源：". */
  sourceLabel: string;
  footnote: (n: number) => string;
  appendix: (n: number) => string;
  page: (n: number) => string;
  copy: string;
  copied: string;
  copyFailed: string;
  back: string;
  close: string;
  notInGlossary: string;
  /** Shown while a term's definition is on its way (never another meaning meanwhile). */
  loadingEntry: string;
  /** What an unknown slogan is, under its heading. */
  unknownWhat: string;
  /** The same for an unknown term with no numeral in it (a quoted coinage: “无废城市”, “人工智能+”). */
  unknownCoinedWhat: string;
  /** Heading of the glossary terms that look like an unknown slogan. */
  closeTerms: string;
  /** Heading of glossary terms with an unknown slogan's words and other numbers (other places' slogans). */
  otherNumbers: string;
  /** Heading of the definitions that use an unknown slogan: `n` source documents in all. */
  usedIn: (n: number) => string;
  /** Said when no definition in the glossary uses an unknown slogan. */
  usedNowhere: string;
  addToGlossary: string;
  searchGlossary: string;
  maybe: (term: string) => string;
  searchLabel: string;
  searchPlaceholder: string;
  noResults: (query: string) => string;
  untagged: string;
  entryCount: (n: number) => string;
  /** Formats an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for display. */
  date: (iso: string) => string;
  /** A report's year when its date is not known: "2023年". */
  year: (year: number) => string;
}

const zhDate = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  if (!y) return iso;
  return `${y}年` + (m ? `${Number(m)}月` : '') + (d ? `${Number(d)}日` : '');
};

const ZH: Strings = {
  lang: 'zh-CN',
  editorial: '编辑补充',
  editorialHint: '此条不是来源文件原文，由词库编者补充',
  expansion: '具体内容',
  note: '说明',
  related: '相关术语',
  sourceLabel: '来源：',
  footnote: (n) => `脚注 ${n}`,
  appendix: (n) => `名词解释第 ${n} 条`,
  page: (n) => `第 ${n} 页`,
  copy: '复制',
  copied: '已复制',
  copyFailed: '复制失败，请手动选择文字',
  back: '返回',
  close: '关闭',
  notInGlossary: '词库中暂无此词',
  loadingEntry: '正在载入释义…',
  unknownWhat: '这是一个编号提法（数字加概括词），词库中还没有它的解释，本页也没有给出定义。',
  unknownCoinedWhat: '这是一个政策提法，词库中还没有它的解释，本页也没有给出定义。',
  closeTerms: '词库中相近的提法',
  otherNumbers: '其他地方数字不同的同类提法',
  usedIn: (n) => `用到它的名词解释（${n} 份报告）`,
  usedNowhere: '词库收录的各地名词解释中都没有用到它。',
  addToGlossary: '添加到我的词库',
  searchGlossary: '在词库中搜索',
  maybe: (term) => `可能是：${term}`,
  searchLabel: '搜索术语',
  searchPlaceholder: '输入术语、拼音或关键词，如 liuwen',
  noResults: (query) => `没有找到与“${query}”相关的术语`,
  untagged: '其他',
  entryCount: (n) => `共 ${n} 条`,
  date: zhDate,
  year: (year) => `${year}年`,
};

const EN: Strings = {
  lang: 'en',
  editorial: 'Editorial',
  editorialHint: 'Not quoted from the source document; written by the glossary editors',
  expansion: 'Items',
  note: 'Note',
  related: 'Related terms',
  sourceLabel: 'Source: ',
  footnote: (n) => `footnote ${n}`,
  appendix: (n) => `glossary appendix no. ${n}`,
  page: (n) => `page ${n}`,
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed; select the text instead',
  back: 'Back',
  close: 'Close',
  notInGlossary: 'Not in the glossary yet',
  loadingEntry: 'Loading the definition…',
  unknownWhat: 'A numbered slogan (a number plus a summary word) that neither the glossary nor this page defines yet.',
  unknownCoinedWhat: 'A policy term that neither the glossary nor this page defines yet.',
  closeTerms: 'Similar slogans in the glossary',
  otherNumbers: 'The same words with other numbers, in other places',
  usedIn: (n) => `Glossary definitions that use it (${n} ${n === 1 ? 'report' : 'reports'})`,
  usedNowhere: 'No definition in the glossary uses it.',
  addToGlossary: 'Add to my glossary',
  searchGlossary: 'Search the glossary',
  maybe: (term) => `Maybe: ${term}`,
  searchLabel: 'Search terms',
  searchPlaceholder: 'Term, pinyin or keyword, e.g. liuwen',
  noResults: (query) => `No terms match “${query}”`,
  untagged: 'Other',
  entryCount: (n) => `${n} ${n === 1 ? 'entry' : 'entries'}`,
  date: (iso) => iso,
  year: (year) => String(year),
};

/**
 * The UI strings for a locale: any tag starting with `zh` (zh, zh-CN, zh-TW, zh_Hans…) gets Chinese,
 * everything else English. A missing locale means Chinese, the product's first language.
 */
export function createStrings(locale = 'zh-CN'): Strings {
  return /^zh/i.test(locale) ? ZH : EN;
}
