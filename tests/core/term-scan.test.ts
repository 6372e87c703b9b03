import { describe, expect, it } from 'vitest';
import { createNormaliser } from '../../src/core/normalise';
import type { Normaliser } from '../../src/core/normalise';
import { createAutomaton } from '../../src/core/automaton';
import { createTermScanner, WORD_UNITS } from '../../src/core/term-scan';
import { seededRandom } from '../support/random';

const variants = { 穩: '稳', 兩: '两', 會: '会' };

// The scanner's result as `start-end:pattern`, from raw text.
function scan(forms: string[], texts: string[], normaliser = createNormaliser(variants)): string[][] {
  const patterns = forms.map((form) => normaliser.key(form));
  const scanner = createTermScanner(patterns, normaliser, createAutomaton(patterns, WORD_UNITS));
  return texts.map((text) => scanner.scan(text).map((found) => `${found.start}-${found.end}:${patterns[found.pattern]}`));
}

// The same from first principles: normalise the whole text, find every pattern in it, drop those
// cutting a number or Latin word, keep leftmost-longest ones.
function reference(patterns: readonly string[], text: string, normaliser: Normaliser): string[] {
  const normalised = normaliser.normalise(text);
  let canonical = '';
  for (let k = 0; k < normalised.length; k++) canonical += String.fromCharCode(normalised.codes[k] as number);
  const word = (k: number): boolean => k >= 0 && k < canonical.length && /[0-9a-z]/.test(canonical.charAt(k));
  // A quote between two units of a word ends it (a space does not: 9 15 is one number), except
  // inside a run of Chinese numerals, which the normaliser reads across quotes and spaces alike.
  const numeral = (k: number): boolean => normaliser.isNumeral(text.charCodeAt(normalised.starts[k] as number));
  const quoteBefore = (k: number): boolean =>
    /[“”‘’「」『』"'〝〞〟＂＇]/u.test(text.slice(normalised.ends[k - 1], normalised.starts[k])) && !(numeral(k - 1) && numeral(k));
  const all: Array<{ from: number; to: number; pattern: number }> = [];
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0 || patterns.indexOf(pattern) !== index) return;
    for (let at = canonical.indexOf(pattern); at !== -1; at = canonical.indexOf(pattern, at + 1)) {
      const to = at + pattern.length;
      if ((word(at - 1) && word(at) && !quoteBefore(at)) || (word(to - 1) && word(to) && !quoteBefore(to))) continue;
      all.push({ from: at, to, pattern: index });
    }
  });
  all.sort((a, b) => a.from - b.from || b.to - a.to);
  const kept: string[] = [];
  let reached = 0;
  for (const found of all) {
    if (found.from < reached) continue;
    reached = found.to;
    kept.push(`${normalised.starts[found.from]}-${normalised.ends[found.to - 1]}:${patterns[found.pattern]}`);
  }
  return kept;
}


describe('createTermScanner', () => {
  it.each([
    { forms: ['三会', '三会一代理'], text: '落实三会一代理制度', expected: ['2-7:3会1代理'] },
    { forms: ['六稳', '稳就业'], text: '六稳就业', expected: ['0-2:6稳'] },
    { forms: ['六稳'], text: '“六\n穩”', expected: ['1-4:6稳'] },
    { forms: ['15分钟服务圈'], text: '十五分钟服务圈', expected: ['0-7:15分钟服务圈'] },
    { forms: ['15分钟服务圈'], text: '１５分钟服务圈', expected: ['0-7:15分钟服务圈'] },
    { forms: ['6稳'], text: '六稳', expected: ['0-2:6稳'] },
    // characters passed two at a time must not hide a form: one after 十's two units, one of a
    // single unit, one inside 十's units
    { forms: ['10稳'], text: '的的十稳', expected: ['2-4:10稳'] },
    { forms: ['稳', '六保'], text: '的稳的', expected: ['1-2:稳'] },
    { forms: ['10', '六保'], text: '的十的', expected: ['1-2:10'] },
    // the automaton falls back to one unit deep (代, 就): what follows decides whether it goes on
    // from there (代表 after 一代) or the skipping loop takes over and finds the next form
    { forms: ['一代理', '代表'], text: '一代代表', expected: ['2-4:代表'] },
    { forms: ['保就业', '就创'], text: '保就就保就业', expected: ['3-6:保就业'] },
    // negatives: a number or word cut, a numeral run that says something else, nothing there
    { forms: ['15分钟服务圈'], text: '115分钟服务圈', expected: [] },
    { forms: ['15分钟服务圈'], text: '9 15分钟服务圈', expected: [] },
    // A quote ends a number: consecutive quoted slogans (成宜“1+13”“1+5+2”), and after one.
    { forms: ['成宜1+13', '1+5+2'], text: '成宜“1+13”“1+5+2”', expected: ['0-7:成宜1+13', '9-14:1+5+2'] },
    { forms: ['5+2'], text: '“15”5+2', expected: ['4-7:5+2'] },
    { forms: ['5+2'], text: '15+2”', expected: [] },
    { forms: ['15分钟服务圈'], text: '八十五分钟服务圈', expected: [] },
    { forms: ['两网融合'], text: '百兩网融合', expected: [] },
    { forms: ['六稳'], text: '十六稳', expected: [] },
    { forms: ['六稳'], text: '六保稳', expected: [] },
    { forms: ['六稳'], text: '', expected: [] },
  ])('$forms in $text', ({ forms, text, expected }) => {
    expect(scan(forms, [text])[0]).toEqual(expected);
  });

  it('gives the same result when the same scanner scans again (its objects are reused)', () => {
    const [first, other, again] = scan(['六稳', '六保'], ['“六稳”“六保”', '六保', '“六稳”“六保”']);
    expect(first).toEqual(['1-3:6稳', '5-7:6保']);
    expect(other).toEqual(['0-2:6保']);
    expect(again).toEqual(first);
  });

  // Small pattern sets use the automaton's table, large ones its failure links: both are drawn.
  // Forms of two units or more let the scanner step over two characters at a time, which it
  // does on text that is mostly filler no form uses, and not on text that is mostly not.
  it.each([
    { label: 'few patterns', count: 12, rounds: 60, seed: 1, shortest: 1, filler: '', share: 0 },
    { label: 'many patterns', count: 3000, rounds: 6, seed: 2, shortest: 1, filler: '', share: 0 },
    { label: 'forms of two units or more, mostly filler', count: 12, rounds: 60, seed: 3, shortest: 2, filler: '的地得在有和与及', share: 0.8 },
    { label: 'forms of two units or more, some filler', count: 12, rounds: 60, seed: 4, shortest: 2, filler: '的地得在有和与及', share: 0.2 },
    { label: 'many forms of two units or more, mostly filler', count: 3000, rounds: 6, seed: 5, shortest: 2, filler: '的地得在有和与及', share: 0.8 },
  ])('agrees with normalising first and searching after, on random text ($label)', ({ count, rounds, seed, shortest, filler, share }) => {
    const next = seededRandom(seed);
    const alphabet = [...'六稳保三会一代理十五百千两二〇零九1234567890５１ａAbcx 　\n“”「」\'"穩兩會的是了'];
    const pick = (from: readonly string[]): string => from[Math.floor(next() * from.length)] as string;
    const word = (max: number): string => Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(alphabet)).join('');
    const sampleText = (max: number): string =>
      Array.from({ length: 1 + Math.floor(next() * max) }, () => (share > 0 && next() < share ? pick([...filler]) : pick(alphabet))).join('');
    const normaliser = createNormaliser(variants);
    for (let round = 0; round < rounds; round++) {
      const keys = Array.from({ length: count }, () => normaliser.key(word(6)));
      const patterns = [...new Set(keys.filter((key) => key.length >= shortest))];
      const scanner = createTermScanner(patterns, normaliser, createAutomaton(patterns, WORD_UNITS));
      for (let text = 0; text < 5; text++) {
        const sample = sampleText(300);
        const found = scanner.scan(sample).map((occurrence) => `${occurrence.start}-${occurrence.end}:${patterns[occurrence.pattern]}`);
        expect(found).toEqual(reference(patterns, sample, normaliser));
      }
    }
  });

  // A long text gets room for one occurrence per 64 units before the scan: dense text grows past it
  // (as many occurrences as 1 in 3 units), sparse text stays within it.
  it.each([
    { label: 'dense', seed: 6, share: 0 },
    { label: 'sparse', seed: 7, share: 0.97 },
  ])('agrees with normalising first and searching after on long texts ($label)', ({ seed, share }) => {
    const next = seededRandom(seed);
    const alphabet = [...'六稳保三会一代理十五1234567890ａA “”穩兩的'];
    const pick = (from: readonly string[]): string => from[Math.floor(next() * from.length)] as string;
    const normaliser = createNormaliser(variants);
    const keys = Array.from({ length: 12 }, () => normaliser.key(Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(alphabet)).join('')));
    const patterns = [...new Set([...keys.filter((key) => key.length >= 2), '六稳', '三会', '保三', '稳保'].map((form) => normaliser.key(form)))];
    const scanner = createTermScanner(patterns, normaliser, createAutomaton(patterns, WORD_UNITS));
    // Mostly the forms' own characters, with the rest of the alphabet between them.
    const dense = [...'六稳保三会穩'];
    const sample = Array.from({ length: 60_000 }, () => (next() < share ? '的' : next() < 0.8 ? pick(dense) : pick(alphabet))).join('');
    const found = scanner.scan(sample).map((occurrence) => `${occurrence.start}-${occurrence.end}:${patterns[occurrence.pattern]}`);
    const expected = reference(patterns, sample, normaliser);
    expect(found).toEqual(expected);
    // The two cases the room is for: more occurrences than it holds, and fewer.
    if (share === 0) expect(expected.length).toBeGreaterThan(60_000 / 64);
    else expect(expected.length).toBeLessThan(60_000 / 64);
    expect(expected.length).toBeGreaterThan(0);
  });
});
