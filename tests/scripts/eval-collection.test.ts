// The collection eval's own helpers: which body occurrences of a report's appendix terms it counts,
// and the looser agreement test it reports beside definitionsAgree.
import { describe, expect, it } from 'vitest';
import { itemsCovered, ownOccurrences } from '../../scripts/eval-collection';
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
