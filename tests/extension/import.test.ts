import { parse } from 'yaml';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportUserEntriesYaml, importGlossaryText, importIntoUserEntries, readGlossaryText } from '../../src/extension/import-file';
import { getUserEntries, getUserEntryKeys, listPacks, setUserEntries } from '../../src/extension/store';
import { getMergedPack } from '../../src/extension/merged-pack';
import type { GlossaryEntry } from '../../src/core/types';
import { LIU_WEN, makePack } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

const VALID_YAML = `source:
  title: 某镇2021年政府工作报告
  date: 2021-03-01
  kind: footnotes
entries:
  - id: liang-wang-rong-he
    term: 两网融合
    aliases: [“两网融合”]
    items: [生活垃圾分类网, 再生资源回收网]
    definition: 生活垃圾分类收运网络与再生资源回收网络融合。
    source: { footnote: 3 }
    status: official
`;

const storageSnapshot = () => fakeBrowser.storage.local.get(null);

describe('reading a glossary file', () => {
  it('accepts a valid YAML file and computes pinyin keys', async () => {
    const read = await readGlossaryText('a.yaml', VALID_YAML);
    expect(read.ok).toBe(true);
    if (!read.ok) throw new Error(`rejected: ${read.problems.join('; ')}`);
    expect(read.pack.entries[0]).toMatchObject({ term: '两网融合', forms: ['两网融合', '“两网融合”'], doc: 0 });
    expect(read.pack.entries[0]?.keys).toContain('liangwangronghe');
    expect(read.pack.documents[0]?.title).toBe('某镇2021年政府工作报告');
  });

  it.each([
    ['YAML syntax error', 'source:\n  title: x\n  kind: footnotes\nentries:\n  - id: a\n    term: "六稳\n', /^bad\.yaml:\d+:\d+: /],
    ['missing term', 'source:\n  title: x\n  kind: footnotes\nentries:\n  - id: a\n    status: official\n', /^bad\.yaml:5:\d+: .*term/],
    ['bad status', 'source:\n  title: x\n  kind: footnotes\nentries:\n  - id: a\n    term: 六稳\n    status: draft\n', /^bad\.yaml:7:\d+: /],
    ['duplicate id', 'source:\n  title: x\n  kind: footnotes\nentries:\n  - id: a\n    term: 六稳\n    status: official\n  - id: a\n    term: 六保\n    status: official\n', /^bad\.yaml:8:\d+: .*重复的 id "a"/],
  ])('rejects a YAML file with a %s, naming file, line and column', async (_name, text, problem) => {
    const read = await readGlossaryText('bad.yaml', text);
    expect(read.ok).toBe(false);
    if (read.ok) throw new Error('accepted');
    expect(read.problems.some((p) => problem.test(p))).toBe(true);
  });

  it.each([
    ['not JSON', '{"schemaVersion":1,'],
    ['a wrong schema version', JSON.stringify({ ...makePack([LIU_WEN]), schemaVersion: 2 })],
    ['an entry without forms', JSON.stringify({ ...makePack([LIU_WEN]), entries: [{ ...LIU_WEN, forms: undefined }] })],
  ])('rejects a glossary.json that is %s', async (_name, text) => {
    const read = await readGlossaryText('glossary.json', text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]).toMatch(/^glossary\.json: .*术语包/);
  });
});

describe('importing', () => {
  it('stores a valid file as an enabled pack and uses it on pages', async () => {
    expect(await importGlossaryText('a.yaml', VALID_YAML)).toEqual({ ok: true, entries: 1 });
    expect((await listPacks()).map((r) => [r.id, r.kind, r.enabled])).toEqual([['file:a.yaml', 'file', true]]);
    expect((await getMergedPack())?.entries.map((e) => e.term)).toEqual(['两网融合']);
  });

  it('saves nothing at all when the file has a problem', async () => {
    await importGlossaryText('a.yaml', VALID_YAML);
    await setUserEntries([{ id: 'mine', term: '店小二', status: 'editorial' }]);
    const before = await storageSnapshot();
    const outcome = await importGlossaryText('a.yaml', VALID_YAML.replace('status: official', 'status: wrong'));
    expect(outcome.ok).toBe(false);
    const intoUser = await importIntoUserEntries('b.yaml', 'entries: [');
    expect(intoUser.ok).toBe(false);
    expect(await storageSnapshot()).toEqual(before);
  });

  it('keeps the user’s entries and the active packs when storage is full', async () => {
    await importGlossaryText('a.yaml', VALID_YAML);
    await setUserEntries([{ id: 'mine', term: '店小二', status: 'editorial' }]);
    const before = await storageSnapshot();
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const full = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (Object.keys(items).some((key) => key.startsWith('pack:') || key === 'userEntries')) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    const outcomes = [await importGlossaryText('b.yaml', VALID_YAML.replace('liang-wang-rong-he', 'other').replace(/两网融合/g, '双千工程')), await importIntoUserEntries('c.yaml', VALID_YAML)];
    full.mockRestore();
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.problems[0]).toMatch(/未能保存.*QUOTA_BYTES/);
    }
    expect(await storageSnapshot()).toEqual(before);
  });

  it('round-trips the user’s entries through export and import without loss', async () => {
    const mine: GlossaryEntry[] = [
      {
        id: 'wu-wei',
        term: '五违',
        aliases: ['“五违”'],
        items: ['违法用地', '违法建筑', '违法经营', '违法排污', '违法居住'],
        definition: '多行\n定义：含冒号、# 井号、"引号" 与 <b>标签</b>',
        source: { page: 2 },
        related: ['si-bi'],
        tags: ['城市管理'],
        en: 'five illegal activities',
        note: '  前后空格  ',
        status: 'editorial',
      },
      { id: 'si-bi', term: '四必', status: 'official', itemsNote: '条目在原文中未列出', definition: '123' },
    ];
    await setUserEntries(mine);
    const yaml = exportUserEntriesYaml(await getUserEntries());
    expect(parse(yaml).entries).toEqual(mine);
    await setUserEntries([]);
    expect(await importIntoUserEntries('my-glossary.yaml', yaml)).toEqual({ ok: true, entries: 2 });
    expect(await getUserEntries()).toEqual(mine);
    expect(exportUserEntriesYaml(await getUserEntries())).toBe(yaml);
  });

  it('importing into my glossary replaces entries with the same id and keeps the others', async () => {
    await setUserEntries([
      { id: 'liang-wang-rong-he', term: '两网融合', definition: '旧', status: 'editorial' },
      { id: 'dian-xiao-er', term: '店小二', status: 'editorial' },
    ]);
    await importIntoUserEntries('a.yaml', VALID_YAML);
    expect((await getUserEntries()).map((e) => [e.id, e.definition])).toEqual([
      ['dian-xiao-er', undefined],
      ['liang-wang-rong-he', '生活垃圾分类收运网络与再生资源回收网络融合。'],
    ]);
    // The imported entry's forms get pinyin search keys; the entry saved without them keeps none.
    const keys = await getUserEntryKeys();
    expect(keys['两网融合']).toEqual(expect.arrayContaining(['liangwangronghe', 'lwrh']));
    expect(keys['店小二']).toBeUndefined();
    expect((await getMergedPack())?.entries.find((e) => e.id === 'liang-wang-rong-he')?.keys).toContain('lwrh');
  });
});
