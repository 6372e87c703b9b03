import { describe, expect, it } from 'vitest';
import { createPlaceIndex } from '../../src/core/places';
import type { Division } from '../../src/core/places';
import { agreedSense, bigramDice, chooseSense, definitionsAgree } from '../../src/core/sense-choice';
import type { PackEntry, SourceDocument } from '../../src/core/types';
import { CENTRAL_CODE } from '../../src/core/types';

// An invented province with two cities; the first city has two counties.
const divisions: Division[] = [
  { code: '990000', name: '东山省', level: 'province' },
  { code: '990100', name: '甲城市', level: 'city', parent: '990000' },
  { code: '990101', name: '左县', level: 'county', parent: '990100' },
  { code: '990102', name: '右县', level: 'county', parent: '990100' },
  { code: '990200', name: '乙城市', level: 'city', parent: '990000' },
  { code: '980100', name: '丙城市', level: 'city', parent: '980000' },
  { code: '980000', name: '西山省', level: 'province' },
];
const places = createPlaceIndex(divisions);

const region = (code: string) => {
  const division = places.byCode(code)!;
  return { code, name: division.name, level: division.level };
};
// Documents: index → who issued it and when.
const documents: SourceDocument[] = [
  { title: '东山省政府工作报告', kind: '名词解释', region: region('990000'), year: 2022 }, // 0
  { title: '甲城市政府工作报告', kind: '名词解释', region: region('990100'), year: 2021 }, // 1
  { title: '左县政府工作报告', kind: '名词解释', region: region('990101'), year: 2022 }, // 2
  { title: '右县政府工作报告', kind: '名词解释', region: region('990102'), year: 2022 }, // 3
  { title: '乙城市政府工作报告', kind: '名词解释', region: region('990200'), year: 2020 }, // 4
  { title: '国务院政府工作报告', kind: 'footnotes', region: region(CENTRAL_CODE), year: 2021 }, // 5
  { title: '政策术语助手编辑部补充词条', kind: 'editorial' }, // 6
  { title: '我的词库 My glossary', kind: 'editorial' }, // 7
  { title: '某镇报告（未注明地方）', kind: 'footnotes', date: '2020-08-18' }, // 8
  { title: '丙城市政府工作报告', kind: '名词解释', region: region('980100'), year: 2023 }, // 9
  { title: '甲城市政府工作报告', kind: '名词解释', region: region('990100'), year: 2023 }, // 10
];

const PROJECTS = '续建推进一批、开工建设一批、竣工投产一批、谋划储备一批、招引落地一批。';
const POVERTY = '发展生产脱贫一批、易地扶贫搬迁脱贫一批、生态补偿脱贫一批、发展教育脱贫一批、社会保障兜底一批。';
const POVERTY_REWORDED = '发展生产脱贫一批、易地搬迁脱贫一批、生态补偿脱贫一批、发展教育脱贫一批、社会保障兜底一批。';

const sense = (id: string, doc: number, definition: string, status: PackEntry['status'] = 'official'): PackEntry => ({
  id,
  term: '五个一批',
  definition,
  doc,
  forms: ['五个一批'],
  keys: [],
  status,
});

const province = sense('province', 0, POVERTY);
const cityA = sense('city-a', 1, PROJECTS);
const cityA2023 = sense('city-a-2023', 10, PROJECTS);
const left = sense('left', 2, PROJECTS);
const right = sense('right', 3, POVERTY);
const cityB = sense('city-b', 4, POVERTY_REWORDED);
const central = sense('central', 5, POVERTY);
const editorial = sense('editorial', 6, '我们写的说明。', 'editorial');
const user = sense('user', 7, '我自己的说明。', 'editorial');
const unplaced = sense('unplaced', 8, PROJECTS);
const westCity = sense('west', 9, POVERTY_REWORDED);
// An unnumbered term, worded differently by two places.
const GREEN = '以减少固体废物产生、充分资源化利用和安全处置为目标的城市发展模式。';
const GREEN_REWORDED = '以减少固体废物产生、推进资源化利用和安全处置为目标的城市发展模式。';
const plain = (id: string, doc: number, definition: string): PackEntry => ({ ...sense(id, doc, definition), term: '无废城市', forms: ['无废城市'] });
const greenB = plain('green-b', 4, GREEN);
const greenWest = plain('green-west', 9, GREEN_REWORDED);
const greenRight = plain('green-right', 3, GREEN);
const greenLeft = plain('green-left', 2, GREEN);
const leftPoverty = sense('left-poverty', 2, POVERTY);
// 甲城市 gave 五个一批 to another programme in 2023.
const cityA2023Poverty = sense('city-a-2023-poverty', 10, POVERTY);

type Row = [string, PackEntry[], string | undefined, string, string | undefined];

describe('chooseSense', () => {
  it.each<Row>([
    // user first, wherever the page is
    ['user over own', [cityA, user, left], '990101', 'user', 'user'],
    // the page's own place
    ['own county', [right, left, cityA], '990101', 'own', 'left'],
    ['own city, most recent year', [cityA, cityA2023, province], '990100', 'own', 'city-a-2023'],
    // the places above: the county's city, not a sibling county; then the province
    ['county gets its city, not the sibling county', [right, cityA, province], '990101', 'parent', 'city-a'],
    ['county gets its province when the city is silent', [right, province, westCity], '990101', 'parent', 'province'],
    ['city gets its province', [province, right], '990200', 'parent', 'province'],
    // central
    ['central below the own place', [central, cityB], '990200', 'own', 'city-b'],
    ['central when no own or parent', [central, right, westCity], '990200', 'central', 'central'],
    ['central page: central is its own', [cityA, central], CENTRAL_CODE, 'own', 'central'],
    // agreed: a term three other places explain alike (reworded), all alike for a numbered slogan
    ['agreed across other places', [greenB, greenWest, greenRight], '990101', 'agreed', 'green-west'],
    ['agreed before editorial', [{ ...editorial, term: '无废城市' }, greenB, greenWest, greenRight], '990101', 'agreed', 'green-west'],
    ['agreed on a page of unknown place', [greenB, greenWest, greenRight], undefined, 'agreed', 'green-west'],
    ['two places alike are not yet agreed', [greenB, greenWest], '990101', 'elsewhere', undefined],
    // a place that gave a numbered slogan to another programme: its newest meaning is no safe guess
    ['own place reused the name: the province', [cityA, cityA2023Poverty, province], '990100', 'parent', 'province'],
    ['own place reused the name, nothing above', [cityA, cityA2023Poverty], '990100', 'elsewhere', undefined],
    ['own place, same list every year (negative)', [cityA, cityA2023, province], '990100', 'own', 'city-a-2023'],
    ['numbered slogan: three places alike', [cityB, westCity, right], '990101', 'agreed', 'west'],
    // places of one province alike: that province's usage, a meaning in general use only on its own pages
    ['one province’s places alike, a page of that province', [greenB, greenRight, greenLeft], '990100', 'agreed', 'green-right'],
    ['one province’s places alike, a page of another province (negative)', [greenB, greenRight, greenLeft], '980100', 'elsewhere', undefined],
    ['numbered: one province’s places alike, another province (negative)', [cityB, right, leftPoverty], '980100', 'elsewhere', undefined],
    ['numbered: one province’s places alike, a page of that province', [cityB, right, leftPoverty], '990100', 'agreed', 'right'],
    ['one province’s places alike, unknown page (negative)', [greenB, greenRight, greenLeft], undefined, 'elsewhere', undefined],
    // editorial
    ['editorial when other places disagree', [editorial, cityA, westCity], '990200', 'editorial', 'editorial'],
    // negatives: another place's meaning is never shown as this page's
    ['single other place', [cityA], '990200', 'elsewhere', undefined],
    ['sibling county only', [right], '990101', 'elsewhere', undefined],
    ['other places disagree', [cityA, westCity], '990200', 'elsewhere', undefined],
    ['numbered slogan: only two places alike', [cityB, westCity], '990101', 'elsewhere', undefined],
    ['numbered slogan: three alike, one not', [cityB, westCity, right, cityA], undefined, 'elsewhere', undefined],
    ['a child place is not the page’s', [left], '990100', 'elsewhere', undefined],
    ['disagreeing places, unknown page', [cityA, westCity], undefined, 'elsewhere', undefined],
    ['central page, only a city defines it', [cityA], CENTRAL_CODE, 'elsewhere', undefined],
    // unknown page, one meaning; and packs without places
    ['unknown page, single place', [cityA, cityA2023], undefined, 'only', 'city-a-2023'],
    ['source without a place', [unplaced], '990200', 'only', 'unplaced'],
    ['source without a place beside another place', [unplaced, westCity], '990200', 'elsewhere', undefined],
  ])('%s', (_name, senses, page, kind, shown) => {
    const choice = chooseSense(senses, documents, page, places);
    expect([choice.kind, choice.shown?.id]).toEqual([kind, shown]);
    // every sense is either shown or among the others, once
    expect([choice.shown, ...choice.others].filter(Boolean).map((e) => e!.id).sort()).toEqual(senses.map((e) => e.id).sort());
  });

  it('lists the others in the order of the kinds: parent, then central, then the rest by year', () => {
    const choice = chooseSense([westCity, central, province, cityA, left], documents, '990101', places);
    expect(choice.others.map((e) => e.id)).toEqual(['city-a', 'province', 'central', 'west']);
  });

  it('needs the place index for parents: without it a county page does not get its city', () => {
    expect(chooseSense([cityA], documents, '990101').kind).toBe('elsewhere');
  });

  it('takes the caller’s test of the user document', () => {
    const choice = chooseSense([editorial, cityA], documents, '990200', places, { isUserDocument: (d) => d.title.startsWith('政策术语助手') });
    expect([choice.kind, choice.shown?.id]).toEqual(['user', 'editorial']);
  });
});

describe('definitionsAgree', () => {
  it.each([
    ['the same list', { definition: POVERTY }, { definition: POVERTY }, true],
    ['a reworded list', { definition: POVERTY }, { definition: POVERTY_REWORDED }, true],
    ['items against a definition', { items: ['稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期'] }, { definition: '是指稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。' }, true],
    ['reworded prose', { definition: '简政放权、放管结合、优化服务。' }, { definition: '简政放权，放管结合，优化服务' }, true],
    // negatives
    ['a different list under the same name', { definition: POVERTY }, { definition: PROJECTS }, false],
    ['lists sharing only their pattern', { definition: '立项一批、开工一批、推进一批、建成一批。' }, { definition: '谋划一批、签约一批、落地一批、见效一批。' }, false],
    ['different prose', { definition: '农村生活污水治理与垃圾分类的专项行动。' }, { definition: '创新引领、工业强基与服务业提升。' }, false],
    ['nothing to compare', {}, { definition: POVERTY }, false],
  ])('%s → %s', (_name, a, b, expected) => {
    expect(definitionsAgree(a, b)).toBe(expected);
    expect(definitionsAgree(b, a)).toBe(expected);
  });
});

describe('bigramDice', () => {
  /** Dice over counted bigrams, written the plain way: twice the shared counts over all counts. */
  const reference = (a: string, b: string): number => {
    const words = (text: string) => text.replace(/^\s*(?:是指|指的是|主要是指|主要指|指|即)/u, '').replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
    const count = (text: string) => {
      const counts = new Map<string, number>();
      for (let i = 0; i + 1 < text.length; i += 1) counts.set(text.slice(i, i + 2), (counts.get(text.slice(i, i + 2)) ?? 0) + 1);
      return counts;
    };
    const x = count(words(a));
    const y = count(words(b));
    let shared = 0;
    for (const [pair, n] of x) shared += Math.min(n, y.get(pair) ?? 0);
    const total = [...x.values(), ...y.values()].reduce((sum, n) => sum + n, 0);
    return total === 0 ? 0 : (2 * shared) / total;
  };

  it('scores as counted bigrams do, repeated pairs and all, however often a text is compared', () => {
    // A small alphabet so that texts share and repeat bigrams; 是指 openings, punctuation and Latin mixed in.
    const alphabet = ['稳', '就', '业', '金', '融', '一', '批', '、', '。', 'A', '是指', ' '];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const texts = Array.from({ length: 60 }, () => Array.from({ length: Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    for (let round = 0; round < 2; round += 1) {
      for (const a of texts) for (const b of texts.slice(0, 20)) expect(bigramDice(a, b)).toBeCloseTo(reference(a, b), 12);
    }
    expect(bigramDice('稳就业稳就业', '稳就业')).toBeCloseTo(reference('稳就业稳就业', '稳就业'), 12);
    expect(bigramDice('', '')).toBe(0);
  });
});

describe('agreedSense', () => {
  it.each([
    ['three agreeing places', [westCity, cityB, right], 'west'],
    ['four, one outlier: the majority’s most recent', [cityA2023, westCity, cityB, right], 'west'],
    // negatives
    ['one place', [westCity], undefined],
    ['two agreeing places', [westCity, cityB], undefined],
    ['two disagreeing places', [cityA2023, westCity], undefined],
    ['no majority', [cityA2023, westCity, left, cityB], undefined],
  ] as [string, PackEntry[], string | undefined][])('%s', (_name, latest, expected) => {
    expect(agreedSense(latest)?.id).toBe(expected);
  });
});
