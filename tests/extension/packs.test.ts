import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installBundledPack } from '../../src/extension/bundled';
import { mergePacks, userEntriesPack } from '../../src/extension/merge';
import { addUserEntryKeys, deleteUserEntry, getUserEntryKeys, listPacks, removePack, savePack, saveUserEntry, updatePackRecord } from '../../src/extension/store';
import { searchKeysFor } from '../../src/extension/user-keys';
import { createGlossarySearch } from '../../src/core/search';
import type { GlossaryEntry } from '../../src/core/types';
import { getMergedPack, watchMergedPack } from '../../src/extension/merged-pack';
import { LIU_BAO, LIU_WEN, makePack, packEntry } from './helpers';

beforeEach(() => {
  fakeBrowser.reset();
});

const terms = (pack: { entries: { term: string; forms: string[]; doc: number }[] } | null) =>
  pack?.entries.map((e) => `${e.term}:${e.forms.join('/')}@${e.doc}`);

describe('mergePacks', () => {
  it.each([
    ['keeps entries of different packs, the later pack’s first', [[LIU_WEN], [LIU_BAO]], ['六保:六保@1', '六稳:六稳@0']],
    ['a later entry with the same id replaces the earlier one', [[LIU_WEN], [packEntry({ id: 'liu-wen', term: '六稳', definition: 'mine' })]], ['六稳:六稳@1']],
    [
      'a form both packs have stays with both entries, the later one first (it gets the matches)',
      [[packEntry({ id: 'a', term: '三会', aliases: ['“三会”制度'] })], [packEntry({ id: 'b', term: '“三会”制度' })]],
      ['“三会”制度:“三会”制度@1', '三会:三会/“三会”制度@0'],
    ],
    ['the same term from two packs: two sources of it', [[packEntry({ id: 'a', term: '六稳' })], [packEntry({ id: 'b', term: '六稳' })]], ['六稳:六稳@1', '六稳:六稳@0']],
    ['no packs, no entries', [], []],
  ])('%s', (_name, lists, expected) => {
    const merged = mergePacks(lists.map((entries) => makePack(entries)));
    expect(terms(merged)).toEqual(expected);
    expect(merged.documents).toHaveLength(lists.length);
  });

  it('gives the user entries forms and leaves unfinished stubs out', () => {
    const pack = userEntriesPack([
      { id: 'mine', term: '两网融合', aliases: ['“两网融合”', '两网融合'], status: 'editorial' },
      { id: 'stub', term: '双千工程', status: 'editorial', unfinished: true },
    ]);
    expect(pack.entries.map((e) => e.forms)).toEqual([['两网融合', '“两网融合”']]);
  });
});

describe('pack store', () => {
  it('installs the bundled glossary and builds the merged pack', async () => {
    const count = await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN, LIU_BAO])));
    expect(count).toBe(2);
    expect((await listPacks()).map((r) => [r.id, r.kind, r.enabled, r.entries])).toEqual([['bundled', 'bundled', true, 2]]);
    expect(terms(await getMergedPack())).toEqual(['六稳:六稳@0', '六保:六保@0']);
  });

  it('keeps the bundled glossary disabled across an update of the extension', async () => {
    await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN])));
    await updatePackRecord('bundled', { enabled: false });
    expect((await getMergedPack())?.entries).toEqual([]);
    await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN, LIU_BAO])));
    const [record] = await listPacks();
    expect(record).toMatchObject({ enabled: false, entries: 2 });
    expect((await getMergedPack())?.entries).toEqual([]);
  });

  it('writes nothing when the background restarts with the same glossary, so pages are not re-annotated', async () => {
    await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN])));
    const changes: unknown[] = [];
    const unwatch = watchMergedPack((pack) => changes.push(pack));
    await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN])));
    await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN, LIU_BAO])));
    unwatch();
    expect(changes).toHaveLength(1);
  });

  it('refuses a broken bundled glossary and keeps the stored one', async () => {
    await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN])));
    await expect(installBundledPack(async () => '{"schemaVersion":99}')).rejects.toThrow(/schemaVersion|版本/);
    expect(terms(await getMergedPack())).toEqual(['六稳:六稳@0']);
  });

  it('lets the user’s own entry override the bundled one and survive a bundled update', async () => {
    await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN])));
    await saveUserEntry({ id: 'my-liu-wen', term: '六稳', definition: '我的释义', status: 'editorial' });
    await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN, LIU_BAO])));
    const merged = await getMergedPack();
    // The user's entry first (it gets the matches); the bundled one stays as another source.
    expect(merged?.entries.map((e) => [e.id, e.definition])).toEqual([
      ['my-liu-wen', '我的释义'],
      ['liu-wen', LIU_WEN.definition],
      ['liu-bao', LIU_BAO.definition],
    ]);
    expect(merged?.documents[merged.entries[0]!.doc]?.title).toMatch(/我的词库/);
  });

  it('removes an imported pack but not the bundled one', async () => {
    await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN])));
    await savePack({ id: 'file:a.json', kind: 'file', name: 'a.json', enabled: true }, makePack([LIU_BAO]));
    expect(await getMergedPack().then((p) => p?.entries.length)).toBe(2);
    await removePack('file:a.json');
    await expect(removePack('bundled')).rejects.toThrow(/内置词库/);
    expect((await listPacks()).map((r) => r.id)).toEqual(['bundled']);
    expect(terms(await getMergedPack())).toEqual(['六稳:六稳@0']);
  });

  it('changes the merged hash when the content changes, not otherwise', async () => {
    await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN])));
    const first = (await getMergedPack())?.hash;
    await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN])));
    expect((await getMergedPack())?.hash).toBe(first);
    await saveUserEntry({ id: 'x', term: '双千工程', status: 'editorial' });
    expect((await getMergedPack())?.hash).not.toBe(first);
    expect((await getMergedPack())?.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('pinyin search keys of the user’s own entries', () => {
  const SAN_HUI: GlossaryEntry = { id: 'san-hui', term: '三会一代理', aliases: ['“三会一代理”制度'], status: 'editorial' };
  const found = async (query: string): Promise<string[]> => {
    const merged = await getMergedPack();
    return merged ? createGlossarySearch(merged).search(query).map((result) => result.entry.id) : [];
  };

  it('computes keys only for the forms that have none yet', async () => {
    const keys = await searchKeysFor([SAN_HUI], { 三会一代理: ['kept'] });
    expect(Object.keys(keys)).toEqual(['“三会一代理”制度']);
    expect(keys['“三会一代理”制度']).toEqual(expect.arrayContaining(['sanhuiyidailizhidu', 'shydlzd']));
  });

  it('makes an entry saved with its keys findable by pinyin and by initials', async () => {
    await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN])));
    expect(await found('sanhui')).toEqual([]);
    await saveUserEntry(SAN_HUI, await searchKeysFor([SAN_HUI]));
    expect(await found('sanhuiyidaili')).toEqual(['san-hui']);
    expect(await found('shydl')).toEqual(['san-hui']);
    expect(await found('六稳')).toEqual(['liu-wen']);
  });

  it('keeps keys to the forms the entries still have', async () => {
    await saveUserEntry(SAN_HUI, await searchKeysFor([SAN_HUI]));
    const renamed = { ...SAN_HUI, term: '两网融合', aliases: [] };
    await saveUserEntry(renamed, await searchKeysFor([renamed], await getUserEntryKeys()));
    expect(Object.keys(await getUserEntryKeys())).toEqual(['两网融合']);
    expect(await found('liangwang')).toEqual(['san-hui']);
    expect(await found('sanhui')).toEqual([]);
    await deleteUserEntry('san-hui');
    expect(await getUserEntryKeys()).toEqual({});
  });

  it('fills in keys for entries saved without them, and leaves the entries as they were', async () => {
    await saveUserEntry(SAN_HUI);
    expect(await found('shydl')).toEqual([]);
    await addUserEntryKeys({ ...(await searchKeysFor([SAN_HUI], await getUserEntryKeys())), 不存在: ['bucunzai'] });
    expect(await found('shydl')).toEqual(['san-hui']);
    expect(Object.keys(await getUserEntryKeys()).sort()).toEqual(['三会一代理', '“三会一代理”制度'].sort());
    expect((await getMergedPack())?.entries.find((e) => e.id === 'san-hui')?.term).toBe('三会一代理');
  });

  it('writes the entries and their keys together: when storage refuses, neither changes', async () => {
    await saveUserEntry(SAN_HUI, await searchKeysFor([SAN_HUI]));
    const before = await getUserEntryKeys();
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    // Storage refuses the entries (the larger write); keys written apart from them would stay.
    fakeBrowser.storage.local.set = async (items: Record<string, unknown>) => {
      if ('userEntries' in items) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    };
    try {
      const other: GlossaryEntry = { id: 'liang-wang', term: '两网融合', status: 'editorial' };
      await expect(saveUserEntry(other, await searchKeysFor([other]))).rejects.toThrow(/QUOTA_BYTES/);
    } finally {
      fakeBrowser.storage.local.set = set;
    }
    expect(await getUserEntryKeys()).toEqual(before);
    expect(await found('liangwang')).toEqual([]);
  });
});

describe('rebuilding the merged pack from packs this context holds', () => {
  it('reads a pack from storage again when another context changed it (the record’s hash says so)', async () => {
    await savePack({ id: 'file:a.yaml', kind: 'file', name: 'a.yaml', enabled: true }, makePack([LIU_WEN], 'A'));
    expect(terms(await getMergedPack())).toEqual(['六稳:六稳@0']);
    // Another context (the options page, the background) writes a new version of the pack and its record.
    const changed = makePack([LIU_BAO], 'A2');
    await fakeBrowser.storage.local.set({ 'pack:file:a.yaml': JSON.stringify(changed) });
    const records = (await listPacks()).map((r) => (r.id === 'file:a.yaml' ? { ...r, hash: changed.hash } : r));
    await fakeBrowser.storage.local.set({ packs: records });
    await updatePackRecord('file:a.yaml', { enabled: false });
    await updatePackRecord('file:a.yaml', { enabled: true });
    expect(terms(await getMergedPack())).toEqual(['六保:六保@0']);
  });

  it('saves a pack and drops others in one change', async () => {
    await savePack({ id: 'file:a.yaml', kind: 'file', name: 'a.yaml', enabled: true }, makePack([LIU_WEN], 'A'));
    await savePack({ id: 'file:b.yaml', kind: 'file', name: 'b.yaml', enabled: true }, makePack([LIU_BAO], 'B'), Date.now(), ['file:a.yaml']);
    expect((await listPacks()).map((r) => r.id)).toEqual(['file:b.yaml']);
    expect(await fakeBrowser.storage.local.get('pack:file:a.yaml')).toEqual({});
    expect(terms(await getMergedPack())).toEqual(['六保:六保@0']);
  });
});

describe('the order a rebuild stores things in', () => {
  /** The storage keys written while `run` runs, in order (the write is the fake browser's). */
  async function writesDuring(run: () => Promise<unknown>, onWrite: (items: Record<string, unknown>) => Promise<void> = async () => {}): Promise<string[]> {
    const writes: string[] = [];
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    fakeBrowser.storage.local.set = async (items: Record<string, unknown>) => {
      writes.push(...Object.keys(items));
      await onWrite(items);
      return set(items);
    };
    try {
      await run();
    } finally {
      fakeBrowser.storage.local.set = set;
    }
    return writes.filter((key) => key === 'compiledPack' || key === 'mergedPack');
  }

  // First in this file: the next test makes this context hold the pack, as the background does.
  it('on the options page stores the pack before the matcher: the background takes the pack from that change before pages ask it', async () => {
    await savePack({ id: 'file:a.yaml', kind: 'file', name: 'a.yaml', enabled: true }, makePack([LIU_WEN], 'A'));
    expect(await writesDuring(() => savePack({ id: 'file:b.yaml', kind: 'file', name: 'b.yaml', enabled: true }, makePack([LIU_BAO], 'B')))).toEqual(['mergedPack', 'compiledPack']);
  });

  it('in the background stores the matcher before the pack, and answers from the new pack at once', async () => {
    const { keepMergedPackInMemory, currentMergedPack } = await import('../../src/extension/merged-memo');
    keepMergedPackInMemory();
    await savePack({ id: 'file:a.yaml', kind: 'file', name: 'a.yaml', enabled: true }, makePack([LIU_WEN], 'A'));
    let packWhenMatcherStored: string[] | undefined;
    const writes = await writesDuring(
      () => savePack({ id: 'file:b.yaml', kind: 'file', name: 'b.yaml', enabled: true }, makePack([LIU_BAO], 'B')),
      async (items) => {
        if ('compiledPack' in items) packWhenMatcherStored = (await currentMergedPack())?.entries.map((e) => e.term);
      },
    );
    expect(writes).toEqual(['compiledPack', 'mergedPack']);
    expect(packWhenMatcherStored?.sort()).toEqual(['六保', '六稳']);
  });
});
