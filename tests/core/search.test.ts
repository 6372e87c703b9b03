// Glossary search over the project's own glossary, as the popup, options page and widget panel
// use it: Chinese, traditional, pinyin, initials, English, typos — and nothing for unrelated text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileGlossaryPack } from '../../src/core/glossary-compile';
import { validateGlossarySources } from '../../src/core/glossary-validate';
import { createGlossarySearch } from '../../src/core/search';

const sources = ['chuansha-2020h1.yaml', 'editorial.yaml'].map((name) => ({
  path: `glossary/${name}`,
  text: readFileSync(new URL(`../../glossary/${name}`, import.meta.url), 'utf8'),
}));
const check = validateGlossarySources(sources);
const pack = compileGlossaryPack(check.files.map((parsed) => ({ path: parsed.path, file: parsed.file! })));
const glossary = createGlossarySearch(pack);
const terms = (query: string, limit?: number): string[] => glossary.search(query, limit).map((hit) => hit.entry.term);

describe('createGlossarySearch', () => {
  // Each row: query, the term expected first.
  it.each([
    ['六稳', '六稳'],
    ['liuwen', '六稳'],
    ['LiuWen', '六稳'],
    ['lw', '六稳'],
    ['六穩', '六稳'],
    ['“六稳”', '六稳'],
    ['liuwne', '六稳'],
    ['三问三登纪', '三问三登记'],
    ['sanzhongyida', '三重一大'],
    ['三重一大制度', '三重一大'],
    ['三會一代理', '三会一代理'],
    ['１５分钟', '15分钟服务圈'],
    ['shiwufenzhong', '15分钟服务圈'],
    ['稳就业', '六稳'],
    ['six stabilities', '六稳'],
    ['垃圾', '两网融合'],
  ])('%s → %s first', (query, term) => {
    expect(terms(query)[0]).toBe(term);
  });

  it('finds 六稳 from a one-character typo with the same sound (六温) among the top two', () => {
    expect(terms('六温').slice(0, 2)).toContain('六稳');
  });

  it('ranks exact hits before prefix hits before fuzzy ones', () => {
    const hits = glossary.search('三会');
    expect(hits[0]!.entry.term).toBe('三会');
    expect(hits[0]!.score).toBe(0);
    expect(hits.slice(1, 3).map((hit) => hit.entry.term).sort()).toEqual(['三会一代理', '三会一课']);
    expect(hits.every((hit, i) => i === 0 || hit.score >= hits[i - 1]!.score)).toBe(true);
  });

  it.each(['天气预报', 'xyz', 'hello world', '足球比赛', 'zzz'])('negative: %s finds nothing', (query) => {
    expect(terms(query)).toEqual([]);
  });

  it('respects the limit; an empty query lists entries in pack order', () => {
    expect(terms('三', 3)).toHaveLength(3);
    expect(terms('', 2)).toEqual(pack.entries.slice(0, 2).map((entry) => entry.term));
  });
});
