import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifySync } from 'vite';
import { defineConfig } from 'wxt';

// WXT configuration for the browser extension (Chrome MV3, Firefox MV2/MV3).
// Auto-imports are off: every module imports what it uses, so the layer rules stay checkable.
// The bundled glossary is compiled from glossary/ at build time and shipped as glossary.json,
// so the browser never runs pinyin or OpenCC conversion, with its compiled matcher beside it
// (glossary-matcher.json), so the browser never builds the automaton of the bundled glossary.

/**
 * Local files, where Chromium runs content scripts once the extension may access file URLs
 * (src/extension/sites.ts LOCAL_FILES), and the content scripts that run there (not the PDF
 * links': the viewer reads web PDFs).
 */
const LOCAL_FILE_PATTERN = 'file:///*';
const LOCAL_FILE_SCRIPTS = ['content-scripts/content.js', 'content-scripts/page-notes.js'];

/** Stable Firefox add-on id: changing it would orphan every user's stored glossary. */
const GECKO_ID = 'policy-glossary@policy-glossary.org';

/**
 * Preact's only HTML-parsing path (dangerouslySetInnerHTML) made to set text instead: nothing in
 * our bundles can turn a string into markup, and `web-ext lint` has no innerHTML to flag.
 */
const textOnlyPreact = {
  name: 'policy-glossary:text-only-preact',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]/.test(id)) return undefined;
    return { code: code.replace(/\.innerHTML=(?!=)/g, '.textContent='), map: null };
  },
};

/**
 * The content scripts minified again with Oxc's minifier (the one Vite 8 uses for the widget) after
 * WXT's Vite 7 minified them with esbuild: 2.3 KB less gzipped in the content script that every
 * government page loads. The footer WXT adds for `scripting.executeScript`'s result (`content;`)
 * is kept as it was.
 */
const reminifyContentScript = {
  name: 'policy-glossary:reminify-content-script',
  generateBundle(_options: unknown, bundle: Record<string, { type: string; fileName: string; code?: string }>) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || chunk.code === undefined) continue;
      const footer = /(?<=\);?\s*)[A-Za-z_$][\w$]*;\s*$/.exec(chunk.code)?.[0] ?? '';
      const { code, errors } = minifySync(chunk.fileName, chunk.code.slice(0, chunk.code.length - footer.length), { compress: { target: 'es2022' }, mangle: true });
      if (errors.length > 0) throw new Error(`${chunk.fileName}: ${errors.map((error) => error.message).join('; ')}`);
      chunk.code = `${code.trimEnd()}\n${footer}`;
    }
  },
};

/**
 * `wxt build --mode e2e` (→ .output/chrome-mv3-e2e) also holds the end-to-end tests' ordinary host
 * as a granted permission, because a headless browser cannot click the permission prompt. The
 * content script still stays off that host until the popup turns it on.
 */
const E2E_GRANTED_HOSTS = ['*://news.example.com/*'];

/**
 * Any other site the user turns on from the popup; asked for at that moment. One `*://` pattern,
 * because Firefox grants `*://host/*` only when the manifest declares a pattern with that scheme.
 */
const OPTIONAL_HOSTS = ['*://*/*'];

/**
 * Firefox MV3's default policy for extension pages adds `upgrade-insecure-requests`: the PDF viewer's
 * fetch of an http:// PDF (many government sites serve no https) went out as https and failed. The
 * same policy without it (Chrome MV3 and Firefox MV2 upgrade nothing either).
 */
const FIREFOX_MV3_PAGES_CSP = "script-src 'self'; object-src 'self';";

/** pdf.js data files copied into the extension under pdfjs/ (see src/pdf/pdfjs.ts for their use). */
function pdfjsAssets(): { absoluteSrc: string; relativeDest: string }[] {
  const base = join(dirname(fileURLToPath(import.meta.url)), 'node_modules', 'pdfjs-dist');
  return ['cmaps', 'standard_fonts', 'wasm'].flatMap((folder) =>
    readdirSync(join(base, folder)).map((file) => ({ absoluteSrc: join(base, folder, file), relativeDest: `pdfjs/${folder}/${file}` })),
  );
}

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  imports: false,
  // `npm run release` (scripts/release.ts): the store zips are named <name>-<version>-<browser>.zip from
  // package.json; the sources zip for Firefox's reviewers leaves out build output and local results.
  zip: {
    excludeSources: ['dist/**', 'coverage/**', 'bench/results/**', 'tests/e2e/screenshots/**', '.web-ext-artifacts/**', '*.log'],
  },
  // The build date the options page shows beside the bundled glossary's version (src/extension/pack-origin.ts);
  // no wrapping fallback in the annotator (src/dom/annotator.ts __PG_WRAP__: the minimum versions draw highlights).
  vite: () => ({ plugins: [textOnlyPreact], define: { __PG_BUILD_DATE__: JSON.stringify(new Date().toISOString().slice(0, 10)), __PG_WRAP__: 'false' } }),
  manifest: ({ browser, manifestVersion, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    permissions: manifestVersion === 3 ? ['storage', 'unlimitedStorage', 'alarms', 'activeTab', 'scripting'] : ['storage', 'unlimitedStorage', 'alarms', 'activeTab'],
    ...(mode === 'e2e' ? { host_permissions: E2E_GRANTED_HOSTS } : {}),
    ...(browser === 'firefox' && manifestVersion === 3 ? { content_security_policy: { extension_pages: FIREFOX_MV3_PAGES_CSP } } : {}),
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOSTS }
      : { optional_permissions: OPTIONAL_HOSTS }),
    // Chromium 105 is the first to draw with the CSS Custom Highlight API (Firefox: 140, below),
    // which the content script relies on (src/dom/annotator.ts __PG_WRAP__).
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '105' }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // Each content script is built alone (an IIFE); minified builds only (not `wxt dev`).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.length === 1 && entrypoints[0]!.type === 'content-script' && config.build?.minify !== false) (config.plugins ??= []).push(reminifyContentScript);
    },
    'build:manifestGenerated': (wxt, manifest) => {
      // WXT takes the toolbar button's title from popup.html's <title>; keep it localised instead.
      const button = manifest.action ?? manifest.browser_action;
      if (button) Object.assign(button, { default_title: '__MSG_extName__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } });
      // Saved pages opened from disk: the terms and the page's own notes there too, where the
      // browser runs content scripts in local files (LOCAL_FILE_PATTERN).
      // Here rather than in the entrypoints, whose options would ship in the content script.
      if (wxt.config.browser !== 'firefox') {
        for (const script of manifest.content_scripts ?? []) {
          if (script.js?.some((file) => LOCAL_FILE_SCRIPTS.includes(file))) script.matches = [...(script.matches ?? []), LOCAL_FILE_PATTERN];
        }
      }
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('glossary.json', 'glossary-matcher.json');
    },
    'build:publicAssets': async (_wxt, files) => {
      const { loadGlossaryPack } = await import('./src/cli/glossary-files');
      const pack = await loadGlossaryPack([]);
      files.push({ relativeDest: 'glossary.json', contents: JSON.stringify(pack) });
      // Its compiled matcher (src/core/compiled-pack.ts), which the background stores for the
      // content scripts instead of compiling it on install and update (src/extension/store.ts).
      const { compilePack, BUNDLED_MATCHER_FILE } = await import('./src/core/compiled-pack');
      files.push({ relativeDest: BUNDLED_MATCHER_FILE, contents: JSON.stringify(compilePack(pack)) });
      // The PDF viewer's CJK character maps, standard fonts and image decoders ship with the
      // extension (src/pdf/pdfjs.ts): nothing but the PDF itself is fetched.
      files.push(...pdfjsAssets());
    },
  },
});
