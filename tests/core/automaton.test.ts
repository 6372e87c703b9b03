import { describe, expect, it } from 'vitest';
import { createAutomaton } from '../../src/core/automaton';
import { seededRandom } from '../support/random';

// Runs the automaton over `text` unit by unit, as the term scanner does.
function run(patterns: string[], text: string): Array<[end: number, pattern: number, length: number]> {
  const automaton = createAutomaton(patterns);
  const found: Array<[number, number, number]> = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const cls = automaton.classOf[text.charCodeAt(i)] ?? 0;
    state = cls === 0 ? 0 : automaton.next(state, cls);
    for (let out = automaton.firstOutput(state); out !== 0; out = automaton.nextOutput(out)) {
      found.push([i + 1, automaton.outputPattern(out), automaton.outputLength(out)]);
    }
  }
  return found;
}

function occurrences(patterns: string[], text: string): string[] {
  return run(patterns, text).map(([end, pattern, length]) => `${end - length}-${end}:${patterns[pattern]}`).sort();
}

function bruteForce(patterns: string[], text: string): string[] {
  const found = new Set<string>();
  patterns.forEach((pattern) => {
    if (pattern.length === 0) return;
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) found.add(`${at}-${at + pattern.length}:${pattern}`);
  });
  return [...found].sort();
}


describe('createAutomaton', () => {
  it.each([
    { patterns: ['he', 'she', 'his', 'hers'], text: 'ushers', expected: ['1-4:she', '2-4:he', '2-6:hers'] },
    { patterns: ['三会', '三会一代理', '一代理'], text: '落实三会一代理制度', expected: ['2-4:三会', '2-7:三会一代理', '4-7:一代理'] },
    { patterns: ['六稳'], text: '六六稳稳', expected: ['1-3:六稳'] },
    { patterns: ['aa'], text: 'aaaa', expected: ['0-2:aa', '1-3:aa', '2-4:aa'] },
    // negatives: nothing to find
    { patterns: ['六稳'], text: '六保稳', expected: [] },
    { patterns: ['六稳'], text: '', expected: [] },
    { patterns: [], text: '六稳', expected: [] },
    { patterns: [''], text: '六稳', expected: [] },
  ])('$patterns in $text', ({ patterns, text, expected }) => {
    expect(occurrences(patterns, text)).toEqual(expected);
  });

  it('reports a repeated pattern once, as its first index', () => {
    expect(run(['六稳', '六稳'], '六稳')).toEqual([[2, 0, 2]]);
  });

  it('reports the outputs of one end longest first', () => {
    expect(run(['代理', '一代理', '理'], '三会一代理').map(([, pattern]) => pattern)).toEqual([1, 0, 2]);
  });

  it('gives units of `alphabet` a class without making them match', () => {
    const automaton = createAutomaton(['六稳'], '0123456789');
    expect(automaton.classOf['5'.charCodeAt(0)]).toBeGreaterThan(0);
    expect(automaton.next(0, automaton.classOf['5'.charCodeAt(0)] ?? 0)).toBe(0);
    expect(automaton.classOf['x'.charCodeAt(0)]).toBe(0);
  });

  it('agrees with a brute-force search on random patterns and texts', () => {
    const next = seededRandom(7);
    const alphabet = '六稳保三会一代理';
    const word = (max: number): string =>
      Array.from({ length: 1 + Math.floor(next() * max) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(next() * 30) }, () => word(5));
      const text = word(200);
      expect(occurrences(patterns, text)).toEqual(bruteForce(patterns, text));
    }
  });

  it('agrees with a brute-force search when most states are past the dense rows (a big alphabet)', () => {
    const next = seededRandom(11);
    // 3,000 units make rows of 3,001 classes: only the first ~87 states get a dense row, the rest
    // search their children and follow failure links.
    const common = '六稳保三会一代理';
    const unit = (): string => (next() < 0.7 ? (common[Math.floor(next() * common.length)] as string) : String.fromCharCode(0x4e00 + Math.floor(next() * 3000)));
    const word = (max: number): string => Array.from({ length: 1 + Math.floor(next() * max) }, unit).join('');
    const rare = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    for (let round = 0; round < 40; round++) {
      const patterns = [rare.slice(0, 1500), rare.slice(1500), ...Array.from({ length: 400 }, () => word(6))];
      const text = word(400);
      expect(occurrences(patterns, text)).toEqual(bruteForce(patterns, text));
    }
  });
});
