// What the glossary knows about an unknown slogan: close terms, the same words numbered otherwise,
// and the definitions that use it (invented entries, each from its own document).
import { describe, expect, it } from 'vitest';
import { sloganUsage, type UsageEntry } from '../../src/core/slogan-usage';
import type { SourceDocument } from '../../src/core/types';

const documents: SourceDocument[] = [
  { title: '甲市报告', kind: '名词解释', year: 2019, region: { code: '110000', name: '甲市', level: 'city' } },
  { title: '乙市报告', kind: '名词解释', year: 2022, region: { code: '120000', name: '乙市', level: 'city' } },
  { title: '丙县报告', kind: '名词解释', date: '2021-02-03', region: { code: '130000', name: '丙县', level: 'county' } },
];

const entry = (id: string, term: string, doc: number, definition?: string, items?: string[]): UsageEntry => ({ id, term, doc, definition, items });

const ENTRIES: UsageEntry[] = [
  entry('a', '四个一批', 0, '引进一批、培育一批、改造一批、淘汰一批。'),
  entry('b', '三个一批', 1, '建成一批、开工一批、谋划一批。'),
  entry('c', '四个一批', 2, '另一地方的四个一批。'),
  entry('d', '乡村振兴十大工程', 1, '围绕“五个一批”推进十大工程。'),
  entry('e', '六大行动', 0, '包括“五个一批”和产业提升。'),
  entry('f', '两个确保', 2, undefined, ['确保五个一批落实', '确保安全']),
  entry('g', '五大行动', 2, '五项行动。'),
  entry('h', '5个1000行动', 0, '五个一千。'),
  entry('i', '一批项目', 0, '项目。'),
];

const terms = (list: readonly UsageEntry[]) => list.map((e) => `${e.term}@${e.doc}`);

describe('sloganUsage', () => {
  it.each([
    // The same words, other numbers: each term once (its first entry), in code-point order.
    { text: '五个一批', otherNumbers: ['三个一批@1', '四个一批@0'] },
    { text: '“五个一批”', otherNumbers: ['三个一批@1', '四个一批@0'] },
    { text: '七大行动', otherNumbers: ['五大行动@2', '六大行动@0'] },
    // Negative rows: other measure words, no words besides numbers, the slogan itself.
    { text: '七个行动', otherNumbers: [] },
    { text: '十四五', otherNumbers: [] },
    { text: '四个一批', otherNumbers: ['三个一批@1'] },
  ])('other numbers of $text: $otherNumbers', ({ text, otherNumbers }) => {
    expect(terms(sloganUsage(ENTRIES, documents, text).otherNumbers)).toEqual(otherNumbers);
  });

  it('definitions and items that use the slogan: one per document, most recent first, counted in all', () => {
    const usage = sloganUsage(ENTRIES, documents, '五个一批', 2);
    // doc 1 (2022), doc 2 (2021, from its date), doc 0 (2019): cut to 2, counted 3.
    expect(terms(usage.usedIn)).toEqual(['乡村振兴十大工程@1', '两个确保@2']);
    expect(usage.usedInCount).toBe(3);
  });

  it.each([
    // Negative rows: a slogan no text uses, and a definition of the slogan itself is not a use of it.
    { text: '九个一批', count: 0 },
    { text: '四个一批', count: 0 },
  ])('$text is used in $count documents', ({ text, count }) => {
    expect(sloganUsage(ENTRIES, documents, text).usedInCount).toBe(count);
  });

  it('close terms come from closestTerms and are not repeated as other numbers', () => {
    const usage = sloganUsage([...ENTRIES, entry('j', '五个一批工程', 0, '工程。')], documents, '五个一批');
    expect(terms(usage.close)).toEqual(['五个一批工程@0']);
    expect(terms(usage.otherNumbers)).toEqual(['三个一批@1', '四个一批@0']);
  });
});
