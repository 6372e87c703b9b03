import { describe, expect, it } from 'vitest';
import { scanSlogans } from '../../src/core/slogans';
import type { SloganEvidence } from '../../src/core/slogans';

const found = (text: string): Array<[string, SloganEvidence]> => scanSlogans(text).map((candidate) => [candidate.text, candidate.evidence]);

describe('scanSlogans', () => {
  it.each<[string, Array<[string, SloganEvidence]>]>([
    // quoted names with a numeral that counts
    ['做实“两网融合”管理', [['两网融合', 'quoted']]],
    ['增强“四个意识”', [['四个意识', 'quoted']]],
    ['“三条保障线”', [['三条保障线', 'quoted']]],
    ['农民工服务保障“五件实事”', [['五件实事', 'quoted']]],
    ['「一网通办」', [['一网通办', 'quoted']]],
    ['“多证合一”改革', [['多证合一', 'quoted']]],
    ['“双亿度”突破', [['双亿度', 'quoted']]],
    ['完成“15分钟服务圈”建设', [['15分钟服务圈', 'quoted']]],
    ['“七五”普法', [['七五', 'quoted']]],
    ['"六稳"两个"四个意识"', [['六稳', 'quoted'], ['四个意识', 'quoted']]],
    // quoted numbers: codes, and a counter glued after the quote
    ['出台稳增长“21”条', [['“21”条', 'quoted']]],
    ['构建“1+N”政策体系', [['1+N', 'quoted']]],
    // one digit alone, a part of a name a note explains: named by nothing
    ['“1+3”财政金融互动：“1”是指一个意见，“3”是指三项措施', [['1+3', 'quoted']]],
    ['“1+4+7”政策体系', [['1+4+7', 'quoted']]],
    ['推进“1+ N”中试研发平台', [['1+ N', 'quoted']]],
    ['“1525”工程', [['1525', 'quoted']]],
    // unquoted shapes
    ['严格执行三问三登记', [['三问三登记', 'alternating']]],
    ['推进三去一降一补', [['三去一降一补', 'alternating']]],
    ['两不愁三保障', [['两不愁三保障', 'alternating']]],
    ['实施十项民生工程建设', [['十项民生工程', 'headed']]],
    ['实施双千工程', [['双千工程', 'headed']]],
    ['做实两网融合管理', [['两网融合', 'headed']]],
    ['打造六大科技专项', [['六大科技专项', 'headed']]],
    ['“强工业”十二大行动', [['十二大行动', 'headed']]],
    ['为十四五发展夯实基础', [['十四五', 'plan']]],
    ['十五五时期', [['十五五', 'plan']]],
    ['“九五”期间的目标', [['九五', 'quoted']]],
    ['落实九五计划', [['九五', 'plan']]],
    // negatives: counting, dates, ordinals, places, idioms, words
    ['六灶05-01已完成供地批文', []],
    ['六灶区域三所配套学校', []],
    // a slogan head that starts a longer word: an engineer, not a 工程
    ['三矿副总工程师李虎被移交司法机关', []],
    ['实施三大民生工程，培养工程师', [['三大民生工程', 'headed']]],
    ['验收6大类14项创建项目', []],
    ['完成10大类23项实事工程', []],
    ['党的十九大和十九届二中、三中、四中全会精神', []],
    ['四届区委八次全会', []],
    ['第七次全国人口普查', []],
    ['三年行动计划', []],
    ['1-7月', []],
    ['累计排摸95535人次', []],
    ['按照党的十九大战略安排', []],
    ['千方百计维护群众权益', []],
    ['这是一项系统工程', []],
    ['推动一二三产融合发展', []],
    ['四川改革发展', []],
    ['比照三峡工程建设和移民安置', []],
    ['双向转诊制度', []],
    ['万亿级产业', []],
    ['“生活垃圾分类示范镇”', []],
    ['“2020”', []],
    ['“2019中国营商环境”', []],
    ['“90后”', []],
    // a discount and an idiom are no plan codes
    ['全场九五折', []],
    ['八五折优惠', []],
    ['九五之尊', []],
    // digits after a letter or a middle dot are a code (a licence plate), not a count
    ['如“京·12345应急”表示车辆归属应急部，“京·X2345应急”表示归属北京市', []],
    ['耕地保护“1193”工作体系', [['1193', 'quoted']]],
    ['连跨两个万亿元台阶', []],
    ['一要提升，二要巩固', []],
    ['', []],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('returns sorted, non-overlapping spans whose text is the input between them', () => {
    const text = '落实“六稳”“六保”，实施十项民生工程、双千工程，严格执行三问三登记。';
    const candidates = scanSlogans(text);
    expect(candidates.map((candidate) => candidate.text)).toEqual(['六稳', '六保', '十项民生工程', '双千工程', '三问三登记']);
    let reached = 0;
    for (const candidate of candidates) {
      expect(candidate.start).toBeGreaterThanOrEqual(reached);
      expect(text.slice(candidate.start, candidate.end)).toBe(candidate.text);
      reached = candidate.end;
    }
  });

  it('ignores an unclosed quote and a quote that runs past a sentence', () => {
    expect(found('“六稳')).toEqual([]);
    expect(found('“六稳。六保”')).toEqual([]);
  });
});
