// The language setting reaches the options page and the popup whatever the browser's language.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountOptions } from '../../src/extension/options';
import { mountPopup } from '../../src/extension/popup';
import { updateSettings } from '../../src/extension/settings';
import { freshExtensionPage } from './helpers';

const settle = () => new Promise((r) => setTimeout(r, 100));

beforeEach(() => freshExtensionPage('en-US'));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the language setting', () => {
  it.each([
    ['auto in an English browser', 'auto', 'Policy Glossary · Settings', 'en'],
    ['Chinese chosen in an English browser', 'zh-CN', '政策术语助手 · 设置', 'zh-CN'],
  ] as const)('options page: %s', async (_name, language, heading, lang) => {
    await updateSettings(() => ({ language }));
    mountOptions(document.getElementById('app')!);
    await settle();
    expect(document.querySelector('h1')?.textContent).toBe(heading);
    expect(document.documentElement.lang).toBe(lang);
  });

  it('the options page follows a change at once', async () => {
    mountOptions(document.getElementById('app')!);
    await settle();
    const select = document.querySelector<HTMLSelectElement>('select[data-setting="language"]')!;
    select.value = 'zh-CN';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(document.querySelector('h1')?.textContent).toBe('政策术语助手 · 设置');
  });

  it('the popup: search first and focused, in the chosen language', async () => {
    await updateSettings(() => ({ language: 'zh-CN' }));
    const tab = await fakeBrowser.tabs.create({ url: 'http://news.example.com/', active: true });
    history.replaceState(null, '', `?tab=${tab.id}`);
    mountPopup(document.getElementById('app')!);
    await settle();
    const search = document.querySelector<HTMLInputElement>('input[type="search"]');
    expect(search?.placeholder).toBe('术语、拼音或关键词，如 liuwen');
    expect(document.activeElement).toBe(search);
    // Search is the first control after the on/off switch in the heading.
    expect(document.querySelector('h1 + section input[type="search"]')).toBe(search);
  });
});
