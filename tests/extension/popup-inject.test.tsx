// The popup starts the content scripts in a tab that has none (one opened before the extension was
// installed), never in a tab that is loading: a reloading page gets its scripts as it loads, and an
// injection racing them kept the page's load event from ever coming in Chromium.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountPopup } from '../../src/extension/popup';
import { freshExtensionPage } from './helpers';

const settle = (ms = 100) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => freshExtensionPage('zh-CN'));

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('the popup on a tab whose content script does not answer', () => {
  it('waits while the tab loads, then starts the scripts once', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.pudong.gov.cn/report.html', active: true });
    let status = 'loading';
    const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => ({ ...(await get(id)), status }));
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const executeScript = vi.fn(async () => []);
    Object.assign(fakeBrowser, { scripting: { executeScript } });
    history.replaceState(null, '', `?tab=${tab.id}`);
    mountPopup(document.getElementById('app')!);
    await settle(1000);
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalled();
    expect(executeScript).not.toHaveBeenCalled();
    status = 'complete';
    await settle(1000);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript.mock.calls[0]).toEqual([{ target: { tabId: tab.id }, files: ['/content-scripts/content.js', '/content-scripts/page-notes.js'] }]);
  });
});
