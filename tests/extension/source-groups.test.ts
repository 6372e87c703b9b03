import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/core/types';
import { mergePacks, userEntriesPack, withHash } from '../../src/extension/merge';
import { countGroups, groupOfDocument, withoutGroups } from '../../src/extension/source-groups';
import { sensesPack } from '../ui/senses-pack';

describe('groupOfDocument', () => {
  it.each<[string, SourceDocument | undefined, string]>([
    ['a city report goes to its province', { title: 'x', kind: '名词解释', region: { code: '430200', name: '株洲市', level: 'city' } }, '430000'],
    ['a county report goes to its province', { title: 'x', kind: 'footnotes', region: { code: '510116', name: '双流区', level: 'county' } }, '510000'],
    ['a province report is its own group', { title: 'x', kind: 'footnotes', region: { code: '440000', name: '广东省', level: 'province' } }, '440000'],
    ['central', { title: 'x', kind: '名词解释', region: { code: '000000', name: '中央', level: 'central' } }, 'central'],
    ['editorial', { title: '编者补充', kind: 'editorial' }, 'editorial'],
    ["the user's own entries", { title: '我的词库', kind: 'editorial' }, 'user'],
    // Negative rows: a title alone does not make a file the user's, and a malformed code is no province.
    ['an official file titled 我的词库 is not the user’s', { title: '我的词库', kind: 'footnotes' }, 'other'],
    ['a malformed region code', { title: 'x', kind: 'footnotes', region: { code: '43', name: '?', level: 'city' } }, 'other'],
    ['no region', { title: 'x', kind: 'footnotes' }, 'other'],
    ['no document', undefined, 'other'],
  ])('%s', (_what, doc, group) => {
    expect(groupOfDocument(doc)).toBe(group);
  });
});

describe('countGroups and withoutGroups', () => {
  const merged = withHash(
    mergePacks([sensesPack(), userEntriesPack([{ id: 'mine', term: '三个一批', definition: '我的释义', status: 'editorial' }])]),
  );

  it('counts the entries of each group, the user’s own and central first', () => {
    expect(countGroups(merged)).toEqual([
      { id: 'user', entries: 1 },
      { id: 'central', entries: 1 },
      { id: '430000', entries: 2 },
      { id: 'editorial', entries: 1 },
    ]);
  });

  it('leaves out the entries of turned-off groups and keeps the rest as they were', () => {
    const kept = withoutGroups(merged, ['430000', 'user']);
    expect(kept.entries.map((e) => e.id)).toEqual(['central-2023-liu-wen', 'editorial-liu-wen']);
    expect(kept.documents).toBe(merged.documents);
  });

  it('returns the pack itself when nothing is turned off or nothing matches', () => {
    expect(withoutGroups(merged, [])).toBe(merged);
    expect(withoutGroups(merged, ['990000'])).toBe(merged);
  });
});
