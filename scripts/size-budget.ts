// `npm run size`: gzip sizes (zlib level 9) of the widget bundles and the extension content script
// against their budgets, plus the guest rules the widget bundle must keep; exits 1 on any breach.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

const contentScriptDir = join(root, '.output', 'chrome-mv3', 'content-scripts');
const contentScripts = existsSync(contentScriptDir)
  ? readdirSync(contentScriptDir)
      .filter((name) => name.endsWith('.js'))
      .map((name) => join(contentScriptDir, name))
  : [];

const budgets: Budget[] = [
  { label: 'widget (IIFE)', files: [join(root, 'dist/widget/policy-glossary.js')], budget: 20 * KB, forbidden: widgetRules },
  { label: 'widget (ES module)', files: [join(root, 'dist/widget/policy-glossary.mjs')], budget: 20 * KB, forbidden: widgetRules },
  { label: 'extension content script', files: contentScripts, budget: 40 * KB, forbidden: [] },
];

const problems: string[] = [];
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
    for (const [pattern, reason] of item.forbidden) {
      if (pattern.test(text)) problems.push(`${relative(root, file)}: ${reason}`);
    }
  }
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

/** Rebuilds the widget in memory and lists what each module adds (minified, gzipped alone). */
async function printWidgetModules(): Promise<void> {
  const { build } = await import('vite');
  // Keyed by module: the config's formats and ours merge, so the bundle is rendered more than once.
  const sizes = new Map<string, [string, number, number]>();
  await build({
    configFile: join(root, 'vite.widget.config.ts'),
    logLevel: 'silent',
    build: { write: false, lib: { entry: 'src/widget/index.ts', name: 'PolicyGlossary', formats: ['iife'], fileName: () => 'policy-glossary.js' } },
    plugins: [
      {
        name: 'module-sizes',
        generateBundle(_options, bundle) {
          for (const chunk of Object.values(bundle)) {
            if (chunk.type !== 'chunk') continue;
            for (const [id, info] of Object.entries(chunk.modules)) {
              const name = id.replace(/^.*node_modules\//, '').replace(`${root}/`, '');
              sizes.set(name, [name, info.renderedLength, info.code ? gzipSync(info.code, { level: 9 }).length : 0]);
            }
          }
        },
      },
    ],
  });
  console.log('\nwidget modules (minified bytes, gzip of the module alone):');
  for (const [name, bytes, gzip] of [...sizes.values()].sort((a, b) => b[2] - a[2])) {
    if (bytes > 0) console.log(`  ${String(bytes).padStart(7)}  ${String(gzip).padStart(6)}  ${name}`);
  }
}

const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
for (const row of rows) console.log(row.map((cell, col) => cell.padEnd(widths[col]!)).join('  ').trimEnd());

if (process.argv.includes('--modules')) await printWidgetModules();

if (problems.length > 0) {
  console.error(`\n体积/规则检查失败 size budget failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('\n体积预算通过 size budgets ok');
