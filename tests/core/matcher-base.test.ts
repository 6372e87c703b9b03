// The fuzzy-free base matcher the widget starts with: near misses stay unknown until a resolver is
// injected, and with createFuzzyResolver injected it finds exactly what createMatcher finds.
import { describe, expect, it } from 'vitest';
import { createFuzzyResolver } from '../../src/core/fuzzy';
import { createMatcher } from '../../src/core/matcher';
import { createBaseMatcher, createMatcherTable, type MatcherGlossary } from '../../src/core/matcher-base';
import { compilePack, loadCompiledMatcher } from '../../src/core/compiled-pack';
import type { TextMatch } from '../../src/core/types';

const glossary: MatcherGlossary = {
  entries: [
    { id: 'liu-wen', term: '六稳', forms: ['六稳', '“六稳”'] },
    { id: 'san-wen', term: '三问三登记', forms: ['三问三登记'] },
    { id: 'wu-da', term: '五大倍增行动', forms: ['五大倍增行动'] },
  ],
};

const shown = (matches: TextMatch[]) => matches.map((match) => [match.text.replace(/[“”]/g, ''), match.kind, match.entryId ?? '']);

describe('createBaseMatcher', () => {
  const rows: Array<[string, string, string[][], string[][]]> = [
    // [name, text, without a resolver, with createFuzzyResolver]
    ['a glossary term is found either way', '做好“六稳”工作', [['六稳', 'term', 'liu-wen']], [['六稳', 'term', 'liu-wen']]],
    ['a near miss is unknown until a resolver is injected', '落实“三问三登计”', [['三问三登计', 'unknown-slogan', '']], [['三问三登计', 'fuzzy', 'san-wen']]],
    ['a slogan cut short likewise', '践行“五大倍增”', [['五大倍增', 'unknown-slogan', '']], [['五大倍增', 'fuzzy', 'wu-da']]],
    ['a slogan nothing resembles stays unknown', '增强“四个意识”', [['四个意识', 'unknown-slogan', '']], [['四个意识', 'unknown-slogan', '']]],
    ['plain text has no matches', '今年以来经济稳步恢复', [], []],
  ];
  it.each(rows)('%s', (_name, text, bare, resolved) => {
    expect(shown(createBaseMatcher(glossary).scan(text))).toEqual(bare);
    expect(shown(createBaseMatcher(glossary, { fuzzy: createFuzzyResolver }).scan(text))).toEqual(resolved);
  });

  it('with createFuzzyResolver it equals createMatcher, and without one createMatcher(…, { fuzzy: false })', () => {
    const text = rows.map(([, sample]) => sample).join('，');
    expect(createBaseMatcher(glossary, { fuzzy: createFuzzyResolver }).scan(text)).toEqual(createMatcher(glossary).scan(text));
    expect(createBaseMatcher(glossary).scan(text)).toEqual(createMatcher(glossary, { fuzzy: false }).scan(text));
    expect(createBaseMatcher(glossary, { slogans: false }).scan(text)).toEqual(createMatcher(glossary, { slogans: false, fuzzy: false }).scan(text));
  });
});

describe('a near miss of a longer term that holds a shorter term whole', () => {
  const both: MatcherGlossary = {
    entries: [
      { id: 'san-wen', term: '三问', forms: ['三问'] },
      { id: 'san-wen-san-deng-ji', term: '三问三登记', forms: ['三问三登记'] },
      { id: 'liu-wen', term: '六稳', forms: ['六稳'] },
      { id: 'luo-shi', term: '落实三问', forms: ['落实三问'] },
    ],
  };
  const rows: Array<[string, string, string[][]]> = [
    // 三问 is a term of its own; the slip 三问三登计 is read as the near miss of 三问三登记, not as 三问.
    ['the slip, not its fragment', '推行“三问三登计”制度', [['三问三登计', 'fuzzy', 'san-wen-san-deng-ji']]],
    ['the exact longer term', '推行三问三登记制度', [['三问三登记', 'term', 'san-wen-san-deng-ji']]],
    ['the shorter term alone', '坚持三问，逐户登记', [['三问', 'term', 'san-wen']]],
    // No longer term resembles 三问四查: the shorter term stays what the matcher found.
    ['a numbered phrase nothing longer resembles', '做到“三问四查”', [['三问', 'term', 'san-wen']]],
    // The slogan found is 六稳三问三登计, a near miss of nothing: its terms stay.
    ['a longer slogan that holds it', '六稳三问三登计', [['六稳', 'term', 'liu-wen'], ['三问', 'term', 'san-wen']]],
    // A term that reaches past the slogan's start is not held whole: nothing is taken from it.
    ['a term not held whole', '要落实三问三登计', [['落实三问', 'term', 'luo-shi']]],
  ];
  it.each(rows)('%s', (_name, text, expected) => {
    const matches = createBaseMatcher(both, { fuzzy: createFuzzyResolver }).scan(text);
    expect(shown(matches)).toEqual(expected);
    // Without a resolver the terms the matcher found stay as they are.
    expect(shown(createBaseMatcher(both, { slogans: false }).scan(text)).filter((m) => m[1] === 'term')).toEqual(
      expected.some((m) => m[1] === 'fuzzy') ? [['三问', 'term', 'san-wen']] : expected,
    );
  });
});


describe('parts of a numbered layout', () => {
  // Invented entries: a part an appendix explains by quoting it, and terms explained otherwise.
  const layout: MatcherGlossary = {
    entries: [
      { id: 'yi-xin', term: '一心', forms: ['一心'], definition: '“一心”即滨江核心区。' },
      { id: 'shuang-yong', term: '双拥', forms: ['双拥'], definition: '拥军优属、拥政爱民。' },
      { id: 'liu-wen-a', term: '六稳', forms: ['六稳'], definition: '“六稳”即稳就业、稳金融。' },
      { id: 'liu-wen-b', term: '六稳', forms: ['六稳'], definition: '稳就业、稳金融、稳外贸。' },
      { id: 'san-dai', term: '三带', forms: ['三带'], definition: '三条产业带。' },
      { id: 'yi-he-liang-yi', term: '一核两翼', forms: ['一核两翼'], definition: '“一核两翼”即一个核心、两个翼。' },
    ],
  };

  it('marks a two-character numbered form only when every entry with it quotes it to open its definition', () => {
    const table = createMatcherTable(layout);
    expect(table.quotedOnly.map((pattern) => table.entryTerms[table.patternEntry[pattern]!])).toEqual(['一心']);
  });

  it('carries the mark on its matches, from a compiled pack too', () => {
    const text = '团结一心，做好双拥和六稳工作，建设三带。';
    for (const matcher of [createBaseMatcher(layout), loadCompiledMatcher(compilePack({ ...layout, hash: 'h' }))]) {
      const marked = matcher.scan(text).filter((match) => match.kind === 'term').map((match) => [match.text, match.quotedOnly ?? false]);
      expect(marked).toEqual([['一心', true], ['双拥', false], ['六稳', false], ['三带', false]]);
    }
  });
});
