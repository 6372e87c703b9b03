// PDFs made by the tests with headless Chromium's page.pdf(): the seed report (real text layer,
// CJK fonts from the system), the same text drawn on a canvas (an image-only "scanned" PDF), a
// long document for the benchmark, and bytes that are no PDF at all.
import type { Browser } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { SEED_REPORT_PATH, seedPageHtml, seedParagraphs } from '../../../demo/seed-page';

const PRINT_STYLE = '<style>body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15px;line-height:1.7;margin:0} h1{font-size:22px;text-align:center}</style>';

async function print(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return Buffer.from(await page.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' }, printBackground: true }));
  } finally {
    await page.close();
  }
}

/**
 * The seed report printed to PDF; `repeat` copies of its body make a long document. `appendix`: its
 * 19 footnotes printed after the body as a 名词解释 appendix, as many reports print theirs.
 */
export function seedPdf(browser: Browser, repeat = 1, appendix = false): Promise<Buffer> {
  // The report's notes, written [N: 、term：definition] in the source.
  const notes = appendix ? [...readFileSync(SEED_REPORT_PATH, 'utf8').matchAll(/\[(\d+): 、([^：\]]+)：([^\]]*)\]/gu)] : [];
  const tail = appendix ? `<h2>名词解释</h2>\n${notes.map(([, n, term, definition]) => `<p>${n}.${escapeHtml(term!)}：${escapeHtml(definition!)}</p>`).join('\n')}` : '';
  return print(browser, seedPageHtml({ head: PRINT_STYLE, repeat, tail }));
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The report's first paragraphs drawn as pixels on a canvas: a PDF with no text layer. */
export function imageOnlyPdf(browser: Browser): Promise<Buffer> {
  const lines = seedParagraphs().slice(0, 6);
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${PRINT_STYLE}</head><body>
<canvas id="c" width="1400" height="1800" style="width:700px;height:900px"></canvas>
<script>
const ctx = document.getElementById('c').getContext('2d');
ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 1400, 1800);
ctx.fillStyle = '#000'; ctx.font = '30px "Noto Sans CJK SC", sans-serif';
let y = 60;
for (const line of ${JSON.stringify(lines)}) {
  for (let i = 0; i < line.length && y < 1760; i += 40) { ctx.fillText(line.slice(i, i + 40), 40, y); y += 44; }
}
</script></body></html>`;
  return print(browser, html);
}

/** Bytes that are not a PDF. */
export const BROKEN_PDF = Buffer.from('%PDF-1.7\nthis file was cut short and holds no objects, no xref and no trailer\n');

/** A one-page PDF of `paragraphs` (text the tests write themselves). */
export function textPdf(browser: Browser, paragraphs: readonly string[]): Promise<Buffer> {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('');
  return print(browser, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${PRINT_STYLE}</head><body>${body}</body></html>`);
}
