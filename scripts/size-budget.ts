// `npm run size`: gzip sizes (zlib level 9) of the widget's main script, of each lazily loaded widget
// chunk (with the shared files it imports) and of the extension content script against their
// budgets, plus the guest rules the widget code must keep; exits 1 on any breach.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const KB = 1024;

interface Budget {
  label: string;
  files: string[];
  /** Gzipped bytes allowed for all files together. */
  budget: number;
  /** Patterns the code must not contain, with the reason shown when it does. */
  forbidden: Array<[RegExp, string]>;
}

const widgetRules: Array<[RegExp, string]> = [
  [/\bbrowser\./, 'uses browser.* (the widget never touches extension APIs)'],
  [/\bchrome\.runtime\b/, 'uses chrome.runtime (the widget never touches extension APIs)'],
  [/(^|[^.\w$])eval\s*\(/, 'calls eval (blocked by a strict CSP)'],
  [/\bnew\s+Function\s*\(/, 'calls new Function (blocked by a strict CSP)'],
];

/**
 * Every bundle must be a production build: the JSX dev runtime (NODE_ENV other than production, as
 * under vitest) adds each element's source path and line and made CI measure 0.7 KB more.
 */
const productionRule: [RegExp, string] = [/\blineNumber:\d+,columnNumber:\d+/, 'is a development build (JSX dev runtime): build with NODE_ENV=production'];

const contentScriptDir = join(root, '.output', 'chrome-mv3', 'content-scripts');
const contentScript = (name: string): string[] => [join(contentScriptDir, `${name}.js`)];

const widgetDir = join(root, 'dist/widget');

/**
 * A widget chunk's file and the files it imports statically (shared chunks), which load with it;
 * `loaded` files are in the browser already and not counted again.
 */
function chunkFiles(name: string, loaded: readonly string[] = []): string[] {
  const files: string[] = [];
  const visit = (file: string) => {
    if (files.includes(file) || loaded.includes(file)) return;
    files.push(file);
    if (!existsSync(file)) return;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+)["']/g)) visit(join(widgetDir, spec!));
  };
  visit(join(widgetDir, `policy-glossary-${name}.mjs`));
  return files;
}

// The initial widget script and the content script each carry the slogan detector, which since
// the national collection also recognises quoted coinages without numerals (core/coinages.ts,
// about 1 KB gzipped): both budgets were raised by 2 KB for it (20 → 22 KB, 40 → 42 KB). Moving
// detection out of the first load is the browser-scale issue's work (compiled packs).
// Session 6 raised them again, as a recorded miss, not a new target: the content script (compiled-pack
// loader, definitions on demand, the tooltip state machine, reading matches in context, quote-free
// and fuzzy highlights, the language setting) measured 45.3 KB (gzip -9) against 42 KB; the widget's
// initial script 23.5 KB against 22, its tooltip UI chunk 15.5 KB against 12 (similar-term
// suggestions, the state machine), its collection chunk 16.0 KB against 16. Getting back under the
// old budgets is open work in the browser-scale issue. The PDF link control is its own content
// script with its own budget.
// Issue 17 then took fuse.js out of near-miss resolution (core/fuzzy.ts compares the forms of a
// slogan's first-character group directly): the content script measured 37.1 KB (npm run size), back under the
// issue's 40 KB, which was its budget again until session 8: the place rule's word lists, the reading
// tables that make `scan` faster and the shared place rescan brought it to 40.6 KB, so it is 42 KB
// (the issue's range, 40–42) until the matcher's tables move out of the script; the widget's fuzzy chunk 1.1 KB with its shared file (was 8).
// Session 7: the place rule in the widget's reading (core/match-context.ts readForPage, so widget,
// extension and `scan --region` read alike) brought the ES module to 24.0 KB, 42 bytes over 24:
// raised to 25 KB as a recorded miss (moving it to the collection chunk cost that chunk 5 KB of
// duplicated reading code). The issues' targets (20–22 KB) stay open.
// Session 8: the whole pack's check (parsePack) moved to a definitions chunk loaded with the first
// tooltip or panel (src/widget/glossary-source.ts): initial script 24.0 → 23.0 KB.
// Session 9 brought both back to the issues' numbers. CI's 40.6 KB was a development build: the
// release e2e test runs `wxt zip` under vitest (NODE_ENV=test), which rebuilt .output/chrome-mv3 with
// the JSX dev runtime; builds now always run with NODE_ENV=production and this script rejects the dev
// runtime. The content script is minified again with Oxc after WXT's esbuild (wxt.config.ts): 39.9 →
// 37.7 KB, budget 40 again. The widget's matcher and page reading (core/matcher-base.ts,
// core/match-context.ts, the slogan and coinage detectors) moved to a reading chunk loaded at init
// beside the glossary (src/widget/reading-chunk.ts): initial script 24.4 → 12.3 KB, budget 20 again;
// the reading chunk 12.5 KB is one file, and the later chunks import the core modules from it.
// Session 26: the reading chunk had been at its 14 KB for three sessions (14,334 of 14,336 B) while
// quoted coinages joined by a sign (“人工智能+”, “数据要素×”, the slogans of 2023 and later) went
// unflagged; their shape rule took it to 14,399 B, so its budget is 15 KB. What a town's page loads at
// init, the initial script and the reading chunk, is 26.9 KB gzipped.
// Session 32: the content script stood at 40,952 of 40,960 B. The extension's builds define
// __PG_WRAP__ false (wxt.config.ts): both browsers' minimum versions (Chromium 105, Firefox 140) draw
// with the CSS Custom Highlight API, so the annotator's wrapping fallback is left out of the content
// script (−393 B), which made room for saved pages opened from disk (their place clue and the local
// files switch, +50 B) and the keyboard walk from a quiet match (+38 B): 40,644 B.
/**
 * The reading chunk (the matcher and the page reading) loads at every init beside the glossary, before
 * any highlight: the chunks that import from it (tooltip UI, fuzzy, collection) find it loaded.
 */
const readingFiles = chunkFiles('reading');
const afterReading = (name: string) => chunkFiles(name, readingFiles);

const budgets: Budget[] = [
  { label: 'widget (IIFE)', files: [join(widgetDir, 'policy-glossary.js')], budget: 20 * KB, forbidden: widgetRules },
  { label: 'widget (ES module)', files: [join(widgetDir, 'policy-glossary.mjs')], budget: 20 * KB, forbidden: widgetRules },
  { label: 'widget chunk: reading', files: readingFiles, budget: 15 * KB, forbidden: widgetRules },
  { label: 'widget chunk: tooltip UI', files: afterReading('ui'), budget: 16 * KB, forbidden: widgetRules },
  { label: 'widget chunk: panel', files: afterReading('panel'), budget: 18 * KB, forbidden: widgetRules },
  { label: 'widget chunk: fuzzy', files: afterReading('fuzzy'), budget: 2 * KB, forbidden: widgetRules },
  { label: 'widget chunk: collection', files: afterReading('collection'), budget: 17 * KB, forbidden: widgetRules },
  { label: 'widget chunk: definitions', files: afterReading('definitions'), budget: 3 * KB, forbidden: widgetRules },
  { label: 'extension content script', files: contentScript('content'), budget: 40 * KB, forbidden: [] },
  { label: 'extension content script: PDF links', files: contentScript('pdf-links'), budget: 4 * KB, forbidden: [] },
  // Reads a page's own 名词解释 or footnotes (src/extension/page-notes-content.ts): loaded on every government page beside the main
  // script; 3.3 KB with the site and page switches it checks before reading a page (as the PDF link control's, 4 KB).
  { label: 'extension content script: page notes', files: contentScript('page-notes'), budget: 4 * KB, forbidden: [] },
];
/** Gzipped bytes per bundle label, for the summary. */
const measured = new Map<string, number>();

const problems: string[] = [];
if (readingFiles.length > 1) {
  problems.push(`widget chunk: reading imports ${readingFiles.slice(1).map((f) => relative(root, f)).join(', ')}: it must be one file (each import is one more round trip before the first highlight)`);
}
const rows: string[][] = [['bundle', 'files', 'bytes', 'gzip', 'budget', '']];

for (const item of budgets) {
  const missing = item.files.length === 0 ? ['(none found)'] : item.files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    problems.push(`${item.label}: 未构建 not built (${missing.map((f) => relative(root, f)).join(', ')}); run npm run build`);
    rows.push([item.label, '-', '-', '-', `${item.budget / KB} KB`, 'MISSING']);
    continue;
  }
  let bytes = 0;
  let gzip = 0;
  for (const file of item.files) {
    const code = readFileSync(file);
    bytes += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
    const text = code.toString('utf8');
    for (const [pattern, reason] of [...item.forbidden, productionRule]) {
      if (pattern.test(text)) problems.push(`${relative(root, file)}: ${reason}`);
    }
  }
  measured.set(item.label, gzip);
  const over = gzip > item.budget;
  if (over) problems.push(`${item.label}: ${gzip} B gzipped > budget ${item.budget} B (超出预算 over budget)`);
  rows.push([
    item.label,
    item.files.map((f) => relative(root, f)).join(' '),
    String(bytes),
    `${(gzip / KB).toFixed(1)} KB`,
    `${item.budget / KB} KB`,
    over ? 'OVER' : 'ok',
  ]);
}

/** Rebuilds the widget in memory and lists what each module adds (minified, gzipped alone), per file. */
async function printWidgetModules(): Promise<void> {
  const { build } = await import('vite');
  const { chunkBuild } = await import('../vite.widget.config');
  // Keyed by file and module: the config's formats and ours merge, so a bundle may render twice.
  const sizes = new Map<string, [string, string, number, number]>();
  const moduleSizes = (prefix: string) => ({
    name: 'module-sizes',
    generateBundle(_options: unknown, bundle: Record<string, { type: string; fileName: string; modules?: Record<string, { renderedLength: number; code: string | null }> }>) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.modules) continue;
        const file = prefix || chunk.fileName.replace(/-[\w-]{8}\.mjs$/, '-*.mjs');
        for (const [id, info] of Object.entries(chunk.modules)) {
          const name = id.replace(/^.*node_modules\//, '').replace(`${root}/`, '');
          sizes.set(`${file} ${name}`, [file, name, info.renderedLength, info.code ? gzipSync(info.code, { level: 9 }).length : 0]);
        }
      }
    },
  });
  await build({
    configFile: join(root, 'vite.widget.config.ts'),
    logLevel: 'silent',
    build: { write: false, lib: { entry: 'src/widget/index.ts', name: 'PolicyGlossary', formats: ['iife'], fileName: () => 'policy-glossary.js' } },
    plugins: [moduleSizes('policy-glossary.js')],
  });
  await build({ ...chunkBuild, logLevel: 'silent', build: { ...chunkBuild.build, write: false }, plugins: [moduleSizes('')] });
  console.log('\nwidget modules (minified bytes, gzip of the module alone), by file:');
  const files = [...new Set([...sizes.values()].map(([file]) => file))];
  for (const file of files) {
    console.log(`  ${file}`);
    const rows = [...sizes.values()].filter(([f, , bytes]) => f === file && bytes > 0).sort((a, b) => b[3] - a[3]);
    for (const [, name, bytes, gzip] of rows) console.log(`    ${String(bytes).padStart(7)}  ${String(gzip).padStart(6)}  ${name}`);
  }
}

const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
for (const row of rows) console.log(row.map((cell, col) => cell.padEnd(widths[col]!)).join('  ').trimEnd());

const kb = (label: string) => {
  const bytes = measured.get(label);
  return bytes === undefined ? '?' : `${(bytes / KB).toFixed(1)} KB`;
};
// The IIFE and every chunk file once (the ES module build is the IIFE's alternative, not an addition).
const widgetFiles = new Set(budgets.filter((item) => item.label.startsWith('widget (IIFE)') || item.label.startsWith('widget chunk')).flatMap((item) => item.files));
const widgetTotal = [...widgetFiles].filter((file) => existsSync(file)).reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
console.log(
  `\n网页组件 widget: initial script ${kb('widget (IIFE)')}, its reading chunk ${kb('widget chunk: reading')} loaded beside the glossary; tooltip UI ${kb('widget chunk: tooltip UI')} on first use; ` +
    `panel ${kb('widget chunk: panel')} only on 术语解释 pages; fuzzy ${kb('widget chunk: fuzzy')} only on pages with unknown slogans ` +
    `(shared files counted in each, the reading chunk's in it alone); all widget JS together ${(widgetTotal / KB).toFixed(1)} KB (IIFE + chunks)`,
);

if (process.argv.includes('--modules')) await printWidgetModules();

if (problems.length > 0) {
  console.error(`\n体积/规则检查失败 size budget failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('\n体积预算通过 size budgets ok');
