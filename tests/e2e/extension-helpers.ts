// Shared steps of the extension's end-to-end tests: the built extension folders, the truth read
// from the seed report's footnotes, and page probes (tooltip, highlights, hovering a term).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { launchBrowser, type BrowserName, type LaunchedBrowser } from './support/browsers';
import { layoutProblems } from './support/layout';
import { SEED_REPORT_PATH } from '../../demo/seed-page';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A built extension folder; fails with the command to run when it is missing. */
export function builtExtension(name: 'chrome-mv3' | 'firefox-mv2' | 'firefox-mv3' | 'chrome-mv3-e2e'): string {
  const dir = join(ROOT, '.output', name);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`${dir} is missing: run \`npm run build:ext\`${name.endsWith('e2e') ? ' and `npx wxt build --mode e2e`' : ''} first`);
  }
  return dir;
}

/** One footnote of the seed report: its number, term, definition and a few characters of body text ending where the term ends. */
export interface SeedFootnote {
  n: number;
  term: string;
  definition: string;
  /**
   * Body text (markers removed) that ends where the term's drawn part ends: at the footnote mark,
   * or for a quoted coinage with a glued word (“三项”工作, drawn as 三项 alone) inside the quotes.
   */
  needle: string;
}

/** The seed report's footnotes, read from sources/ at run time. */
export function seedFootnotes(): SeedFootnote[] {
  const source = readFileSync(SEED_REPORT_PATH, 'utf8');
  const notes = new Map<number, { term: string; definition: string }>();
  for (const [, n, body] of source.matchAll(/\[(\d+): ([^\]]*)\]/g)) {
    const text = (body ?? '').replace(/^[、，,\s]+/, '');
    const colon = text.indexOf('：');
    notes.set(Number(n), { term: text.slice(0, colon).trim(), definition: text.slice(colon + 1).trim() });
  }
  const result: SeedFootnote[] = [];
  for (const match of source.matchAll(/\[footnoteRef:(\d+)\]/g)) {
    const n = Number(match[1]);
    const note = notes.get(n);
    if (!note || result.some((f) => f.n === n)) continue;
    const before = source
      .slice(Math.max(0, (match.index ?? 0) - 200), match.index)
      .replace(/\[footnoteRef:\d+\]/g, '')
      .split('\n')
      .pop() ?? '';
    const glued = /^“([^”]+)”(.+)$/u.exec(note.term);
    const drawnEnd = glued && before.endsWith(`”${glued[2]}`) ? before.length - (glued[2] as string).length - 1 : before.length;
    result.push({ n, ...note, needle: before.slice(0, drawnEnd).slice(-8) });
  }
  return result.sort((a, b) => a.n - b.n);
}

/** Collapses whitespace, for comparing definitions shown in the tooltip with the source. */
export const squash = (text: string): string => text.replace(/\s+/g, '');

/** The open tooltip or dialog in our shadow root, as text, or null (of a page, or of a frame whose own script has a UI). */
export function tooltipText(page: Page | Frame): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-policy-glossary-ui]');
    const tip = host?.shadowRoot?.querySelector('[role="tooltip"],[role="dialog"]');
    return tip ? (tip.textContent ?? '') : null;
  });
}

/** The open tooltip's role and heading, whether it is in our open shadow root, and its CSS position (fixed once styled), or null. */
export function tooltipInfo(page: Page): Promise<{ role: string; heading: string; inShadow: boolean; position: string } | null> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-policy-glossary-ui]');
    const tip = host?.shadowRoot?.querySelector('[role="tooltip"],[role="dialog"]');
    if (!tip) return null;
    const heading = tip.querySelector('h1,h2,h3,.pg-term')?.textContent ?? '';
    return { role: tip.getAttribute('role') ?? '', heading, inShadow: host?.shadowRoot?.mode === 'open', position: getComputedStyle(tip).position };
  });
}

/** Number of highlighted term and slogan ranges (CSS Custom Highlight API, or wrap-mode elements). */
export function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
    const ranges = (registry?.get('pg-term')?.size ?? 0) + (registry?.get('pg-unknown')?.size ?? 0);
    return ranges + document.querySelectorAll('pg-term').length;
  });
}

/**
 * Waits until `probe` returns a truthy value (polling), or fails with `what`. The default allows for
 * the background installing the 3.4 MB bundled collection on a busy 2-core machine (not a speed check).
 */
export async function waitFor<T>(probe: () => Promise<T>, what: string, timeout = 30_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/**
 * Client coordinates of the last character of `needle` (skipping closing quotes) in the page,
 * after scrolling it into view: a point inside the term the footnote explains.
 */
export function pointAtNeedleEnd(page: Page, needle: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const at = text.indexOf(needle);
      if (at < 0) continue;
      let end = at + needle.length;
      while (end > at && /[”’」』）)]/.test(text[end - 1] ?? '')) end -= 1;
      const range = document.createRange();
      range.setStart(node, end - 1);
      range.setEnd(node, end);
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, needle);
}

/**
 * Hovers `point` as a reader moving from term to term does and returns the tooltip's text (null when
 * none opened within `tries` × 100 ms). Away first, and wait for the last tooltip to close: while it
 * closes it may cover the next term, and the pointer would arrive on the tooltip, not the page (a
 * reader moves on and it opens; a harness's one move does not).
 */
export async function hoverPoint(page: Page, point: { x: number; y: number }, tries = 20): Promise<string | null> {
  await page.mouse.move(1, 1);
  for (let i = 0; i < 20 && (await tooltipText(page)) !== null; i++) await new Promise((r) => setTimeout(r, 100));
  await page.mouse.move(point.x, point.y, { steps: 2 });
  let text: string | null = null;
  for (let i = 0; i < tries && text === null; i++) {
    await new Promise((r) => setTimeout(r, 100));
    text = await tooltipText(page);
  }
  return text;
}

/** Closes any tooltip: Esc, pointer to a blank corner, until none is shown. */
export async function closeTooltip(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
  await waitFor(async () => (await tooltipText(page)) === null, 'the tooltip to close', 5000);
}

/** Fixed moz-extension:// UUID for the add-on, so tests know its pages' URLs. */
export const FIREFOX_UUID = '7a1f3c2e-0b6d-4e5f-9a8b-1c2d3e4f5a6b';
const GECKO_ID = 'policy-glossary@policy-glossary.org';

/**
 * Firefox settings for driving the extension: its fixed UUID, optional permissions granted without
 * a prompt (a headless browser cannot click one).
 */
export const FIREFOX_EXTENSION_PREFS = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
  'extensions.webextOptionalPermissionPrompts': false,
};

export interface Target {
  name: BrowserName;
  extension: 'chrome-mv3-e2e' | 'firefox-mv2' | 'firefox-mv3';
}

/** Each browser with the build it loads (Chromium: the e2e build, see extension-popup.test.ts). */
export const TARGETS: Target[] = [
  { name: 'chromium', extension: 'chrome-mv3-e2e' },
  { name: 'firefox', extension: 'firefox-mv2' },
  { name: 'firefox', extension: 'firefox-mv3' },
];

/**
 * Navigates to an extension page. Firefox never reports the end of a WebDriver navigation to a
 * moz-extension:// page, so there the load is awaited by polling the page's own location.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  if (url.startsWith('chrome-extension:')) {
    await page.goto(url);
    return;
  }
  void page.goto(url, { timeout: 2000 }).catch(() => undefined);
  await waitFor(async () => (await page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => '')) === url, `${url} to load`);
}

/** The three release builds, each in its browser (the pages and PDF tests load these). */
export const RELEASE_TARGETS: { name: BrowserName; extension: 'chrome-mv3' | 'firefox-mv2' | 'firefox-mv3' }[] = [
  { name: 'chromium', extension: 'chrome-mv3' },
  { name: 'firefox', extension: 'firefox-mv2' },
  { name: 'firefox', extension: 'firefox-mv3' },
];

/** A browser with one of our builds installed, its pages' base URL, and the errors it logged. */
export interface ExtensionSession {
  launched: LaunchedBrowser;
  /** chrome-extension://<id> or moz-extension://<uuid>. */
  base: string;
  /** Console errors and uncaught exceptions of the pages watched (Chromium) or of every content page (Firefox). */
  errors: string[];
  /** Starts collecting `page`'s errors (Chromium; Firefox collects every page's already). */
  watch(page: Page): void;
}

/**
 * Launches `name` with `extension` installed (Firefox: fixed UUID, no permission prompts). Firefox's
 * WebDriver BiDi reports no console messages from moz-extension:// pages, so there the console of
 * every content page (extension pages included) is read from the browser's standard output.
 */
export async function launchExtension(name: BrowserName, extension: 'chrome-mv3' | 'chrome-mv3-e2e' | 'firefox-mv2' | 'firefox-mv3'): Promise<ExtensionSession> {
  process.env.MOZ_REMOTE_ALLOW_SYSTEM_ACCESS = '1';
  const launched = await launchBrowser(name, {
    extension: builtExtension(extension),
    firefoxPrefs: { ...FIREFOX_EXTENSION_PREFS, 'devtools.console.stdout.content': true, 'devtools.console.stdout.chrome': false },
  });
  const errors: string[] = [];
  if (name === 'firefox') {
    const process = launched.browser.process();
    const read = (stream: NodeJS.ReadableStream | null | undefined, pattern: RegExp): void => {
      let rest = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (rest + String(chunk)).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) if (pattern.test(line)) errors.push(line);
      });
    };
    // A page's console.error prints as `console.error: "text" …`; the browser's own modules log with
    // a named prefix (`console.error: RSLoader: …`, its experiments loader offline): not a page's.
    read(process?.stdout, /^console\.error: (?![\w.-]+: )/);
    // Uncaught exceptions of extension pages and of the tests' own pages (not the browser's own).
    read(process?.stderr, /^JavaScript error: (moz-extension|https?):\/\//);
  }
  return {
    launched,
    base: name === 'chromium' ? `chrome-extension://${launched.extensionId}` : `moz-extension://${FIREFOX_UUID}`,
    errors,
    watch(page) {
      if (name !== 'chromium') return;
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${String(error)}`));
    },
  };
}

/**
 * Hovers `point` (inside the footnoted term) and waits for the tooltip with the footnote's
 * definition and its number (the seed glossary's source: the page's place was recognised); returns
 * its text and role for the test to check.
 */
export async function hoverFootnote(page: Page, footnote: SeedFootnote, point: { x: number; y: number }): Promise<{ text: string; info: Awaited<ReturnType<typeof tooltipInfo>> }> {
  await page.mouse.move(point.x, point.y, { steps: 2 });
  const text = await waitFor(async () => {
    const shown = await tooltipText(page);
    return shown && squash(shown).includes(squash(footnote.definition)) && shown.includes(String(footnote.n)) ? shown : null;
  }, `a tooltip with the definition of ${footnote.term} and its footnote number`);
  return { text, info: await tooltipInfo(page) };
}

/**
 * Opens the popup as a page acting on `target` (`width` × 600, the tallest popup a browser shows).
 * Without a click on the toolbar button the browser withholds other tabs' addresses from the
 * extension, so every tab but `target` and `keep` is closed first, and the target is the tab with
 * its address or else the one tab that is not the extension's own.
 */
export async function openPopupFor(browser: Browser, base: string, target: Page, { width = 380, keep = [] as Page[] } = {}): Promise<Page> {
  for (const other of await browser.pages()) if (other !== target && !keep.includes(other)) await other.close();
  const popup = await browser.newPage();
  await popup.setViewport({ width, height: 600 });
  await gotoExtensionPage(popup, `${base}/popup.html`);
  const url = target.url();
  const tabId = await popup.evaluate(async (url) => {
    type Tab = { id?: number; url?: string };
    type TabsApi = { tabs: { query(q: object): Promise<Tab[]> } };
    const api = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
    const tabs = await (api.browser ?? api.chrome).tabs.query({});
    return (tabs.find((t) => t.url === url) ?? tabs.find((t) => t.url !== undefined && !t.url.startsWith(location.origin)) ?? tabs.find((t) => t.url === undefined))?.id;
  }, url);
  await gotoExtensionPage(popup, `${base}/popup.html?tab=${tabId}&url=${encodeURIComponent(url)}`);
  await popup.waitForSelector('[data-site-state]');
  return popup;
}

/**
 * What is wrong with the open tooltip's layout: the tooltip inside the viewport, its parts and listed
 * terms within its width and not on top of one another (see support/layout.ts).
 */
export function tooltipLayoutProblems(page: Page): Promise<string[]> {
  return layoutProblems(page, [
    { name: 'tooltip', selector: '[data-policy-glossary-ui] >>> [role="tooltip"],[role="dialog"]' },
    { name: 'tooltip part', selector: '[data-policy-glossary-ui] >>> .pg-tip > * > *', all: true, within: 'width' },
    { name: 'listed term', selector: '[data-policy-glossary-ui] >>> .pg-close li', all: true, within: 'width' },
  ]);
}

/**
 * `tooltipLayoutProblems` once the tooltip has settled: a tooltip opened again after a resize is
 * drawn in steps (its lists come with the answer), so the check is repeated for up to `timeout` ms
 * and the last problems found are returned — a layout that stays wrong still fails.
 */
export async function settledTooltipLayoutProblems(page: Page, timeout = 5_000): Promise<string[]> {
  const end = Date.now() + timeout;
  let problems = await tooltipLayoutProblems(page);
  while (problems.length > 0 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    problems = await tooltipLayoutProblems(page);
  }
  return problems;
}

/**
 * The middle of the second character of the `nth` occurrence of `term` in the first text node of the
 * first `selector` of a page or frame, in its viewport (a term's one-character prefix would be a
 * different place on a glued word).
 */
export function termPoint(where: Page | Frame, selector: string, term: string, nth = 0): Promise<{ x: number; y: number }> {
  return where.evaluate(
    (selector, term, nth) => {
      const node = document.querySelector(selector)?.firstChild as Text;
      let at = -1;
      for (let i = 0; i <= nth; i++) at = node.data.indexOf(term, at + 1);
      const range = document.createRange();
      range.setStart(node, at + 1);
      range.setEnd(node, at + 2);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    selector,
    term,
    nth,
  );
}

/** Term ranges registered in the highlight registry of a page or a frame (`pg-term`). */
export function termRangeCount(where: Page | Frame): Promise<number> {
  return where.evaluate(() => (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('pg-term')?.size ?? 0);
}

/** Where the content of the iframe `selector` starts in its page's viewport, once scrolled into view. */
export function frameOrigin(page: Page, selector: string): Promise<{ x: number; y: number }> {
  return page.$eval(selector, (frame) => {
    frame.scrollIntoView({ block: 'center' });
    const box = frame.getBoundingClientRect();
    return { x: box.left + frame.clientLeft, y: box.top + frame.clientTop };
  });
}
