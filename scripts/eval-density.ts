// `npx tsx scripts/eval-density.ts`: how many highlights the national collection puts on real
// www.gov.cn pages (../shared/pages/govcn) under each highlight density, to choose the default
// (settings.ts DEFAULT_SETTINGS.density). Per page: every occurrence, the first of each term
// (distinct terms and slogans), and how many of each are drawn on the first 1280×900 screen;
// screenshots of the busiest page's first screen in each density go to .output/eval-density/.
// Chromium only: the counts are the matcher's, the same in both browsers. Skips cleanly without
// ../shared or without the build.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { launchBrowser } from '../tests/e2e/support/browsers';
import { startServer } from '../tests/e2e/support/server';
import { gotoExtensionPage } from '../tests/e2e/extension-helpers';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = resolve(ROOT, '..', 'shared', 'pages', 'govcn');
const OUT = join(ROOT, '.output', 'eval-density');
const HOST = 'www.gov.cn';
const DENSITIES = ['all', 'first', 'hover'] as const;

interface Report {
  active: boolean;
  scanning: boolean;
  terms: { count: number }[];
  slogans: { count: number }[];
}

/** Highlights drawn on the first screen (ranges in the registry whose first box is in view). */
const firstScreen = (tab: Page): Promise<number> =>
  tab.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    let n = 0;
    for (const name of ['pg-term', 'pg-fuzzy', 'pg-unknown']) {
      for (const stored of registry?.get(name) ?? []) {
        const range = document.createRange();
        range.setStart(stored.startContainer, stored.startOffset);
        range.setEnd(stored.endContainer, stored.endOffset);
        const rect = range.getClientRects()[0];
        if (rect && rect.top >= 0 && rect.bottom <= innerHeight && rect.width > 0) n++;
      }
    }
    return n;
  });

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

async function main(): Promise<void> {
  if (!existsSync(PAGES)) {
    console.log(`eval-density skipped: ${PAGES} is not here (the real pages live beside the repository, in ../shared).`);
    return;
  }
  const dir = join(ROOT, '.output', 'chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.log(`eval-density skipped: ${dir} is not built (npx wxt build).`);
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const files = readdirSync(PAGES)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .slice(0, Number(process.env.EVAL_PAGES_LIMIT ?? Infinity));
  const routes = Object.fromEntries(files.map((f) => [`/zhengce/content/${f}`, { body: readFileSync(join(PAGES, f)) }]));
  const server = await startServer(routes);
  process.env.LANGUAGE = 'zh_CN';
  const launched = await launchBrowser('chromium', { extension: dir, hosts: [HOST] });
  try {
    const control = await launched.browser.newPage();
    await gotoExtensionPage(control, `chrome-extension://${launched.extensionId}/options.html`);
    const setDensity = (density: string) =>
      control.evaluate(async (density) => {
        const storage = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } } } }).chrome.storage.local;
        const { settings = {} } = await storage.get('settings');
        await storage.set({ settings: { ...settings, density } });
      }, density);
    const report = (url: string) =>
      control.evaluate(async (url) => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]>; sendMessage(id: number, m: object): Promise<unknown> } } }).chrome.tabs;
        const tabs = await api.query({});
        // The page's address is withheld from the extension (its content scripts grant no tabs
        // permission): the one tab that is not the extension's own is the page.
        const tab = tabs.find((t) => t.url === url) ?? tabs.find((t) => !t.url?.startsWith(location.origin));
        if (!tab) throw new Error(`no tab ${url} among ${tabs.map((t) => t.url).join(' ')}`);
        // The content script answers { ok: report } (content.ts).
        return ((await api.sendMessage(tab.id, { type: 'pg:report' })) as { ok?: Report }).ok;
      }, url);
    for (const other of await launched.browser.pages()) if (other !== control) await other.close();
    const tab = await launched.browser.newPage();
    await tab.setViewport({ width: 1280, height: 900 });
    const rows: { file: string; all: number; first: number; screen: Record<string, number> }[] = [];
    for (const density of DENSITIES) {
      await setDensity(density);
      for (const [i, file] of files.entries()) {
        const url = server.url(HOST, `/zhengce/content/${file}`);
        await tab.goto(url, { waitUntil: 'load' });
        let r: Report | undefined;
        // The first page waits for the background to install the collection.
        for (let t = 0; t < (i === 0 ? 240 : 60); t++) {
          r = await report(url).catch((error: unknown) => {
            if (process.env.EVAL_DEBUG) console.log(file, String(error));
            return undefined;
          });
          if (r?.active && !r.scanning) break;
          await new Promise((done) => setTimeout(done, 500));
        }
        await new Promise((done) => setTimeout(done, 300));
        const row = (rows[i] ??= { file, all: 0, first: 0, screen: {} });
        if (density === 'all' && r) {
          row.all = [...r.terms, ...r.slogans].reduce((sum, m) => sum + m.count, 0);
          row.first = r.terms.length + r.slogans.length;
        }
        // 'hover' keeps its ranges registered (for hovering) under a rule that draws nothing.
        if (density !== 'hover') row.screen[density] = await firstScreen(tab);
        if (process.env.EVAL_DEBUG) console.log(density, file, JSON.stringify(row), r?.active, r?.scanning);
      }
    }
    const busiest = [...rows].sort((a, b) => b.screen.all! - a.screen.all!)[0];
    const typical = [...rows].sort((a, b) => a.all - b.all)[rows.length >> 1];
    for (const density of DENSITIES) {
      await setDensity(density);
      for (const row of [busiest, typical]) {
        if (!row) continue;
        await tab.goto(server.url(HOST, `/zhengce/content/${row.file}`), { waitUntil: 'load' });
        await new Promise((done) => setTimeout(done, 4000));
        await tab.screenshot({ path: join(OUT, `${row.file.replace('.html', '')}-${density}.png`) as `${string}.png` });
      }
    }
    console.log('page\tevery occurrence\tfirst of each\tdrawn on the first screen: all / first');
    for (const r of rows) console.log(`${r.file}\t${r.all}\t${r.first}\t${r.screen.all} / ${r.screen.first}`);
    const col = (f: (r: (typeof rows)[number]) => number) => `median ${median(rows.map(f))}, max ${Math.max(...rows.map(f))}`;
    console.log(`\n${rows.length} pages. Every occurrence: ${col((r) => r.all)}. First of each term: ${col((r) => r.first)}.`);
    console.log(`First screen, every occurrence: ${col((r) => r.screen.all ?? 0)}; first of each: ${col((r) => r.screen.first ?? 0)}; none until hovered: 0 by design.`);
    console.log(`Screenshots: ${OUT} (${busiest?.file}, busiest first screen; ${typical?.file}, median page).`);
  } finally {
    await launched.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
