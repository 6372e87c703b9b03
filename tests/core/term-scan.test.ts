import { describe, expect, it } from 'vitest';
import { createNormaliser } from '../../src/core/normalise';
import type { Normaliser } from '../../src/core/normalise';
import { createTermScanner } from '../../src/core/term-scan';
import { seededRandom } from '../support/random';

const variants = { 穩: '稳', 兩: '两', 會: '会' };

// The scanner's result as `start-end:pattern`, from raw text.
function scan(forms: string[], texts: string[], normaliser = createNormaliser(variants)): string[][] {
  const patterns = forms.map((form) => normaliser.key(form));
  const scanner = createTermScanner(patterns, normaliser);
  return texts.map((text) => scanner.scan(text).map((found) => `${found.start}-${found.end}:${patterns[found.pattern]}`));
}

// The same from first principles: normalise the whole text, find every pattern in it, drop those
// cutting a number or Latin word, keep leftmost-longest ones.
function reference(patterns: readonly string[], text: string, normaliser: Normaliser): string[] {
  const normalised = normaliser.normalise(text);
  let canonical = '';
  for (let k = 0; k < normalised.length; k++) canonical += String.fromCharCode(normalised.codes[k] as number);
  const word = (k: number): boolean => k >= 0 && k < canonical.length && /[0-9a-z]/.test(canonical.charAt(k));
  const all: Array<{ from: number; to: number; pattern: number }> = [];
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0 || patterns.indexOf(pattern) !== index) return;
    for (let at = canonical.indexOf(pattern); at !== -1; at = canonical.indexOf(pattern, at + 1)) {
      const to = at + pattern.length;
      if ((word(at - 1) && word(at)) || (word(to - 1) && word(to))) continue;
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
    // negatives: a number or word cut, a numeral run that says something else, nothing there
    { forms: ['15分钟服务圈'], text: '115分钟服务圈', expected: [] },
    { forms: ['15分钟服务圈'], text: '9 15分钟服务圈', expected: [] },
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
  it.each([
    { label: 'few patterns', count: 12, rounds: 60, seed: 1 },
    { label: 'many patterns', count: 3000, rounds: 6, seed: 2 },
  ])('agrees with normalising first and searching after, on random text ($label)', ({ count, rounds, seed }) => {
    const next = seededRandom(seed);
    const alphabet = [...'六稳保三会一代理十五百千两二〇零九1234567890５１ａAbcx 　\n“”「」\'"穩兩會的是了'];
    const word = (max: number): string => Array.from({ length: 1 + Math.floor(next() * max) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const normaliser = createNormaliser(variants);
    for (let round = 0; round < rounds; round++) {
      const patterns = [...new Set(Array.from({ length: count }, () => normaliser.key(word(6))).filter((key) => key.length > 0))];
      const scanner = createTermScanner(patterns, normaliser);
      for (let text = 0; text < 5; text++) {
        const sample = word(300);
        const found = scanner.scan(sample).map((occurrence) => `${occurrence.start}-${occurrence.end}:${patterns[occurrence.pattern]}`);
        expect(found).toEqual(reference(patterns, sample, normaliser));
      }
    }
  });
});
