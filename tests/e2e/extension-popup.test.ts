// The popup in real Chromium and Firefox, opened as a page for a given tab: it lists the terms of a
// government page (a click opens that term's tooltip on the page; the site can be turned off and on),
// and it turns an ordinary site on. Search comes first, focused on open, each result with a
// one-line definition, and a 600 px tall popup shows it without scrolling; highlights never
// include quote marks. Screenshots of tooltip and popup, light and dark, Chinese and English
// (tests/e2e/screenshots/ext-popup-*, ext-tooltip-*), each after a layout check of the same view.
//
// Turning a site on asks for a host permission, and a headless browser cannot click the prompt.
// Firefox grants optional permissions without a prompt under `extensions.webextOptionalPermissionPrompts`
// = false, so there the whole path runs for real. Chromium has no such switch: its `e2e` build
// (`npx wxt build --mode e2e`) already holds news.example.com's permission, so the request resolves
// at once and everything after it runs for real (settings, dynamic content-script registration,
// injection into the open tab, the registration surviving a reload); the prompt itself is not covered.
// Firefox ≥ 153 lets WebDriver BiDi open moz-extension:// pages only with MOZ_REMOTE_ALLOW_SYSTEM_ACCESS.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Browser, Page } from 'puppeteer-core';
import { seedPageHtml } from '../../demo/seed-page';
import { GOV_HOST, OTHER_HOST, launchBrowser, type LaunchedBrowser } from './support/browsers';
import { startServer, type TestServer } from './support/server';
import { FIREFOX_EXTENSION_PREFS, FIREFOX_UUID, ROOT, TARGETS, builtExtension, closeTooltip, highlightCount, openPopupFor, pointAtNeedleEnd, seedFootnotes, squash, termRangeCount, tooltipInfo, tooltipText, waitFor } from './extension-helpers';
import { pageLayoutProblems } from './support/layout';

const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');

const FOOTNOTES = seedFootnotes();

const openPopup = (browser: Browser, base: string, target: Page): Promise<Page> => openPopupFor(browser, base, target);

/** A government host other than the page's, whose report the page frames. */
const FRAME_HOST = 'www.chuansha.gov.cn';
/** The framed report: a term the framing page does not have, and a report's worth of Chinese. */
const framedReport =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>报告</title></head><body><p id="frame-p">严格执行三重一大决策制度，全面落实“七联九治”工作机制。</p>' +
  '<p>今年以来，我们坚持稳中求进工作总基调，统筹推进疫情防控和经济社会发展，各项工作取得积极成效。</p></body></html>';

const listed = (popup: Page) => popup.$$eval('[data-list="terms"] [data-entry-id]', (buttons) => buttons.map((b) => b.firstChild?.textContent ?? ''));

describe.each(TARGETS)('popup: $name ($extension)', ({ name, extension }) => {
  let server: TestServer;
  let launched: LaunchedBrowser;
  let base: string;

  beforeAll(async () => {
    if (name === 'chromium') await promisify(execFile)('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT });
    server = await startServer({ '/report.html': { body: seedPageHtml() }, '/framed-report.html': { body: framedReport } });
    // A page of one government host framing a report of another (its 信息公开 subdomain): the
    // frame reads its own text (src/extension/frames.ts), and the popup lists what it found.
    server.route('/framing.html', {
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>信息公开</title></head><body><p id="top-p">做好六稳工作，推进“三问九联”改革。</p><iframe id="report" style="width: 600px; height: 300px" src="${server.url(FRAME_HOST, '/framed-report.html')}"></iframe></body></html>`,
    });
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

  it('lists the terms of a report framed from another government host, and a click opens it in the frame', async () => {
    const page = await launched.browser.newPage();
    await page.goto(server.url(GOV_HOST, '/framing.html'));
    const frame = await waitFor(async () => page.frames().find((f) => f.url().startsWith(`http://${FRAME_HOST}:`)), 'the framed report');
    await waitFor(async () => (await termRangeCount(frame)) > 0, 'a highlight in the frame');
    const popup = await openPopup(launched.browser, base, page);
    const chips = (): Promise<Array<[string, string]>> => popup.$$eval('[data-list="terms"] [data-entry-id]', (buttons) => buttons.map((b) => [b.getAttribute('data-entry-id') ?? '', b.firstChild?.textContent ?? ''] as [string, string]));
    // The top page's term first (六稳工作 here), then the frame's, 三重一大 among them.
    const terms = await waitFor(async () => {
      const shown = await chips();
      return shown.some(([, term]) => term === '三重一大') ? shown : null;
    }, 'the frame’s terms in the popup');
    expect(terms[0]?.[1]).toMatch(/^六稳/);
    await popup.click('[data-entry-id="san-zhong-yi-da"]');
    await waitFor(async () => squash((await tooltipText(frame)) ?? '').includes('三重一大'), 'the 三重一大 tooltip in the frame');
    expect(await tooltipInfo(page)).toBeNull();
    // The top page's own term still opens on the top page.
    await popup.click(`[data-entry-id="${terms[0]![0]}"]`);
    const info = await waitFor(() => tooltipInfo(page), 'the 六稳 dialog on the page');
    expect(info?.heading).toMatch(/^六稳/);
    // Stubs for the unknown slogans of both: the file's source is the top page, and the frame's
    // slogan names the framed report's page.
    await waitFor(async () => (await popup.$$eval('[data-list="slogans"] li', (items) => items.length)) >= 2 || null, 'both pages’ slogans in the popup');
    await popup.evaluate(() => {
      const downloads: Array<{ name: string; text: string }> = [];
      (window as unknown as { pgDownloads: typeof downloads }).pgDownloads = downloads;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        const name = this.download;
        void fetch(this.href).then(async (response) => downloads.push({ name, text: await response.text() }));
      };
    });
    await popup.click('[data-action="export-stubs"]');
    const saved = await waitFor(() => popup.evaluate(() => (window as unknown as { pgDownloads: Array<{ name: string; text: string }> }).pgDownloads[0] ?? null), 'the stubs file');
    expect(saved.name).toBe('glossary-stubs.yaml');
    const stubs = parse(saved.text) as { source: { url: string }; entries: Array<{ term: string; note: string }> };
    expect(stubs.source.url).toBe(page.url());
    expect(stubs.entries.find((entry) => entry.term === '三问九联')?.note).toMatch(/^出现 1 次，如：/);
    expect(stubs.entries.find((entry) => entry.term === '七联九治')?.note).toContain(`（网页 ${frame.url()}）`);
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

  it('search first: focused on open, above the page’s terms within 600 px, results with a one-line definition; no highlight includes a quote mark', async () => {
    const page = await launched.browser.newPage();
    await page.goto(server.url(GOV_HOST, '/report.html'));
    // The seed report writes many of its terms in quotes (“六稳”, “三会一代理”制度): more than ten
    // highlights once the page's first screens are in (the pass goes on in slices after the first).
    const drawn = await waitFor(async () => {
      const texts = await page.evaluate(() => {
        const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
        const ranges = [...(registry?.get('pg-term') ?? []), ...(registry?.get('pg-unknown') ?? [])].map((r) => r.toString());
        return [...ranges, ...[...document.querySelectorAll('pg-term')].map((e) => e.textContent ?? '')];
      });
      return texts.length > 10 ? texts : null;
    }, 'more than ten highlights');
    expect(drawn.filter((text) => /[“”‘’「」]/.test(text))).toEqual([]);
    const popup = await openPopup(launched.browser, base, page);
    await waitFor(async () => (await listed(popup)).length > 0, 'the popup’s term list');
    const boxes = await popup.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
      return { focused: document.activeElement?.matches('input[type="search"]') ?? false, search: box('input[type="search"]')?.bottom ?? Infinity, terms: box('[data-list="terms"]')?.top ?? 0, height: innerHeight };
    });
    expect(boxes.focused).toBe(true);
    expect(boxes.search).toBeLessThan(boxes.height);
    expect(boxes.terms).toBeGreaterThan(boxes.search);
    await popup.keyboard.type('liuwen');
    const first = await waitFor(() => popup.$eval('[data-list="search"] li', (li) => ({ term: li.querySelector('.pg-result-term')?.textContent ?? '', definition: li.querySelector('[data-field="definition"]')?.textContent ?? '', lines: Math.round(li.querySelector('[data-field="definition"]')!.getBoundingClientRect().height / parseFloat(getComputedStyle(li.querySelector('[data-field="definition"]')!).lineHeight || '16')) })).catch(() => null), 'search results');
    expect(first.term).toMatch(/^六稳/);
    expect(first.definition.length).toBeGreaterThan(5);
    expect(first.lines).toBeLessThanOrEqual(1);
    await popup.close();
    await page.close();
  });

  it.for(['light', 'dark'] as const)('screenshots tooltip and popup (%s), checked for layout', async (scheme, { skip }) => {
    // WebDriver BiDi (Firefox) has no colour-scheme emulation: Firefox checks the light (default) look.
    const emulate = name === 'chromium';
    if (!emulate && scheme === 'dark') skip('Firefox over WebDriver BiDi cannot emulate prefers-color-scheme');
    const page = await launched.browser.newPage();
    await page.setViewport({ width: 900, height: 600 });
    if (emulate) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(server.url(GOV_HOST, '/report.html'));
    await waitFor(async () => (await highlightCount(page)) > 0, 'highlights');
    const footnote = FOOTNOTES.find((f) => f.n === 3)!;
    await closeTooltip(page);
    const point = await pointAtNeedleEnd(page, footnote.needle);
    await page.mouse.move(point!.x, point!.y, { steps: 2 });
    await waitFor(() => tooltipInfo(page), 'the tooltip');
    await new Promise((r) => setTimeout(r, 300));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `ext-tooltip-${scheme}-${extension}.png`) });
    const popup = await openPopup(launched.browser, base, page);
    if (emulate) await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await waitFor(async () => (await listed(popup)).length > 0, 'the popup’s term list');
    await popup.type('input[type="search"]', 'liuwen');
    await waitFor(() => popup.$eval('[data-list="search"]', (l) => (l.textContent ?? '').includes('六稳')), 'search results for liuwen');
    expect(await pageLayoutProblems(popup)).toEqual([]);
    await popup.screenshot({ path: join(SCREENSHOTS, `ext-popup-zh-${scheme}-${extension}.png`) });
    // The same popup in English (the language setting, not the browser's), checked the same way.
    await popup.evaluate(async () => {
      const api = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
      type StorageApi = { storage: { local: { get(key: string): Promise<Record<string, object>>; set(items: object): Promise<void> } } };
      const storage = (api.browser ?? api.chrome).storage.local;
      const { settings } = await storage.get('settings');
      await storage.set({ settings: { ...settings, language: 'en' } });
    });
    await waitFor(() => popup.$eval('[data-list="search"]', (l) => (l.closest('.pg-root')?.getAttribute('lang') ?? '') === 'en'), 'the popup in English');
    expect(await pageLayoutProblems(popup)).toEqual([]);
    await popup.screenshot({ path: join(SCREENSHOTS, `ext-popup-en-${scheme}-${extension}.png`) });
    await popup.evaluate(async () => {
      const api = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
      type StorageApi = { storage: { local: { get(key: string): Promise<Record<string, object>>; set(items: object): Promise<void> } } };
      const storage = (api.browser ?? api.chrome).storage.local;
      const { settings } = await storage.get('settings');
      await storage.set({ settings: { ...settings, language: 'auto' } });
    });
    await popup.close();
    await page.close();
  });
});
