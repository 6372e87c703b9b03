// Compiling glossary files into the pack: forms, pinyin keys, variants, ordering, exclusions,
// and byte-for-byte determinism.
import { describe, expect, it } from 'vitest';
import { buildVariants, compileGlossaryPack, searchKeys } from '../../src/core/glossary-compile';
import { hashPackContent } from '../../src/core/glossary-hash';
import { serializePack } from '../../src/core/pack';
import type { GlossaryFile } from '../../src/core/types';

const report: GlossaryFile = {
  source: { title: '报告', kind: 'footnotes', date: '2020-08-18' },
  entries: [
    { id: 'liu-wen', term: '六稳', aliases: ['“六稳”', '六稳', '六稳工作'], definition: '稳就业等。', related: ['liu-bao', 'draft'], status: 'official' },
    { id: 'liu-bao', term: '六保', definition: '保居民就业等。', status: 'official' },
    { id: 'draft', term: '双千工程', status: 'editorial', unfinished: true },
  ],
};
const editorial: GlossaryFile = {
  source: { title: '编辑部', kind: 'editorial' },
  entries: [{ id: 'san-zhong-yi-da', term: '三重一大', aliases: ['“三重一大”制度'], status: 'editorial' }],
};

describe('compileGlossaryPack', () => {
  const pack = compileGlossaryPack([
    { path: 'glossary/z-report.yaml', file: report },
    { path: 'glossary/a-editorial.yaml', file: editorial },
  ]);

  it('orders documents by path and entries by file then position, leaving unfinished entries out', () => {
    expect(pack.documents.map((doc) => doc.title)).toEqual(['编辑部', '报告']);
    expect(pack.entries.map((entry) => [entry.id, entry.doc])).toEqual([['san-zhong-yi-da', 0], ['liu-wen', 1], ['liu-bao', 1]]);
    expect(JSON.stringify(pack)).not.toContain('unfinished');
  });

  it('drops related ids that point at left-out entries', () => {
    expect(pack.entries.find((entry) => entry.id === 'liu-wen')?.related).toEqual(['liu-bao']);
  });

  it('lists forms term first, deduplicated', () => {
    expect(pack.entries.find((entry) => entry.id === 'liu-wen')?.forms).toEqual(['六稳', '“六稳”', '六稳工作']);
  });

  it('is deterministic: input order does not matter, bytes repeat, the hash covers the content', () => {
    const again = compileGlossaryPack([
      { path: 'glossary/a-editorial.yaml', file: editorial },
      { path: 'glossary/z-report.yaml', file: report },
    ]);
    expect(serializePack(again)).toBe(serializePack(pack));
    expect(pack.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(pack.hash).toBe(hashPackContent(pack));
    const changed = compileGlossaryPack([{ path: 'glossary/a.yaml', file: { ...editorial, entries: [{ ...editorial.entries[0]!, en: 'x' }] } }]);
    expect(changed.hash).not.toBe(compileGlossaryPack([{ path: 'glossary/a.yaml', file: editorial }]).hash);
  });

  it('maps the traditional forms of its own characters to simplified', () => {
    expect(pack.variants['穩']).toBe('稳');
    expect(Object.entries(pack.variants).every(([traditional, simplified]) => traditional !== simplified)).toBe(true);
    expect(pack.variants['稳']).toBeUndefined();
  });
});

describe('searchKeys', () => {
  it.each([
    ['六稳', ['liuwen', 'lw']],
    ['“六稳”', ['liuwen', 'lw']],
    ['三重一大', ['sanchongyida', 'sanzhongyida', 'scyd', 'szyd']],
    ['１５分钟服务圈', ['15fenzhongfuwuquan', '15fzfwq']],
  ])('%s → %j', (form, keys) => {
    expect(searchKeys(form)).toEqual(keys);
  });
});

describe('buildVariants', () => {
  it('keeps only characters that differ, never remapping a character the glossary itself uses', () => {
    const variants = buildVariants(['干部', '台账', '臺']);
    expect(variants['幹']).toBe('干');
    expect(variants['賬']).toBe('账');
    expect(variants['臺']).toBeUndefined();
    expect(Object.values(variants)).not.toContain('部');
  });
});
