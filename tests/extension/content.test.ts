import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { installBundledPack } from '../../src/extension/bundled';
import { runContentScript } from '../../src/extension/content';
import type { PageReport } from '../../src/extension/messages';
import { updateSettings } from '../../src/extension/settings';
import { LIU_BAO, LIU_WEN, makePack } from './helpers';

const BODY = '<main><p>扎实做好“<b>六</b>稳”“六保”工作。</p><p>落实六稳要求。</p><p>No terms here.</p></main>';

let ctx: ContentScriptContext;

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
const wrapped = () => [...document.querySelectorAll('pg-term')].map((e) => e.textContent).join('|');
const uiHosts = () => document.querySelectorAll('[data-policy-glossary-ui]').length;
const settle = () => new Promise((r) => setTimeout(r, 150));

/** Asks the content script for its report as the popup does (listener answers via sendResponse). */
function report(): Promise<PageReport> {
  const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown;
  return new Promise((resolve) => {
    void trigger({ type: 'pg:report' }, {}, (reply) => resolve((reply as { ok: PageReport }).ok));
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser, { i18n: { getUILanguage: () => 'zh-CN' } });
  document.body.innerHTML = BODY;
  await installBundledPack(async () => JSON.stringify(makePack([LIU_WEN, LIU_BAO])));
  // Every occurrence drawn, so the wrapping of each can be checked; the default draws the first only.
  await updateSettings(() => ({ density: 'all' }));
  ctx = new ContentScriptContext('content');
});

afterEach(() => {
  ctx.abort();
});

describe('content script', () => {
  it('highlights terms on a government page (also split across elements) and reports them', async () => {
    setUrl('http://www.pudong.gov.cn/report.html');
    await runContentScript(ctx);
    await settle();
    expect(wrapped()).toBe('六|稳|六保|六稳');
    expect(uiHosts()).toBe(1);
    const r = await report();
    expect(r).toMatchObject({ active: true, scanning: false });
    expect(r.terms).toEqual([
      { entryId: 'liu-wen', term: '六稳', count: 2 },
      { entryId: 'liu-bao', term: '六保', count: 1 },
    ]);
  });

  it('by default draws the first occurrence of each term only', async () => {
    await updateSettings(() => ({ density: undefined }));
    setUrl('http://www.pudong.gov.cn/report.html');
    await runContentScript(ctx);
    await settle();
    expect(wrapped()).toBe('六|稳|六保');
  });

  it('leaves an ordinary site alone and reports itself idle', async () => {
    setUrl('http://news.example.com/');
    await runContentScript(ctx);
    await settle();
    expect(document.body.innerHTML).toBe(BODY);
    expect(uiHosts()).toBe(0);
    expect(await report()).toMatchObject({ active: false, terms: [] });
  });

  it.each([
    ['turning this site off', () => updateSettings((s) => ({ disabledHosts: [...s.disabledHosts, 'www.pudong.gov.cn'] }))],
    ['turning the extension off everywhere', () => updateSettings(() => ({ enabled: false }))],
  ])('%s removes everything and restores the page exactly', async (_name, turnOff) => {
    setUrl('http://www.pudong.gov.cn/report.html');
    await runContentScript(ctx);
    await settle();
    expect(wrapped()).not.toBe('');
    await turnOff();
    await settle();
    expect(document.body.innerHTML).toBe(BODY);
    expect(uiHosts()).toBe(0);
  });

  it('starts when the user turns an ordinary site on', async () => {
    setUrl('http://news.example.com/');
    await runContentScript(ctx);
    await updateSettings(() => ({ enabledHosts: ['news.example.com'] }));
    await settle();
    expect(wrapped()).toBe('六|稳|六保|六稳');
  });

  it('runs once when injected again, and tears down when its context ends', async () => {
    setUrl('http://www.pudong.gov.cn/report.html');
    await runContentScript(ctx);
    await settle();
    const again = new ContentScriptContext('content');
    await runContentScript(again);
    await settle();
    expect(ctx.isInvalid).toBe(true);
    expect(uiHosts()).toBe(1);
    expect(wrapped()).toBe('六|稳|六保|六稳');
    again.abort();
    expect(document.body.innerHTML).toBe(BODY);
    expect(uiHosts()).toBe(0);
  });
});
