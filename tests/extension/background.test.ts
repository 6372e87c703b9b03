import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../src/extension/background';
import { takeEntryDraft } from '../../src/extension/drafts';
import { loadSettings } from '../../src/extension/settings';
import { SUBSCRIPTION_ALARM } from '../../src/extension/subscriptions';
import { LIU_BAO, LIU_WEN, makePack } from './helpers';

/** Sends a runtime message to the background's listener and returns its reply. */
function ask(message: unknown): Promise<{ ok?: unknown; error?: string }> {
  const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown;
  return new Promise((resolve) => {
    void trigger(message, {}, (reply) => resolve(reply as { ok?: unknown; error?: string }));
  });
}

let granted: Set<string>;
const scripting = {
  registerContentScripts: vi.fn(async () => undefined),
  unregisterContentScripts: vi.fn(async () => undefined),
  getRegisteredContentScripts: vi.fn(async () => [] as { id: string }[]),
  executeScript: vi.fn(async () => []),
};

beforeEach(() => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  granted = new Set();
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(makePack([LIU_WEN, LIU_BAO])))));
  Object.assign(fakeBrowser, {
    scripting,
    permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)) },
  });
  startBackground();
});

afterEach(() => {
  vi.unstubAllGlobals();
  delete (fakeBrowser as { contentScripts?: unknown }).contentScripts;
  delete (fakeBrowser.tabs as { executeScript?: unknown }).executeScript;
});

describe('background', () => {
  it('installs the bundled glossary and hands the merged pack to content scripts', async () => {
    const reply = await ask({ type: 'pg:get-pack' });
    expect((reply.ok as { entries: { term: string }[] }).entries.map((e) => e.term)).toEqual(['六稳', '六保']);
    expect(await fakeBrowser.alarms.get(SUBSCRIPTION_ALARM)).toMatchObject({ periodInMinutes: 360 });
  });

  it('turns a granted host on: remembers it, registers the content script, starts it in the tab', async () => {
    granted.add('*://news.example.com/*');
    expect(await ask({ type: 'pg:enable-host', host: 'news.example.com', tabId: 7 })).toEqual({ ok: true });
    expect((await loadSettings()).enabledHosts).toEqual(['news.example.com']);
    expect(scripting.registerContentScripts).toHaveBeenLastCalledWith([expect.objectContaining({ matches: ['*://news.example.com/*'], js: ['content-scripts/content.js', 'content-scripts/page-notes.js'], allFrames: true })]);
    expect(scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/content-scripts/content.js', '/content-scripts/page-notes.js'] });
  });

  it('uses contentScripts.register and tabs.executeScript where there is no scripting API (Firefox MV2)', async () => {
    const unregister = vi.fn(async () => undefined);
    const register = vi.fn(async () => ({ unregister }));
    const executeScript = vi.fn(async () => []);
    delete (fakeBrowser as { scripting?: unknown }).scripting;
    Object.assign(fakeBrowser, { contentScripts: { register } });
    Object.assign(fakeBrowser.tabs, { executeScript });
    granted.add('*://a.example/*').add('*://b.example/*');
    await ask({ type: 'pg:enable-host', host: 'a.example', tabId: 3 });
    await ask({ type: 'pg:enable-host', host: 'b.example', tabId: 4 });
    expect(register).toHaveBeenLastCalledWith({ matches: ['*://a.example/*', '*://b.example/*'], js: [{ file: '/content-scripts/content.js' }, { file: '/content-scripts/page-notes.js' }], runAt: 'document_idle', allFrames: true });
    expect(unregister).toHaveBeenCalled();
    expect(executeScript).toHaveBeenCalledWith(4, { file: '/content-scripts/content.js', runAt: 'document_idle' });
    expect(executeScript).toHaveBeenCalledWith(4, { file: '/content-scripts/page-notes.js', runAt: 'document_idle' });
  });

  it('does not run on a host whose permission was refused or withdrawn', async () => {
    expect(await ask({ type: 'pg:enable-host', host: 'news.example.com', tabId: 7 })).toEqual({ ok: false });
    expect(scripting.registerContentScripts).not.toHaveBeenCalled();
    expect(scripting.executeScript).not.toHaveBeenCalled();
  });

  it('opens the entry form with the draft from a tooltip’s “add to my glossary”', async () => {
    const draft = { term: '双千工程', kind: 'unknown-slogan', context: '全面启动双千工程', pageUrl: 'http://www.pudong.gov.cn/a.html' };
    await ask({ type: 'pg:open-entry-form', draft });
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain('chrome-extension://test-extension-id/options.html#add');
    expect(await takeEntryDraft()).toEqual(draft);
    expect(await takeEntryDraft()).toBeNull();
  });

  it('passes a failure back to the caller as an error', async () => {
    granted.add('*://a.example/*');
    scripting.executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await ask({ type: 'pg:enable-host', host: 'a.example', tabId: 1 })).toEqual({ error: 'Cannot access contents of the page' });
  });

  it('leaves messages that are not its own to other listeners', async () => {
    const answered = (await fakeBrowser.runtime.onMessage.trigger({ type: 'pg:report' }, {})) as unknown[];
    expect(answered).toEqual([false]);
  });
});
