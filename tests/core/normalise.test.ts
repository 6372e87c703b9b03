import { describe, expect, it } from 'vitest';
import { createNormaliser } from '../../src/core/normalise';
import { parseChineseNumber } from '../../src/core/numerals';
import { seededRandom } from '../support/random';

const variants = { 穩: '稳', 參: '参', 兩: '两' };

describe('parseChineseNumber', () => {
  it.each([
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十一', 21],
    ['一百零五', 105],
    ['两百', 200],
    ['三千零十', 3010],
    ['九百九十九', 999],
    // negatives: not a place-value number
    ['十四五', null],
    ['二〇二〇', null],
    ['六', null],
    ['百', null],
    ['千', null],
    ['一百五', null],
    ['十十', null],
    ['零', null],
    ['', null],
  ] as const)('%s → %s', (run, value) => {
    expect(parseChineseNumber(run)).toBe(value);
  });
});

describe('normaliser.key: every spelling of a term folds to one key', () => {
  const normaliser = createNormaliser(variants);
  it.each([
    ['15分钟服务圈', '15分钟服务圈'],
    ['１５分钟服务圈', '15分钟服务圈'],
    ['十五分钟服务圈', '15分钟服务圈'],
    ['“15分钟服务圈”', '15分钟服务圈'],
    ['六稳', '6稳'],
    ['“六稳”', '6稳'],
    ['「六穩」', '6稳'],
    ['‘六稳’', '6稳'],
    ['"六稳"', '6稳'],
    ['『六稳』', '6稳'],
    ['三会\n一代理', '3会1代理'],
    ['三　会 一代理', '3会1代理'],
    ['“三会一代理”制度', '3会1代理制度'],
    ['兩网融合', '2网融合'],
    ['ＡＢＣ办法', 'abc办法'],
    ['二〇二〇年', '2020年'],
    ['十九届', '19届'],
    ['十\n五分钟', '15分钟'],
    // kept as written
    ['十四五', '十四五'],
    ['老百姓', '老百姓'],
    ['千方百计', '千方百计'],
    ['《条例》', '《条例》'],
  ])('%j → %j', (form, key) => {
    expect(normaliser.key(form)).toBe(key);
  });

  it('does not fold traditional characters without a variants table', () => {
    expect(createNormaliser().key('六穩')).toBe('6穩');
  });

  // key() folds without building spans, and returns most forms as they are: it must still be
  // normalise() read as a string, on forms mixing numerals, quotes, spaces, variants and Latin.
  it('agrees with normalise on random forms', () => {
    const next = seededRandom(21);
    const alphabet = [...'六稳保三会一代理十五百千两二〇零九1234567890５１ＡaBx 　\n“”「」\'"穩兩參的是网'];
    for (let round = 0; round < 2000; round++) {
      const form = Array.from({ length: Math.floor(next() * 9) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const normalised = normaliser.normalise(form);
      expect(normaliser.key(form)).toBe(String.fromCharCode(...normalised.codes.subarray(0, normalised.length)));
    }
  });
});

describe('normaliser.normalise maps every canonical unit back to the original', () => {
  const normaliser = createNormaliser(variants);
  const spans = (text: string): string[] => {
    const result = normaliser.normalise(text);
    return Array.from({ length: result.length }, (_, k) => text.slice(result.starts[k], result.ends[k]));
  };

  it.each([
    ['“六稳”', ['六', '稳']],
    ['十五分钟', ['十五', '十五', '分', '钟']],
    ['２０', ['２', '０']],
    ['一二三产', ['一', '二', '三', '产']],
    ['六\n稳', ['六', '稳']],
    ['十\n五', ['十\n五', '十\n五']],
    ['', []],
    [' \n“”', []],
  ])('%j', (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it('never throws and keeps lone surrogates and NUL-free text intact', () => {
    const text = '\ud800六\u0000稳\udfff';
    const result = normaliser.normalise(text);
    expect(Array.from(result.codes.subarray(0, result.length), (c) => String.fromCharCode(c)).join('')).toBe('\ud8006稳\udfff');
  });

  it('grows its output when numeral runs lengthen the text (十 → 10)', () => {
    const text = '十'.repeat(5000).split('').join('。');
    const result = normaliser.normalise(text);
    expect(result.length).toBe(5000 * 2 + 4999);
    expect(result.ends[result.length - 1]).toBe(text.length);
  });
});

describe('normaliser.numeralRun into a reused run', () => {
  const normaliser = createNormaliser(variants);
  // Runs that grow and shrink in turn: the reused arrays must hold exactly the current run.
  const texts = ['一百零五元', '十', '二〇二〇年', '十五分钟', '三千零十', '兩百', '六稳', '一二三产', '二十'];

  it('gives the same units and spans as a fresh run, whatever the run before', () => {
    const reused = { codes: [], starts: [], ends: [], end: 0 };
    for (const text of texts) {
      const fresh = normaliser.numeralRun(text, 0);
      const into = normaliser.numeralRun(text, 0, reused);
      expect(into).toBe(reused);
      expect({ ...into, codes: [...into.codes], starts: [...into.starts], ends: [...into.ends] }).toEqual(fresh);
    }
  });

  it.each([
    ['一百零五元', '105', 4],
    ['十', '10', 1],
    ['二〇二〇年', '2020', 4],
    ['十四五', '十四五', 3],
    // negatives: a run ends at the first character that is neither a numeral nor skipped
    ['六稳', '6', 1],
    ['两\n网', '2', 1],
  ])('%j → %s, ending at %i', (text, units, end) => {
    const run = normaliser.numeralRun(text, 0);
    expect(String.fromCharCode(...run.codes)).toBe(units);
    expect(run.end).toBe(end);
    expect(run.starts.length).toBe(run.codes.length);
    expect(run.ends.length).toBe(run.codes.length);
  });
});
