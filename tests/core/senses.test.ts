// Senses: which written forms are one term (quotes, width, distinctive stems with a generic suffix)
// and which stay apart (ordinary words, bare counts); and the matcher finding those variants in text.
import { describe, expect, it } from 'vitest';
import { compileGlossaryPack } from '../../src/core/glossary-compile';
import { createMatcher } from '../../src/core/matcher';
import { createSenseIndex, derivedForms, distinctiveStem, senseKey } from '../../src/core/senses';
import type { GlossaryEntry, GlossaryFile } from '../../src/core/types';

describe('senseKey: one term or two', () => {
  const rows: [string, string, boolean][] = [
    ['专精特新“小巨人”', '专精特新小巨人', true],
    ['“三高四新”战略', '三高四新', true],
    ['三高四新战略', '“三高四新”', true],
    ['“一带一路”建设', '一带一路', true],
    ['六稳', '“六稳”', true],
    ['１５分钟服务圈', '15分钟服务圈', true],
    ['五个一批工程', '五个一批', true],
    ['“放管服”改革', '放管服', true],
    // Negative rows: ordinary words keep their suffix, a bare count is not a name.
    ['乡村振兴战略', '乡村振兴', false],
    ['河长制度', '河长', false],
    ['三大工程', '三大', false],
    ['十大行动', '十大', false],
    ['一平台三体系', '一平台三机制', false],
    ['乡村振兴十大行动', '乡村振兴十大工程', false],
    ['安全生产三年行动', '安全生产三年', false],
    ['“新网”工程', '新网', false],
    ['“500”工程', '500', false],
    ['创新驱动发展战略', '创新驱动发展', false],
    ['六稳', '六保', false],
  ];
  it.each(rows)('%s ~ %s → %s', (a, b, same) => {
    expect(senseKey(a) === senseKey(b)).toBe(same);
  });

  it('distinctiveStem keeps a stem only when it names something', () => {
    expect(distinctiveStem('“三高四新”战略')).toBe('三高四新');
    expect(distinctiveStem('“大通关”建设')).toBe('大通关');
    expect(distinctiveStem('乡村振兴战略')).toBeUndefined();
    expect(distinctiveStem('工程')).toBeUndefined();
    expect(distinctiveStem('三高四新')).toBeUndefined();
  });

  it('derivedForms gives the stems not already written', () => {
    expect(derivedForms(['“三高四新”战略'])).toEqual(['三高四新']);
    expect(derivedForms(['三高四新战略', '三高四新'])).toEqual([]);
    expect(derivedForms(['乡村振兴战略', '数字中国建设'])).toEqual([]);
  });
});

const entry = (id: string, term: string, definition: string, aliases?: string[]): GlossaryEntry => ({
  id, term, definition, status: 'official', ...(aliases ? { aliases } : {}),
});
const file = (title: string, code: string, name: string, year: number, entries: GlossaryEntry[]): GlossaryFile => ({
  source: { title, kind: '名词解释', year, region: { code, name, level: 'city' } },
  entries,
});

const PACK = compileGlossaryPack([
  { path: 'a.yaml', file: file('甲', '431100', '永州市', 2021, [entry('a-ssg', '“三高四新”战略', '甲的释义。'), entry('a-xjr', '专精特新“小巨人”', '甲：小巨人。'), entry('a-xc', '乡村振兴战略', '甲：乡村振兴。')]) },
  { path: 'b.yaml', file: file('乙', '430200', '株洲市', 2022, [entry('b-ssg', '三高四新', '乙的释义。'), entry('b-xc', '乡村振兴', '乙：乡村振兴。'), entry('b-xjr', '专精特新小巨人企业', '乙：企业。')]) },
  { path: 'c.yaml', file: file('丙', '430100', '长沙市', 2022, [entry('c-xjr', '专精特新小巨人', '丙：小巨人。', ['专精特新“小巨人”'])]) },
]);

describe('createSenseIndex', () => {
  const index = createSenseIndex(PACK);
  it('groups one term across files, the asked entry first, then pack order', () => {
    expect(index.sensesOf('b-ssg').map((e) => e.id)).toEqual(['b-ssg', 'a-ssg']);
    expect(index.sensesOf('a-ssg').map((e) => e.id)).toEqual(['a-ssg', 'b-ssg']);
    expect(index.sensesOf('c-xjr').map((e) => e.id)).toEqual(['c-xjr', 'a-xjr']);
  });
  it('keeps ordinary words and longer terms apart (negative rows)', () => {
    expect(index.sensesOf('a-xc').map((e) => e.id)).toEqual(['a-xc']);
    expect(index.sensesOf('b-xc').map((e) => e.id)).toEqual(['b-xc']);
    expect(index.sensesOf('b-xjr').map((e) => e.id)).toEqual(['b-xjr']);
    expect(index.sensesOf('no-such-id')).toEqual([]);
  });
  it('lists the groups of two or more', () => {
    expect(index.groups().map((group) => group.map((e) => e.id).sort())).toEqual([['a-ssg', 'b-ssg'], ['a-xjr', 'c-xjr']]);
  });
});

describe('the matcher finds the variants of a term', () => {
  const only = (entries: GlossaryEntry[]) =>
    createMatcher(compileGlossaryPack([{ path: 'x.yaml', file: { source: { title: 't', kind: 'editorial' }, entries } }]), { slogans: false });
  const terms = (matcher: ReturnType<typeof only>, text: string) =>
    matcher.scan(text).filter((m) => m.kind === 'term').map((m) => [m.text, m.entryId]);

  it('an entry 专精特新“小巨人” matches 专精特新小巨人 in a page', () => {
    const matcher = only([entry('xjr', '专精特新“小巨人”', '释义。')]);
    expect(terms(matcher, '培育专精特新小巨人企业')).toEqual([['专精特新小巨人', 'xjr']]);
  });
  it('an entry “三高四新”战略 matches 三高四新 alone (derived at build), and the full form', () => {
    const matcher = only([entry('ssg', '“三高四新”战略', '释义。')]);
    expect(terms(matcher, '落实三高四新，推进“三高四新”战略')).toEqual([['三高四新', 'ssg'], ['“三高四新”战略', 'ssg']]);
  });
  it('negative: 乡村振兴战略 does not match 乡村振兴 alone, 三大工程 not 三大', () => {
    const matcher = only([entry('xc', '乡村振兴战略', '释义。'), entry('sd', '三大工程', '释义。')]);
    expect(terms(matcher, '全面推进乡村振兴，打好三大攻坚战')).toEqual([]);
  });
});
