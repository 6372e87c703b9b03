// `npx tsx scripts/bench-pdf.ts`: the PDF viewer (issue #20) on a ~200-page PDF of the seed report
// (printed by headless Chromium) against a bare pdf.js viewer in the same run: time to the first
// page's text layer, to its first highlight (ours), and the longest main-thread task while opening
// and while scrolling through the whole document. Needs `npm run build:ext` (.output/chrome-mv3).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { GOV_HOST, launchBrowser } from '../tests/e2e/support/browsers';
import { startServer } from '../tests/e2e/support/server';
import { seedPdf } from '../tests/e2e/support/pdf-fixtures';
import { builtExtension, highlightCount, waitFor } from '../tests/e2e/extension-helpers';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PDFJS = join(root, 'node_modules', 'pdfjs-dist', 'build');
/** Copies of the seed report's body (6 pages each) in the long PDF. */
const REPEAT = 34;
const RUNS = Number(process.env.PDF_BENCH_RUNS ?? 3);
const SCROLL_STEPS = 60;

/** Watches long tasks and the first text layer / highlight from the page's first script on. */
const PROBE = `(() => {
  const m = window.__pgBench = { longest: 0, over50: 0, tasks: [], firstText: 0, firstHighlight: 0 };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { m.tasks.push(e.duration); m.longest = Math.max(m.longest, e.duration); if (e.duration > 50) m.over50++; } }).observe({ type: 'longtask', buffered: true });
  const poll = () => {
    if (!m.firstText && document.querySelector('.textLayer span')) m.firstText = performance.now();
    const h = CSS.highlights && CSS.highlights.get('pg-term');
    if (!m.firstHighlight && h && h.size > 0) m.firstHighlight = performance.now();
    if (!m.firstText || !m.firstHighlight) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

/** A bare pdf.js viewer: same lazy page rendering with text layers, no annotation. */
const BARE_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;background:#ddd} .page{position:relative;margin:12px auto;background:#fff} canvas{display:block;width:100%;height:100%}
.textLayer{position:absolute;inset:0;overflow:clip;line-height:1;transform-origin:0 0;--min-font-size:1;--text-scale-factor:calc(var(--total-scale-factor) * var(--min-font-size));--min-font-size-inv:calc(1 / var(--min-font-size))}
.textLayer span{color:transparent;position:absolute;white-space:pre;transform-origin:0 0;--font-height:0;font-size:calc(var(--text-scale-factor) * var(--font-height));--scale-x:1;--rotate:0deg;transform:rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv))}
</style></head><body><div id="pages"></div><script type="module">
import { getDocument, GlobalWorkerOptions, TextLayer } from '/pdfjs/pdf.min.mjs';
GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';
const doc = await getDocument({ url: new URLSearchParams(location.search).get('file'), isEvalSupported: false }).promise;
const first = await doc.getPage(1);
const base = first.getViewport({ scale: 96 / 72 });
const scale = (document.documentElement.clientWidth - 24) / base.width;
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const el = document.createElement('div'); el.className = 'page'; el.dataset.page = n;
  el.style.width = Math.floor(base.width * scale) + 'px'; el.style.height = Math.floor(base.height * scale) + 'px';
  el.style.setProperty('--scale-factor', scale * 96 / 72); el.style.setProperty('--total-scale-factor', scale * 96 / 72);
  el.style.setProperty('--scale-round-x', '1px'); el.style.setProperty('--scale-round-y', '1px');
  document.getElementById('pages').append(el); pages.push({ n, el, done: false });
}
const io = new IntersectionObserver(async (entries) => {
  for (const entry of entries) {
    const p = pages[entry.target.dataset.page - 1];
    if (!entry.isIntersecting || p.done) continue;
    p.done = true;
    const page = await doc.getPage(p.n);
    const viewport = page.getViewport({ scale: scale * 96 / 72 });
    const canvas = document.createElement('canvas'); canvas.width = viewport.width; canvas.height = viewport.height;
    p.el.append(canvas);
    page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport });
    const div = document.createElement('div'); div.className = 'textLayer';
    await new TextLayer({ textContentSource: await page.getTextContent(), container: div, viewport }).render();
    p.el.append(div);
  }
}, { rootMargin: '150% 0px' });
for (const p of pages) io.observe(p.el);
</script></body></html>`;

interface Run {
  firstText: number;
  firstHighlight: number;
  openLongest: number;
  scrollLongest: number;
  over50: number;
}

async function measure(browser: Browser, url: string, highlights: boolean): Promise<Run> {
  const page: Page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  await page.evaluateOnNewDocument(PROBE);
  await page.goto(url);
  await waitFor(() => page.evaluate((h) => {
    const m = (window as unknown as { __pgBench?: { firstText: number; firstHighlight: number } }).__pgBench;
    return !!m && m.firstText > 0 && (!h || m.firstHighlight > 0);
  }, highlights), 'the first page', 120_000);
  await new Promise((r) => setTimeout(r, 1500));
  const open = await page.evaluate(() => (window as unknown as { __pgBench: { longest: number; over50: number; firstText: number; firstHighlight: number } }).__pgBench);
  const openLongest = open.longest;
  await page.evaluate(() => {
    const m = (window as unknown as { __pgBench: { longest: number } }).__pgBench;
    m.longest = 0;
  });
  for (let i = 1; i <= SCROLL_STEPS; i += 1) {
    await page.evaluate((f) => window.scrollTo(0, f * (document.documentElement.scrollHeight - innerHeight)), i / SCROLL_STEPS);
    await new Promise((r) => setTimeout(r, 150));
  }
  await new Promise((r) => setTimeout(r, 1500));
  const after = await page.evaluate(() => (window as unknown as { __pgBench: { longest: number; over50: number } }).__pgBench);
  await page.close();
  return { firstText: open.firstText, firstHighlight: open.firstHighlight, openLongest, scrollLongest: after.longest, over50: after.over50 };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function main(): Promise<void> {
  console.log(`bench-pdf: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const printer = await launchBrowser('chromium');
  const pdf = await seedPdf(printer.browser, REPEAT);
  await printer.close();
  const server = await startServer({
    '/long.pdf': { body: pdf, type: 'application/pdf' },
    '/bare.html': { body: BARE_HTML },
    '/pdfjs/pdf.min.mjs': { body: readFileSync(join(PDFJS, 'pdf.min.mjs')), type: 'text/javascript' },
    '/pdfjs/pdf.worker.min.mjs': { body: readFileSync(join(PDFJS, 'pdf.worker.min.mjs')), type: 'text/javascript' },
  });
  const launched = await launchBrowser('chromium', { extension: builtExtension('chrome-mv3') });
  const pdfUrl = server.url(GOV_HOST, '/long.pdf');
  const viewerUrl = `chrome-extension://${launched.extensionId}/viewer.html?file=${encodeURIComponent(pdfUrl)}`;
  try {
    // Warm-up: the background installs the bundled collection once per profile.
    const warm = await launched.browser.newPage();
    await warm.goto(viewerUrl);
    await waitFor(async () => (await highlightCount(warm)) > 0, 'the glossary installed', 300_000);
    const pages = await warm.evaluate(() => document.querySelectorAll('.pgv-page').length);
    await warm.close();
    const ours: Run[] = [];
    const bare: Run[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      bare.push(await measure(launched.browser, `${server.url(GOV_HOST, '/bare.html')}?file=${encodeURIComponent(pdfUrl)}`, false));
      ours.push(await measure(launched.browser, viewerUrl, true));
    }
    const row = (name: string, runs: Run[], highlights: boolean) =>
      `${name.padEnd(22)} ${median(runs.map((r) => r.firstText)).toFixed(0).padStart(8)} ms ${highlights ? median(runs.map((r) => r.firstHighlight)).toFixed(0).padStart(8) + ' ms' : '        –   '} ${median(runs.map((r) => r.openLongest)).toFixed(0).padStart(8)} ms ${median(runs.map((r) => r.scrollLongest)).toFixed(0).padStart(8)} ms ${median(runs.map((r) => r.over50)).toFixed(0).padStart(6)}`;
    console.log(`\n${pages}-page PDF (${(pdf.length / 1e6).toFixed(1)} MB), median of ${RUNS} loads, Chromium, viewport 1000×800`);
    console.log(`${'viewer'.padEnd(22)} ${'1st text'.padStart(11)} ${'1st highl.'.padStart(11)} ${'longest open'.padStart(11)} ${'longest scroll'.padStart(11)} ${'>50ms'.padStart(6)}`);
    console.log(row('bare pdf.js', bare, false));
    console.log(row('policy glossary viewer', ours, true));
  } finally {
    await launched.close();
    await server.close();
  }
}

await main();
