// Turns the seed report (sources/chuansha-2020h1.txt, plain text with [footnoteRef:N] markers and [N: …] notes)
// into an HTML page as a town website republishes it: the body only, the footnotes dropped.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Path of the seed report, kept in the repository (see sources/README.md for its provenance). */
export const SEED_REPORT_PATH = join(projectRoot, 'sources', 'chuansha-2020h1.txt');

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The report's body paragraphs, footnote markers and notes removed. */
export function seedParagraphs(source = readFileSync(SEED_REPORT_PATH, 'utf8')): string[] {
  const body = source
    .replace(/\[footnoteRef:\d+\]/g, '')
    .replace(/\[\d+: [^\]]*\]/g, '')
    .replace(/\[bookmark: [^\]]*\]/g, '');
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export interface SeedPageOptions {
  title?: string;
  /** Extra markup for <head> (stylesheets, scripts). */
  head?: string;
  /** Extra markup at the start of <body>, before the report (a site header). */
  before?: string;
  /** Extra markup at the end of <body>. */
  tail?: string;
  /** Repeat the body this many times (for big-page tests and benchmarks). */
  repeat?: number;
}

/** The seed report as a complete HTML page. */
export function seedPageHtml(options: SeedPageOptions = {}): string {
  const paragraphs = seedParagraphs();
  const [title = '', ...rest] = paragraphs;
  const bodyHtml = rest.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const repeated = Array.from({ length: options.repeat ?? 1 }, () => bodyHtml).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title ?? `川沙新镇${title}`)}</title>
${options.head ?? ''}
</head>
<body>
${options.before ?? ''}
<main id="report">
<h1>${escapeHtml(title)}</h1>
${repeated}
</main>
${options.tail ?? ''}
</body>
</html>
`;
}
