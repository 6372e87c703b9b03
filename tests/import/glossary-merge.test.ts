import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { GlossaryEntry, SourceDocument } from '../../src/core/types';
import { GlossaryMergeError, mergeIntoGlossary } from '../../src/import/glossary-merge';

const source: SourceDocument = { title: '清溪镇政府工作情况报告', date: '2021-03-02', kind: 'footnotes' };
const sisong: GlossaryEntry = {
  id: 'si-song',
  term: '四送',
  items: ['送政策', '送技术', '送资金', '送服务'],
  definition: '送政策、送技术、送资金、送服务。',
  source: { footnote: 1 },
  status: 'official',
};
const sanqing: GlossaryEntry = { id: 'san-qing', term: '三清', definition: '清垃圾、清河道、清违建。', source: { footnote: 2 }, status: 'official' };

describe('mergeIntoGlossary', () => {
  const first = mergeIntoGlossary(undefined, { source, entries: [sisong] }, { header: ['导入的术语表'] });

  it('writes a new file with the source block, the entries and a fingerprint beside each id', () => {
    expect(first.changes).toEqual([{ action: 'added', id: 'si-song', term: '四送' }]);
    expect(first.text.startsWith('# 导入的术语表\n')).toBe(true);
    expect(first.text).toMatch(/- id: si-song # import:[0-9a-f]{14}\n/);
    expect(parse(first.text)).toEqual({ source, entries: [sisong], imported: ['四送'] });
  });

  describe('an entry a person deleted', () => {
    const both = mergeIntoGlossary(undefined, { source, entries: [sisong, sanqing] });
    const deleted = both.text.replace(/ {2}- id: san-qing[^]*?status: official\n/, '');

    it('is listed as imported, and stays deleted when the report is imported again', () => {
      expect(parse(both.text)).toMatchObject({ imported: ['四送', '三清'] });
      expect((parse(deleted) as { entries: GlossaryEntry[] }).entries.map((entry) => entry.id)).toEqual(['si-song']);
      const again = mergeIntoGlossary(deleted, { source, entries: [sisong, sanqing] });
      expect(again.changes).toEqual([
        { action: 'unchanged', id: 'si-song', term: '四送' },
        { action: 'kept-deleted', id: 'san-qing', term: '三清' },
      ]);
      expect(again).toMatchObject({ text: deleted, changed: false });
    });

    it('comes back with force, or once its term is taken off the imported list', () => {
      const forced = mergeIntoGlossary(deleted, { source, entries: [sisong, sanqing] }, { force: true });
      expect(forced.changes[1]).toEqual({ action: 'added', id: 'san-qing', term: '三清' });
      expect(parse(forced.text)).toEqual(parse(both.text));
      const released = deleted.replace('imported: [ 四送, 三清 ]', 'imported: [ 四送 ]');
      expect(released).not.toBe(deleted);
      const result = mergeIntoGlossary(released, { source, entries: [sisong, sanqing] });
      expect(result.changes[1]).toEqual({ action: 'added', id: 'san-qing', term: '三清' });
      expect(parse(result.text)).toMatchObject({ imported: ['四送', '三清'] });
    });

    it('in a file written before the list existed: the list starts with the imported entries the file still has', () => {
      const legacy = `${deleted.slice(0, deleted.indexOf('# 以下是'))}  - id: hand\n    term: 手写的词\n    status: editorial\n`;
      expect(legacy).not.toContain('imported:');
      const result = mergeIntoGlossary(legacy, { source, entries: [sisong, sanqing] });
      expect(result.changes.map((change) => change.action)).toEqual(['unchanged', 'added']);
      // A hand-written entry (no import fingerprint) is not the import's to keep deleted.
      expect(parse(result.text)).toMatchObject({ imported: ['四送', '三清'] });
      expect(result.text).toContain('# 以下是 policy-glossary import 加进本文件的词条');
    });
  });

  it('changes nothing when the same entries are imported again', () => {
    const again = mergeIntoGlossary(first.text, { source, entries: [sisong] });
    expect(again).toEqual({ text: first.text, changed: false, changes: [{ action: 'unchanged', id: 'si-song', term: '四送' }] });
  });

  it('adds new terms and updates an untouched entry whose report text changed, keeping its id', () => {
    const changed = { ...sisong, id: 'si-song-2', definition: '送政策、送技术、送资金、送服务（修订）。' };
    const result = mergeIntoGlossary(first.text, { source, entries: [changed, sanqing] });
    expect(result.changes).toEqual([
      { action: 'updated', id: 'si-song', term: '四送', fields: ['definition'] },
      { action: 'added', id: 'san-qing', term: '三清' },
    ]);
    const entries = (parse(result.text) as { entries: GlossaryEntry[] }).entries;
    expect(entries.map((entry) => [entry.id, entry.definition])).toEqual([
      ['si-song', '送政策、送技术、送资金、送服务（修订）。'],
      ['san-qing', '清垃圾、清河道、清违建。'],
    ]);
  });

  const edited = `# 我们自己的说明，必须保留
${first.text.replace('    definition: 送政策、送技术、送资金、送服务。', '    definition: 送政策、送技术、送资金、送服务。\n    note: 镇里补充的说明 # 人工添加')}`;

  it('never overwrites an entry a person edited, and keeps their comments', () => {
    const result = mergeIntoGlossary(edited, { source, entries: [{ ...sisong, definition: '新的定义。' }, sanqing] });
    expect(result.changes).toEqual([
      { action: 'kept-edited', id: 'si-song', term: '四送', fields: ['definition', 'note'] },
      { action: 'added', id: 'san-qing', term: '三清' },
    ]);
    expect(result.text).toContain('# 我们自己的说明，必须保留');
    expect(result.text).toContain('note: 镇里补充的说明 # 人工添加');
    expect(result.text).not.toContain('新的定义');
  });

  it('treats an entry without a fingerprint (written by hand) as edited', () => {
    const handWritten = 'source:\n  title: 手写\n  kind: editorial\nentries:\n  - id: si-song\n    term: 四送\n    status: editorial\n';
    const result = mergeIntoGlossary(handWritten, { source, entries: [sisong] });
    expect(result.changes).toEqual([{ action: 'kept-edited', id: 'si-song', term: '四送', fields: ['items', 'definition', 'source', 'status'] }]);
    expect(result.changed).toBe(false);
  });

  describe('pruning (a file of one report, as collect writes)', () => {
    const both = mergeIntoGlossary(undefined, { source, entries: [sisong, sanqing] });
    const renamed = { ...sanqing, id: 'san-qing-xing-dong', term: '三清行动' };

    it('removes an unedited entry the report no longer gives, and takes it off the imported list', () => {
      const result = mergeIntoGlossary(both.text, { source, entries: [sisong, renamed] }, { prune: true });
      expect(result.changes).toEqual([
        { action: 'unchanged', id: 'si-song', term: '四送' },
        { action: 'added', id: 'san-qing-xing-dong', term: '三清行动' },
        { action: 'removed', id: 'san-qing', term: '三清' },
      ]);
      expect(parse(result.text)).toMatchObject({ entries: [{ term: '四送' }, { term: '三清行动' }], imported: ['四送', '三清行动'] });
    });

    it('keeps an entry a person edited or wrote, and removes nothing without prune', () => {
      const terms = (text: string) => (parse(text) as { entries: GlossaryEntry[] }).entries.map((entry) => entry.term);
      const edited = both.text.replace('    definition: 清垃圾、清河道、清违建。', '    definition: 清垃圾、清河道、清违建（镇里改过）。');
      const keptEdited = mergeIntoGlossary(edited, { source, entries: [sisong] }, { prune: true });
      expect(keptEdited.changes.map((change) => change.action)).toEqual(['unchanged']);
      expect(terms(keptEdited.text)).toEqual(['四送', '三清']);
      const handWritten = `${both.text.slice(0, both.text.indexOf('# 以下是'))}  - id: hand\n    term: 手写的词\n    status: editorial\n`;
      expect(terms(mergeIntoGlossary(handWritten, { source, entries: [sisong] }, { prune: true }).text)).toEqual(['四送', '手写的词']);
      expect(terms(mergeIntoGlossary(both.text, { source, entries: [sisong, renamed] }).text)).toEqual(['四送', '三清', '三清行动']);
    });
  });

  it('overwrites an edited entry only with force', () => {
    const result = mergeIntoGlossary(edited, { source, entries: [sisong] }, { force: true });
    expect(result.changes).toEqual([{ action: 'overwritten', id: 'si-song', term: '四送', fields: ['note'] }]);
    expect(result.text).not.toContain('镇里补充的说明');
    expect(result.text).toContain('# 我们自己的说明，必须保留');
  });

  it.each([
    { name: 'broken YAML (a key given twice)', text: 'source:\n  title: 甲\n  title: 乙\nentries: []\n', line: 3 },
    { name: 'a list at the top level', text: '- 六稳\n- 六保\n', line: 1 },
    { name: 'entries that are not a list', text: 'source:\n  title: x\n  kind: footnotes\nentries: 六稳\n', line: 4 },
  ])('refuses to merge into $name', ({ text, line }) => {
    expect(() => mergeIntoGlossary(text, { source, entries: [sisong] })).toThrow(GlossaryMergeError);
    try {
      mergeIntoGlossary(text, { source, entries: [sisong] });
    } catch (error) {
      expect((error as GlossaryMergeError).line).toBe(line);
    }
  });
});
