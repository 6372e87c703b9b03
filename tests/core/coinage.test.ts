import { describe, expect, it } from 'vitest';
import { coinageShape } from '../../src/core/coinages';
import { createMatcher } from '../../src/core/matcher';
import { scanSlogans, type SloganEvidence } from '../../src/core/slogans';

const found = (text: string): Array<[string, SloganEvidence]> => scanSlogans(text).map((candidate) => [candidate.text, candidate.evidence]);

describe('quoted coinages without a numeral', () => {
  it.each<[string, Array<[string, SloganEvidence]>]>([
    // governed by a noun after the closing quote
    ['深化“放管服”改革，优化营商环境', [['放管服', 'coined']]],
    ['开展“无废城市”建设试点', [['无废城市', 'coined']]],
    ['推行“揭榜挂帅”制度', [['揭榜挂帅', 'coined']]],
    ['培育一批“专精特新”企业', [['专精特新', 'coined']]],
    ['打造“巴蜀好礼”品牌', [['巴蜀好礼', 'coined']]],
    // quoted twice in the same text, nothing governing it
    ['落实“揭榜挂帅”。各区推广“揭榜挂帅”，成效明显。', [['揭榜挂帅', 'coined'], ['揭榜挂帅', 'coined']]],
    // quoted once, named as a programme: a launching verb before it, a governing noun ending it, a list of names
    ['建设“江南森林粮仓”，保障供给。', [['江南森林粮仓', 'coined']]],
    ['推动“山区云课堂”提质增效。', [['山区云课堂', 'coined']]],
    ['深入落实“青苗育才工程”，完善政策。', [['青苗育才工程', 'coined']]],
    ['深化“科技特派员”“产业导师”等做法。', [['科技特派员', 'coined'], ['产业导师', 'coined']]],
    ['推进“乡村客运”和“城乡交邮”融合。', [['乡村客运', 'coined'], ['城乡交邮', 'coined']]],
    ['推广工厂“闭环泡泡”生产模式。', [['闭环泡泡', 'coined']]],
    // Latin acronyms
    ['用好“RCEP”规则', [['RCEP', 'coined']]],
    ['推广「TOD」开发', [['TOD', 'coined']]],
    // numbered slogans keep their own evidence
    ['做实“两网融合”管理', [['两网融合', 'quoted']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['scare quotes around an ordinary word, once', '压实“一把手”责任，当好“领头雁”。'],
    ['a two-character word, once, ungoverned', '群众的“急事”马上办。'],
    ['a book title', '学习《乡村振兴促进法》和《民法典》。'],
    ['quotation of speech', '他说：“我们要把好事办好。”'],
    ['a quoted sentence', '牢记“发展是第一要务，人才是第一资源”的要求。'],
    ['a quoted name of an organisation', '由“市数据资源局”牵头。'],
    ['a quoted place name', '建设“青山县”美丽乡村。'],
    ['an ironic mention after 所谓', '破除所谓“潜规则”制度。'],
    ['something called by a name', '被称为“小巷管家”工作法。'],
    ['too long to be a coined name', '落实“企业开办全程网上办理一次办结”机制。'],
    ['mixed letters and digits', '推广“5G”应用。'],
    ['a quoted phrase with a comma', '做到“快办，好办”工作。'],
    ['quoted once after a verb that launches nothing', '争当群众心中的“贴心人”。'],
    ['two characters after a launching verb', '建设“美丽”家园。'],
    ['a place name after a launching verb', '建设“青山县”，造福群众。'],
    ['one-character names side by side', '做到“快”“准”“稳”。'],
    ['a governing noun past a function word', '守住“青山绿水”的生态底线和发展品牌。'],
    ['a governing noun too far after the quote', '守住“青山绿水”底线年年提升管理品牌。'],
    ['a quoted sentence in a list', '坚持“房子是用来住的、不是用来炒的”定位。'],
  ])('not a coinage: %s', (_why, text) => {
    expect(scanSlogans(text).filter((candidate) => candidate.evidence === 'coined')).toEqual([]);
  });

  // Words that were once listed by name as not slogans; the general rules must hold them now.
  it.each<[string]>([['把工作一锤接着一锤地干好'], ['扩建五金机电市场'], ['新春演出一票难求'], ['新三板西部路演中心落户'], ['一子落而满盘活']])(
    'not a slogan without a word list: %s',
    (text) => {
      expect(scanSlogans(text)).toEqual([]);
    },
  );

  it('flags names joined by a sign once quoted, but not quoted speech', () => {
    expect(scanSlogans('深入实施“人工智能+”行动，开展“数据要素×”三年行动，推动“机器人+”应用，拓展“5G+”场景').map((c) => c.text)).toEqual([
      '人工智能+',
      '数据要素×',
      '机器人+',
      '5G+',
    ]);
    expect(scanSlogans('他说：“文旅+”。')).toEqual([]);
  });

  it('flags compound names (parts joined by a dot, or parallel parts by 、) where the text names a programme', () => {
    expect(
      scanSlogans('实施“科创天府·智汇蓉城”科技成果转化行动，开展“对标竞进、争创一流”活动，推进“大学习、深调研、真落实”，打造“美丽四川·宜居乡村”').map((c) => c.text),
    ).toEqual(['科创天府·智汇蓉城', '对标竞进、争创一流', '大学习、深调研、真落实', '美丽四川·宜居乡村']);
    // Named by nothing, a list of words, unequal parts, a sentence: not taken.
    expect(scanSlogans('他们说“对标竞进、争创一流”。')).toEqual([]);
    expect(scanSlogans('守护“蓝天、碧水、净土”行动，形成“政府、担保公司、银行”合作机制')).toEqual([]);
    expect(scanSlogans('坚持“房子是用来住的、不是用来炒的”定位。')).toEqual([]);
  });

  it('can be switched off, leaving numbered slogans alone', () => {
    expect(scanSlogans('深化“放管服”改革，做实“两网融合”管理', { coinages: false }).map((c) => c.text)).toEqual(['两网融合']);
  });

  it.each<[string, ReturnType<typeof coinageShape>]>([
    ['放管服', 'han'],
    ['揭榜挂帅', 'han'],
    ['RCEP', 'acronym'],
    ['放', undefined],
    ['一二三四五六七八九', undefined],
    ['Rcep', undefined],
    ['5G', undefined],
    ['放管，服', undefined],
    ['人工智能+', 'joined'],
    ['数据要素×', 'joined'],
    ['互联网+政务服务', 'joined'],
    ['党建＋网格', 'joined'],
    ['文+', undefined],
    ['+旅游', undefined],
    ['数据×要素', undefined],
    ['互联网++', undefined],
    ['5G+', 'joined'],
    ['AI+', 'joined'],
    ['5G+智慧医疗', 'joined'],
    ['1+1', undefined],
    ['A+', undefined],
    ['C++', undefined],
    ['+AI', undefined],
    ['科创天府·智汇蓉城', 'compound'],
    ['对标竞进、争创一流', 'compound'],
    ['个转企、企升规、规改股、股上市', 'compound'],
    ['阳光、雨露、土壤', undefined],
    ['一县一园、一镇一业', undefined],
    ['美丽四川·宜居乡村', 'compound'],
    ['政府、担保公司', undefined],
    ['一·二', undefined],
    ['科创·智汇、蓉城', undefined],
    ['甲乙·丙丁·戊己·庚辛·壬癸', undefined],
  ])('shape of %s', (name, shape) => {
    expect(coinageShape(name)).toBe(shape);
  });

  it('reaches the page as unknown-slogan, and not where the glossary has the term', () => {
    const matcher = createMatcher({ entries: [{ id: 'fgf', term: '放管服', forms: ['放管服'] }] }, { fuzzy: false });
    const kinds = matcher.scan('深化“放管服”改革，开展“无废城市”建设').map((match) => [match.text, match.kind]);
    expect(kinds).toEqual([
      ['放管服', 'term'],
      ['无废城市', 'unknown-slogan'],
    ]);
  });
});

describe('bare acronyms', () => {
  it.each<[string, string[]]>([
    ['用好RCEP协定规则', ['RCEP']],
    ['推广TOD模式', ['TOD']],
    // negative rows: ungoverned abbreviations, and letters that belong to something longer
    ['全年GDP增长6%', []],
    ['下载APP办理', []],
    ['PM2.5平均浓度下降', []],
    ['建成5G基站', []],
    ['举办ABCDEFG工程展', []],
    ['RCEP', []],
  ])('%s', (text, expected) => {
    expect(scanSlogans(text).map((candidate) => candidate.text)).toEqual(expected);
  });

  it('are left alone with coinages off', () => {
    expect(scanSlogans('用好RCEP协定规则', { coinages: false })).toEqual([]);
  });
});
