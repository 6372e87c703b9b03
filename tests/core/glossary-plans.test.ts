// The five-year plans in the national editorial entries (glossary/national/editorial.yaml): older
// documents republished on government sites name the 6th–10th plans (“九五”期间, “十五”计划), and
// the same two characters are often something else: a number (第十五条, 十五个部门), a discount
// (九五折) or a legal-awareness campaign (“八五”普法). Sentences written for this test.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGlossaryPack } from '../../src/cli/glossary-files';
import { createMatcher } from '../../src/core/matcher';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pack = await loadGlossaryPack(['glossary/national/editorial.yaml'], ROOT);
const matcher = createMatcher(pack, { fuzzy: false });
const terms = (text: string): Array<[string, string | undefined]> =>
  matcher
    .scan(text)
    .filter((match) => match.kind === 'term')
    .map((match) => [match.text, match.entryId]);

describe('five-year plans', () => {
  it.each([
    ['“十五”期间全国大型水库建设规划', [['“十五”期间', 'shi-wu-ji-hua']]],
    ['制定国民经济和社会发展“九五”计划和2010年远景目标', [['“九五”计划', 'jiu-wu-ji-hua']]],
    ['经过“九五”期间的努力', [['“九五”期间', 'jiu-wu-ji-hua']]],
    ['“八五”计划顺利完成', [['“八五”计划', 'ba-wu-ji-hua']]],
    ['七五计划时期', [['七五计划', 'qi-wu-ji-hua']]],
    ['实施“六五”计划', [['“六五”计划', 'liu-wu-ji-hua']]],
  ])('%s', (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  it.each([
    ['第十五条规定如下'],
    ['十五个部门联合发文'],
    ['党的十五大报告指出'],
    ['全场九五折'],
  ])('no plan in %s', (text) => {
    expect(terms(text)).toEqual([]);
  });

  it('leaves 八五 and 七五 of the legal-awareness campaigns to their own entries', () => {
    expect(terms('开展“八五”普法，完成“七五”普法规划')).toEqual([
      ['“八五”普法', 'ba-wu-pu-fa'],
      ['“七五”普法规划', 'zhong-yang-qi-wu-pu-fa'],
    ]);
  });
});
