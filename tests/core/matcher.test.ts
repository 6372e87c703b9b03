import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/core/matcher';
import type { MatcherGlossary } from '../../src/core/matcher';
import type { TextMatch } from '../../src/core/types';
import { seededRandom } from '../support/random';

const glossary: MatcherGlossary = {
  entries: [
    { id: 'liu-wen', term: '六稳', forms: ['六稳', '“六稳”'] },
    { id: 'liu-bao', term: '六保', forms: ['六保'] },
    { id: 'fifteen', term: '15分钟服务圈', forms: ['15分钟服务圈', '十五分钟服务圈'] },
    { id: 'san-hui-yi-dai-li', term: '三会一代理', forms: ['三会一代理'] },
    { id: 'san-hui', term: '三会', forms: ['三会', '“三会”制度'] },
    { id: 'san-xiang', term: '三项工作', forms: ['三项工作', '“三项”工作'] },
    { id: 'san-zhong-yi-da', term: '三重一大', forms: ['三重一大'] },
    { id: 'shi-si-wu', term: '十四五', forms: ['十四五'] },
    { id: 'jia-men-kou', term: '家门口', forms: ['家门口', '“家门口”服务站'] },
    { id: 'wu-da', term: '五大倍增行动', forms: ['五大倍增行动'] },
    { id: 'san-wen', term: '三问三登记', forms: ['三问三登记'] },
    { id: 'sc', term: 'SCO', forms: ['SCO'] },
    { id: 'wen-jiu-ye', term: '稳就业', forms: ['稳就业'] },
  ],
  variants: { 穩: '稳', 項: '项', 會: '会', 門: '门', 鐘: '钟', 務: '务', 圍: '围', 記: '记' },
};

type Row = [text: string, expected: Array<[text: string, kind: TextMatch['kind'], entryId?: string]>];

const shown = (matches: TextMatch[]): Row[1] =>
  matches.map((match) => (match.entryId ? [match.text, match.kind, match.entryId] : [match.text, match.kind]));

describe('createMatcher: glossary terms', () => {
  const matcher = createMatcher(glossary);
  it.each<Row>([
    ['扎实做好“六稳”“六保”工作', [['六稳', 'term', 'liu-wen'], ['六保', 'term', 'liu-bao']]],
    ['完成22个社会事业“15分钟服务圈”公共服务', [['15分钟服务圈', 'term', 'fifteen']]],
    ['１５分钟服务圈', [['１５分钟服务圈', 'term', 'fifteen']]],
    ['十五分钟服务圈', [['十五分钟服务圈', 'term', 'fifteen']]],
    ['“十五分钟\n服务圈”', [['十五分钟\n服务圈', 'term', 'fifteen']]],
    ['落实“三会一代理”制度，主动听取', [['“三会一代理”制度', 'term', 'san-hui-yi-dai-li']]],
    ['居村“三会”制度执行情况', [['“三会”制度', 'term', 'san-hui']]],
    ['“三项”工作提速推进', [['“三项”工作', 'term', 'san-xiang']]],
    ['严格落实“三重一大”制度要求', [['“三重一大”制度', 'term', 'san-zhong-yi-da']]],
    ['「六穩」「三重一大」', [['六穩', 'term', 'liu-wen'], ['三重一大', 'term', 'san-zhong-yi-da']]],
    ['三 重\n一 大', [['三 重\n一 大', 'term', 'san-zhong-yi-da']]],
    ['“家门口”服务站和“家門口”', [['“家门口”服务站', 'term', 'jia-men-kou'], ['家門口', 'term', 'jia-men-kou']]],
    ['为“十四五”发展夯实基础', [['十四五', 'term', 'shi-si-wu']]],
    ['六稳六保', [['六稳', 'term', 'liu-wen'], ['六保', 'term', 'liu-bao']]],
    ['ＳＣＯ峰会', [['ＳＣＯ', 'term', 'sc']]],
    // negatives: near the terms but not them
    ['115分钟服务圈', []],
    ['15分钟服务圈5', [['15分钟服务圈', 'term', 'fifteen']]],
    ['六灶05-01已完成供地批文', []],
    ['SCOPE', []],
    ['六安稳定发展', []],
    ['', []],
  ])('%j', (text, expected) => {
    expect(shown(matcher.scan(text))).toEqual(expected);
  });

  it('keeps the longest term where two overlap (三会一代理 over 三会)', () => {
    expect(shown(matcher.scan('三会一代理'))).toEqual([['三会一代理', 'term', 'san-hui-yi-dai-li']]);
  });

  it('keeps the leftmost of two terms that overlap (六稳 in 六稳就业), and no overlap', () => {
    expect(shown(matcher.scan('六稳就业，稳就业'))).toEqual([['六稳', 'term', 'liu-wen'], ['稳就业', 'term', 'wen-jiu-ye']]);
  });

  it.each([
    ['a form one numeral long (十 → 10)', { id: 'ten', term: '十', forms: ['十'] }, '乙十丙丙十丁十', [1, 4, 6]],
    ['a two-character form at odd and even offsets', { id: 'lw', term: '六稳', forms: ['六稳'] }, '乙六稳丙丙六稳丁丁丁六\n稳', [1, 5, 10]],
  ])('finds %s at every offset', (_name, entry, text, starts) => {
    expect(createMatcher({ entries: [entry] }, { slogans: false, fuzzy: false }).scan(text).map((match) => match.start)).toEqual(starts);
  });

  it('never matches a one-character form (it would be inside every sentence), quoted or not', () => {
    const entries = [{ id: 'po', term: '破', forms: ['破', '“破”'] }, { id: 'li', term: '立', forms: ['立'] }];
    expect(createMatcher({ entries }, { slogans: false, fuzzy: false }).scan('破旧立新，在“破”“立”上下功夫')).toEqual([]);
    // The same entries with a two-character form are still found by it.
    const longer = [{ id: 'po-li', term: '破立', forms: ['破立'] }, ...entries];
    expect(createMatcher({ entries: longer }, { slogans: false, fuzzy: false }).scan('在破立上下功夫').map((m) => m.entryId)).toEqual(['po-li']);
  });

  it('gives a form claimed by two entries to the first', () => {
    const twice = createMatcher({ entries: [{ id: 'a', term: '六稳', forms: ['六稳'] }, { id: 'b', term: '六稳', forms: ['“六稳”'] }] });
    expect(twice.scan('六稳')[0]?.entryId).toBe('a');
  });

  it('does not fold traditional characters the glossary did not list', () => {
    expect(shown(createMatcher({ entries: glossary.entries }).scan('六穩'))).toEqual([]);
  });
});

describe('createMatcher: slogans the glossary lacks', () => {
  const matcher = createMatcher(glossary);
  it.each<Row>([
    ['做实两网融合管理', [['两网融合', 'unknown-slogan']]],
    ['“两网融合”', [['两网融合', 'unknown-slogan']]],
    ['增强“四个意识”', [['四个意识', 'unknown-slogan']]],
    ['增强四个意识', [['四个意识', 'unknown-slogan']]],
    ['实施双千工程', [['双千工程', 'unknown-slogan']]],
    ['“三条保障线”', [['三条保障线', 'unknown-slogan']]],
    ['出台稳增长“21”条', [['“21”条', 'unknown-slogan']]],
    ['“1+4+7”政策体系', [['1+4+7', 'unknown-slogan']]],
    ['践行“五大倍增”', [['五大倍增', 'fuzzy', 'wu-da']]],
    ['严格执行三问三登计', [['三问三登计', 'fuzzy', 'san-wen']]],
    // negatives: ordinary counting, places, dates and ordinals
    ['六灶区域三所配套学校年内结构封顶', []],
    ['示范村验收6大类14项创建项目', []],
    ['完成10大类23项实事工程', []],
    ['全面贯彻落实党的十九大和十九届二中、三中、四中全会精神', []],
    ['贯彻落实四届区委八次全会精神', []],
    ['扎实推进第七次全国人口普查', []],
    ['加快完成三年行动计划各项任务', []],
    ['1-7月，全镇刑事案件同比下降', []],
    ['累计排摸95535人次', []],
    ['千方百计维护群众权益', []],
    ['这是一项系统工程', []],
    ['推动一二三产融合发展', []],
    ['“生活垃圾分类示范镇”', []],
    ['“2020年度”', []],
  ])('%j', (text, expected) => {
    expect(shown(matcher.scan(text))).toEqual(expected);
  });

  it('reports a typo of a two-character term as unknown: 六穏 is as near 六保 as 六稳', () => {
    expect(shown(matcher.scan('“六穏”'))).toEqual([['六穏', 'unknown-slogan']]);
  });

  it('gives fuzzy matches a score between 0 and 1', () => {
    const [match] = matcher.scan('践行“五大倍增”');
    expect(match?.score).toBeGreaterThanOrEqual(0);
    expect(match?.score).toBeLessThan(0.5);
  });

  it.each<[string, { slogans?: boolean; fuzzy?: boolean }, Row[1]]>([
    ['slogans off: near misses only', { slogans: false }, [['五大倍增', 'fuzzy', 'wu-da']]],
    ['fuzzy off: the near miss is unknown', { fuzzy: false }, [['两网融合', 'unknown-slogan'], ['五大倍增', 'unknown-slogan']]],
    ['both off: glossary terms only', { slogans: false, fuzzy: false }, []],
  ])('%s', (_name, options, expected) => {
    expect(shown(createMatcher(glossary, options).scan('做实两网融合管理，践行“五大倍增”'))).toEqual(expected);
  });

  it('lets a glossary term win over a slogan candidate it overlaps', () => {
    expect(shown(matcher.scan('“六稳”“四个意识”'))).toEqual([['六稳', 'term', 'liu-wen'], ['四个意识', 'unknown-slogan']]);
  });
});

describe('createMatcher: results are always well-formed', () => {
  const matcher = createMatcher(glossary);
  const check = (text: string): void => {
    const matches = matcher.scan(text);
    let reached = 0;
    for (const match of matches) {
      expect(match.start).toBeGreaterThanOrEqual(reached);
      expect(match.end).toBeGreaterThan(match.start);
      expect(match.text).toBe(text.slice(match.start, match.end));
      reached = match.end;
    }
    expect(reached).toBeLessThanOrEqual(text.length);
  };

  it.each([
    ['lone surrogates', '\ud800六稳\udfff“三会\udbff一代理”'],
    ['NUL and controls', '\u0000六\u0000稳\u0007'],
    ['only quotes and spaces', '“”「」 \n\t'],
    ['numerals only', '十十十一二三四五六七八九十百千万两双'],
    ['unbalanced quotes', '“六稳“六保”三会一代理”制度”'],
  ])('%s', (_name, text) => {
    expect(() => check(text)).not.toThrow();
  });

  it('handles a large text in one call and stays correct', () => {
    const unit = '扎实做好“六稳”“六保”工作，完成“15分钟服务圈”。';
    const text = unit.repeat(20_000);
    const matches = matcher.scan(text);
    expect(matches).toHaveLength(60_000);
    expect(matches[59_999]?.text).toBe('15分钟服务圈');
    check(text.slice(0, 5000));
  });

  it('returns nothing for a non-string input instead of throwing', () => {
    expect(matcher.scan(undefined as unknown as string)).toEqual([]);
  });
});

// Property test: random glossary forms, each planted in random text in a random spelling
// (full-width digits, Chinese numerals, quotes, line breaks, traditional characters), must be
// found exactly where planted, with the right entry.
describe('createMatcher: planted terms are found at their exact offsets', () => {
  // Term characters and filler are disjoint, and the filler has no numerals and no quotes.
  const TERM_CHARS = '稳保会代理项重问登记圈服务钟功能态倍增行动机制联';
  const FILLER = '的在是了和有我们这个为以上下中国家要地出也进展规划经济社会发城市建设管理工作推';
  const TRADITIONAL: Record<string, string> = { 稳: '穩', 会: '會', 项: '項', 记: '記', 务: '務', 钟: '鐘', 动: '動', 态: '態', 机: '機', 联: '聯' };
  const NUMBERS: Array<[glossaryForm: string, spellings: string[]]> = [
    ['六', ['六', '6', '６']],
    ['15', ['15', '十五', '１５']],
    ['三', ['三', '3']],
    ['20', ['20', '二十', '２０']],
    ['两', ['两', '2']],
  ];

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i', (seed) => {
    const next = seededRandom(seed);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const entries = Array.from({ length: 40 }, (_, index) => {
      const number = pick(NUMBERS);
      const tail = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick([...TERM_CHARS])).join('');
      const form = `${number[0]}${tail}`;
      return { id: `e${index}`, term: form, forms: [form], number };
    });
    const unique = entries.filter((entry, index) => entries.findIndex((other) => other.term === entry.term) === index);
    const matcher = createMatcher({ entries: unique, variants: Object.fromEntries(Object.entries(TRADITIONAL).map(([s, t]) => [t, s])) }, { slogans: false });

    let text = '';
    const planted: Array<{ start: number; end: number; id: string }> = [];
    for (let i = 0; i < 60; i++) {
      text += Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick([...FILLER])).join('');
      const entry = pick(unique);
      const tail = [...entry.term.slice(entry.number[0].length)]
        .map((char) => (next() < 0.3 && TRADITIONAL[char] ? TRADITIONAL[char] : char))
        .map((char) => (next() < 0.15 ? `${char}\n` : char))
        .join('')
        .replace(/\n$/, '');
      const spelled = `${pick(entry.number[1])}${tail}`;
      const quoted = next() < 0.4;
      if (quoted) text += pick(['“', '「', '‘']);
      planted.push({ start: text.length, end: text.length + spelled.length, id: entry.id });
      text += spelled;
      if (quoted) text += pick(['”', '」', '’']);
    }
    text += '。';

    // Forms start with distinct numbers and the filler shares no character with them, so every
    // plant comes back exactly: same offsets, same entry, nothing else.
    const found = matcher.scan(text).map((match) => ({ start: match.start, end: match.end, id: match.entryId }));
    expect(found).toEqual(planted);
  });
});
