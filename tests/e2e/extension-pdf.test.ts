// The PDF viewer (issue #20) in real Chromium and Firefox: a government page's PDF link gets the
// "在术语助手中打开" control, which opens the viewer; in the seed report printed to PDF by Chromium
// every footnoted term explains itself on hover over the text layer; find, zoom and the term list
// work; a report's own 名词解释 explains its terms; a PDF chosen on this computer opens and is placed
// by its name; a scanned (image-only) PDF and a broken one say so; no console errors along the way.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { GOV_HOST, launchBrowser } from './support/browsers';
import { startServer, type TestServer } from './support/server';
import { BROKEN_PDF, imageOnlyPdf, seedPdf, textPdf } from './support/pdf-fixtures';
import { viewerStrings, type ViewerStrings } from '../../src/pdf/strings';
import {
  RELEASE_TARGETS,
  closeTooltip,
  gotoExtensionPage,
  highlightCount,
  hoverFootnote,
  launchExtension,
  seedFootnotes,
  squash,
  tooltipInfo,
  tooltipText,
  waitFor,
  type ExtensionSession,
} from './extension-helpers';

const FOOTNOTES = seedFootnotes();

const DOCS_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政务公开</title></head><body>
<h1>政府信息公开</h1><ul>
<li><a id="seed" href="/files/report.pdf">政府上半年工作情况报告（PDF）</a></li>
<li><a id="page" href="/files/notice.html">通知（网页）</a></li>
</ul></body></html>`;

/**
 * Invented lines with 六稳 and 六保 quoted inside longer phrases: the bundled collection has
 * “六稳”工作 and “六保”任务 only as other cities' entries, while 浦东 (the seed's footnotes) defines 六稳
 * and 六保 itself, so a 浦东 PDF reads them as 六稳 and 六保 once the background has said so.
 */
const PLACE_LINES = ['今年要做好“六稳”工作，落实“六保”任务。', '各级干部要守住底线，稳住大局。'];

/**
 * An invented report with its own 名词解释: 融湘汇 is in no glossary, 六个一批 is other places' (成都's,
 * in two meanings over the years), and the appendix explains both in this report's words.
 */
const NOTES_LINES = [
  '政府工作报告',
  '——2024年1月在长沙市第十六届人民代表大会第四次会议上',
  '各位代表：我们推进“六个一批”项目建设，打造“融湘汇”品牌。',
  '名词解释',
  '1.六个一批：谋划、储备、招引、落地、投运、达效重大项目各一批。',
  '2.融湘汇：面向在外湖南籍人才的联络服务平台。',
];

let pdfs: { seed: Buffer; scan: Buffer; place: Buffer; notes: Buffer };

/** The extension's tabs API in one of its pages (Firefox's `browser`, Chromium's `chrome`). */
interface ExtensionGlobals {
  browser?: { tabs: TabsApi };
  chrome?: { tabs: TabsApi };
}
interface TabsApi {
  query(filter: object): Promise<{ id?: number; url?: string; title?: string }[]>;
  remove(id: number): Promise<void>;
}

beforeAll(async () => {
  const printer = await launchBrowser('chromium');
  try {
    pdfs = { seed: await seedPdf(printer.browser), scan: await imageOnlyPdf(printer.browser), place: await textPdf(printer.browser, PLACE_LINES), notes: await textPdf(printer.browser, NOTES_LINES) };
  } finally {
    await printer.close();
  }
});

/** Client coordinates of the last character of `needle` (before closing quotes) in the page's text layers. */
function pointInTextLayers(page: Page, needle: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((needle) => {
    for (const layer of Array.from(document.querySelectorAll('.textLayer'))) {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const text = nodes.map((n) => n.data).join('');
      const at = text.indexOf(needle);
      if (at < 0) continue;
      let end = at + needle.length;
      while (end > at && /[”’」』）)]/.test(text[end - 1] ?? '')) end -= 1;
      let offset = 0;
      for (const node of nodes) {
        if (end - 1 < offset + node.length) {
          const range = document.createRange();
          range.setStart(node, end - 1 - offset);
          range.setEnd(node, end - offset);
          (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        offset += node.length;
      }
    }
    return null;
  }, needle);
}

/**
 * The place PDF (PLACE_LINES) read as a 浦东 document: the term list settles on 六稳 and 六保 (listed
 * first as the matcher finds them, the other cities' “六稳”工作 and “六保”任务, then again once the
 * background has said those are only other places' usage and 六稳, 六保 are 浦东's), and 六稳's
 * tooltip shows 浦东's definition as the document's own.
 */
async function expectPudongReading(page: Page): Promise<void> {
  await page.keyboard.press('t');
  const terms = await waitFor(async () => {
    const names = await page.$$eval('.pgv-term-name', (list) => list.map((e) => e.textContent ?? '').sort());
    return names.join(',') === '六保,六稳' ? names : null;
  }, 'the term list with 六稳 and 六保 of the PDF’s place', 180_000);
  expect(terms).toEqual(['六保', '六稳']);
  await page.keyboard.press('t');
  const point = await pointInTextLayers(page, '“六稳');
  expect(point).not.toBeNull();
  await page.mouse.move(point!.x, point!.y, { steps: 2 });
  const shown = await waitFor(async () => {
    const text = await tooltipText(page);
    return text && squash(text).includes(squash('稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期')) ? text : null;
  }, 'the tooltip of 六稳 with 浦东’s definition');
  expect(shown).not.toContain('其他地方的用法');
}

describe.each(RELEASE_TARGETS)('$name ($extension)', ({ name, extension }) => {
  let server: TestServer;
  let session: ExtensionSession;
  let viewer: Page;

  const viewerUrl = (path: string): string => `${session.base}/viewer.html?file=${encodeURIComponent(server.url(GOV_HOST, path))}`;
  /** The viewer's words in the language the extension chose (Firefox ESR here has no zh-CN UI). */
  let s: ViewerStrings = viewerStrings('zh-CN');
  /**
   * Opens the viewer on `path`. Where the browser has not granted the extension the PDF's site
   * (Firefox), the viewer offers "允许访问此网站"; clicking it grants the site (no prompt under
   * the test profile's settings) and the viewer reloads.
   */
  const openViewer = async (path: string): Promise<Page> => {
    const page = await session.launched.browser.newPage();
    session.watch(page);
    await page.setViewport({ width: 1000, height: 800 });
    await gotoExtensionPage(page, viewerUrl(path));
    const state = await waitFor(() => page.evaluate(() => (document.querySelector('.pgv-allow') ? 'allow' : document.querySelector('.pgv-page, .pgv-message[role="alert"]') ? 'open' : null)).catch(() => null), 'the viewer to open the PDF or ask for the site');
    s = viewerStrings(await page.evaluate(() => document.documentElement.lang));
    if (state === 'allow') {
      await page.click('.pgv-allow');
      await waitFor(() => page.evaluate(() => document.querySelector('.pgv-page, .pgv-message[role="alert"]') !== null).catch(() => false), 'the viewer after allowing the site');
    }
    return page;
  };

  beforeAll(async () => {
    server = await startServer({
      '/docs.html': { body: DOCS_PAGE },
      // Asked for by the browser with the page; a 404 would be logged as the page's error.
      '/favicon.ico': { body: Buffer.alloc(0), type: 'image/x-icon' },
      '/files/report.pdf': { body: pdfs.seed, type: 'application/pdf' },
      '/files/scan.pdf': { body: pdfs.scan, type: 'application/pdf' },
      '/files/place.pdf': { body: pdfs.place, type: 'application/pdf' },
      '/files/notes.pdf': { body: pdfs.notes, type: 'application/pdf' },
      '/files/broken.pdf': { body: BROKEN_PDF, type: 'application/pdf' },
    });
    process.env.LANGUAGE = 'zh_CN';
    session = await launchExtension(name, extension);
  });

  afterAll(async () => {
    await session?.launched.close();
    await server?.close();
  });

  it('puts the control after PDF links only, and the control opens the viewer on that PDF', async () => {
    const docs = await session.launched.browser.newPage();
    session.watch(docs);
    await docs.goto(server.url(GOV_HOST, '/docs.html'));
    const controls = await waitFor(
      () => docs.evaluate(() => Array.from(document.querySelectorAll('[data-policy-glossary-pdf]')).map((host) => ({ after: host.previousElementSibling?.id, label: host.shadowRoot?.textContent }))).then((list) => (list.length > 0 ? list : null)),
      'the PDF link control',
    );
    expect(controls).toHaveLength(1);
    expect(controls[0]?.after).toBe('seed');
    expect(['在术语助手中打开', 'Open in Policy Glossary']).toContain(controls[0]?.label);
    const point = await docs.evaluate(() => {
      const rect = document.querySelector('[data-policy-glossary-pdf]')?.shadowRoot?.querySelector('button')?.getBoundingClientRect();
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    });
    await docs.mouse.click(point!.x, point!.y);
    // The tab the background opened, as the extension's own tabs API lists it (Firefox's WebDriver
    // BiDi does not list a moz-extension:// tab it did not open): its address names the PDF, and its
    // title (set by the viewer from that address) shows the viewer is running on it.
    const probe = await session.launched.browser.newPage();
    await gotoExtensionPage(probe, `${session.base}/viewer.html`);
    const file = server.url(GOV_HOST, '/files/report.pdf');
    const tab = await waitFor(
      () => probe.evaluate(async (file) => {
        const g = globalThis as unknown as ExtensionGlobals;
        const tabs = (await (g.browser ?? g.chrome)?.tabs.query({})) ?? [];
        return tabs.find((t) => t.url?.includes('/viewer.html?file=') && new URL(t.url).searchParams.get('file') === file && t.title?.startsWith('report.pdf')) ?? null;
      }, file),
      'the viewer tab on the PDF',
    );
    expect(tab.url).toBe(`${session.base}/viewer.html?file=${encodeURIComponent(file)}`);
    await probe.evaluate(async (id) => {
      const g = globalThis as unknown as ExtensionGlobals;
      await (g.browser ?? g.chrome)?.tabs.remove(id);
    }, tab.id!);
    await probe.close();
    await docs.close();
  });

  it('shows the pages with their count and marks terms in the text layer', async () => {
    viewer = await openViewer('/files/report.pdf');
    // The first highlights wait for the background to install the bundled collection in this fresh
    // profile (minutes on a busy 2-core machine); not a speed check, see scripts/bench-pdf.ts.
    await waitFor(async () => (await highlightCount(viewer)) > 0, 'highlights in the PDF', 180_000);
    const info = await viewer.evaluate(() => ({ pages: document.querySelectorAll('.pgv-page').length, count: document.querySelector('.pgv-page-count')?.textContent }));
    expect(info.pages).toBeGreaterThan(1);
    expect(info.count).toBe(s.pageCount(info.pages));
  });

  it.each(FOOTNOTES.map((f) => [f.n, f.term, f] as const))('footnote %i: hovering %s in the PDF shows its definition', async (_n, _term, footnote) => {
    await closeTooltip(viewer);
    let point = await pointInTextLayers(viewer, footnote.needle);
    // Pages far from the viewport have no text layer yet: walk the pages until it is there.
    for (let n = 1; !point; n += 1) {
      const exists = await viewer.evaluate((n) => {
        const page = document.querySelector(`.pgv-page[data-page="${n}"]`);
        page?.scrollIntoView();
        return page !== null;
      }, n);
      if (!exists) break;
      await waitFor(() => viewer.evaluate((n) => document.querySelector(`.pgv-page[data-page="${n}"] .textLayer`) !== null, n), `the text layer of page ${n}`);
      point = await pointInTextLayers(viewer, footnote.needle);
    }
    expect(point, `body text “${footnote.needle}” in the PDF`).not.toBeNull();
    // The footnote's number shows once the background has said this document's place (浦东).
    const { text, info } = await hoverFootnote(viewer, footnote, point!);
    expect(text).toContain(footnote.term.replace(/[“”]/g, '').slice(0, 2));
    expect(info).toMatchObject({ role: 'tooltip', inShadow: true });
  });

  it('finds text across the document, steps through the hits, and says when there is none', async () => {
    await closeTooltip(viewer);
    await viewer.click('.pgv-find');
    await viewer.keyboard.type('六稳');
    const first = await waitFor(() => viewer.$eval('.pgv-find-count', (e) => /^1 (?:\/|of) (\d+)$/.exec(e.textContent ?? '')?.[1] ?? null), 'the first hit');
    const total = Number(first);
    expect(await viewer.$eval('.pgv-find-count', (e) => e.textContent)).toBe(s.findCount(1, total));
    expect(total).toBeGreaterThan(1);
    const current = () => viewer.evaluate(() => {
      const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('pg-find-current');
      const range = highlight ? [...highlight][0] : undefined;
      return range?.toString() ?? null;
    });
    expect(await current()).toBe('六稳');
    await viewer.keyboard.press('Enter');
    await waitFor(() => viewer.$eval('.pgv-find-count', (e, second) => e.textContent === second, s.findCount(2, total)), 'the second hit');
    expect(await current()).toBe('六稳');
    await viewer.click('.pgv-find', { count: 3 });
    await viewer.keyboard.type('没有这样的句子');
    await waitFor(() => viewer.$eval('.pgv-find-count', (e, none) => e.textContent === none, s.findNone), 'no hits');
    expect(await current()).toBeNull();
    await viewer.keyboard.press('Escape');
  });

  it('zooms in and out, fits the width, and terms still explain themselves after zooming', async () => {
    const width = () => viewer.$eval('.pgv-page', (e) => e.getBoundingClientRect().width);
    const fit = await width();
    await viewer.click(`button[aria-label="${s.zoomIn}"]`);
    await waitFor(async () => (await width()) > fit + 4, 'a wider page after zooming in');
    expect(await viewer.$eval(`select[aria-label="${s.zoom}"]`, (e) => e.value)).not.toBe('fit');
    await viewer.keyboard.press('-');
    await viewer.keyboard.press('-');
    await waitFor(async () => (await width()) < fit - 4, 'a narrower page after zooming out twice');
    await viewer.select(`select[aria-label="${s.zoom}"]`, 'fit');
    await waitFor(async () => Math.abs((await width()) - fit) < 2, 'the fitted width again');
    await viewer.click(`button[aria-label="${s.zoomIn}"]`);
    await waitFor(async () => (await width()) > fit + 4, 'zoomed in again');
    const footnote = FOOTNOTES[0]!;
    await waitFor(async () => (await pointInTextLayers(viewer, footnote.needle)) !== null, 'the first term on the zoomed page');
    await new Promise((r) => setTimeout(r, 300));
    const point = await pointInTextLayers(viewer, footnote.needle);
    await viewer.mouse.move(point!.x, point!.y, { steps: 2 });
    await waitFor(async () => squash((await tooltipText(viewer)) ?? '').includes(squash(footnote.definition)), 'the tooltip on the zoomed page');
    await closeTooltip(viewer);
    await viewer.select(`select[aria-label="${s.zoom}"]`, 'fit');
  });

  it('lists the document’s terms and jumps to an occurrence with its tooltip open', async () => {
    await viewer.keyboard.press('t');
    await waitFor(() => viewer.$eval('.pgv-terms', (e) => !(e as HTMLElement).hidden), 'the term list');
    const terms = await waitFor(() => viewer.$$eval('.pgv-term-name', (list) => (list.length > 0 ? list.map((e) => e.textContent ?? '') : null)), 'terms in the list');
    const listed = FOOTNOTES.filter((f) => terms.includes(f.term));
    expect(listed.length).toBeGreaterThanOrEqual(10);
    const target = listed[listed.length - 1]!;
    await viewer.evaluate(() => window.scrollTo(0, 0));
    await viewer.evaluate((term) => (Array.from(document.querySelectorAll('.pgv-term')).find((b) => b.querySelector('.pgv-term-name')?.textContent === term) as HTMLButtonElement).click(), target.term);
    const shown = await waitFor(async () => {
      const text = await tooltipText(viewer);
      return text && squash(text).includes(squash(target.definition)) ? text : null;
    }, `the tooltip of ${target.term} from the term list`);
    expect(shown).toContain(target.term.replace(/[“”"]/g, '').slice(0, 2));
    expect((await tooltipInfo(viewer))?.role).toBe('dialog');
    await viewer.keyboard.press('Escape');
    await viewer.keyboard.press('t');
  });

  it('reads a quoted term inside another place’s longer term as the PDF’s place’s own, as web pages do', async () => {
    const page = await openViewer('/files/place.pdf');
    await expectPudongReading(page);
    await page.close();
  });

  it('explains a report’s terms in its own words from its 名词解释, as a page that carries them', async () => {
    const page = await openViewer('/files/notes.pdf');
    for (const [needle, own] of [
      ['“融湘汇', '面向在外湖南籍人才的联络服务平台'],
      ['“六个一批', '谋划、储备、招引、落地、投运、达效重大项目各一批'],
    ] as const) {
      // 融湘汇 is in no glossary: highlighted once the background keeps the PDF's notes.
      const shown = await waitFor(async () => {
        await closeTooltip(page);
        const point = await pointInTextLayers(page, needle);
        if (!point) return null;
        await page.mouse.move(point.x, point.y, { steps: 2 });
        const text = await waitFor(() => tooltipText(page), 'a tooltip', 3_000).catch(() => null);
        return text && squash(text).includes(squash(own)) ? text : null;
      }, `${needle} with the report’s own definition`, 180_000);
      expect(shown).not.toContain('其他地方的用法');
    }
    await page.close();
  });

  it('opens a PDF chosen on this computer, placed by its name, after refusing a file that is no PDF', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pg-local-pdf-'));
    // The place PDF as a town's official would have it on disk: the file's name names 浦东新区.
    const pdfPath = join(folder, '浦东新区2020年政府工作报告.pdf');
    const textPath = join(folder, '说明.txt');
    writeFileSync(pdfPath, pdfs.place);
    writeFileSync(textPath, '不是 PDF');
    const page = await session.launched.browser.newPage();
    session.watch(page);
    await page.setViewport({ width: 1000, height: 800 });
    try {
      // The popup's button on a PDF tab from this computer names the file to choose.
      await gotoExtensionPage(page, `${session.base}/viewer.html?local=${encodeURIComponent('报告.pdf')}`);
      s = viewerStrings(await page.evaluate(() => document.documentElement.lang));
      const named = await waitFor(() => page.evaluate(() => document.querySelector('.pgv-choose') && document.querySelector('.pgv-message')?.firstElementChild?.textContent), 'the chooser naming the file');
      expect(named).toBe(s.chooseNamed('报告.pdf'));
      // The popup's link: any PDF on this computer.
      await gotoExtensionPage(page, `${session.base}/viewer.html`);
      const prompt = await waitFor(() => page.evaluate(() => document.querySelector('.pgv-choose') && document.querySelector('.pgv-message')?.firstElementChild?.textContent), 'the chooser');
      expect(prompt).toBe(s.chooseFile);
      const input = (await page.$('.pgv-message input[type="file"]'))!;
      await input.uploadFile(textPath);
      const refused = await waitFor(() => page.evaluate(() => document.querySelector('.pgv-message[role="alert"]')?.firstElementChild?.textContent ?? null), 'the not-a-PDF message');
      expect(refused).toBe(s.notPdf('说明.txt'));
      // The chooser stays for another file.
      await (await page.$('.pgv-message input[type="file"]'))!.uploadFile(pdfPath);
      await waitFor(() => page.evaluate(() => document.querySelectorAll('.pgv-page').length > 0), 'the chosen PDF’s pages');
      expect(await page.title()).toMatch(/^浦东新区2020年政府工作报告\.pdf – /);
      // No original to open; the message gone.
      expect(await page.evaluate(() => (document.querySelector('.pgv-link') as HTMLElement).hidden)).toBe(true);
      // As the served place.pdf above: placed in 浦东 by its name, 六稳 and 六保 are that place's own.
      await expectPudongReading(page);
    } finally {
      await page.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('opens another PDF from this computer over the one shown: from the toolbar, or dropped on it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pg-local-pdf-'));
    const firstPath = join(folder, '第一份.pdf');
    const secondPath = join(folder, '浦东新区2020年政府工作报告.pdf');
    writeFileSync(firstPath, pdfs.notes);
    writeFileSync(secondPath, pdfs.place);
    const page = await session.launched.browser.newPage();
    session.watch(page);
    await page.setViewport({ width: 1000, height: 800 });
    const shownTitle = (): Promise<string | null> => page.evaluate(() => (document.querySelectorAll('.pgv-page').length > 0 ? document.title : null)).catch(() => null);
    try {
      await gotoExtensionPage(page, `${session.base}/viewer.html`);
      await waitFor(() => page.$('.pgv-message input[type="file"]'), 'the chooser');
      await (await page.$('.pgv-message input[type="file"]'))!.uploadFile(firstPath);
      expect(await waitFor(async () => ((await shownTitle())?.startsWith('第一份.pdf') ? shownTitle() : null), 'the first PDF')).toMatch(/^第一份\.pdf – /);
      s = viewerStrings(await page.evaluate(() => document.documentElement.lang));
      // The toolbar's 打开… opens another: a new load of the viewer, which names it and shows it.
      expect(await page.evaluate(() => [...document.querySelectorAll('.pgv-bar button')].map((b) => b.textContent))).toContain(s.openFile);
      await (await page.$('.pgv-bar input[type="file"]'))!.uploadFile(secondPath);
      await waitFor(async () => ((await shownTitle())?.startsWith('浦东新区2020年政府工作报告.pdf') ? true : null), 'the second PDF in its place');
      const second = new URL(page.url());
      expect(second.searchParams.get('local')).toBe('浦东新区2020年政府工作报告.pdf');
      // The hand-over key is gone from the address once read: a reload asks for the file by name.
      expect(second.searchParams.has('handoff')).toBe(false);
      await expectPudongReading(page);
      // Dropped on the open document: a file that is no PDF is refused and the document stays…
      const drop = (name: string, type: string, base64: string): Promise<void> =>
        page.evaluate(
          (fileName, fileType, data) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], fileName, { type: fileType }));
            const target = document.querySelector('.pgv-pages')!;
            target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
            target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
          },
          name,
          type,
          base64,
        );
      await drop('说明.txt', 'text/plain', Buffer.from('不是 PDF').toString('base64'));
      const refused = await waitFor(() => page.evaluate(() => document.querySelector('.pgv-notice:not([hidden])')?.textContent ?? null), 'the not-a-PDF notice');
      expect(refused).toBe(s.notPdf('说明.txt'));
      expect(await shownTitle()).toMatch(/^浦东新区2020年政府工作报告\.pdf – /);
      // …and a PDF opens in its place.
      await drop('第一份.pdf', 'application/pdf', pdfs.notes.toString('base64'));
      await waitFor(async () => ((await shownTitle())?.startsWith('第一份.pdf') ? true : null), 'the dropped PDF in its place');
      // The document before stays in the tab's history (asked for by name: its bytes were not kept).
      // (history.back() in the page, after the call returns: WebDriver BiDi's goBack waits for a
      // navigation event Firefox does not send here.)
      await page.evaluate(() => void setTimeout(() => history.back(), 0));
      const asked = await waitFor(() => page.evaluate(() => document.querySelector('.pgv-choose') && document.querySelector('.pgv-message')?.firstElementChild?.textContent).catch(() => null), 'the chooser naming the file before');
      expect(asked).toBe(s.chooseNamed('浦东新区2020年政府工作报告.pdf'));
    } finally {
      await page.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('says plainly that a scanned PDF has no text layer', async () => {
    const page = await openViewer('/files/scan.pdf');
    const notice = await waitFor(() => page.evaluate(() => document.querySelector('.pgv-notice:not([hidden])')?.textContent ?? null), 'the no-text notice');
    expect(notice).toBe(s.noText);
    expect(await page.evaluate(() => document.querySelectorAll('.pgv-page').length)).toBe(1);
    await page.close();
  });

  it('says plainly that a broken PDF cannot be opened, and a missing one was not found', async () => {
    const page = await openViewer('/files/broken.pdf');
    const message = await waitFor(() => page.evaluate(() => document.querySelector('.pgv-message[role="alert"]')?.textContent ?? null), 'the broken-file message');
    expect(message).toBe(s.broken);
    expect(await page.evaluate(() => document.querySelectorAll('.pgv-page').length)).toBe(0);
    await gotoExtensionPage(page, viewerUrl('/files/missing.pdf'));
    const missing = await waitFor(() => page.evaluate(() => document.querySelector('.pgv-message[role="alert"]')?.textContent ?? null), 'the not-found message');
    expect(missing).toBe(s.notFound(404));
    await page.close();
  });

  it('logged no console errors', () => {
    // pdf.js reports a damaged file or a 404 on the console itself; those two are the tests above.
    const ours = session.errors.filter((e) => !/broken\.pdf|missing\.pdf/.test(e));
    expect(ours).toEqual([]);
  });
});
