// The DOM layer on hostile and unusual pages, in headless Chromium and Firefox ESR: a page
// mutating ~1,000 times a second (our work stays bounded), a framework re-rendering the text we
// highlighted, overwritten prototypes and globals named like ours, a 100,000-cell table, deeply
// nested inline markup, and vertical writing mode.
import type { CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domBundle, fixturePage, type TestWindow } from './dom-support';
import { GOV_HOST, launchBrowser, type BrowserName, type LaunchedBrowser } from './support/browsers';
import { startServer, type TestServer } from './support/server';

const TERMS = ['六稳', '六保', '三重一大', '十四五'];

type Probe = TestWindow & { __passes: Array<{ texts: string[]; ms: number }>; __errors: unknown[] };

/** Starts an annotator in the page, recording every pass and error on `window`. */
function startAnnotator(page: Page, mode?: 'wrap'): Promise<void> {
  return page.evaluate(
    async (terms, mode) => {
      const w = window as unknown as Probe;
      w.__passes = [];
      w.__errors = [];
      w.__pg = w.__pgDom.createAnnotator({
        root: document,
        matcher: w.__pgDom.createFakeMatcher(terms),
        mode,
        onUpdate: (matches, stats) => w.__passes.push({ texts: matches.map((m) => m.range.toString()), ms: stats.ms }),
        onError: (error) => w.__errors.push(String(error)),
      });
      await w.__pg.ready;
    },
    TERMS,
    mode,
  );
}

/** Waits until the page has recorded more than `count` passes; returns the latest. */
async function passAfter(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction((n) => (window as unknown as Probe).__passes.length > n, { timeout: 10_000 }, count);
  return page.evaluate(() => (window as unknown as Probe).__passes.at(-1)?.texts ?? []);
}

const passCount = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as Probe).__passes.length);

describe.each<BrowserName>(['chromium', 'firefox'])('DOM layer on hostile pages in %s', (browserName) => {
  let launched: LaunchedBrowser;
  let server: TestServer;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer({});
    const pages = ['dom-mutating.html', 'dom-hostile-globals.html', 'dom-framework.html', 'dom-vertical.html', 'dom-aggressive-css.html'];
    // Served, not inlined: a page resetting every element's CSS would show an inline script's text.
    server.route('/dom-bundle.js', { body: await domBundle(), type: 'text/javascript; charset=utf-8' });
    for (const name of pages) {
      server.route(`/${name}`, { body: fixturePage(name) });
    }
    launched = await launchBrowser(browserName);
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await launched.browser.newPage();
    page.on('pageerror', (error) => errors.push(`${path}: ${String(error)}`));
    await page.setViewport({ width: 900, height: 800 });
    await page.goto(server.url(GOV_HOST, path), { waitUntil: 'load' });
    await page.addScriptTag({ url: '/dom-bundle.js' });
    return page;
  }

  it('a page mutating ~1,000 times a second: passes are coalesced and our time stays bounded', async () => {
    const page = await open('/dom-mutating.html');
    const cdp: CDPSession | undefined = browserName === 'chromium' ? await page.createCDPSession() : undefined;
    await cdp?.send('Performance.enable');
    const scriptTime = async (): Promise<number> => {
      const { metrics } = (await cdp?.send('Performance.getMetrics')) ?? { metrics: [] };
      return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
    };
    const window3s = async (): Promise<{ script: number; mutations: number }> => {
      const before = await scriptTime();
      const m0 = await page.evaluate(() => (window as unknown as { mutations: number }).mutations);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const m1 = await page.evaluate(() => (window as unknown as { mutations: number }).mutations);
      return { script: (await scriptTime()) - before, mutations: m1 - m0 };
    };
    await page.evaluate(() => (window as unknown as { startMutating: () => void }).startMutating());
    const alone = await window3s();
    await startAnnotator(page);
    const passesBefore = await passCount(page);
    const annotated = await window3s();
    const passes = (await passCount(page)) - passesBefore;
    await page.evaluate(() => (window as unknown as { stopMutating: () => void }).stopMutating());
    const texts = await passAfter(page, await passCount(page) - 1);
    console.log(
      `[${browserName}] mutating page: ${annotated.mutations} mutations in 3 s, ${passes} passes; ` +
        (cdp ? `script time ${(alone.script * 1000).toFixed(0)} ms alone, ${(annotated.script * 1000).toFixed(0)} ms annotated` : ''),
    );
    expect(annotated.mutations).toBeGreaterThan(2500);
    // At most one pass per 100 ms, whatever the page does.
    expect(passes).toBeGreaterThan(3);
    expect(passes).toBeLessThanOrEqual(31);
    expect(texts.slice(0, 3)).toEqual(['六稳', '六保', '六稳']);
    expect(await page.evaluate(() => (window as unknown as Probe).__errors)).toEqual([]);
    await page.close();
  });

  it('a framework re-rendering highlighted text: highlights follow the new text', async () => {
    const page = await open('/dom-framework.html');
    await startAnnotator(page);
    expect(await page.evaluate(() => (window as unknown as Probe).__passes[0]?.texts)).toEqual(['六稳', '六保', '三重一大']);
    let seen = await passCount(page);
    await page.evaluate(() =>
      (window as unknown as { renderState: (s: unknown) => void }).renderState({ title: '十四五规划', items: ['落实六保任务', '坚持三重一大'] }),
    );
    expect(await passAfter(page, seen)).toEqual(['十四五', '六保', '三重一大']);
    seen = await passCount(page);
    await page.evaluate(() =>
      (window as unknown as { renderState: (s: unknown) => void }).renderState({ title: '没有术语', items: ['一', '二', '再谈六稳'] }),
    );
    expect(await passAfter(page, seen)).toEqual(['六稳']);
    await page.close();
  });

  it('overwritten prototypes and globals named like ours: still annotates, follows changes, no errors', async () => {
    const page = await open('/dom-hostile-globals.html');
    const html = await page.evaluate(() => document.body.innerHTML);
    await startAnnotator(page);
    const first = await page.evaluate(() => {
      const w = window as unknown as Probe;
      return { texts: w.__passes[0]?.texts, wrapped: document.querySelectorAll('pg-term').length };
    });
    // The page's bogus `Highlight` makes us fall back to wrapping (its own pg-term class included).
    expect(first.texts).toEqual(['六稳', '六保', '三重一大']);
    expect(first.wrapped).toBe(4);
    const seen = await passCount(page);
    await page.evaluate(() => {
      (window as unknown as { breakThings: () => void }).breakThings();
      const p = document.createElement('p');
      p.textContent = '后来加入的十四五';
      document.body.append(p);
    });
    expect(await passAfter(page, seen)).toEqual(['六稳', '六保', '三重一大', '十四五']);
    const after = await page.evaluate(() => {
      const w = window as unknown as Probe;
      w.__pg?.destroy();
      document.body.lastElementChild?.remove();
      return {
        html: document.body.innerHTML,
        globals: [typeof (w as unknown as { PolicyGlossary: unknown }).PolicyGlossary, (w as unknown as { HIGHLIGHT_NAMES: string }).HIGHLIGHT_NAMES],
        errors: w.__errors,
      };
    });
    expect(after).toEqual({ html, globals: ['object', 'page'], errors: [] });
    await page.close();
  });

  it.each<['highlight-api' | 'wrap']>([['highlight-api'], ['wrap']])(
    'aggressive global CSS (* { all: unset !important }): %s marks stay visible, innerText unchanged',
    async (mode) => {
      const page = await open('/dom-aggressive-css.html');
      const result = await page.evaluate(
        async (terms, mode) => {
          const w = window as unknown as TestWindow;
          const innerText = document.body.innerText;
          const annotator = w.__pgDom.createAnnotator({ root: document, matcher: w.__pgDom.createFakeMatcher(terms), mode });
          await annotator.ready;
          const matches = annotator.matches();
          const decorations = [...document.querySelectorAll('pg-term')].map((el) => getComputedStyle(el).textDecorationLine);
          // The page's reset even shows its <style> text, so the terms are far down: scroll to them.
          matches[0]?.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = matches[0]?.range.getClientRects()[0];
          const hit = rect ? annotator.matchAtPoint(rect.left + rect.width / 2, rect.top + rect.height / 2) === matches[0] : false;
          const same = document.body.innerText === innerText;
          return { texts: matches.map((m) => m.range.toString()), decorations, hit, same };
        },
        TERMS,
        mode,
      );
      expect(result.texts).toEqual(['六稳', '六保', '三会一代']);
      expect(result.decorations).toEqual(mode === 'wrap' ? ['underline', 'underline', 'underline', 'underline'] : []);
      expect(result.hit).toBe(true);
      expect(result.same).toBe(true);
      await page.close();
    },
  );

  it('a 100,000-cell table and 2,000 levels of nested inline markup', async () => {
    const page = await open('/dom-vertical.html');
    const result = await page.evaluate(async (terms) => {
      const w = window as unknown as TestWindow;
      const rows: string[] = [];
      for (let r = 0; r < 10_000; r++) {
        const cells: string[] = [];
        for (let c = 0; c < 10; c++) cells.push(`<td>${(r * 10 + c) % 100 === 0 ? '六稳' : '单元' + c}</td>`);
        rows.push(`<tr>${cells.join('')}</tr>`);
      }
      let nested = '稳';
      for (let i = 0; i < 2000; i++) nested = `<span>${i === 1000 ? '六' : ''}${nested}</span>`;
      document.body.innerHTML = `<table>${rows.join('')}</table><p id="deep">${nested}</p>`;
      // Lay the page out first: the first layout of such a table is the page's cost, not ours.
      void document.body.offsetHeight;
      const started = performance.now();
      const annotator = w.__pgDom.createAnnotator({ root: document, matcher: w.__pgDom.createFakeMatcher(terms) });
      await annotator.ready;
      const ms = performance.now() - started;
      const texts = annotator.matches().map((m) => m.range.toString());
      annotator.destroy();
      return { ms, count: texts.length, last: texts.at(-1), cells: document.querySelectorAll('td').length };
    }, TERMS);
    console.log(`[${browserName}] 100,000-cell table + deep nesting: ${result.count} matches in ${result.ms.toFixed(0)} ms`);
    expect(result.cells).toBe(100_000);
    expect(result.count).toBe(1001);
    expect(result.last).toBe('六稳');
    await page.close();
  });

  it('vertical writing mode: hit testing at the middle of each term', async () => {
    const page = await open('/dom-vertical.html');
    const result = await page.evaluate(async (terms) => {
      const w = window as unknown as TestWindow;
      const annotator = w.__pgDom.createAnnotator({ root: document, matcher: w.__pgDom.createFakeMatcher(terms) });
      await annotator.ready;
      const hits = annotator.matches().map((match) => {
        const rect = match.range.getClientRects()[0] as DOMRect;
        return annotator.matchAtPoint(rect.left + rect.width / 2, rect.top + rect.height / 2) === match;
      });
      const texts = annotator.matches().map((m) => m.range.toString());
      return { texts, hits };
    }, TERMS);
    expect(result.texts).toEqual(['六稳', '六保', '三重一大']);
    expect(result.hits).toEqual([true, true, true]);
    await page.close();
  });

  it('left no errors in any page', () => {
    expect(errors).toEqual([]);
  });
});
