// `npm run eval:page-notes`: a page that republishes a report with its own 名词解释, in real Chromium
// with the built extension (the whole bundled collection). Corpus reports of 2022 (../shared/corpus)
// are served as a government site's CMS would (one <p> per paragraph) under one government host
// (www.pudong.gov.cn, so the page's place is not the report's and the place rules alone would show
// another city's definitions as 其他地方的用法), each twice: with its appendix, and with the appendix
// cut off (the baseline: what the collection and the place rules alone give). For up to
// EVAL_NOTES_HOVERS terms of the appendix that the body uses, the first use in the body is hovered:
// does the tooltip show the appendix's own definition? Also: whether the page's notes were stored
// and how long after the page loaded. Skips cleanly without ../shared or without the build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_PREFS, gotoExtensionPage, hoverPoint, tooltipText } from '../tests/e2e/extension-helpers';
import { GOV_HOST, launchBrowser } from '../tests/e2e/support/browsers';
import { startServer } from '../tests/e2e/support/server';
import { findAppendix } from '../src/import/appendix';
import { importReport } from '../src/import/import-report';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * Where the reports are looked for (EVAL_NOTES_DIR, under ../shared/corpus): `reports` (the cities' and
 * provinces' reports, 2022 and earlier), or `.` for the whole corpus: with EVAL_NOTES_YEAR=2023 and
 * later, 四川's and 成都's reports, the corpus's only later years (the page is served under another
 * government's host, so without the page's own notes their terms show as 其他地方的用法).
 */
const REPORTS = resolve(ROOT, '..', 'shared', 'corpus', process.env.EVAL_NOTES_DIR ?? 'reports');
const YEAR = process.env.EVAL_NOTES_YEAR ?? '2022';
/** Every Nth report of the year (sorted by path), for a sample that runs in minutes. */
const EVERY = Number(process.env.EVAL_NOTES_EVERY ?? 4);
const HOVERS = Number(process.env.EVAL_NOTES_HOVERS ?? 6);
/** Only the reports whose path contains this (a closer look at one). */
const ONLY = process.env.EVAL_NOTES_ONLY;
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');

const squash = (text: string): string => text.replace(/[\s“”"‘’]/gu, '');
const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Case {
  file: string;
  title: string;
  withNotes: string;
  bodyOnly: string;
  /** Appendix terms the body uses, with the start of their definition. */
  terms: { term: string; definition: string }[];
}

/** A report as a CMS page: its title, one paragraph per line, the appendix after it when kept. */
function pageOf(title: string, body: string, notes?: string): string {
  const paragraphs = (text: string, part: string) =>
    text
      .split('\n')
      .map((line) => line.replace(/^#+\s*/u, '').replace(/\*\*/gu, '').trim())
      .filter(Boolean)
      .map((line) => `<p data-part="${part}">${escape(line)}</p>`)
      .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:16px/1.8 sans-serif;margin:40px;max-width:900px}</style></head><body><h1>${escape(title)}</h1>
${paragraphs(body, 'body')}${notes === undefined ? '' : `\n${paragraphs(notes, 'notes')}`}</body></html>`;
}

function cases(): Case[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (name.name === `${YEAR}.md`) files.push(path);
    }
  };
  walk(REPORTS);
  const out: Case[] = [];
  for (const [index, path] of files.sort().entries()) {
    if (ONLY ? !path.includes(ONLY) : index % EVERY !== 0) continue;
    const text = readFileSync(path, 'utf8');
    const at = findAppendix(text);
    if (at < 0) continue;
    const headingStart = text.lastIndexOf('\n', at - 1) + 1;
    const body = text.slice(0, headingStart);
    const result = importReport(text, 'report.md');
    const flat = squash(body);
    const used = result.entries.filter((entry) => entry.definition && flat.includes(squash(entry.term)));
    if (used.length === 0) continue;
    const step = Math.max(1, Math.floor(used.length / HOVERS));
    const terms = used.filter((_, i) => i % step === 0).slice(0, HOVERS).map((entry) => ({ term: entry.term, definition: entry.definition! }));
    const title = result.source.title ?? `${relative(REPORTS, path)}`;
    out.push({ file: relative(REPORTS, path), title, withNotes: pageOf(title, body, text.slice(headingStart)), bodyOnly: pageOf(title, body), terms });
  }
  return out;
}

/** Client point of the first character of the first use of `term` in the body's paragraphs (scrolled into view), or null. */
function pointInBody(tab: Page, term: string): Promise<{ x: number; y: number } | null> {
  return tab.evaluate((term) => {
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    const bare = term.replace(/[\s“”"‘’]/gu, '');
    for (const p of document.querySelectorAll('p[data-part="body"]')) {
      const node = p.firstChild;
      const text = node?.textContent ?? '';
      if (!node) continue;
      // Where the term starts in the text when quotes and spaces are not counted.
      const kept: number[] = [];
      let flat = '';
      for (let i = 0; i < text.length; i += 1) {
        if (/[\s“”"‘’]/u.test(text[i]!)) continue;
        kept.push(i);
        flat += text[i];
      }
      const found = flat.indexOf(bare);
      if (found < 0) continue;
      const end = kept[found + bare.length - 1]! + 1;
      // A term written partly quoted is drawn as the quoted words alone (core/quote-trim.ts: “双减”政策
      // as 双减, 服务业“三百工程” as 三百工程): the first character inside the quotes, else its first.
      const quote = text.slice(kept[found]!, end).search(/[“"‘]/u);
      const at = quote >= 0 ? kept[found]! + quote + 1 : kept[found]!;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      (p as HTMLElement).scrollIntoView({ block: 'center' });
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, term);
}

type Shown = 'own' | 'other definition' | 'elsewhere' | 'loading' | 'none';

/** The tooltip of an entry whose definition is on its way (src/ui/strings.ts loadingEntry, zh and en). */
const LOADING = /正在载入释义|Loading the definition/u;

/** The tooltip's first characters after the last hover, for the log of misses. */
let lastShown = '';

async function hover(tab: Page, term: string, definition: string): Promise<Shown> {
  const point = await pointInBody(tab, term);
  if (!point) return 'none';
  let text = await hoverPoint(tab, point, 15);
  // A definition on its way (正在载入释义…) shows in the same tooltip when it comes: wait for it, as a reader does.
  for (let i = 0; i < 30 && text !== null && LOADING.test(text); i++) {
    await new Promise((r) => setTimeout(r, 100));
    text = await tooltipText(tab);
  }
  lastShown = (text ?? '').slice(0, 40);
  if (text === null || /词库中暂无此词|编号提法/u.test(text)) return 'none';
  if (LOADING.test(text)) return 'loading';
  if (text.includes('其他地方的用法')) return 'elsewhere';
  return squash(text).includes(squash(definition).slice(0, 24)) ? 'own' : 'other definition';
}

async function main(): Promise<void> {
  if (!existsSync(REPORTS)) {
    console.log(`eval:page-notes skipped: ${REPORTS} is not here (the corpus lives beside the repository, in ../shared).`);
    return;
  }
  if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    console.log(`eval:page-notes skipped: ${EXTENSION} is not built (npm run build:ext).`);
    return;
  }
  const all = cases();
  const routes: Record<string, { body: string; type?: string }> = { '/favicon.ico': { body: '', type: 'image/x-icon' } };
  all.forEach((c, i) => {
    routes[`/notes/${i}.html`] = { body: c.withNotes };
    routes[`/plain/${i}.html`] = { body: c.bodyOnly };
  });
  const server = await startServer(routes);
  process.env.LANGUAGE = 'zh_CN';
  const launched = await launchBrowser('chromium', { extension: EXTENSION, firefoxPrefs: FIREFOX_EXTENSION_PREFS, hosts: [GOV_HOST] });
  const tally = { notes: new Map<Shown, number>(), plain: new Map<Shown, number>() };
  let stored = 0;
  const delays: number[] = [];
  const matchers: number[] = [];
  try {
    const options = await launched.browser.newPage();
    await gotoExtensionPage(options, `chrome-extension://${launched.extensionId}/options.html`);
    const compiledHash = () =>
      options.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<{ compiledPack?: { hash: string } }> } } } }).chrome;
        return (await api.storage.local.get('compiledPack')).compiledPack?.hash ?? '';
      });
    const pageRecords = () =>
      options.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<{ packs?: { kind: string; url?: string }[] }> } } } }).chrome;
        return ((await api.storage.local.get('packs')).packs ?? []).filter((p) => p.kind === 'page').map((p) => p.url ?? '');
      });
    const tab = await launched.browser.newPage();
    await tab.setViewport({ width: 1280, height: 900 });
    // The background installs the bundled collection on its first start.
    await new Promise((r) => setTimeout(r, 5000));
    for (const [i, c] of all.entries()) {
      for (const variant of ['plain', 'notes'] as const) {
        const url = server.url(GOV_HOST, `/${variant}/${i}.html`);
        const before = variant === 'notes' ? await compiledHash() : '';
        const start = Date.now();
        await tab.goto(url, { waitUntil: 'load' });
        if (variant === 'notes') {
          let found = false;
          while (!found && Date.now() - start < 30_000) {
            found = (await pageRecords()).includes(url);
            if (!found) await new Promise((r) => setTimeout(r, 100));
          }
          if (found) {
            stored += 1;
            delays.push(Date.now() - start);
            // Then the matcher rebuilt with them (the page restarts its pass when it arrives).
            while ((await compiledHash()) === before && Date.now() - start < 40_000) await new Promise((r) => setTimeout(r, 250));
            matchers.push(Date.now() - start);
          }
        }
        // A reader's first seconds on the page: the page's pass and its entries' answers.
        await new Promise((r) => setTimeout(r, 3000));
        const shown: Shown[] = [];
        const shownText: string[] = [];
        for (const { term, definition } of c.terms) {
          const result = await hover(tab, term, definition);
          if (result !== 'own') shownText.push(`${term}→${lastShown}`);
          shown.push(result);
          tally[variant].set(result, (tally[variant].get(result) ?? 0) + 1);
        }
        const missed = c.terms.flatMap(({ term }, k) => (shown[k] === 'own' ? [] : [`${term} ${shown[k]}`]));
        if (process.env.EVAL_NOTES_VERBOSE) console.log(shownText.join('\n'));
        console.log(`${variant.padEnd(5)} ${c.file}: ${shown.filter((s) => s === 'own').length}/${c.terms.length} own${missed.length ? ` [${missed.join('; ')}]` : ''}${variant === 'notes' ? ` (notes stored after ${delays.at(-1) ?? '—'} ms, matcher ${matchers.at(-1) ?? '—'} ms)` : ''}`);
      }
    }
  } finally {
    await launched.close();
    await server.close();
  }
  const line = (variant: 'notes' | 'plain') => {
    const counts = tally[variant];
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const pct = (n = 0) => `${n} (${total ? ((100 * n) / total).toFixed(1) : '0.0'}%)`;
    return `own definition ${pct(counts.get('own'))}, another definition ${pct(counts.get('other definition'))}, 其他地方的用法 ${pct(counts.get('elsewhere'))}, still loading after 3 s ${pct(counts.get('loading'))}, none ${pct(counts.get('none'))}`;
  };
  delays.sort((a, b) => a - b);
  matchers.sort((a, b) => a - b);
  console.log(`\n== ${all.length} reports of ${YEAR} (1 in ${EVERY} of the year’s reports, those whose body uses their 名词解释), served on ${GOV_HOST}, Chromium ==`);
  console.log(`with its appendix:    ${line('notes')}`);
  console.log(`appendix cut off:     ${line('plain')}`);
  console.log(`page notes stored for ${stored}/${all.length} pages; after load: median ${delays[Math.floor(delays.length / 2)] ?? '—'} ms, max ${delays.at(-1) ?? '—'} ms; the matcher with them stored after: median ${matchers[Math.floor(matchers.length / 2)] ?? '—'} ms, max ${matchers.at(-1) ?? '—'} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
