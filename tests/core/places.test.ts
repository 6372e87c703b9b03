import { describe, expect, it } from 'vitest';
import { createPlaceIndex, divisionsFromTable, levelOfCode, shortNamesOf } from '../../src/core/places';
import { loadDivisions } from '../../src/places/divisions';
import { CENTRAL_CODE } from '../../src/core/types';

const index = createPlaceIndex(loadDivisions());

describe('resolve: names as governments write them (real dataset)', () => {
  it.each([
    ['长沙市', '430100'],
    ['长沙', '430100'],
    ['广东省', '440000'],
    ['广东', '440000'],
    ['广西壮族自治区', '450000'],
    ['广西', '450000'],
    ['内蒙古', '150000'],
    ['新疆', '650000'],
    ['海西蒙古族藏族自治州', '632800'],
    ['海西州', '632800'],
    ['黔东南州', '522600'],
    ['浦东新区', '310115'],
    ['阿坝藏族羌族自治州', '513200'],
    ['阿坝州', '513200'],
    ['恩施州', '422800'],
    // a short name shared by a prefecture and a county-level city: the higher level wins
    ['恩施', '422800'],
    ['恩施市', '422801'],
    // 吉林: the province by its short name, the city by its full name
    ['吉林', '220000'],
    ['吉林市', '220200'],
    ['石柱县', '500240'],
    ['成都市人民政府', '510100'],
    [' 益阳市 ', '430900'],
    // negatives: ambiguous at one level, one character, not a place
    ['鼓楼区', undefined],
    ['忠', undefined],
    ['', undefined],
    ['人民政府', undefined],
    ['国家发展改革委', undefined],
  ])('%s → %s', (name, code) => {
    expect(index.resolve(name)?.code).toBe(code);
  });

  it.each([
    ['鼓楼区', '320100', '320106'],
    ['鼓楼区', '350100', '350102'],
    ['朝阳区', '110000', '110105'],
    ['朝阳区', '220100', '220104'],
    // within excludes what is not under it
    ['长沙', '440000', undefined],
  ])('%s within %s → %s', (name, within, code) => {
    expect(index.resolve(name, within)?.code).toBe(code);
  });
});

describe('ancestors and byCode', () => {
  it.each([
    ['430104', ['430100', '430000']],
    ['430100', ['430000']],
    ['430000', []],
    // municipal districts and province-administered counties sit under the province
    ['310115', ['310000']],
    ['429004', ['420000']],
    ['999999', []],
  ])('%s → %j', (code, chain) => {
    expect(index.ancestors(code).map((d) => d.code)).toEqual(chain);
  });

  it('knows the central government and the levels', () => {
    expect(index.byCode(CENTRAL_CODE)?.level).toBe('central');
    expect(index.byCode('431100')).toMatchObject({ name: '永州市', level: 'city', parent: '430000' });
    expect(index.byCode('110100')).toBeUndefined();
  });
});

describe('pure parts on an invented table', () => {
  const table = { '990000': '测试省', '990100': '甲乙市', '990101': '丙丁区', '990201': '戊己县' };
  it('derives parents from codes, skipping a missing prefecture', () => {
    expect(divisionsFromTable(table).map((d) => [d.code, d.level, d.parent])).toEqual([
      ['990000', 'province', undefined],
      ['990100', 'city', '990000'],
      ['990101', 'county', '990100'],
      ['990201', 'county', '990000'],
    ]);
  });

  it.each([
    ['000000', 'central'],
    ['430000', 'province'],
    ['430100', 'city'],
    ['430104', 'county'],
  ] as const)('levelOfCode(%s) = %s', (code, level) => {
    expect(levelOfCode(code)).toBe(level);
  });

  it.each([
    ['广西壮族自治区', 'province', ['广西']],
    ['海西蒙古族藏族自治州', 'city', ['海西', '海西州']],
    ['石柱土家族自治县', 'county', ['石柱', '石柱县']],
    ['浦东新区', 'county', ['浦东']],
    ['阿里地区', 'city', ['阿里']],
    ['兴安盟', 'city', ['兴安']],
    // negatives: a one-character stem is not a name of its own
    ['忠县', 'county', []],
    ['鄂伦春自治旗', 'county', ['鄂伦春', '鄂伦春旗']],
  ] as const)('shortNamesOf(%s)', (name, level, names) => {
    expect(shortNamesOf({ code: '990101', name, level })).toEqual(names);
  });
});
