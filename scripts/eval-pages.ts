// `npm run eval:pages`: the built extension on real www.gov.cn policy pages (../shared/pages/govcn),
// served under their own host in Chromium and Firefox. For each page: the terms highlighted, what
// a hover on each distinct one shows (a definition, 其他地方的用法, or 词库中暂无此词), page errors,
// and whether the page's text stayed as served. Skips cleanly without ../shared or without the build.
// EVAL_PAGES_SAVED=1: the same pages as copies saved to disk and opened as files, in Chromium only
// (Firefox runs no extension in file: pages): each with the mark of the web Chromium's 另存为 writes
// before <html> (saved from url=…www.gov.cn…), so the place rules read them as served.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { launchBrowser, type BrowserName } from '../tests/e2e/support/browsers';
import { startServer } from '../tests/e2e/support/server';
import { FIREFOX_EXTENSION_PREFS, hoverPoint } from '../tests/e2e/extension-helpers';
import { createStrings } from '../src/ui/strings';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = resolve(ROOT, '..', 'shared', 'pages', 'govcn');
const HOST = 'www.gov.cn';
/** Distinct highlighted texts hovered per page (the first ones met, top to bottom). */
const HOVERS_PER_PAGE = Number(process.env.EVAL_PAGES_HOVERS ?? 30);
/** National terms whose absence on www.gov.cn pages was reported (issue 15). */
const WATCHED = ['放管服', '双随机、一公开', '一网通办', '供给侧结构性改革', '营商环境', '互联网+政务服务', '证照分离'];

type Shown = 'definition' | 'elsewhere' | 'unknown' | 'none';

interface PageResult {
  file: string;
  chars: number;
  highlighted: number;
  hovered: { text: string; shown: Shown; heading: string }[];
  errors: string[];
  textUnchanged: boolean;
}

const SAVED = process.env.EVAL_PAGES_SAVED === '1';
const TARGETS: { name: BrowserName; extension: string }[] = [
  { name: 'chromium', extension: 'chrome-mv3' },
  ...(SAVED ? [] : [{ name: 'firefox' as const, extension: 'firefox-mv2' }]),
];

/** The page as Chromium's 另存为 Save as writes it: the mark of the web naming its address before <html>. */
function savedCopy(html: string, url: string): string {
  const mark = `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html)?.[0];
  return doctype ? `${doctype}\n${mark}\n${html.slice(doctype.length)}` : `${mark}\n${html}`;
}

/** What the tooltip says of a term neither the glossary nor the page defines, in both languages (src/ui/strings.ts). */
const UNKNOWN_SAYS = ['zh-CN', 'en'].flatMap((locale) => {
  const strings = createStrings(locale);
  return [strings.notInGlossary, strings.unknownWhat, strings.unknownCoinedWhat];
});

function classify(text: string | null): Shown {
  if (text === null) return 'none';
  if (UNKNOWN_SAYS.some((says) => text.includes(says))) return 'unknown';
  if (text.includes('其他地方的用法') || text.includes('How other places use it')) return 'elsewhere';
  return 'definition';
}

/** Highlighted ranges near the viewport: their texts and client rectangles (our highlights are visible to the page). */
function visibleRanges(tab: Page): Promise<{ text: string; x: number; y: number }[]> {
  return tab.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    const out: { text: string; x: number; y: number }[] = [];
    for (const name of ['pg-term', 'pg-unknown']) {
      for (const stored of registry?.get(name) ?? []) {
        // The registry may hold StaticRanges: a live Range over the same boundaries measures it.
        const range = document.createRange();
        range.setStart(stored.startContainer, stored.startOffset);
        range.setEnd(stored.endContainer, stored.endOffset);
        const rect = range.getClientRects()[0];
        if (!rect || rect.top < 0 || rect.bottom > innerHeight || rect.width === 0) continue;
        out.push({ text: range.toString(), x: rect.left + Math.min(rect.width / 2, 8), y: rect.top + rect.height / 2 });
      }
    }
    return out;
  });
}

const highlightTotal = (tab: Page): Promise<number> =>
  tab.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
    return (registry?.get('pg-term')?.size ?? 0) + (registry?.get('pg-unknown')?.size ?? 0);
  });

async function settle(tab: Page): Promise<void> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const now = await highlightTotal(tab);
    if (now === last && now > 0) return;
    last = now;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function evalPage(tab: Page, url: string, html: string, file: string): Promise<PageResult> {
  const errors: string[] = [];
  const onError = (error: unknown): void => {
    errors.push(error instanceof Error ? error.message : String(error));
  };
  tab.on('pageerror', onError);
  await tab.goto(url, { waitUntil: 'load' });
  await settle(tab);
  const textUnchanged = await tab.evaluate((source) => {
    const served = new DOMParser().parseFromString(source, 'text/html').body.textContent ?? '';
    const ui = document.querySelector('[data-policy-glossary-ui]');
    const now = [...document.body.childNodes].filter((n) => n !== ui).map((n) => n.textContent ?? '').join('');
    return now.replace(/\s+/g, '') === served.replace(/\s+/g, '');
  }, html);
  const chars = await tab.evaluate(() => (document.body.textContent ?? '').replace(/\s+/g, '').length);
  const hovered: PageResult['hovered'] = [];
  const seen = new Set<string>();
  let highlighted = 0;
  const height = await tab.evaluate(() => document.documentElement.scrollHeight);
  for (let top = 0; top < height && hovered.length < HOVERS_PER_PAGE; top += 600) {
    await tab.evaluate((y) => window.scrollTo(0, y), top);
    await new Promise((r) => setTimeout(r, 400));
    for (const range of await visibleRanges(tab)) {
      if (seen.has(range.text) || hovered.length >= HOVERS_PER_PAGE) continue;
      seen.add(range.text);
      // Away first and the last tooltip closed (without that, 3 of 6 "no tooltip" once the definitions got longer).
      const text = await hoverPoint(tab, range);
      const heading = await tab.evaluate(() => document.querySelector('[data-policy-glossary-ui]')?.shadowRoot?.querySelector('.pg-term,h2,h3')?.textContent ?? '');
      hovered.push({ text: range.text, shown: classify(text), heading });
    }
  }
  highlighted = await highlightTotal(tab);
  tab.off('pageerror', onError);
  return { file, chars, highlighted, hovered, errors, textUnchanged };
}

async function main(): Promise<void> {
  if (!existsSync(PAGES)) {
    console.log(`eval:pages skipped: ${PAGES} is not here (the real pages live beside the repository, in ../shared).`);
    return;
  }
  const files = readdirSync(PAGES).filter((f) => f.endsWith('.html')).sort();
  const routes = Object.fromEntries(files.map((f) => [`/zhengce/content/${f}`, { body: readFileSync(join(PAGES, f)) }]));
  const server = await startServer(routes);
  const savedDir = SAVED ? mkdtempSync(join(tmpdir(), 'pg-eval-saved-')) : undefined;
  process.env.LANGUAGE = 'zh_CN';
  process.env.MOZ_REMOTE_ALLOW_SYSTEM_ACCESS = '1';
  try {
    for (const target of TARGETS) {
      const dir = join(ROOT, '.output', target.extension);
      if (!existsSync(join(dir, 'manifest.json'))) {
        console.log(`eval:pages: ${target.name} skipped, ${dir} is not built (npm run build:ext).`);
        continue;
      }
      const launched = await launchBrowser(target.name, { extension: dir, firefoxPrefs: FIREFOX_EXTENSION_PREFS, hosts: [HOST] });
      const results: PageResult[] = [];
      try {
        const newTab = async (): Promise<Page> => {
          const page = await launched.browser.newPage();
          await page.setViewport({ width: 1280, height: 900 });
          return page;
        };
        let tab = await newTab();
        // The background installs the bundled collection on first start; the first page waits for it.
        for (const file of files) {
          let url = server.url(HOST, `/zhengce/content/${file}`);
          const html = readFileSync(join(PAGES, file), 'utf8');
          if (savedDir) {
            const copy = join(savedDir, file);
            writeFileSync(copy, savedCopy(html, `https://${HOST}/zhengce/content/${file}`));
            url = pathToFileURL(copy).href;
          }
          try {
            results.push(await evalPage(tab, url, html, file));
          } catch (error) {
            // Firefox over WebDriver BiDi now and then detaches a tab's frame between two pages
            // ("Attempted to use detached Frame"): the page is read again in a fresh tab, once.
            if (!String(error).includes('detached')) throw error;
            console.log(`eval:pages: ${target.name} ${file}: the tab's frame was detached (${String(error).split('\n')[0]}); read again in a new tab`);
            await tab.close().catch(() => {});
            tab = await newTab();
            results.push(await evalPage(tab, url, html, file));
          }
        }
      } finally {
        await launched.close();
      }
      report(SAVED ? `${target.name}, saved copies opened from disk` : target.name, results);
    }
  } finally {
    await server.close();
    if (savedDir) rmSync(savedDir, { recursive: true, force: true });
  }
}

function report(browser: string, results: readonly PageResult[]): void {
  const hovers = results.flatMap((r) => r.hovered);
  const count = (shown: Shown) => hovers.filter((h) => h.shown === shown).length;
  const pct = (n: number) => (hovers.length ? ((100 * n) / hovers.length).toFixed(1) : '0.0');
  console.log(`\n== ${browser}: ${results.length} www.gov.cn pages, ${results.reduce((s, r) => s + r.chars, 0)} characters ==`);
  console.log(`highlighted ranges (last screen's registry): ${results.reduce((s, r) => s + r.highlighted, 0)}`);
  console.log(`distinct highlighted texts hovered: ${hovers.length} (≤ ${HOVERS_PER_PAGE} per page)`);
  console.log(`  definition shown  ${count('definition')} (${pct(count('definition'))}%)`);
  console.log(`  其他地方的用法     ${count('elsewhere')} (${pct(count('elsewhere'))}%)`);
  console.log(`  unknown slogan    ${count('unknown')} (${pct(count('unknown'))}%)`);
  console.log(`  no tooltip        ${count('none')} (${pct(count('none'))}%)`);
  console.log(`pages with errors: ${results.filter((r) => r.errors.length).length}; pages whose text changed: ${results.filter((r) => !r.textUnchanged).length}`);
  for (const r of results.filter((x) => x.errors.length || !x.textUnchanged)) console.log(`  ${r.file}: ${r.errors.join('; ') || 'text changed'}`);
  const byText = new Map<string, Shown>();
  for (const h of hovers) byText.set(h.text.replace(/[“”"]/g, ''), h.shown);
  console.log('watched national terms (issue 15): ' + WATCHED.map((t) => `${t} ${byText.get(t) ?? 'not met'}`).join(', '));
  const tally = new Map<string, number>();
  for (const h of hovers) tally.set(`${h.shown}\t${h.text}`, (tally.get(`${h.shown}\t${h.text}`) ?? 0) + 1);
  const top = [...tally].sort((a, b) => b[1] - a[1]).slice(0, 40);
  console.log('most hovered texts (shown, text, pages): ' + top.map(([k, n]) => `${k.replace('\t', ' ')} ×${n}`).join(' · '));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
