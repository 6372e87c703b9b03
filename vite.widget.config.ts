// Library build of the embeddable widget (src/widget): one IIFE for a plain <script> tag and one
// ES module, both minified, written beside the glossary in dist/widget. No WXT and no browser.* here.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/widget',
    // The glossary build writes glossary.json into the same folder first: keep it.
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    // Vite leaves the ES library unminified (whitespace kept) by default; the page downloads it too.
    // One file per format: index.ts imports the engine lazily (to catch errors while it
    // initialises), which must not become a second request.
    rolldownOptions: { output: { minify: true, codeSplitting: false } },
    lib: {
      entry: 'src/widget/index.ts',
      name: 'PolicyGlossary',
      formats: ['iife', 'es'],
      fileName: (format) => (format === 'es' ? 'policy-glossary.mjs' : 'policy-glossary.js'),
    },
  },
});
