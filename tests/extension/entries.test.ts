// The background's pg:page-entries answer: the asked entries with every entry their tooltip shows
// (the page's own sense, the other places' senses), their documents by index and a sense choice
// for each of them; and the compiled matcher kept in step with the merged pack.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compilePack, loadCompiledMatcher, type CompiledPack } from '../../src/core/compiled-pack';
import { parsePack } from '../../src/core/pack';
import { installBundledPack } from '../../src/extension/bundled';
import { pageEntries, sloganAnswer } from '../../src/extension/entries';
import { getCompiledPack, getMergedPack } from '../../src/extension/merged-pack';
import { setBundledMatcherReader, setUserEntries, type BundledMatcherReader } from '../../src/extension/store';
import { sensesPack } from '../ui/senses-pack';

const CHANGSHA = 'changsha-2021-jiu-ge-yi-pi';
const ZHUZHOU = 'zhuzhou-2022-jiu-ge-yi-pi';
const changshaPage = { host: 'www.changsha.gov.cn', title: '', footerText: '' };

beforeEach(async () => {
  fakeBrowser.reset();
  await installBundledPack(async () => JSON.stringify(sensesPack()));
});

describe('pageEntries', () => {
  it('sends the asked entry, the other place’s sense, their documents and a choice for each', async () => {
    const answer = await pageEntries(changshaPage, [CHANGSHA]);
    expect(answer.hash).toBe((await getMergedPack())?.hash);
    expect(answer.entries.map((e) => e.id).sort()).toEqual([CHANGSHA, ZHUZHOU].sort());
    expect(Object.keys(answer.documents).sort()).toEqual(['0', '1']);
    expect(answer.documents[1]?.title).toBe('2022年株洲市政府工作报告');
    expect(answer.senses[CHANGSHA]).toEqual({ shown: CHANGSHA, kind: 'own', others: [ZHUZHOU] });
    expect(Object.keys(answer.senses).sort()).toEqual([CHANGSHA, ZHUZHOU].sort());
  });

  it.each([
    ['an id the merged pack lacks', ['no-such-id'], []],
    ['nothing asked', [], []],
  ])('leaves out %s', async (_what, ids, expected) => {
    expect((await pageEntries(changshaPage, ids)).entries.map((e) => e.id)).toEqual(expected);
  });
});

describe('the compiled matcher in storage', () => {
  it('is compiled with the merged pack and follows its changes', async () => {
    const first = await getCompiledPack();
    expect(first?.hash).toBe((await getMergedPack())?.hash);
    expect(first?.entries).toBe(4);
    expect(loadCompiledMatcher(first!, { slogans: false }).scan('推进两网融合').map((m) => m.entryId)).toEqual([]);
    await setUserEntries([{ id: 'liang-wang', term: '两网融合', status: 'official', definition: '测试用释义。' }]);
    const next = await getCompiledPack();
    expect(next?.hash).toBe((await getMergedPack())?.hash);
    expect(next?.hash).not.toBe(first?.hash);
    expect(loadCompiledMatcher(next!, { slogans: false }).scan('推进两网融合').map((m) => m.entryId)).toEqual(['liang-wang']);
  });
});

describe('the build\'s compiled matcher', () => {
  const bundled = parsePack(JSON.stringify(sensesPack()));
  // The build's file, told apart from a compile here by its strings' layout (same content).
  const fromBuild = (pack = bundled): CompiledPack => {
    const compiled = compilePack(pack);
    return { ...compiled, strings: JSON.stringify(JSON.parse(compiled.strings), null, 1) };
  };
  let previous: BundledMatcherReader | undefined;
  const install = async (reader: BundledMatcherReader): Promise<CompiledPack | null> => {
    previous = setBundledMatcherReader(reader);
    fakeBrowser.reset();
    await installBundledPack(async () => JSON.stringify(sensesPack()));
    return getCompiledPack();
  };
  afterEach(() => {
    if (previous) setBundledMatcherReader(previous);
  });

  it('is stored under the merged pack\'s hash while the bundled glossary alone makes the merged pack', async () => {
    const stored = await install(async () => fromBuild());
    expect(stored?.strings).toBe(fromBuild().strings);
    expect(stored?.hash).toBe((await getMergedPack())?.hash);
    expect(loadCompiledMatcher(stored!, { slogans: false }).scan('推进两网融合').map((m) => m.entryId)).toEqual([]);
    // The user's own entry makes another matcher: compiled here.
    await setUserEntries([{ id: 'liang-wang', term: '两网融合', status: 'official', definition: '测试用释义。' }]);
    const next = await getCompiledPack();
    expect(next?.strings).not.toBe(fromBuild().strings);
    expect(loadCompiledMatcher(next!, { slogans: false }).scan('推进两网融合').map((m) => m.entryId)).toEqual(['liang-wang']);
  });

  it.each([
    ['of another glossary', async () => fromBuild({ ...bundled, hash: 'other' })],
    ['of another version', async () => ({ ...fromBuild(), version: 1 })],
    ['missing', async () => Promise.reject(new Error('HTTP 404'))],
  ])('is not used when it is %s: the matcher is compiled', async (_what, reader) => {
    const stored = await install(reader);
    expect(stored?.strings).toBe(compilePack({ ...bundled, hash: stored!.hash }).strings);
    expect(stored?.hash).toBe((await getMergedPack())?.hash);
  });
});

describe('sloganAnswer', () => {
  it('answers from the whole merged pack: the same words numbered otherwise, with their entries and documents', async () => {
    const answer = await sloganAnswer('“五个一批”');
    expect(answer.hash).toBe((await getMergedPack())?.hash);
    // 九个一批 from two places: the term once, its first entry.
    expect(answer.otherNumbers).toEqual([CHANGSHA]);
    expect(answer.entries.map((e) => e.id)).toEqual([CHANGSHA]);
    expect(Object.keys(answer.documents)).toEqual(['0']);
  });

  it.each([
    ['a slogan with other words', '五个一家'],
    ['a defined term', '九个一批'],
  ])('finds nothing for %s', async (_what, text) => {
    const answer = await sloganAnswer(text);
    expect([answer.close, answer.otherNumbers, answer.usedIn, answer.entries]).toEqual([[], [], [], []]);
  });
});
