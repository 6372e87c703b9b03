// The widget with the collection on the demo town site (川沙新镇, 浦东新区), in headless Chromium and
// Firefox ESR under the demo's strict CSP: one attribute (data-collection, with data-region) loads
// the collection from beside the script after the town's glossary; the town's own 六稳 comes first
// with 另有 2 个来源 opening the collection's; a term only two Hunan cities define shows 其他地方的用法
// on the town's pages and Zhuzhou's meaning when the embed says it is Zhuzhou; without the
// attribute nothing of it loads. The tooltip's layout is checked (support/layout.ts), not photographed.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CSP } from '../../demo/site';
import { loadGlossaryPack } from '../../src/cli/glossary-files';
import type { GlossaryPack } from '../../src/core/types';
import { CENTRAL_MEANING, CHANGSHA_MEANING, EDITORIAL_MEANING, ZHUZHOU_MEANING, sensesPack } from '../ui/senses-pack';
import { launchBrowser, GOV_HOST, type BrowserName, type LaunchedBrowser } from './support/browsers';
import { layoutProblems } from './support/layout';
import { startServer, type Route, type TestServer } from './support/server';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dist = join(root, 'dist');

const PARAGRAPH = '<p id="places">今年推进九个一批工作。</p>';

/**
 * The town's own glossary: the files directly in glossary/ (the seed report's footnotes and the
 * editorial file), compiled here, so the test does not depend on what the build puts beside the
 * widget (the whole collection, while build-all compiles glossary/ recursively).
 */
async function townGlossary(): Promise<GlossaryPack> {
  const files = readdirSync(join(root, 'glossary')).filter((name) => /\.ya?ml$/.test(name));
  return loadGlossaryPack(files.map((name) => join('glossary', name)), root);
}

function routes(town: GlossaryPack): Record<string, Route> {
  const index = readFileSync(join(dist, 'demo/index.html'), 'utf8').replace('id="report">', `id="report">\n${PARAGRAPH}`);
  const embed = (attributes: string): Route => ({
    body: index.replace('data-root="#report"', `data-root="#report" ${attributes}`),
    headers: { 'content-security-policy': DEMO_CSP },
  });
  const file = (path: string, type: string): Route => ({ body: readFileSync(join(dist, path)), type });
  return {
    '/demo/collection.html': embed('data-collection data-region="310115"'),
    '/demo/zhuzhou.html': embed('data-collection data-region="株洲市"'),
    '/demo/own-only.html': embed(''),
    '/demo/demo.css': file('demo/demo.css', 'text/css'),
    '/widget/policy-glossary.js': file('widget/policy-glossary.js', 'text/javascript'),
    '/widget/glossary.json': { body: JSON.stringify(town), type: 'application/json' },
    '/widget/collection.json': { body: JSON.stringify(sensesPack()), type: 'application/json' },
    '/favicon.ico': { body: '<svg xmlns="http://www.w3.org/2000/svg"/>', type: 'image/svg+xml' },
    ...Object.fromEntries(
      readdirSync(join(dist, 'widget'))
        .filter((name) => /^policy-glossary-.*\.mjs$/.test(name))
        .map((name) => [`/widget/${name}`, file(`widget/${name}`, 'text/javascript')]),
    ),
  };
}

/** The open tooltip: its text, parts and layout against the hovered term and the viewport. */
function tip(page: Page, hovered: Hovered) {
  return page.evaluate(({ id, x, y }) => {
    const box = document.querySelector('policy-glossary-ui')?.shadowRoot?.querySelector('[role="tooltip"],[role="dialog"]');
    if (!box) return null;
    // A rescan (when a chunk arrives) wraps the term again under a new id; the tooltip stays open
    // on it, at the point the pointer rests on.
    const element = document.querySelector(`pg-term[data-pg-id="${id}"]`) ?? document.elementFromPoint(x, y)?.closest('pg-term');
    if (!element) return null;
    const term = element.getBoundingClientRect();
    const r = box.getBoundingClientRect();
    return {
      text: box.textContent ?? '',
      def: box.querySelector('.pg-def')?.textContent ?? null,
      elsewhere: box.querySelector('h4')?.textContent ?? null,
      more: box.querySelector('button.pg-more')?.textContent ?? null,
      senses: [...box.querySelectorAll('.pg-senses li')].map((li) => li.textContent ?? ''),
      inside: r.left >= 0 && r.top >= 0 && r.right <= document.documentElement.clientWidth && r.bottom <= document.documentElement.clientHeight,
      overlaps: r.left < term.right && term.left < r.right && r.top < term.bottom && term.top < r.bottom,
    };
  }, hovered);
}

/** A hovered term: its wrapper's id when hovered, and the point the pointer rests on. */
interface Hovered {
  id: string;
  x: number;
  y: number;
}

/** Hovers the wrapped term whose text is `text` and waits for its tooltip to contain `expected`. */
async function hoverTerm(page: Page, text: string, expected: string): Promise<Hovered> {
  const target = await page.waitForFunction(
    (wanted) => {
      const element = [...document.querySelectorAll('pg-term[tabindex]')].find((e) => e.textContent === wanted);
      if (!element) return null;
      element.scrollIntoView({ block: 'center' });
      const r = element.getBoundingClientRect();
      return { id: element.getAttribute('data-pg-id') ?? '', x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    { timeout: 20_000, polling: 100 },
    text,
  );
  const { id, x, y } = (await target.jsonValue()) as { id: string; x: number; y: number };
  await page.mouse.move(1, 1);
  await page.mouse.move(x, y, { steps: 3 });
  await page.waitForFunction(
    (want) => (document.querySelector('policy-glossary-ui')?.shadowRoot?.querySelector('[role="tooltip"],[role="dialog"]')?.textContent ?? '').includes(want),
    { timeout: 10_000, polling: 100 },
    expected,
  );
  return { id, x, y };
}

const loaded = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));

let server: TestServer;
let TOWN_LIU_WEN = '';

beforeAll(async () => {
  if (!existsSync(join(dist, 'demo/index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const town = await townGlossary();
  TOWN_LIU_WEN = town.entries.find((e) => e.term === '六稳')?.definition ?? '';
  server = await startServer(routes(town));
});

afterAll(async () => {
  await server?.close();
});

describe.each<BrowserName>(['chromium', 'firefox'])('widget with data-collection in %s', (name) => {
  let browser: LaunchedBrowser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    browser = await launchBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (path: string) => {
    page = await browser.browser.newPage();
    await page.setViewport({ width: 1100, height: 760 });
    problems = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`${m.text()} ${m.location().url ?? ''}`);
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(server.url(GOV_HOST, path), { waitUntil: 'load' });
  };

  it('has the town’s 六稳 first, the collection’s behind 另有 2 个来源 (编辑补充 kept)', async () => {
    expect(TOWN_LIU_WEN).not.toBe('');
    await open('/demo/collection.html');
    const id = await hoverTerm(page, '六稳', TOWN_LIU_WEN);
    const shown = (await tip(page, id))!;
    expect(shown.def).toBe(TOWN_LIU_WEN);
    expect(shown.more).toBe('另有 2 个来源');
    expect(shown.text).not.toContain(CENTRAL_MEANING);
    const button = await page.evaluate(() => {
      const r = document.querySelector('policy-glossary-ui')!.shadowRoot!.querySelector('button.pg-more')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(button.x, button.y, { steps: 4 });
    await page.mouse.click(button.x, button.y);
    await page.waitForFunction(() => document.querySelector('policy-glossary-ui')?.shadowRoot?.querySelector('.pg-senses'), { timeout: 5000 });
    // The taller tooltip is placed again in the next frame (Floating UI's autoUpdate): read it once placed.
    await page.waitForFunction(() => {
      const r = document.querySelector('policy-glossary-ui')?.shadowRoot?.querySelector('[role="tooltip"],[role="dialog"]')?.getBoundingClientRect();
      return r !== undefined && r.top >= 0 && r.bottom <= document.documentElement.clientHeight;
    }, { timeout: 5000 }).catch(() => undefined);
    const openList = (await tip(page, id))!;
    expect(openList.senses).toEqual([`中央 · 2023年${CENTRAL_MEANING}`, `编辑补充${EDITORIAL_MEANING}`]);
    expect(openList.inside).toBe(true);
    expect(openList.overlaps).toBe(false);
    expect(await loaded(page)).toEqual(expect.arrayContaining(['/widget/glossary.json', '/widget/collection.json', '/widget/policy-glossary-collection.mjs']));
    expect(problems).toEqual([]);
  });

  it('shows a term only two Hunan cities define as 其他地方的用法 on the town’s page', async () => {
    const id = await hoverTerm(page, '九个一批', '其他地方的用法');
    const shown = (await tip(page, id))!;
    expect(shown.def).toBeNull();
    expect(shown.elsewhere).toBe('其他地方的用法');
    expect([...shown.senses].sort()).toEqual([`长沙市 · 2021年${CHANGSHA_MEANING}`, `株洲市 · 2022年${ZHUZHOU_MEANING}`].sort());
    expect(shown.inside).toBe(true);
    expect(shown.overlaps).toBe(false);
    // The list of two places' meanings: each in its own box, inside the tooltip's part of the screen.
    expect(
      await layoutProblems(page, [
        { name: 'tooltip', selector: 'policy-glossary-ui >>> [role="tooltip"],[role="dialog"]' },
        { name: 'place’s meaning', selector: 'policy-glossary-ui >>> .pg-senses > li', all: true },
      ]),
    ).toEqual([]);
    await page.close();
  });

  it('shows Zhuzhou’s meaning when the embed names Zhuzhou as its place', async () => {
    await open('/demo/zhuzhou.html');
    const id = await hoverTerm(page, '九个一批', ZHUZHOU_MEANING);
    const shown = (await tip(page, id))!;
    expect(shown.def).toBe(ZHUZHOU_MEANING);
    expect(shown.more).toBe('另有 1 个来源');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('without the attribute keeps to the town’s glossary and loads nothing of the collection', async () => {
    await open('/demo/own-only.html');
    const id = await hoverTerm(page, '六稳', TOWN_LIU_WEN);
    expect((await tip(page, id))!.more).toBeNull();
    expect(await page.evaluate(() => [...document.querySelectorAll('pg-term')].some((e) => e.textContent === '九个一批'))).toBe(false);
    const files = await loaded(page);
    expect(files.filter((f) => /collection/.test(f))).toEqual([]);
    await page.close();
  });
});
