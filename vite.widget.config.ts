// Library build of the embeddable widget (src/widget): the main script as one IIFE for a plain
// <script> tag and one ES module, plus the lazily loaded chunks (tooltip UI, <policy-glossary> panel,
// fuzzy matching) as ES modules beside them, all minified into dist/widget. No WXT or browser.* here.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const OUT_DIR = 'dist/widget';
const jsx = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;
const define = { 'process.env.NODE_ENV': JSON.stringify('production') };

/**
 * The chunks, one ES module entry each; modules they share (Preact, fuse.js) go to shared files
 * that the browser fetches once. Named policy-glossary-<name>.mjs, as chunks-bundled.ts expects.
 * The reading chunk (the matcher and the page reading) loads at every init, before anything else
 * can be needed: it is one file, and holds the core modules the later chunks share with it, so
 * they import them from it instead of from further shared files (no request waterfall at init).
 */
export const chunkBuild: InlineConfig = {
  configFile: false,
  root,
  publicDir: false,
  logLevel: 'warn',
  oxc: jsx,
  define,
  build: {
    outDir: OUT_DIR,
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: {
      input: { reading: 'src/widget/reading-chunk.ts', ui: 'src/widget/ui-chunk.ts', panel: 'src/widget/panel-chunk.tsx', fuzzy: 'src/widget/fuzzy-chunk.ts', collection: 'src/widget/collection.ts', definitions: 'src/widget/definitions-chunk.ts' },
      // The reading chunk's file also exports the modules the later chunks import from it.
      preserveEntrySignatures: 'allow-extension',
      output: {
        format: 'es',
        minify: true,
        entryFileNames: 'policy-glossary-[name].mjs',
        chunkFileNames: 'policy-glossary-shared-[hash].mjs',
        // The group takes the entry module and (includeDependenciesRecursively, the default) every
        // module it reaches, so the entry file is the group's one file.
        codeSplitting: { groups: [{ name: 'reading', test: /src[\\/]widget[\\/]reading-chunk\.ts$/ }] },
      },
    },
  },
};

/** Builds the chunks once the main script is written (skipped for in-memory builds such as size reports). */
function buildChunks(): Plugin {
  let write = true;
  return {
    name: 'policy-glossary-chunks',
    apply: 'build',
    configResolved(config) {
      write = config.build.write;
    },
    async closeBundle() {
      if (!write) return;
      // Shared files are content-hashed: drop those of earlier builds so only current ones ship.
      const out = join(root, OUT_DIR);
      for (const name of readdirSync(out)) if (/^policy-glossary-shared-.*\.mjs$/.test(name)) rmSync(join(out, name));
      await build(chunkBuild);
    },
  };
}

export default defineConfig({
  publicDir: false,
  oxc: jsx,
  define,
  resolve: {
    // The built main script loads its chunks from files beside it (see chunks.ts).
    alias: [{ find: /^\.\/chunks$/, replacement: fileURLToPath(new URL('src/widget/chunks-bundled.ts', import.meta.url)) }],
  },
  plugins: [buildChunks()],
  build: {
    outDir: OUT_DIR,
    // The glossary build writes glossary.json into the same folder first: keep it.
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    // Vite leaves the ES library unminified (whitespace kept) by default; the page downloads it too.
    // One file per format: index.ts imports the engine lazily (to catch errors while it
    // initialises), which must not become a second request; the chunks are imported by URL.
    // chunks-bundled.ts reads import.meta.url only where document.currentScript is null, that is in
    // the ES module build: in the IIFE it becomes {} by design.
    rolldownOptions: { checks: { emptyImportMeta: false }, output: { minify: true, codeSplitting: false } },
    lib: {
      entry: 'src/widget/index.ts',
      name: 'PolicyGlossary',
      formats: ['iife', 'es'],
      fileName: (format) => (format === 'es' ? 'policy-glossary.mjs' : 'policy-glossary.js'),
    },
  },
});
