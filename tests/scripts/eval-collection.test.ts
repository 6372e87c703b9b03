// The collection eval's own helpers: which body occurrences of a report's appendix terms it counts,
// and the looser agreement test it reports beside definitionsAgree.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bigramWeights, commonPhrases, editorialSince, itemsCovered, listsDiffer, loadReviews, longerTerm, namesSameThing, ownOccurrences, partOfTerm, phraseFrequencies, sameMeaning, shareCore, sharesSpecificPhrases } from '../../scripts/eval-collection';
import { formsUsed } from '../../scripts/eval-usage';
import type { GlossaryEntry } from '../../src/core/types';

describe('ownOccurrences', () => {
  const entries: GlossaryEntry[] = [
    { id: 'a', term: '三清一改', aliases: ['“三清一改”'], definition: '清垃圾、清沟渠、清杂物，改陋习。', status: 'official' },
    { id: 'b', term: '一改', definition: '单字太短的例子。', status: 'official' },
    { id: 'c', term: '清', definition: '一个字的词不计。', status: 'official' },
  ];
  it.each([
    ['开展“三清一改”行动，三清一改见效', ['“三清一改”', '三清一改']],
    ['只做一改', ['一改']],
    ['没有相关提法', []],
    ['清理河道', []],
  ])('%s', (body, expected) => {
    expect(ownOccurrences(body, entries).map((o) => body.slice(o.start, o.end))).toEqual(expected);
  });
});

describe('itemsCovered', () => {
  it.each([
    // a list against prose naming the same things
    [{ items: ['碳达峰', '碳中和'] }, { definition: '力争2030年前实现碳达峰，2060年前实现碳中和。' }, true],
    // reworded items still found (Dice of a window)
    [{ items: ['建好农村公路', '管好农村公路', '护好农村公路'] }, { definition: '建设好、管好、护好农村公路。' }, true],
    // a different list
    [{ items: ['续建推进', '开工建设', '竣工投产'] }, { definition: '发展生产、易地搬迁、生态补偿。' }, false],
    // two prose definitions: not this test's business
    [{ definition: '碳达峰和碳中和。' }, { definition: '碳达峰和碳中和。' }, false],
    // too few of the items
    [{ items: ['碳达峰', '碳中和', '能耗双控'] }, { definition: '只讲碳达峰。' }, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(itemsCovered(a, b)).toBe(expected);
    expect(itemsCovered(b, a)).toBe(expected);
  });
});

describe('formsUsed', () => {
  it.each([
    ['落实“四个一批”，推进“三去一降一补”', ['四个一批', '三去一降一补']],
    ['增强四个意识，做到两个维护。', ['四个意识', '两个维护']],
    ['他说“好”', []],
    ['三个月内完成', []],
  ])('%s', (text, expected) => {
    expect([...formsUsed(text)].sort()).toEqual([...expected].sort());
  });
});

describe('sameMeaning (the eval\'s judge)', () => {
  // Weights from a few invented definitions: common pairs (建设, 发展) weigh little, rare ones much.
  const weight = bigramWeights([
    '推进城市建设发展。', '加快经济建设发展。', '建设发展新格局。', '发展现代产业体系建设。',
    '下雨时像海绵一样吸水蓄水，需要时释放利用。', '把技术难题公开张榜，由有能力者揭榜。',
    '长江经济带高质量发展。', '成渝地区双城经济圈建设。', '沿海经济带各市协同发展。', '县域经济发展。', '数字经济和实体经济融合。',
    '城镇家庭成员都没有就业的家庭。', '失业人员再就业。',
  ]);
  it.each([
    // a rewording of one policy, at other lengths: the same meaning
    ['零就业家庭', { definition: '城镇家庭中法定劳动年龄内、有劳动能力和就业愿望的成员都没有就业的家庭。' }, { definition: '指非农业户籍家庭中所有法定劳动年龄内、具有劳动能力和就业愿望的家庭成员均处于失业状态且进行了失业登记的家庭。' }, true],
    ['揭榜挂帅', { definition: '把技术难题公开张榜，由有能力的团队揭榜承担。' }, { definition: '即科技悬赏制：政府把关键技术难题张榜，面向社会征集能揭榜的团队。' }, true],
    // negative rows: different programmes under one numbered name, even when they share words
    ['五个一批', { definition: '续建推进一批、开工建设一批、竣工投产一批、谋划储备一批、招商引进一批项目。' }, { definition: '发展生产脱贫一批、易地搬迁脱贫一批、生态补偿脱贫一批、发展教育脱贫一批、社会保障兜底一批。' }, false],
    ['六个一批', { definition: '建立一批研究中心，创建一批传习基地，策划一批文化活动。' }, { definition: '谋划储备一批、招引洽谈一批、落地投运一批重大项目。' }, false],
    // negative rows: a different subject under one name
    ['两山', { definition: '绿水青山就是金山银山的发展理念。' }, { definition: '“两山”指龙门山、龙泉山两座山脉。' }, false],
    ['一带', { definition: '丝绸之路经济带。' }, { definition: '沿海经济带，包括东西两翼地区各市。' }, false],
  ])('%s: %j vs %j → %s', (term, a, b, expected) => {
    expect(sameMeaning(a, b, term, weight)).toBe(expected);
    expect(sameMeaning(b, a, term, weight)).toBe(expected);
  });
  it.each([
    // the same government rewords an unnumbered policy: a smaller shared share is enough …
    ['城市大脑', { definition: '利用大数据和人工智能，构建城市综合管理平台，实现全局指挥。' }, { definition: '推动城市数据资源汇聚和运行态势全域感知，提升治理能力的综合平台。' }, true, true],
    // … only for the same government (negative)
    ['城市大脑', { definition: '利用大数据和人工智能，构建城市综合管理平台，实现全局指挥。' }, { definition: '推动城市数据资源汇聚和运行态势全域感知，提升治理能力的综合平台。' }, false, false],
    // … and never for a numbered name, which a government does reuse (negative)
    ['四早工程', { definition: '疫情防控中对确诊病例尽早发现，就地隔离，集中救治。' }, { definition: '慢性病防治中对高危人群尽早发现，健康干预，规范诊治。' }, true, false],
    ['早字工程', { definition: '疫情防控中对确诊病例尽早发现，就地隔离，集中救治。' }, { definition: '慢性病防治中对高危人群尽早发现，健康干预，规范诊治。' }, true, true],
  ])('%s, same government %s … → %s', (term, a, b, sameGovernment, expected) => {
    expect(sameMeaning(a, b, term, weight, sameGovernment as boolean)).toBe(expected);
    expect(sameMeaning(b, a, term, weight, sameGovernment as boolean)).toBe(expected);
  });
  it('without weights keeps the stricter judge (rewordings at other lengths disagree)', () => {
    expect(sameMeaning({ definition: '把技术难题公开张榜，由有能力的团队揭榜承担。' }, { definition: '即科技悬赏制：政府把关键技术难题张榜，面向社会征集能揭榜的团队。' })).toBe(false);
  });
});

describe('listsDiffer', () => {
  it.each([
    // two lists of different items: two programmes
    [{ definition: '续建推进一批、开工建设一批、竣工投产一批。' }, { definition: '发展生产一批、易地搬迁一批、生态补偿一批。' }, true],
    // a label before the list is the name again, not an item (negative)
    [{ definition: '“四上”企业：规模以上工业企业、有资质的建筑业企业、规模以上服务业企业。' }, { definition: '规模以上工业企业、资质等级建筑业企业、规模以上服务业企业。' }, false],
    // a sentence naming things in passing is prose, not a list (negative)
    [{ definition: '为促进未成年人健康，集中解决近视、龋齿、脊柱侧弯等问题。' }, { definition: '以近视、龋齿、扁平足、脊柱侧弯为核心，开展筛查和治疗。' }, false],
    // abbreviations of the same items (批零住餐 for 批发零售和住宿餐饮) (negative)
    [{ items: ['建好', '管好', '护好', '运营好'] }, { definition: '全面建设好、管理好、养护好、运营好乡村道路。' }, false],
    [{ items: ['限额以上批零住餐企业', '规模以上工业企业', '有资质的建筑业企业'] }, { definition: '限额以上批发零售和住宿餐饮企业、规模以上工业企业、资质等级建筑业企业。' }, false],
    // fewer than three parts (negative)
    [{ definition: '碳达峰、碳中和。' }, { definition: '节能、减排。' }, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(listsDiffer(a, b)).toBe(expected);
    expect(listsDiffer(b, a)).toBe(expected);
  });
});

describe('partOfTerm', () => {
  it.each([
    // an unnumbered word of its own inside the appendix's longer name
    ['推进城中村“十个一”工程', '城中村“十个一”工程', '城中村', ['城中村'], true],
    ['出台优化法治化营商环境十项措施', '优化法治化营商环境十项措施', '营商环境', ['营商环境'], true],
    // negative rows: a glued generic word makes no other thing
    ['深化“三医联动”改革', '“三医联动”改革', '三医联动', ['三医联动'], false],
    // a numbered part is the core of the longer name, and is judged
    ['挖掘两山两水资源', '两山两水', '两山', ['两山'], false],
    // the matched words are not the shown entry's own (an alias cut from a longer term)
    ['用好国际投资“单一窗口”', '国际投资“单一窗口”', '单一窗口', ['国际贸易单一窗口'], false],
    // the match is the occurrence itself
    ['建设城中村', '城中村', '城中村', ['城中村'], false],
  ])('%s: %s inside %s', (body, occurrenceText, matched, forms, expected) => {
    const at = body.indexOf(occurrenceText);
    const start = body.indexOf(matched, at);
    expect(partOfTerm(body, { start, end: start + matched.length, text: matched }, { start: at, end: at + occurrenceText.length }, forms)).toBe(expected);
  });
});

describe('longerTerm', () => {
  const entry = (term: string): GlossaryEntry => ({ id: term, term, definition: '释义。', status: 'official' });
  it.each([
    // the appendix term is one link of a longer numbered coinage or list in the text
    ['推进“一带一路”建设', '一带', '“一带一路”', '一带一路', true],
    ['稳定实现两不愁三保障', '三保', '两不愁三保障', '两不愁三保障', true],
    ['落实碳达峰、碳中和部署', '碳中和', '碳达峰、碳中和', '碳达峰、碳中和', true],
    // … or part of a longer name the quotes hold whole
    ['开展“上云用数赋智”行动', '用数', '“上云用数赋智”行动', '上云用数赋智', true],
    ['开展“上云用数赋智”行动', '上云', '“上云用数赋智”行动', '上云用数赋智', true],
    // negative rows: a glued word or qualifier is the same term, judged as such
    ['推进“四个一批”项目', '四个一批', '“四个一批”项目', '“四个一批”项目', false],
    ['坚持新时代“枫桥经验”', '枫桥经验', '新时代“枫桥经验”', '新时代枫桥经验', false],
    ['深化“放管服”改革', '放管服', '“放管服”改革', '“放管服”改革', false],
    // the match is the occurrence itself
    ['推进一带建设', '一带', '一带', '一带', false],
  ])('%s: %s inside %s → %s', (body, term, matched, matchedTerm, expected) => {
    const start = body.indexOf(matched);
    const at = body.indexOf(term, start);
    expect(longerTerm(body, { start, end: start + matched.length }, { start: at, end: at + term.length, entry: entry(term) }, matchedTerm)).toBe(expected);
  });
});

describe('namesSameThing (extended judge: another name of the same thing)', () => {
  it.each([
    // the report spells out its short name's full name, which is the shown entry's term
    [{ definition: '面向全省的示范工程。', forms: ['百园示范、千企提升'] }, { definition: '“百园示范、千企提升”行动的简称，2019年启动。', forms: ['百千行动'] }, true],
    // both give the same short name after 简称
    [{ definition: '省里推行的园区改造工程，简称“百千行动”。', forms: ['百园示范、千企提升'] }, { definition: '简称“百千行动”，本市2020年印发实施方案。', forms: ['百园示范、千企提升行动'] }, true],
    // negative: a form of the shown entry mentioned in passing, not a full name the term abbreviates
    [{ definition: '企业从设立到退出所面对的外部条件。', forms: ['营商环境', '优化营商环境'] }, { definition: '司法厅出台的十项举措，开展优化营商环境专项行动。', forms: ['优化法治化营商环境十项措施'] }, false],
    // negative: the report names its own parts (两峰 of 两峰两湖), not another name of the shown thing
    [{ definition: '生态就是财富的发展理念，简称“两峰”理念。', forms: ['青峰绿湖就是财富', '两峰理念'] }, { definition: '“两峰”指东峰、西峰，“两湖”指南湖、北湖。', forms: ['两峰两湖'] }, false],
    // negative: different short names
    [{ definition: '简称“百千行动”。', forms: ['甲'] }, { definition: '简称“千百工程”。', forms: ['乙'] }, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(namesSameThing(a, b)).toBe(expected);
    expect(namesSameThing(b, a)).toBe(expected);
  });
});

describe('shareCore and listsDiffer with shared cores (extended judge)', () => {
  it.each([
    ['有资质的建筑业企业', '资质等级建筑业企业', true],
    ['规模以上服务业企业', '国家重点服务业企业', true],
    // negative: a shared run under four characters
    ['续建推进一批', '开工建设一批', false],
    // negative: a four-character run that is less than half of the shorter item
    ['城镇规划区内新增建设用地指标', '集体经营性建设用地入市交易试点', false],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(shareCore(a, b)).toBe(expected);
    expect(shareCore(b, a)).toBe(expected);
  });
  it('lists whose items differ only around a shared core are one list under the extended judge, two lists before it', () => {
    const a = { definition: '具有施工总承包资质的建筑业企业、全省年度重点服务业企业、限额以上批发零售企业。' };
    const b = { definition: '资质等级建筑业企业、规模以上服务业企业、重点外贸进出口企业。' };
    expect(listsDiffer(a, b)).toBe(true);
    expect(listsDiffer(a, b, true)).toBe(false);
  });
  it('two lists of different programmes still differ (negative)', () => {
    const a = { definition: '续建推进一批、开工建设一批、竣工投产一批。' };
    const b = { definition: '发展生产一批、易地搬迁一批、生态补偿一批。' };
    expect(listsDiffer(a, b, true)).toBe(true);
  });
});

describe('commonPhrases and sharesSpecificPhrases (extended judge: the same named things)', () => {
  // Invented definitions for the phrase counts: 推动高质量发展 is common wording, the rest rare.
  const corpus = [
    '推动高质量发展。', '推动高质量发展的举措。', '坚持推动高质量发展。', '全面推动高质量发展。',
    '山区班车统一站牌标识。', '河湖巡查。', '园区招商。',
  ];
  const frequency = phraseFrequencies(corpus);
  it('finds the distinct common runs of four or more characters, the term cut out', () => {
    expect(commonPhrases('统一山区班车站牌，更新车辆涂装。', '以车辆涂装、站牌标识为抓手，系统解决山区班车问题。', '银线工程')).toEqual(['山区班车', '车辆涂装']);
    expect(commonPhrases('银线工程是山区班车工程。', '银线工程即统一站牌。', '银线工程')).toEqual([]);
  });
  it.each([
    // two rare phrases shared: the same programme in other words
    ['银线工程', '统一山区班车站牌，更新车辆涂装，推动高质量发展。', '以车辆涂装、站牌标识为抓手，系统解决山区班车问题。', true],
    // negative: one shared phrase only
    ['银线工程', '统一山区班车站牌。', '系统解决山区班车问题。', false],
    // negative: the shared phrases are common wording
    ['金线工程', '推动高质量发展，全面推动高质量发展。', '坚持推动高质量发展，推动高质量发展的举措。', false],
    // negative: a numbered name is a set, and two sets may share two items
    ['三个责任', '企业主体责任、部门监管责任、属地管理责任。', '企业主体责任，部门监管责任，岗位安全责任。', false],
  ])('%s: %s / %s → %s', (term, a, b, expected) => {
    expect(sharesSpecificPhrases({ definition: a }, { definition: b }, term, frequency, 1000)).toBe(expected);
    expect(sharesSpecificPhrases({ definition: b }, { definition: a }, term, frequency, 1000)).toBe(expected);
  });
  it('a phrase counts as common above 0.5% of the definitions (negative: two rare phrases in a small corpus are common)', () => {
    expect(sharesSpecificPhrases({ definition: '统一山区班车站牌，更新车辆涂装。' }, { definition: '以车辆涂装为抓手，解决山区班车问题。' }, '银线工程', () => 1, 100)).toBe(false);
    expect(sharesSpecificPhrases({ definition: '统一山区班车站牌，更新车辆涂装。' }, { definition: '以车辆涂装为抓手，解决山区班车问题。' }, '银线工程', () => 1, 1000)).toBe(true);
  });
});

describe('sameMeaning with evidence (the extended judge) vs without (the judge before)', () => {
  const weight = bigramWeights(['推进城市建设发展。', '山区班车统一站牌。', '河湖巡查。']);
  const frequency = phraseFrequencies(['推进城市建设发展。', '山区班车统一站牌。', '河湖巡查。']);
  const a = { definition: '统一山区班车站牌，更新车辆涂装，提升乡镇通达能力和服务质量水平。' };
  const b = { definition: '全省试点项目，以车辆涂装、驾驶员工装为切入点，系统解决山区班车和快递物流问题。' };
  it('the same programme in other words: a contradiction before, the same meaning with evidence', () => {
    expect(sameMeaning(a, b, '银线工程', weight)).toBe(false);
    expect(sameMeaning(a, b, '银线工程', weight, false, { shownForms: ['银线工程'], ownForms: ['银线工程'], frequency, total: 1000 })).toBe(true);
  });
  it('different programmes under one numbered name stay different with evidence (negative)', () => {
    const x = { definition: '建立一批研究中心，创建一批传习基地，策划一批文化活动。' };
    const y = { definition: '谋划储备一批、招引洽谈一批、落地投运一批重大项目。' };
    expect(sameMeaning(x, y, '六个一批', weight, true, { shownForms: ['六个一批'], ownForms: ['六个一批'], frequency, total: 1000 })).toBe(false);
  });
});

describe('loadReviews', () => {
  const write = (content: unknown) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pg-reviews-')), 'reviews.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  };
  it('keys each review by report, term, shown place and shown term', () => {
    const file = write({ reviews: [{ file: 'a/2023.md', term: '银线工程', shownFrom: '某省', shownTerm: '银线工程', verdict: 'same', reason: '同一工程，措辞不同。' }] });
    expect([...loadReviews(file).keys()]).toEqual(['a/2023.md\t银线工程\t某省\t银线工程']);
  });
  it.each([
    [{ reviews: [{ file: 'a', term: 'b', shownFrom: 'c', shownTerm: 'd', verdict: 'maybe', reason: 'x' }] }],
    [{ reviews: [{ file: 'a', term: 'b', shownFrom: 'c', shownTerm: 'd', verdict: 'same', reason: ' ' }] }],
  ])('refuses a review without a known verdict or a reason: %j', (content) => {
    expect(() => loadReviews(write(content))).toThrow(/needs a verdict/u);
  });
  it('no file, no reviews (negative)', () => {
    expect(loadReviews(path.join(tmpdir(), 'pg-no-such-reviews.json')).size).toBe(0);
  });
});

describe('editorialSince', () => {
  it('reads the year an editorial file’s terms came into use from its name, 0 for the others', () => {
    expect(editorialSince('national/editorial-2023.yaml')).toBe(2023);
    expect(editorialSince('national/editorial.yaml')).toBe(0);
    expect(editorialSince('editorial.yaml')).toBe(0);
    expect(editorialSince('collection/430100-2022-3')).toBe(0);
  });
});
