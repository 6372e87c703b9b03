// Place names that hold a term: 乐山's 五通桥区 is no 五通 (通路、通电…), 郑州's 二七区 no 七区, 三明市 no
// 三明. The matcher takes such names as patterns of no entry (matcher-base.ts PLACE_NAMES_HOLDING_TERMS);
// here, that every division name holding a form of the project's collection is among them, and that
// the term is still found beside the name.
import { describe, expect, it } from 'vitest';
import { loadGlossaryPack } from '../../src/cli/glossary-files';
import { compilePack, loadCompiledMatcher } from '../../src/core/compiled-pack';
import { createMatcher } from '../../src/core/matcher';
import { PLACE_NAMES_HOLDING_TERMS } from '../../src/core/matcher-base';
import { shortNamesOf } from '../../src/core/places';
import type { MatchableEntry } from '../../src/core/types';
import { loadDivisions } from '../../src/places/divisions';

/** Names that hold a form and are left to match it, each with why. */
const LEFT_MATCHED: Readonly<Record<string, string>> = {
  新城区: 'as often a new part of a city (建设新城区, 新城区块) as 西安’s or 呼和浩特’s district',
};

describe('place names holding a term', () => {
  it('lists every division name (full or short) that holds a form of two characters or more of the collection', async () => {
    const pack = await loadGlossaryPack([]);
    const forms = new Set(pack.entries.flatMap((entry) => [entry.term, ...entry.forms]).filter((form) => form.length >= 2));
    const names = new Set(loadDivisions().flatMap((division) => [division.name, ...shortNamesOf(division)]));
    const holding = [...names].filter((name) => [...forms].some((form) => name.length > form.length && name.includes(form)));
    expect(holding.filter((name) => !PLACE_NAMES_HOLDING_TERMS.includes(name) && LEFT_MATCHED[name] === undefined).sort()).toEqual([]);
    // And none listed that holds nothing any longer (a term removed from the collection).
    expect(PLACE_NAMES_HOLDING_TERMS.filter((name) => !holding.includes(name))).toEqual([]);
  });

  const entries: MatchableEntry[] = [
    { id: 'wu-tong', term: '五通', forms: ['五通'], definition: '通路、通电、通水、通网、通讯。' },
    { id: 'qi-qu', term: '七区', forms: ['七区'], definition: '“七区”即七个功能区。' },
    { id: 'san-ming', term: '三明', forms: ['三明'], definition: '“三明”即明目标、明责任、明路径。' },
  ];
  const text = '乐山市五通桥区推进“五通”建设，郑州市二七区规划“七区”，三明市推行“三明”工作法，五通工程覆盖全区。';
  const terms = (found: readonly { text: string; kind: string; entryId?: string; start: number }[]) => found.filter((match) => match.kind === 'term').map((match) => [match.text, match.entryId]);
  // Where they are: after the names, never inside one.
  const starts = (found: readonly { kind: string; start: number }[]) => found.filter((match) => match.kind === 'term').map((match) => match.start);
  // Quoted and unquoted, beside the names (a match's text is the term, its quotes outside it).
  const expected = [
    ['五通', 'wu-tong'],
    ['七区', 'qi-qu'],
    ['三明', 'san-ming'],
    ['五通', 'wu-tong'],
  ];

  it('finds no term inside the names, and the terms beside them', () => {
    const found = createMatcher({ entries }, { fuzzy: false }).scan(text);
    expect(terms(found)).toEqual(expected);
    expect(starts(found)).toEqual([text.indexOf('五通”'), text.indexOf('七区”'), text.indexOf('三明”'), text.lastIndexOf('五通')]);
  });

  it('does the same from a compiled pack, as the extension loads one', () => {
    const matcher = loadCompiledMatcher(JSON.parse(JSON.stringify(compilePack({ entries, hash: 'test' }))), {});
    expect(terms(matcher.scan(text))).toEqual(expected);
  });

  it('keeps a glossary\'s own entry for a name: its form is matched, not taken for the place', () => {
    const own: MatchableEntry[] = [...entries, { id: 'er-qi-qu', term: '二七区', forms: ['二七区'], definition: '郑州市辖区。' }];
    expect(terms(createMatcher({ entries: own }, { fuzzy: false }).scan('二七区'))).toEqual([['二七区', 'er-qi-qu']]);
  });
});
