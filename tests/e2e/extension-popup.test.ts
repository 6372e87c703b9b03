// The popup in real Chromium and Firefox, opened as a page for a given tab: it lists the terms of a
// government page (a click opens that term's tooltip on the page; the site can be turned off and on),
// and it turns an ordinary site on. Also the layout of tooltip and popup, light and dark, in every
// browser (support/layout.ts: shown, inside the viewport, nothing overlapping, no sideways scrolling).
//
// Turning a site on asks for a host permission, and a headless browser cannot click the prompt.
// Firefox grants optional permissions without a prompt under `extensions.webextOptionalPermissionPrompts`
// = false, so there the whole path runs for real. Chromium has no such switch: its `e2e` build
// (`npx wxt build --mode e2e`) already holds news.example.com's permission, so the request resolves
// at once and everything after it runs for real (settings, dynamic content-script registration,
// injection into the open tab, the registration surviving a reload); the prompt itself is not covered.
// Firefox ≥ 153 lets WebDriver BiDi open moz-extension:// pages only with MOZ_REMOTE_ALLOW_SYSTEM_ACCESS.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { seedPageHtml } from '../../demo/seed-page';
import { GOV_HOST, OTHER_HOST, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { layoutProblems } from './support/layout';
import { startServer, type TestServer } from './support/server';
import { FIREFOX_EXTENSION_PREFS, FIREFOX_UUID, ROOT, TARGETS, builtExtension, gotoExtensionPage, closeTooltip, highlightCount, pointAtNeedleEnd, seedFootnotes, tooltipInfo, waitFor } from './extension-helpers';

const FOOTNOTES = seedFootnotes();

/**
 * Opens the popup as a page acting on `target`. Without a click on the toolbar button the browser
 * hides other tabs' URLs from the extension, so every other tab is closed first and the target is
 * the one tab that is not the popup.
 */
async function openPopup(browser: Browser, base: string, target: Page): Promise<Page> {
  for (const other of await browser.pages()) if (other !== target) await other.close();
  const popup = await browser.newPage();
  await popup.setViewport({ width: 380, height: 640 });
  await gotoExtensionPage(popup, `${base}/popup.html`);
  const url = target.url();
  const tabId = await popup.evaluate(async (url) => {
    type Tab = { id?: number; url?: string };
    const api = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
    type TabsApi = { tabs: { query(q: object): Promise<Tab[]>; getCurrent(): Promise<Tab | undefined> } };
    const tabs = (api.browser ?? api.chrome).tabs;
    const self = await tabs.getCurrent();
    return (await tabs.query({})).find((t) => t.url === url || t.id !== self?.id)?.id;
  }, url);
  await gotoExtensionPage(popup, `${base}/popup.html?tab=${tabId}&url=${encodeURIComponent(url)}`);
  await popup.waitForSelector('[data-site-state]');
  return popup;
}

const listed = (popup: Page) => popup.$$eval('[data-list="terms"] [data-entry-id]', (buttons) => buttons.map((b) => b.firstChild?.textContent ?? ''));

describe.each(TARGETS)('popup: $name ($extension)', ({ name, extension }) => {
  let server: TestServer;
  let launched: LaunchedBrowser;
  let base: string;

  beforeAll(async () => {
    if (name === 'chromium') await promisify(execFile)('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT });
    server = await startServer({ '/report.html': { body: seedPageHtml() } });
    // The user interface in Chinese, the product's first language: Chromium on Linux reads LANGUAGE
    // (and needs Debian's chromium-l10n for any locale but en-US).
    process.env.LANGUAGE = 'zh_CN';
    process.env.MOZ_REMOTE_ALLOW_SYSTEM_ACCESS = '1';
    launched = await launchBrowser(name, {
      extension: builtExtension(extension),
      firefoxPrefs: { ...FIREFOX_EXTENSION_PREFS, 'intl.locale.requested': 'zh-CN' },
    });
    base = name === 'chromium' ? `chrome-extension://${launched.extensionId}` : `moz-extension://${FIREFOX_UUID}`;
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('lists the terms of a government page, and a click opens the term on the page', async () => {
    const page = await launched.browser.newPage();
    await page.goto(server.url(GOV_HOST, '/report.html'));
    await waitFor(async () => (await highlightCount(page)) > 0, 'highlights');
    const popup = await openPopup(launched.browser, base, page);
    const terms = await waitFor(async () => {
      const shown = await listed(popup);
      return shown.length >= FOOTNOTES.length ? shown : null;
    }, 'the page’s terms in the popup');
    for (const footnote of FOOTNOTES) {
      expect(terms.some((t) => footnote.term.replace(/[“”]/g, '').includes(t.replace(/[“”]/g, ''))), footnote.term).toBe(true);
    }
    expect(await popup.$eval('[data-list="terms"]', (list) => list.textContent)).toMatch(/六稳/);
    await popup.click('[data-entry-id="liu-bao"]');
    const info = await waitFor(() => tooltipInfo(page), 'the 六保 dialog on the page');
    expect(info).toMatchObject({ role: 'dialog', heading: '六保', inShadow: true });
    const marked = (): Promise<number> => page.evaluate(() => document.querySelectorAll('[data-pg-hl]').length);
    expect(await marked()).toBeGreaterThan(0);
    await popup.click('[data-site-state="on"] + .pg-row button');
    await waitFor(async () => (await highlightCount(page)) === 0 && (await tooltipInfo(page)) === null, 'highlights and tooltip gone after turning the site off');
    // The marks that limit the highlight rules to highlighted text go with them.
    expect(await marked()).toBe(0);
    await waitFor(() => popup.$('[data-site-state="off-site"]'), 'the popup to show the site as off');
    await popup.click('[data-site-state="off-site"] + .pg-row button');
    await waitFor(async () => (await highlightCount(page)) > 0, 'highlights back after turning the site on again');
    await popup.close();
    await page.close();
  });

  it('leaves news.example.com alone until the popup turns it on, and remembers it', async () => {
    const page = await launched.browser.newPage();
    await page.goto(server.url(OTHER_HOST, '/report.html'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await highlightCount(page)).toBe(0);
    const popup = await openPopup(launched.browser, base, page);
    await popup.waitForSelector('[data-action="enable-site"]');
    expect(await popup.$eval('[data-site-state]', (e) => e.getAttribute('data-site-state'))).toBe('not-enabled');
    await popup.click('[data-action="enable-site"]');
    await waitFor(async () => (await highlightCount(page)) > 0, 'highlights after turning the site on');
    await waitFor(() => popup.$eval('[data-site-state]', (e) => e.getAttribute('data-site-state') === 'on'), 'the popup to show the site as on');
    await page.reload();
    await waitFor(async () => (await highlightCount(page)) > 0, 'highlights after a reload (registered content script)');
    await popup.close();
    await page.close();
  });

  // Firefox over WebDriver BiDi cannot emulate media features: its dark run gets a browser of its own
  // launched in dark mode (with the extension, the same fixed UUID).
  it.each(['light', 'dark'] as const)('lays out tooltip and popup (%s): inside the viewport, nothing overlapping, no sideways scrolling', async (scheme) => {
    const dark = name === 'firefox' && scheme === 'dark'
      ? await launchBrowser(name, { extension: builtExtension(extension), colorScheme: 'dark', firefoxPrefs: { ...FIREFOX_EXTENSION_PREFS, 'intl.locale.requested': 'zh-CN' } })
      : undefined;
    const browser = (dark ?? launched).browser;
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 900, height: 600 });
      // Firefox's light run is its default browser (launched light).
      if (name === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(server.url(GOV_HOST, '/report.html'));
      await waitFor(async () => (await highlightCount(page)) > 0, 'highlights');
      const footnote = FOOTNOTES.find((f) => f.n === 3)!;
      await closeTooltip(page);
      const point = await pointAtNeedleEnd(page, footnote.needle);
      await page.mouse.move(point!.x, point!.y, { steps: 2 });
      await waitFor(() => tooltipInfo(page), 'the tooltip');
      expect(
        await layoutProblems(page, [{ name: 'tooltip', selector: '[data-policy-glossary-ui] >>> [role="tooltip"],[role="dialog"]' }]),
      ).toEqual([]);
      const popup = await openPopup(browser, base, page);
      if (name === 'chromium') await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await waitFor(async () => (await listed(popup)).length > 0, 'the popup’s term list');
      await popup.type('input[type="search"]', 'liuwen');
      await waitFor(() => popup.$eval('[data-list="search"]', (l) => (l.textContent ?? '').includes('六稳')), 'search results for liuwen');
      // The scheme reached the popup (its page background), so this is the layout in that scheme.
      expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(scheme === 'dark' ? 'rgb(32, 34, 38)' : 'rgb(255, 255, 255)');
      // A popup window takes its content's width (the 380 px test tab is a little narrower than the
      // popup's own 384 px), so its rows are checked within the popup's root box, and the page's
      // terms each in their own box.
      expect(
        await layoutProblems(popup, [
          { name: 'site state', selector: '[data-site-state]', within: 'width' },
          { name: 'search field', selector: 'input[type="search"]', within: 'width' },
          { name: 'search result', selector: '[data-list="search"] > li', all: true, within: 'width' },
          { name: 'term chip', selector: '[data-list="terms"] > li', all: true, within: 'width' },
        ], { container: '#app > *', horizontalScroll: true }),
      ).toEqual([]);
      await popup.close();
      await page.close();
    } finally {
      await dark?.close();
    }
  });
});
