// The built extension on hostile and unusual government pages, in headless Chromium and Firefox ESR:
// a framework re-rendering highlighted text, ~1,000 DOM mutations a second, a 100,000-cell table,
// 50 levels of nested inline markup, same- and cross-origin iframes, a frameset, an open shadow root, form
// fields and a contenteditable editor, aggressive global CSS, overwritten prototypes and globals,
// vertical writing mode and a strict CSP. On each: no console or page errors of ours (the same page
// on a host the extension skips is the baseline), the page's text and behaviour unchanged, and
// hovering a term still shows its definition.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePage } from './dom-support';
import { builtExtension, closeTooltip, frameOrigin, highlightCount, squash, termPoint, termRangeCount, tooltipText, waitFor } from './extension-helpers';
import { GOV_HOST, OTHER_HOST, launchBrowser, type BrowserName, type LaunchedBrowser } from './support/browsers';
import { layoutProblems } from './support/layout';
import { pngBoxes, type BoxPixels } from './support/pixels';
import { startServer, type Route, type TestServer } from './support/server';

/** Where a term sits: an element (by selector) in the page, in a same-origin iframe or in an open shadow root. */
interface Spot {
  selector: string;
  term: string;
  /** Selector of a same-origin iframe holding the element. */
  frame?: string;
  /** Selector of the element whose open shadow root holds the element. */
  shadowHost?: string;
}

interface Engine {
  name: BrowserName;
  extension: 'chrome-mv3' | 'firefox-mv2';
}

const ENGINES: Engine[] = [
  { name: 'chromium', extension: 'chrome-mv3' },
  { name: 'firefox', extension: 'firefox-mv2' },
];

/** Definitions as the built extension ships them, by term. */
function shippedDefinitions(): Map<string, string> {
  const pack = JSON.parse(readFileSync(join(builtExtension('chrome-mv3'), 'glossary.json'), 'utf8')) as {
    entries: Array<{ term: string; definition: string }>;
  };
  // The test pages are served on www.pudong.gov.cn, where a term's own definition is the seed
  // report's (浦东新区), the first of its term in the pack (files in path order); later ones are
  // other places' definitions of the same term.
  const definitions = new Map<string, string>();
  for (const entry of pack.entries) if (!definitions.has(entry.term)) definitions.set(entry.term, entry.definition);
  return definitions;
}

/**
 * 10,000 rows × 10 cells; every 1,000th cell holds 六稳, and the very last of them, `#last`, 六保:
 * a term's first occurrence, so it is drawn in every density (the default draws the first of each term).
 */
function tablePage(): string {
  const rows: string[] = [];
  for (let r = 0; r < 10_000; r++) {
    const cells: string[] = [];
    for (let c = 0; c < 10; c++) {
      const n = r * 10 + c;
      const last = n === 99_000;
      cells.push(n % 1000 === 0 ? (last ? '<td id="last">做好六保</td>' : '<td>做好六稳</td>') : `<td>单元${n}</td>`);
    }
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>十万单元格</title></head><body><h1>统计表</h1><table>${rows.join('')}</table></body></html>`;
}

/** 六 in a <b>, 稳 fifty <span> levels further down; 三重一大 split across the same depth. */
function nestedPage(): string {
  const open = '<span>'.repeat(50);
  const close = '</span>'.repeat(50);
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>深层嵌套</title></head><body>' +
    `<p id="nest">做好<b>六</b>${open}稳${close}工作。</p>` +
    `<p id="deep">坚持${open}<i>三重</i>${close}一大制度。</p></body></html>`
  );
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** A government host other than the page's, for a frame of another origin that the extension reads. */
const FRAME_HOST = 'www.chuansha.gov.cn';

/** Drops host names and ports, so a page's own errors read the same on either host. */
const normalise = (message: string): string => message.replace(/https?:\/\/[^/\s'"]+/g, '');

describe.each(ENGINES)('the built extension on hostile pages in $name ($extension)', ({ name, extension }) => {
  const definitions = shippedDefinitions();
  let server: TestServer;
  let launched: LaunchedBrowser;
  const errorsByPage = new Map<Page, string[]>();

  beforeAll(async () => {
    const page = (file: string, headers?: Record<string, string>): Route => ({ body: fixturePage(file), headers });
    server = await startServer({
      '/framework.html': page('ext-framework.html'),
      '/fields.html': page('ext-fields.html'),
      '/aggressive.html': page('ext-aggressive-css.html'),
      '/mutating.html': page('dom-mutating.html'),
      '/globals.html': page('dom-hostile-globals.html'),
      '/vertical.html': page('dom-vertical.html'),
      '/csp.html': page('dom-csp.html', { 'content-security-policy': CSP }),
      '/dom-frame.html': page('dom-frame.html'),
      '/dom-cross.html': page('dom-cross.html'),
      '/table.html': { body: tablePage() },
      '/nested.html': { body: nestedPage() },
      // Served, so a missing icon's 404 is not among the console errors compared.
      '/favicon.ico': { body: Buffer.alloc(0), type: 'image/x-icon' },
    });
    server.route('/frames.html', {
      body: fixturePage('dom-basic.html').replace('__CROSS_ORIGIN_FRAME__', server.url(OTHER_HOST, '/dom-cross.html')),
    });
    // A frame of its own is read once it holds a report's worth of Chinese (src/extension/frames.ts).
    const framedReport = (paragraph: string): Route => ({
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>框架中的报告</title><style>body { font: 16px/1.6 sans-serif; margin: 8px; }</style></head><body>${paragraph}<p>今年以来，我们坚持稳中求进工作总基调，统筹推进疫情防控和经济社会发展，各项工作取得积极成效。</p></body></html>`,
    });
    server.route('/framed-report.html', framedReport('<p>跨域框架里的六稳不可访问。</p>'));
    server.route('/frameset-part.html', framedReport('<p id="frame-p">框架里的三重一大决策。</p>'));
    // A frameset (older government sites): the annotator follows no <frame>, so each reads itself;
    // its second frame holds a few words only (dom-cross.html), as a widget does, and is not read.
    server.route('/frameset.html', {
      body: '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>框架集</title></head><frameset rows="50%,50%"><frame id="top-frame" src="/frameset-part.html"><frame src="/dom-cross.html"></frameset></html>',
    });
    // A single-page app's shell with no Chinese yet, its report in a same-origin iframe: the frame
    // reads itself; the shell's own text comes later (the test adds it).
    server.route('/app-shell.html', {
      body: '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>App</title></head><body><div id="app">Loading</div><iframe id="report" style="width:700px;height:300px" src="/frameset-part.html"></iframe></body></html>',
    });
    // The same page with its cross-origin frame on another government host: a report republished
    // in a frame of a site's 信息公开 subdomain.
    server.route('/gov-frames.html', {
      body: fixturePage('dom-basic.html').replace('__CROSS_ORIGIN_FRAME__', server.url(FRAME_HOST, '/framed-report.html')),
    });
    launched = await launchBrowser(name, {
      extension: builtExtension(extension),
      firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false },
    });
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  /** Opens `path` on `host` (the government host runs the extension), collecting its errors. */
  async function open(path: string, host = GOV_HOST): Promise<Page> {
    const page = await launched.browser.newPage();
    const errors: string[] = [];
    errorsByPage.set(page, errors);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(normalise(message.text()));
    });
    page.on('pageerror', (error) => errors.push(normalise(String(error))));
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(server.url(host, path), { waitUntil: 'load' });
    // The tab a reader hovers in is the front one: a tab left in the background (the browser may
    // select another one when the previous test's tab closes) gets no animation frames.
    await page.bringToFront();
    return page;
  }

  /**
   * How `term` in `selector` looks on screen: the share of its box's pixels in the background
   * look's light blue (rgba(26, 115, 232, 0.16) over white), and the pixels of the underline look's
   * blue (#1a73e8) in the box and the strip under it, from a screenshot.
   */
  async function termLook(page: Page, selector: string, term: string): Promise<{ tinted: number; line: number }> {
    const box = await page.evaluate(
      (selector, term) => {
        const node = document.querySelector(selector)?.firstChild as Text;
        const range = document.createRange();
        const at = node.data.indexOf(term);
        range.setStart(node, at);
        range.setEnd(node, at + term.length);
        const rect = range.getBoundingClientRect();
        // In the document's coordinates, as a screenshot's clip is given.
        return { x: rect.left + window.scrollX, y: rect.top + window.scrollY, width: rect.width, height: rect.height };
      },
      selector,
      term,
    );
    const strip = 6;
    const png = await page.screenshot({ encoding: 'base64', clip: { x: box.x, y: box.y, width: box.width, height: box.height + strip } });
    // The box and the strip under it, whole: the screenshot is clipped to them.
    const [{ width, rgba }] = (await pngBoxes(page, png, [{ x: 0, y: 0, width: box.width, height: box.height + strip }])) as [BoxPixels];
    let tinted = 0;
    let inBox = 0;
    let line = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const [r, g, b] = [rgba[i] as number, rgba[i + 1] as number, rgba[i + 2] as number];
      const y = Math.floor(i / 4 / width);
      if (y < Math.floor(box.height)) {
        inBox++;
        if (b >= 235 && r >= 190 && r <= 235 && g >= 210 && g <= 245 && b - r >= 15) tinted++;
      }
      if (r < 90 && g >= 80 && g <= 150 && b >= 190) line++;
    }
    return { tinted: tinted / Math.max(1, inBox), line };
  }

  /**
   * Opens `path` on the government host and waits for our highlights to settle (frames load and are
   * scanned later): a pointer resting where a highlight is yet to come opens nothing until it moves.
   */
  async function openHighlighted(path: string, atLeast = 1): Promise<Page> {
    const page = await open(path);
    await waitFor(async () => (await highlightCount(page)) >= atLeast, `highlights on ${path}`, 30_000);
    let last = -1;
    let steady = 0;
    for (let polls = 0; polls < 25 && steady < 3; polls++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const count = await highlightCount(page);
      steady = count === last ? steady + 1 : 0;
      last = count;
    }
    return page;
  }

  /**
   * The page as the user has it without us, on a host the extension skips: its innerText, its errors
   * and whether it scrolls sideways by itself.
   */
  async function baseline(path: string, settle = 1000): Promise<{ text: string; errors: string[]; sideways: boolean }> {
    const page = await open(path, OTHER_HOST);
    await new Promise((resolve) => setTimeout(resolve, settle));
    const text = await page.evaluate(() => document.body.innerText);
    const sideways = await page.evaluate(() => {
      const scroller = document.scrollingElement ?? document.documentElement;
      return scroller.scrollWidth > scroller.clientWidth + 1;
    });
    const errors = errorsByPage.get(page) ?? [];
    await page.close();
    return { text, errors, sideways };
  }

  /** Errors on the government page that the page does not also raise without the extension. */
  function ourErrors(page: Page, pageOwn: readonly string[]): string[] {
    return (errorsByPage.get(page) ?? []).filter((error) => !pageOwn.includes(error));
  }

  /** Viewport coordinates of the middle character of `spot.term`, after scrolling it into view. */
  function pointAt(page: Page, spot: Spot): Promise<{ x: number; y: number } | null> {
    return page.evaluate((spot) => {
      const frame = spot.frame ? document.querySelector<HTMLIFrameElement>(spot.frame) : null;
      let root: Document | ShadowRoot | null | undefined = frame ? frame.contentDocument : document;
      if (spot.shadowHost) root = root?.querySelector(spot.shadowHost)?.shadowRoot;
      const element = root?.querySelector(spot.selector);
      if (!element) return null;
      frame?.scrollIntoView({ block: 'center' });
      element.scrollIntoView({ block: 'center' });
      const box = frame?.getBoundingClientRect();
      const dx = frame && box ? box.left + frame.clientLeft : 0;
      const dy = frame && box ? box.top + frame.clientTop : 0;
      const nodes: Text[] = [];
      const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const text = nodes.map((node) => node.data).join('');
      const at = text.indexOf(spot.term);
      if (at < 0) return null;
      let offset = at + Math.floor(spot.term.length / 2);
      for (const node of nodes) {
        if (offset < node.data.length) {
          const range = element.ownerDocument.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          const rect = range.getBoundingClientRect();
          return { x: dx + rect.left + rect.width / 2, y: dy + rect.top + rect.height / 2 };
        }
        offset -= node.data.length;
      }
      return null;
    }, spot);
  }

  /** Hovers the term at `spot` and returns the tooltip's text once it shows the term's definition. */
  async function hoverShowsDefinition(page: Page, spot: Spot): Promise<string> {
    const definition = definitions.get(spot.term);
    expect(definition, `${spot.term} in the shipped glossary`).toBeTruthy();
    await closeTooltip(page);
    const point = await pointAt(page, spot);
    expect(point, `${spot.term} in ${spot.selector}`).not.toBeNull();
    await page.mouse.move(point!.x, point!.y, { steps: 2 });
    try {
      return await waitFor(async () => {
        const text = await tooltipText(page);
        return text && squash(text).includes(squash(definition!)) ? text : null;
      }, `a tooltip with the definition of ${spot.term}`);
    } catch (error) {
      // What the tab was doing, for a failure that does not reproduce.
      const state = await page.evaluate(
        ({ x, y }) => {
          const caret = (document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null }).caretPositionFromPoint?.(x, y);
          const ranges = [...((CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('pg-term') ?? [])];
          const covering = ranges.filter((range) => range.startContainer === caret?.offsetNode && range.startOffset <= caret.offset && caret.offset <= range.endOffset);
          return {
            visibility: document.visibilityState,
            focus: document.hasFocus(),
            atPoint: document.elementFromPoint(x, y)?.outerHTML.slice(0, 80),
            caret: caret ? `${(caret.offsetNode.textContent ?? '').slice(0, 30)}@${caret.offset}` : null,
            registered: ranges.length,
            covering: covering.length,
            ui: document.querySelectorAll('[data-policy-glossary-ui]').length,
          };
        },
        point!,
      );
      throw new Error(`${(error as Error).message}; tab ${JSON.stringify(state)}, pointer at ${JSON.stringify(point)}`);
    }
  }

  /** Waits until a tooltip of our own inside `frame` (its own script's) holds `text`. */
  async function frameTooltipShows(frame: Frame, text: string, what: string): Promise<void> {
    await waitFor(async () => squash((await tooltipText(frame)) ?? '').includes(text), what);
  }

  /** Hovers `spot` and checks that no tooltip opens (text we must leave alone). */
  async function hoverShowsNothing(page: Page, spot: Spot): Promise<void> {
    await closeTooltip(page);
    const point = await pointAt(page, spot);
    expect(point, `${spot.term} in ${spot.selector}`).not.toBeNull();
    await page.mouse.move(point!.x, point!.y, { steps: 2 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await tooltipText(page)).toBeNull();
  }

  /** Waits until a highlight covers 六稳 in the text the framework page rendered last. */
  function liveHighlight(page: Page): Promise<boolean> {
    return waitFor(
      () =>
        page.evaluate(() => {
          const ranges = [...((CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('pg-term') ?? [])];
          return ranges.some((range) => {
            const node = range.startContainer as Text;
            return node.isConnected && node.parentElement?.id === 'live' && node.data.slice(range.startOffset, range.endOffset) === '六稳';
          });
        }),
      'a highlight on the freshly rendered 六稳',
    );
  }

  // The page's sentence avoids 六稳工作 and 六保任务: the bundled collection has both as terms of
  // their own (永州 2020, 绵阳 2021), which the longest match prefers, so the test (written
  // with 40 entries) waited for a highlight on 六稳 alone that never came. The re-render handling
  // itself worked: the live text had its highlight in 54 of 60 samples 50 ms apart.
  it('a framework re-rendering the highlighted paragraph every 200 ms: highlights follow, renders and clicks unchanged', async () => {
    const page = await openHighlighted('/framework.html');
    const renders = await page.evaluate(() => (window as unknown as { renders: number }).renders);
    // Each render puts new text nodes in; a highlight lands on the live text within a pass.
    await liveHighlight(page);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const state = await page.evaluate(() => {
      const w = window as unknown as { renders: number; rendered: string };
      return { renders: w.renders, text: document.getElementById('live')?.textContent, rendered: w.rendered };
    });
    expect(state.renders - renders).toBeGreaterThanOrEqual(5);
    expect(state.text).toBe(state.rendered);
    const point = await pointAt(page, { selector: '#live', term: '六保' });
    await page.mouse.click(point!.x, point!.y);
    expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(1);
    // Hovered at the 200 ms pace: the text under the resting pointer is replaced during the hover delay.
    for (const spot of [{ selector: '#live', term: '六稳' }, { selector: '#rows li', term: '三重一大' }]) {
      await hoverShowsDefinition(page, spot);
    }
    expect(ourErrors(page, [])).toEqual([]);
    await page.close();
  });

  // The page's pace is counted in its own work (timer callbacks run), against the same page without
  // the extension in the same run. Main-thread time is a benchmark's business: npm run bench:browser
  // measures the annotator's passes on this page ("pages that keep changing").
  it('a page mutating its DOM ~1,000 times a second: tooltips work, the page keeps its pace (its timer callbacks counted)', async () => {
    const pageOwn = await baseline('/mutating.html', 0);
    type Sample = { mutations: number; ticks: number };
    const sample = (page: Page): Promise<Sample> =>
      page.evaluate(() => {
        const w = window as unknown as Sample;
        return { mutations: w.mutations, ticks: w.ticks };
      });
    const run3s = async (page: Page): Promise<Sample> => {
      await page.evaluate(() => (window as unknown as { startMutating: () => void }).startMutating());
      const before = await sample(page);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const after = await sample(page);
      return { mutations: after.mutations - before.mutations, ticks: after.ticks - before.ticks };
    };
    const alonePage = await open('/mutating.html', OTHER_HOST);
    const alone = await run3s(alonePage);
    await alonePage.close();
    const page = await openHighlighted('/mutating.html');
    const ours = await run3s(page);
    await hoverShowsDefinition(page, { selector: '#stable', term: '六保' });
    console.log(
      `[${name}] 1,000 mutations/s page, 3 s: ${alone.mutations} mutations in ${alone.ticks} timer callbacks without the extension, ` +
        `${ours.mutations} in ${ours.ticks} with it`,
    );
    expect(ours.mutations).toBeGreaterThan(2000);
    // A main thread we held for long stretches would run far fewer of the page's 4 ms timers (they
    // catch up on mutations, not on callbacks). As generous as the bound this replaced (our tasks
    // under 80% of the main thread): at least a quarter as many as without us. Measured on a loaded
    // 2-core machine: 115 of 231 in Chromium, 188 of 284 in Firefox.
    expect(alone.ticks).toBeGreaterThan(100);
    expect(ours.ticks).toBeGreaterThanOrEqual(alone.ticks / 4);
    await page.evaluate(() => (window as unknown as { stopMutating: () => void }).stopMutating());
    expect(ourErrors(page, pageOwn.errors)).toEqual([]);
    await page.close();
  });

  it('a 100,000-cell table: occurrences highlighted as the reader scrolls to them, the last one explains itself, text unchanged', async () => {
    const pageOwn = await baseline('/table.html', 0);
    const page = await openHighlighted('/table.html');
    expect(await page.evaluate(() => document.querySelectorAll('td').length)).toBe(100_000);
    // Only the ranges within a screenful of the viewport are registered (the first occurrence
    // here); the one 99,000 cells down gets its highlight when it is scrolled to.
    const registeredIn = (selector: string): Promise<boolean> =>
      page.evaluate((selector) => {
        const element = document.querySelector(selector);
        const ranges = [...((CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('pg-term') ?? [])];
        return ranges.some((range) => element?.contains(range.startContainer) === true);
      }, selector);
    expect(await highlightCount(page)).toBeLessThan(10);
    expect(await registeredIn('#last')).toBe(false);
    await page.evaluate(() => document.querySelector('#last')?.scrollIntoView({ block: 'center' }));
    await waitFor(() => registeredIn('#last'), 'a highlight on the last occurrence once scrolled to');
    // In a table this large the highlight is a tint, not an underline (src/dom/viewport.ts,
    // LARGE_TABLE_ROWS): the cell is marked for it, and on screen the term's box is tinted blue with
    // no underline's blue line under it.
    expect(await page.evaluate(() => document.querySelector('#last')?.getAttribute('data-pg-hl'))).toBe('tint');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const look = await termLook(page, '#last', '六保');
    expect(look.tinted, `tinted share of the term's box (${JSON.stringify(look)})`).toBeGreaterThan(0.3);
    expect(look.line, `underline-blue pixels under the term (${JSON.stringify(look)})`).toBe(0);
    await hoverShowsDefinition(page, { selector: '#last', term: '六保' });
    expect(await page.evaluate(() => document.body.innerText)).toBe(pageOwn.text);
    expect(ourErrors(page, pageOwn.errors)).toEqual([]);
    await page.close();
  });

  it('same- and cross-origin iframes and an open shadow root: terms inside explain themselves, the cross-origin frame is left alone', async () => {
    const pageOwn = await baseline('/frames.html');
    const page = await openHighlighted('/frames.html');
    await hoverShowsDefinition(page, { selector: '#plain', term: '六稳' });
    await hoverShowsDefinition(page, { selector: '#shadow-p', term: '十四五', shadowHost: '#host' });
    await hoverShowsDefinition(page, { selector: '#frame-p', term: '三重一大', frame: '#same' });
    const cross = page.frames().find((frame) => frame.url().includes('/dom-cross.html'));
    expect(cross, 'the cross-origin frame').toBeTruthy();
    const inside = await cross!.evaluate(() => {
      const node = document.querySelector('p')?.firstChild as Text;
      const range = document.createRange();
      const at = node.data.indexOf('六稳');
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: document.body.innerText };
    });
    const frameBox = await frameOrigin(page, '#cross');
    await closeTooltip(page);
    await page.mouse.move(frameBox.x + inside.x, frameBox.y + inside.y, { steps: 2 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await tooltipText(page)).toBeNull();
    expect(inside.text).toBe('跨域框架里的六稳不可访问。');
    expect(await page.evaluate(() => document.body.innerText)).toBe(pageOwn.text);
    expect(ourErrors(page, pageOwn.errors)).toEqual([]);
    await page.close();
  });

  it('a frame of another government host reads itself, and a same-origin frame is read once', async () => {
    const pageOwn = await baseline('/gov-frames.html');
    const page = await openHighlighted('/gov-frames.html');
    const cross = page.frames().find((frame) => frame.url().startsWith(`http://${FRAME_HOST}:`) && frame.url().endsWith('/framed-report.html'));
    expect(cross, 'the frame of the other government host').toBeTruthy();
    const registered = (): Promise<string[]> =>
      cross!.evaluate(() => [...((CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('pg-term') ?? [])].map((range) => {
        const text = range.startContainer.textContent ?? '';
        return text.slice(range.startOffset, range.endOffset);
      }));
    await waitFor(async () => (await registered()).includes('六稳'), 'a highlight on 六稳 in the other host’s frame', 30_000);
    // Hovering it opens the tooltip in that frame (its page cannot reach ours).
    const inside = await termPoint(cross!, 'p', '六稳');
    const frameBox = await frameOrigin(page, '#cross');
    await page.mouse.move(frameBox.x + inside.x, frameBox.y + inside.y, { steps: 2 });
    // Its text names no place, and 川沙 is a town the place table does not hold: a definition of 六稳
    // (which one is the place rules' matter, tests/e2e/extension-places.test.ts), once it has come.
    await frameTooltipShows(cross!, '稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期', 'a tooltip with a definition of 六稳 in the other host’s frame');
    expect(await tooltipText(page)).toBeNull();
    // The same-origin frame: the page's script reads it (its term explains itself from the page's
    // tooltip), and the frame's own copy of the script starts nothing there (no tooltip host of its own).
    await hoverShowsDefinition(page, { selector: '#frame-p', term: '三重一大', frame: '#same' });
    const same = await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('#same')!;
      const registry = (frame.contentWindow as unknown as { CSS: { highlights?: Map<string, Set<AbstractRange>> } }).CSS.highlights;
      return { ranges: [...(registry?.get('pg-term') ?? [])].length, ownUi: frame.contentDocument!.querySelectorAll('[data-policy-glossary-ui]').length };
    });
    expect(same).toEqual({ ranges: 1, ownUi: 0 });
    expect(await page.evaluate(() => document.body.innerText)).toBe(pageOwn.text);
    expect(ourErrors(page, pageOwn.errors)).toEqual([]);
    await page.close();
  });

  it('a frameset: each <frame> with a report’s worth of Chinese reads itself and explains its terms, a widget’s few words do not', async () => {
    const page = await open('/frameset.html');
    const frame = page.frames().find((f) => f.url().endsWith('/frameset-part.html'));
    expect(frame, 'the first <frame>').toBeTruthy();
    await waitFor(
      async () => (await termRangeCount(frame!)) > 0,
      'a highlight in the <frame>',
    );
    const point = await termPoint(frame!, '#frame-p', '三重一大');
    // The first frame is the frameset's top half: its viewport starts at the page's origin.
    await page.mouse.move(point.x, point.y, { steps: 2 });
    // Its definition comes from the background once asked: the tooltip may say 加载中 first.
    await frameTooltipShows(frame!, squash(definitions.get('三重一大')!), 'a tooltip with the definition of 三重一大 in the <frame>');
    // The second frame's few words (六稳 among them) start nothing: no highlight, no tooltip host.
    const small = page.frames().find((f) => f.url().endsWith('/dom-cross.html'));
    expect(small, 'the second <frame>').toBeTruthy();
    expect({ ranges: await termRangeCount(small!), ui: await small!.evaluate(() => document.querySelectorAll('[data-policy-glossary-ui]').length) }).toEqual({ ranges: 0, ui: 0 });
    await page.close();
  });

  it('a same-origin iframe that read itself before its page had Chinese is not read again once the page has', async () => {
    const page = await open('/app-shell.html');
    const frame = await waitFor(async () => page.frames().find((f) => f.url().endsWith('/frameset-part.html')), 'the report frame');
    await waitFor(async () => (await termRangeCount(frame)) > 0, 'the frame’s own highlight');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const own = await termRangeCount(frame);
    await page.bringToFront();
    // The app renders its Chinese text: the page's script starts and reads the page.
    await page.evaluate(() => {
      document.getElementById('app')!.textContent = '政务服务：做好六稳工作。';
    });
    await waitFor(() => termRangeCount(page), 'the page’s highlight');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await termRangeCount(frame)).toBe(own);
    // Hovering the frame's term opens one tooltip, the frame's own: the page's script left the frame
    // (read twice, the page opened a second one over it).
    const inside = await termPoint(frame, '#frame-p', '三重一大');
    const box = await frameOrigin(page, '#report');
    await page.mouse.move(box.x + inside.x, box.y + inside.y, { steps: 2 });
    await frameTooltipShows(frame, '三重一大', 'the frame’s own tooltip');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await tooltipText(page)).toBeNull();
    await page.close();
  });

  it('form fields and a contenteditable editor: untouched and unhighlighted, the page around them works', async () => {
    const pageOwn = await baseline('/fields.html');
    const fields = (page: Page) =>
      page.evaluate(() => ({
        input: (document.getElementById('title') as HTMLInputElement).value,
        textarea: (document.getElementById('body') as HTMLTextAreaElement).value,
        editor: document.getElementById('editor')?.innerHTML,
      }));
    const plain = await open('/fields.html', OTHER_HOST);
    const untouched = await fields(plain);
    await plain.close();
    const page = await openHighlighted('/fields.html');
    expect(await fields(page)).toEqual(untouched);
    const insideFields = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      const ranges = [...(registry?.get('pg-term') ?? []), ...(registry?.get('pg-unknown') ?? [])];
      const marked = [...ranges.map((range) => range.startContainer.parentElement), ...document.querySelectorAll('pg-term')];
      return marked.filter((element) => element?.closest('input,textarea,[contenteditable]')).length;
    });
    expect(insideFields).toBe(0);
    await hoverShowsNothing(page, { selector: '#editor', term: '六保' });
    await hoverShowsDefinition(page, { selector: '#intro', term: '六稳' });
    const point = await pointAt(page, { selector: '#intro', term: '三重一大' });
    await page.mouse.click(point!.x, point!.y);
    expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(1);
    expect(await page.evaluate(() => document.body.innerText)).toBe(pageOwn.text);
    // The editor still edits, and what the user types there stays unmarked too.
    await page.click('#editor b');
    await page.keyboard.type('六稳');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await page.evaluate(() => document.getElementById('editor')?.textContent?.length)).toBe('编辑器里的六保和十四五不标记。六稳'.length);
    await hoverShowsNothing(page, { selector: '#editor', term: '十四五' });
    expect(ourErrors(page, pageOwn.errors)).toEqual([]);
    await page.close();
  });

  it('a page overwriting prototypes and defining globals named like ours: its globals survive, later text is followed', async () => {
    const pageOwn = await baseline('/globals.html');
    const page = await openHighlighted('/globals.html');
    await hoverShowsDefinition(page, { selector: '#one', term: '六保' });
    expect(await page.evaluate(() => document.body.innerText)).toBe(pageOwn.text);
    const count = await highlightCount(page);
    await page.evaluate(() => {
      (window as unknown as { breakThings: () => void }).breakThings();
      const p = document.createElement('p');
      p.id = 'later';
      p.textContent = '后来加入的十四五规划。';
      document.body.append(p);
    });
    await waitFor(async () => (await highlightCount(page)) > count, 'a highlight on the paragraph added later');
    await hoverShowsDefinition(page, { selector: '#later', term: '十四五' });
    const globals = await page.evaluate(() => {
      const w = window as unknown as { PolicyGlossary: { mine?: boolean }; HIGHLIGHT_NAMES: unknown; Highlight: () => void };
      return [w.PolicyGlossary.mine, w.HIGHLIGHT_NAMES, w.Highlight.name, typeof customElements.get('pg-term')];
    });
    expect(globals).toEqual([true, 'page', 'Highlight', 'function']);
    expect(ourErrors(page, pageOwn.errors)).toEqual([]);
    await page.close();
  });

  it.each([
    ['50 levels of nested inline markup', '/nested.html', [{ selector: '#nest', term: '六稳' }, { selector: '#deep', term: '三重一大' }]],
    ['vertical writing mode', '/vertical.html', [{ selector: '#v1', term: '六稳' }, { selector: '#v2', term: '六保' }, { selector: '#v2', term: '三重一大' }]],
    ['a strict CSP header', '/csp.html', [{ selector: '#one', term: '六保' }, { selector: '#two', term: '三重一大' }]],
    ['aggressive global CSS (all: unset, z-index wars, zoom: 1.5)', '/aggressive.html', [{ selector: '#one', term: '六稳' }, { selector: '#two', term: '三重一大' }]],
  ] as Array<[string, string, Spot[]]>)('%s: tooltips open on top, page text unchanged', async (_what, path, spots) => {
    const pageOwn = await baseline(path);
    const page = await openHighlighted(path);
    for (const spot of spots) {
      await hoverShowsDefinition(page, spot);
      // The tooltip is what the user sees at its own centre, above any page stacking.
      const onTop = await page.evaluate(() => {
        const host = document.querySelector('[data-policy-glossary-ui]');
        const tip = host?.shadowRoot?.querySelector('[role="tooltip"],[role="dialog"]');
        const box = tip?.getBoundingClientRect();
        if (!box || box.width === 0) return false;
        return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === host;
      });
      expect(onTop, `the tooltip for ${spot.term} on top`).toBe(true);
    }
    // The last tooltip inside the viewport; the page scrolls sideways only if it did without us.
    expect(
      await layoutProblems(page, [{ name: `the tooltip for ${spots.at(-1)?.term}`, selector: '[data-policy-glossary-ui] >>> [role="tooltip"],[role="dialog"]' }], {
        horizontalScroll: pageOwn.sideways,
      }),
    ).toEqual([]);
    expect(await page.evaluate(() => document.body.innerText)).toBe(pageOwn.text);
    expect(ourErrors(page, pageOwn.errors)).toEqual([]);
    await page.close();
  });
});
