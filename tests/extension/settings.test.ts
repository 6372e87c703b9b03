import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, HIDDEN_PAGES_LIMIT, loadSettings, localeFor, normaliseSettings, pageKey, setHostDisabled, setPageHidden, updateSettings } from '../../src/extension/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('normaliseSettings', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['not an object', 'on', DEFAULT_SETTINGS],
    ['a partial object keeps its fields', { enabled: false }, { ...DEFAULT_SETTINGS, enabled: false }],
    ['hover delay is clamped', { hoverDelay: 99_999 }, { ...DEFAULT_SETTINGS, hoverDelay: 3000 }],
    ['a negative hover delay becomes 0', { hoverDelay: -5 }, { ...DEFAULT_SETTINGS, hoverDelay: 0 }],
    ['a non-numeric hover delay falls back', { hoverDelay: 'slow' }, DEFAULT_SETTINGS],
    ['an unknown highlight style falls back', { highlightStyle: 'blink' }, DEFAULT_SETTINGS],
    ['hosts are lower-cased, deduplicated, non-strings dropped', { enabledHosts: ['A.com', 'a.com', 3] }, { ...DEFAULT_SETTINGS, enabledHosts: ['a.com'] }],
    ['turned-off source groups: strings only, once', { disabledGroups: ['430000', 'central', '430000', 7] }, { ...DEFAULT_SETTINGS, disabledGroups: ['430000', 'central'] }],
    ['turned-off source groups that are not a list fall back', { disabledGroups: 'central' }, DEFAULT_SETTINGS],
    ['a chosen language is kept', { language: 'en' }, { ...DEFAULT_SETTINGS, language: 'en' }],
    ['Chinese chosen', { language: 'zh-CN' }, { ...DEFAULT_SETTINGS, language: 'zh-CN' }],
    ['an unknown language follows the browser', { language: 'fr' }, DEFAULT_SETTINGS],
    ['every occurrence chosen', { density: 'all' }, { ...DEFAULT_SETTINGS, density: 'all' }],
    ['none until hovered chosen', { density: 'hover' }, { ...DEFAULT_SETTINGS, density: 'hover' }],
    ['an unknown density falls back', { density: 'some' }, DEFAULT_SETTINGS],
    ['hidden pages: strings only, once', { hiddenPages: ['http://a/1', 7, 'http://a/1'] }, { ...DEFAULT_SETTINGS, hiddenPages: ['http://a/1'] }],
    ['hidden pages that are not a list fall back', { hiddenPages: 'http://a/1' }, DEFAULT_SETTINGS],
  ])('%s', (_name, stored, expected) => {
    expect(normaliseSettings(stored)).toEqual(expected);
  });
});

describe('localeFor', () => {
  it.each([
    ['auto follows an English browser', 'auto', 'en-US', 'en-US'],
    ['auto follows a Chinese browser', 'auto', 'zh-CN', 'zh-CN'],
    ['Chinese chosen in an English browser', 'zh-CN', 'en-US', 'zh-CN'],
    ['English chosen in a Chinese browser', 'en', 'zh-TW', 'en'],
  ] as const)('%s', (_name, language, browserLanguage, expected) => {
    expect(localeFor(language, browserLanguage)).toBe(expected);
  });
});

describe('stored settings', () => {
  it('starts from the defaults', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps a change in storage.local', async () => {
    await updateSettings(() => ({ highlightStyle: 'background', hoverDelay: 500 }));
    const raw = await fakeBrowser.storage.local.get('settings');
    expect(raw.settings).toMatchObject({ highlightStyle: 'background', hoverDelay: 500 });
    expect(await loadSettings()).toMatchObject({ highlightStyle: 'background', hoverDelay: 500, enabled: true });
  });

  it('turns a site off and on again without touching other sites', async () => {
    await updateSettings((s) => ({ disabledHosts: [...s.disabledHosts, 'a.gov.cn'] }));
    await updateSettings((s) => setHostDisabled(s, 'b.gov.cn', true));
    expect((await loadSettings()).disabledHosts).toEqual(['a.gov.cn', 'b.gov.cn']);
    await updateSettings((s) => setHostDisabled(s, 'b.gov.cn', false));
    expect((await loadSettings()).disabledHosts).toEqual(['a.gov.cn']);
  });
});

describe('pageKey', () => {
  it.each([
    ['the fragment is dropped', 'https://www.gov.cn/zhengce/a.htm#p3', 'https://www.gov.cn/zhengce/a.htm'],
    ['the query is kept (a CMS tells articles apart by it)', 'https://x.gov.cn/art?id=7#top', 'https://x.gov.cn/art?id=7'],
    ['an address without a fragment stays', 'https://x.gov.cn/a.htm', 'https://x.gov.cn/a.htm'],
  ])('%s', (_name, url, expected) => {
    expect(pageKey(url)).toBe(expected);
  });

  it('tells different articles apart', () => {
    expect(pageKey('https://x.gov.cn/art?id=7')).not.toBe(pageKey('https://x.gov.cn/art?id=8'));
  });
});

describe('hidden pages', () => {
  it('hides one page, leaves the others, and shows it again', async () => {
    await updateSettings((s) => setPageHidden(s, 'https://x.gov.cn/a.htm#p2', true));
    await updateSettings((s) => setPageHidden(s, 'https://x.gov.cn/b.htm', true));
    expect((await loadSettings()).hiddenPages).toEqual(['https://x.gov.cn/a.htm', 'https://x.gov.cn/b.htm']);
    await updateSettings((s) => setPageHidden(s, 'https://x.gov.cn/a.htm', false));
    expect((await loadSettings()).hiddenPages).toEqual(['https://x.gov.cn/b.htm']);
  });

  it('forgets the oldest page beyond the limit', () => {
    let settings = { ...DEFAULT_SETTINGS, hiddenPages: Array.from({ length: HIDDEN_PAGES_LIMIT }, (_, i) => `https://x.gov.cn/${i}`) };
    settings = { ...settings, ...setPageHidden(settings, 'https://x.gov.cn/new', true) };
    expect(settings.hiddenPages).toHaveLength(HIDDEN_PAGES_LIMIT);
    expect(settings.hiddenPages[0]).toBe('https://x.gov.cn/1');
    expect(settings.hiddenPages.at(-1)).toBe('https://x.gov.cn/new');
  });
});
