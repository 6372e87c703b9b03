// The collection eval's own helpers: which body occurrences of a report's appendix terms it counts,
// and the looser agreement test it reports beside definitionsAgree.
import { describe, expect, it } from 'vitest';
import { bigramWeights, itemsCovered, longerTerm, ownOccurrences, sameMeaning } from '../../scripts/eval-collection';
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
  it('without weights keeps the stricter judge (rewordings at other lengths disagree)', () => {
    expect(sameMeaning({ definition: '把技术难题公开张榜，由有能力的团队揭榜承担。' }, { definition: '即科技悬赏制：政府把关键技术难题张榜，面向社会征集能揭榜的团队。' })).toBe(false);
  });
});

describe('longerTerm', () => {
  const entry = (term: string): GlossaryEntry => ({ id: term, term, definition: '释义。', status: 'official' });
  it.each([
    // the appendix term is one link of a longer numbered coinage or list in the text
    ['推进“一带一路”建设', '一带', '“一带一路”', '一带一路', true],
    ['稳定实现两不愁三保障', '三保', '两不愁三保障', '两不愁三保障', true],
    ['落实碳达峰、碳中和部署', '碳中和', '碳达峰、碳中和', '碳达峰、碳中和', true],
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
