import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// One test run, several projects: pure code in node, DOM/UI in happy-dom,
// extension code with WXT's fake browser, and real-browser end-to-end tests last.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        // The CLI tests start whole processes: on a loaded 2-core machine one can take over the 5 s default.
        test: { name: 'node', environment: 'node', include: ['tests/{core,cli,import,scripts}/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
        test: { name: 'dom', environment: 'happy-dom', include: ['tests/{dom,ui,widget}/**/*.test.{ts,tsx}'] },
      },
      {
        plugins: [WxtVitest()],
        test: { name: 'extension', environment: 'happy-dom', include: ['tests/extension/**/*.test.{ts,tsx}'] },
      },
      {
        // npm pack + install into an empty folder: slow, and it rebuilds dist/ through prepack.
        test: { name: 'package', environment: 'node', include: ['tests/package/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
