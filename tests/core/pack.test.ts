// parsePack: a pack from disk or a URL is accepted only when the runtime can use it; every
// rejection names what is wrong, Chinese first. mergePacks: several packs as one.
import { describe, expect, it } from 'vitest';
import { compileGlossaryPack } from '../../src/core/glossary-compile';
import { hashPackContent } from '../../src/core/glossary-hash';
import { mergePacks, PackError, parsePack, serializePack } from '../../src/core/pack';
import type { GlossaryPack } from '../../src/core/types';

const pack = compileGlossaryPack([
  {
    path: 'a.yaml',
    file: {
      source: { title: '报告', kind: 'footnotes' },
      entries: [
        { id: 'liu-wen', term: '六稳', items: ['稳就业'], itemsNote: '测试', definition: '稳就业等。', status: 'official' },
        { id: 'liu-bao', term: '六保', definition: '保居民就业等。', status: 'official' },
      ],
    },
  },
]);

const mutate = (change: (copy: Record<string, unknown> & GlossaryPack) => void): string => {
  const copy = JSON.parse(serializePack(pack)) as Record<string, unknown> & GlossaryPack;
  change(copy);
  return JSON.stringify(copy);
};

describe('parsePack', () => {
  it('accepts a built pack, as text or as an object', () => {
    expect(parsePack(serializePack(pack))).toEqual(pack);
    expect(parsePack(pack)).toBe(pack);
  });

  it.each([
    ['not JSON', '{"schemaVersion":', '术语包不是有效的 JSON / the glossary pack is not valid JSON'],
    ['an array', '[]', '术语包应为 JSON 对象'],
    ['a newer version', mutate((p) => (p.schemaVersion = 2 as 1)), '术语包版本 2 不受支持（本程序支持 1）'],
    ['no hash', mutate((p) => delete (p as Partial<GlossaryPack>).hash), '术语包的 hash 应为文本'],
    ['entries not an array', mutate((p) => (p.entries = {} as never)), '术语包的 entries 应为数组'],
    ['entry without forms', mutate((p) => delete (p.entries[1] as Partial<GlossaryPack['entries'][0]>).forms), '术语包的 entries[1].forms'],
    ['duplicate id', mutate((p) => (p.entries[1]!.id = 'liu-wen')), '重复的 id "liu-wen"'],
    ['bad status', mutate((p) => (p.entries[0]!.status = 'draft' as never)), 'entries[0].status 只能是 official 或 editorial'],
    ['doc out of range', mutate((p) => (p.entries[0]!.doc = 3)), 'entries[0].doc 不是有效的文件序号'],
    ['items not strings', mutate((p) => (p.entries[0]!.items = [1] as never)), 'entries[0].items 应为文本数组'],
    ['document without kind', mutate((p) => (p.documents[0]!.kind = 'memo' as never)), 'documents[0] 缺少 title 或 kind 不正确'],
    ['variants not strings', mutate((p) => (p.variants = { 穩: 1 } as never)), '术语包的 variants'],
  ])('rejects %s', (_name, input, message) => {
    expect(() => parsePack(input)).toThrow(PackError);
    expect(() => parsePack(input)).toThrow(message);
  });
});

describe('mergePacks', () => {
  const other = compileGlossaryPack([
    {
      path: 'b.yaml',
      file: {
        source: { title: '编辑部', kind: 'editorial' },
        entries: [
          { id: 'liu-wen', term: '六稳（另一份）', status: 'editorial' },
          { id: 'shi-si-wu', term: '十四五', status: 'editorial' },
        ],
      },
    },
  ]);

  it('concatenates documents, re-points entries, keeps the first of a duplicate id, rehashes', () => {
    const merged = mergePacks([pack, other]);
    expect(merged.documents.map((doc) => doc.title)).toEqual(['报告', '编辑部']);
    expect(merged.entries.map((entry) => [entry.id, entry.term, entry.doc])).toEqual([
      ['liu-wen', '六稳', 0], ['liu-bao', '六保', 0], ['shi-si-wu', '十四五', 1],
    ]);
    expect(merged.variants['穩']).toBe('稳');
    expect(merged.hash).toBe(hashPackContent(merged));
    expect(parsePack(serializePack(merged))).toEqual(merged);
  });
});
