import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installBundledPack } from '../../src/extension/bundled';
import { getMergedPack } from '../../src/extension/merged-pack';
import { choosePageSenses } from '../../src/extension/page-senses';
import { updateSettings } from '../../src/extension/settings';
import { rebuildMergedPack, sourceGroupCounts } from '../../src/extension/store';
import { sensesPack } from '../ui/senses-pack';

const CHANGSHA = 'changsha-2021-jiu-ge-yi-pi';
const ZHUZHOU = 'zhuzhou-2022-jiu-ge-yi-pi';

beforeEach(async () => {
  fakeBrowser.reset();
  await installBundledPack(async () => JSON.stringify(sensesPack()));
});

describe('choosePageSenses (the background)', () => {
  it.each([
    ['a Changsha site', { host: 'www.changsha.gov.cn', title: '', footerText: '' }, { shown: CHANGSHA, kind: 'own', others: [ZHUZHOU] }],
    ['a Zhuzhou site', { host: 'www.zhuzhou.gov.cn', title: '', footerText: '' }, { shown: ZHUZHOU, kind: 'own', others: [CHANGSHA] }],
    ['a site whose footer names Zhuzhou', { host: 'www.example.gov.cn', title: '通知', footerText: '主办单位：株洲市人民政府办公室' }, { shown: ZHUZHOU, kind: 'own', others: [CHANGSHA] }],
  ])('%s is shown its own city’s 九个一批', async (_what, clues, expected) => {
    expect((await choosePageSenses(clues, [CHANGSHA]))[CHANGSHA]).toEqual(expected);
  });

  it('a third city’s site gets both as other places’ usage', async () => {
    const choice = (await choosePageSenses({ host: 'www.xiangtan.gov.cn', title: '', footerText: '' }, [ZHUZHOU]))[ZHUZHOU];
    expect(choice?.kind).toBe('elsewhere');
    expect(choice?.shown).toBeUndefined();
    expect(choice?.others.sort()).toEqual([CHANGSHA, ZHUZHOU].sort());
  });

  it('answers only for ids the merged pack has', async () => {
    expect(await choosePageSenses({ host: 'www.changsha.gov.cn', title: '', footerText: '' }, ['no-such-id'])).toEqual({});
  });
});

describe('turned-off source groups', () => {
  it('are left out of the merged pack and still counted for the options page', async () => {
    await updateSettings(() => ({ disabledGroups: ['430000'] }));
    await rebuildMergedPack();
    expect((await getMergedPack())?.entries.map((e) => e.id)).toEqual(['central-2023-liu-wen', 'editorial-liu-wen']);
    expect(await sourceGroupCounts()).toContainEqual({ id: '430000', entries: 2 });
    await updateSettings(() => ({ disabledGroups: [] }));
    await rebuildMergedPack();
    expect((await getMergedPack())?.entries).toHaveLength(4);
  });
});
