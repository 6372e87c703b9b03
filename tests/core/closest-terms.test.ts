// Close terms offered for an unknown numbered slogan: same numerals, a shared character.
import { describe, expect, it } from 'vitest';
import { closestTerms } from '../../src/core/closest-terms';

const entries = ['四个意识', '四个自信', '四个全面', '三严三实', '四大严实行动', '六稳', '六保', '四个意识', '五个严实'].map((term) => ({ term }));
const closest = (text: string, limit?: number) => closestTerms(entries, text, limit).map((e) => e.term);

describe('closestTerms', () => {
  it.each([
    { text: '四个严实', expected: ['四大严实行动'] },
    { text: '四个意气', expected: ['四个意识'] },
    { text: '六稳定', expected: ['六稳'] },
    // Negative rows.
    { text: '七个严实', expected: [] },
    { text: '严实', expected: [] },
    { text: '四个', expected: [] },
    { text: '四个意识', expected: [] },
    { text: '三个严实', expected: [] },
  ])('$text → $expected', ({ text, expected }) => {
    expect(closest(text)).toEqual(expected);
  });

  it('a digit before a Latin letter names (5G), and the signs joining parts are shared by no slogan', () => {
    const signs = ['G+5+N', '5+N产业生态', '5G+智慧医疗', '1+N', '1+N政策体系'].map((term) => ({ term }));
    expect(closestTerms(signs, '5G+').map((e) => e.term)).toEqual([]);
    expect(closestTerms(signs, '5+N').map((e) => e.term)).toEqual(['G+5+N', '5+N产业生态']);
    expect(closestTerms(signs, '1+N体系').map((e) => e.term)).toEqual(['1+N政策体系', '1+N']);
  });

  it('one entry per term, most shared characters first, at most `limit`', () => {
    const many = ['四个意识', '四个意见', '四个识别', '四个标识'].map((term) => ({ term }));
    expect(closestTerms(many, '四个意识形', 2).map((e) => e.term)).toEqual(['四个意识', '四个意见']);
    expect(closestTerms([...many, ...many], '四个意识形').length).toBe(3);
  });
});
