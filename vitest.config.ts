import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// One test run, several projects: pure code in node, DOM/UI in happy-dom,
// extension code with WXT's fake browser, and real-browser end-to-end tests last.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: { name: 'node', environment: 'node', include: ['tests/{core,cli,import,scripts}/**/*.test.ts'] },
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
