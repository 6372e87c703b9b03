// The built extension in real Chromium and Firefox: on a government page made from the seed report
// every footnoted term explains itself on hover, keyboard navigation and Esc work, the page's text is
// unchanged, and an ordinary site is left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { seedPageHtml } from '../../demo/seed-page';
import { COMPILED_PACK_VERSION } from '../../src/core/compiled-pack';
import { GOV_HOST, OTHER_HOST, type LaunchedBrowser } from './support/browsers';
import { startServer, type TestServer } from './support/server';
import {
  RELEASE_TARGETS,
  closeTooltip,
  gotoExtensionPage,
  highlightCount,
  hoverFootnote,
  launchExtension,
  pointAtNeedleEnd,
  seedFootnotes,
  tooltipInfo,
  tooltipText,
  waitFor,
} from './extension-helpers';

const FOOTNOTES = seedFootnotes();

describe.each(RELEASE_TARGETS)('$name ($extension)', ({ name, extension }) => {
  let server: TestServer;
  let launched: LaunchedBrowser;
  let base: string;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ '/report.html': { body: seedPageHtml() } });
    ({ launched, base } = await launchExtension(name, extension));
    page = await launched.browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(server.url(GOV_HOST, '/report.html'));
    await waitFor(async () => (await highlightCount(page)) > 0, 'highlights on the government page', 20_000);
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('reads the 19 footnotes of the seed report', () => {
    expect(FOOTNOTES.map((f) => f.n)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
  });

  it.each(FOOTNOTES.map((f) => [f.n, f.term, f] as const))('footnote %i: hovering %s shows its definition', async (_n, _term, footnote) => {
    await closeTooltip(page);
    const point = await pointAtNeedleEnd(page, footnote.needle);
    expect(point, `body text “${footnote.needle}” on the page`).not.toBeNull();
    const { info } = await hoverFootnote(page, footnote, point!);
    // Styled: the tooltip's CSS comes from the background (content.ts), position: fixed among its rules.
    expect(info).toMatchObject({ role: 'tooltip', inShadow: true, position: 'fixed' });
  });

  it('walks the terms with Alt+Shift+→ / ← and closes with Esc', async () => {
    await closeTooltip(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const press = async (key: 'ArrowRight' | 'ArrowLeft') => {
      await page.keyboard.down('Alt');
      await page.keyboard.down('Shift');
      await page.keyboard.press(key);
      await page.keyboard.up('Shift');
      await page.keyboard.up('Alt');
    };
    await press('ArrowRight');
    const first = await waitFor(() => tooltipInfo(page), 'a dialog after Alt+Shift+→');
    expect(first.role).toBe('dialog');
    await press('ArrowRight');
    const second = await waitFor(async () => {
      const info = await tooltipInfo(page);
      return info && info.heading !== first.heading ? info : null;
    }, 'the next term');
    await press('ArrowLeft');
    await waitFor(async () => (await tooltipInfo(page))?.heading === first.heading, 'the previous term again');
    expect(second.heading).not.toBe(first.heading);
    await page.keyboard.press('Escape');
    await waitFor(async () => (await tooltipText(page)) === null, 'Esc to close the dialog');
  });

  it('leaves the page text unchanged and leaves an ordinary site alone', async () => {
    await closeTooltip(page);
    const other = await launched.browser.newPage();
    await other.goto(server.url(OTHER_HOST, '/report.html'));
    await new Promise((r) => setTimeout(r, 2000));
    expect(await highlightCount(other)).toBe(0);
    expect(await other.evaluate(() => document.querySelector('[data-policy-glossary-ui]'))).toBeNull();
    const plain = await other.evaluate(() => document.body.innerText);
    expect(await page.evaluate(() => document.body.innerText)).toBe(plain);
    await other.close();
  });

  it('ships the bundled glossary\'s compiled matcher and stores it for the content scripts', async () => {
    const extensionPage = await launched.browser.newPage();
    try {
      await gotoExtensionPage(extensionPage, `${base}/popup.html`);
      const found = await extensionPage.evaluate(async () => {
        type Api = { storage: { local: { get(key: string): Promise<Record<string, { data?: string; strings?: string; version?: number } | undefined>> } } };
        const api = ((globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome);
        const stored = (await api.storage.local.get('compiledPack')).compiledPack;
        const file = (await (await fetch('/glossary-matcher.json')).json()) as { hash: string; data: string; strings: string; version: number };
        const bundled = (await (await fetch('/glossary.json')).json()) as { hash: string };
        return { version: file.version, ofBundled: file.hash === bundled.hash, storedVersion: stored?.version, sameData: stored?.data === file.data && stored?.strings === file.strings };
      });
      expect(found).toEqual({ version: COMPILED_PACK_VERSION, ofBundled: true, storedVersion: COMPILED_PACK_VERSION, sameData: true });
    } finally {
      await extensionPage.close();
    }
  });
});
