import { describe, expect, it } from 'vitest';
import { createFuzzyResolver, isNearMiss } from '../../src/core/fuzzy';
import { fuzzyForms } from '../../src/core/matcher-base';
import { createNormaliser } from '../../src/core/normalise';

const normaliser = createNormaliser();
const key = (text: string): string => normaliser.key(text);

describe('isNearMiss', () => {
  it.each([
    ['五大倍增', '五大倍增行动', true],
    ['三问三登计', '三问三登记', true],
    ['四个意志', '四个意识', true],
    // negatives
    ['五大倍增行动', '五大倍增行动', false],
    ['六大倍增', '五大倍增行动', false],
    ['五大', '五大倍增行动', false],
    ['三会', '三会一代理', false],
    ['四个自信', '四个意识', false],
    ['15分钟生活圈', '15分钟服务圈', false],
    ['六保', '六稳', false],
    ['五大行动', '五大倍增行动', false],
    ['三问四登记', '三问三登记', false],
  ])('%s ~ %s → %s', (candidate, form, expected) => {
    expect(isNearMiss(key(candidate), key(form))).toBe(expected);
  });
});

describe('createFuzzyResolver', () => {
  const entries = [
    { id: 'wu-da', term: '五大倍增行动', forms: ['五大倍增行动', '“五大倍增行动”'] },
    { id: 'liu-wen', term: '六稳', forms: ['六稳'] },
    { id: 'liu-bao', term: '六保', forms: ['六保'] },
    { id: 'san-wen', term: '三问三登记', forms: ['三问三登记'] },
    { id: 'si-ge-yi-shi', term: '四个意识', forms: ['四个意识'] },
    { id: 'si-ge-zi-xin', term: '四个自信', forms: ['四个自信'] },
  ];
  const resolver = createFuzzyResolver(fuzzyForms(entries, entries.map((entry) => [...new Set(entry.forms.map(key))])));

  it.each([
    ['五大倍增', 'wu-da'],
    ['三问三登计', 'san-wen'],
    // unresolved: exact forms are not near misses, ties and unrelated names stay unknown
    ['六穏', undefined],
    ['四个意志', 'si-ge-yi-shi'],
    ['四个自信', undefined],
    ['两网融合', undefined],
    ['五大', undefined],
  ])('%s → %s', (name, id) => {
    expect(resolver.resolve(key(name))?.entry.id).toBe(id);
  });

  it('reports a score, low for a close miss', () => {
    const found = resolver.resolve(key('五大倍增'));
    expect(found?.form).toBe(key('五大倍增行动'));
    expect(found?.score).toBeGreaterThanOrEqual(0);
    expect(found?.score).toBeLessThan(0.3);
  });

  it('returns the same answer from its cache', () => {
    expect(resolver.resolve(key('三问三登计'))).toBe(resolver.resolve(key('三问三登计')));
  });
});
