// The popup on a saved page opened from disk (a file: tab): local files are one switch, on by
// default; where the browser runs no content script in them (Chromium's "Allow access to file URLs"
// off, Firefox always), the popup says so instead of claiming the page is explained. And PDFs from
// this computer: the viewer asks the reader to choose the file (it never reads one by its address).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountOptions } from '../../src/extension/options';
import { mountPopup } from '../../src/extension/popup';
import { loadSettings } from '../../src/extension/settings';
import { LOCAL_FILES } from '../../src/extension/sites';
import { extensionStrings } from '../../src/extension/strings';
import { freshExtensionPage } from './helpers';

const t = extensionStrings('zh-CN');
const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));

/** The popup for a tab showing a local file, with the browser's answer on file access. */
async function popupOnFile(fileAccess: boolean, url = 'file:///home/a/%E6%94%BF%E5%BA%9C%E5%B7%A5%E4%BD%9C%E6%8A%A5%E5%91%8A.html'): Promise<HTMLElement> {
  const tab = await fakeBrowser.tabs.create({ url, active: true });
  Object.assign(fakeBrowser, { extension: { isAllowedFileSchemeAccess: vi.fn(async () => fileAccess) } });
  // The page's report: a content script that answers nothing (the popup's page sections are not under test).
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: false });
  history.replaceState(null, '', `?tab=${tab.id}`);
  const root = document.getElementById('app')!;
  mountPopup(root);
  await settle();
  return root;
}

const siteLine = (root: HTMLElement) => {
  const line = root.querySelector('[data-site-state]');
  return [line?.getAttribute('data-site-state'), line?.textContent];
};

beforeEach(() => freshExtensionPage('zh-CN'));

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('the popup on a local file', () => {
  it('where the browser runs the content scripts: on by default, and one switch turns every local file off', async () => {
    const root = await popupOnFile(true);
    expect(siteLine(root)).toEqual(['on', t.siteOn(t.localFiles)]);
    const off = root.querySelector<HTMLButtonElement>('[data-site-state] + .pg-row button')!;
    expect(off.textContent).toBe(t.turnOffLocalFiles);
    off.click();
    await settle();
    expect((await loadSettings()).disabledHosts).toEqual([LOCAL_FILES]);
    expect(siteLine(root)).toEqual(['off-site', t.siteOffSite(t.localFiles)]);
    expect(root.querySelector('[data-site-state] + .pg-row button')?.textContent).toBe(t.turnOnLocalFiles);
    // The options page lists the switch by name, not by its key.
    document.body.innerHTML = '<div id="app"></div>';
    mountOptions(document.getElementById('app')!);
    await settle(500);
    expect(Array.from(document.querySelectorAll('#sites li span'), (span) => span.textContent)).toEqual([t.localFiles]);
  });

  it('where the browser does not: says so, with the way to Chromium’s switch', async () => {
    const root = await popupOnFile(false);
    expect(siteLine(root)).toEqual(['no-file-access', t.noFileAccess]);
    // No page sections: nothing runs in the page.
    expect(root.textContent).not.toContain(t.termsOnPage);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    root.querySelector<HTMLButtonElement>('[data-action="open-details"]')!.click();
    expect(create).toHaveBeenCalledWith({ url: `chrome://extensions/?id=${fakeBrowser.runtime.id}` });
  });
});

describe('a PDF from this computer', () => {
  it('opens the viewer asking for the file the tab shows, by its name only', async () => {
    const root = await popupOnFile(true, 'file:///home/a/2024%E5%B9%B4%E6%8A%A5%E5%91%8A.pdf');
    vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    root.querySelector<HTMLButtonElement>('[data-action="open-pdf"]')!.click();
    await settle();
    expect(create).toHaveBeenCalledWith({ url: `${fakeBrowser.runtime.getURL('/').replace(/\/$/, '')}/viewer.html?local=${encodeURIComponent('2024年报告.pdf')}` });
  });

  it('offers any PDF on this computer from every popup, and no open-this-PDF button off a PDF', async () => {
    const root = await popupOnFile(true);
    expect(root.querySelector('[data-action="open-pdf"]')).toBeNull();
    vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const link = root.querySelector<HTMLButtonElement>('[data-action="open-local-pdf"]')!;
    expect(link.textContent).toBe('打开电脑上的 PDF');
    link.click();
    await settle();
    expect(create).toHaveBeenCalledWith({ url: `${fakeBrowser.runtime.getURL('/').replace(/\/$/, '')}/viewer.html` });
  });
});
