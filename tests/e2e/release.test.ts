// `npm run release` as a store reviewer gets it: the Chrome and Firefox zips install and work in real
// Chromium and Firefox, carry the package.json version, localized name and description and icons
// 16–128; the Firefox zip passes `web-ext lint` as AMO runs it; the sources zip has what a build needs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPageHtml } from '../../demo/seed-page';
import { releaseFiles } from '../../scripts/release';
import { ROOT, highlightCount, waitFor } from './extension-helpers';
import { GOV_HOST, launchBrowser, type BrowserName } from './support/browsers';
import { startServer, type TestServer } from './support/server';

const work = mkdtempSync(join(tmpdir(), 'pg-release-'));
const files = releaseFiles();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** Unzips `zip` into a fresh folder and returns it. */
function unzip(zip: string, name: string): string {
  const dir = join(work, name);
  const result = spawnSync('unzip', ['-q', zip, '-d', dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`unzip ${zip}: ${result.stderr}`);
  return dir;
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Buffer): [number, number] => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

let server: TestServer;
beforeAll(async () => {
  const release = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'release.ts'), '--no-lint'], { cwd: ROOT, encoding: 'utf8' });
  if (release.status !== 0) throw new Error(`npm run release failed:\n${release.stdout}\n${release.stderr}`);
  server = await startServer({ '/report.html': { body: seedPageHtml() } });
});

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe.each([
  { browser: 'chromium' as BrowserName, zip: 'chrome' as const },
  { browser: 'firefox' as BrowserName, zip: 'firefox' as const },
])('$zip zip', ({ browser, zip }) => {
  let dir = '';
  beforeAll(() => {
    dir = unzip(files[zip], zip);
  });

  it('is versioned from package.json, localized (zh_CN default, en) and has icons 16–128', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.default_locale).toBe('zh_CN');
    for (const field of ['name', 'description']) expect(manifest[field]).toMatch(/^__MSG_\w+__$/);
    for (const locale of ['zh_CN', 'en']) {
      const messages = JSON.parse(readFileSync(join(dir, '_locales', locale, 'messages.json'), 'utf8'));
      for (const field of ['name', 'description']) {
        const key = /^__MSG_(\w+)__$/.exec(manifest[field])![1]!;
        expect(messages[key]?.message, `${locale} ${key}`).toBeTruthy();
      }
    }
    expect(Object.keys(manifest.icons).map(Number)).toEqual(expect.arrayContaining([16, 32, 48, 128]));
    for (const [size, path] of Object.entries(manifest.icons as Record<string, string>)) {
      expect(pngSize(readFileSync(join(dir, path))), path).toEqual([Number(size), Number(size)]);
    }
  });

  it(`installs in ${browser} and highlights the terms of a government page`, async () => {
    const launched = await launchBrowser(browser, { extension: dir });
    try {
      expect(launched.extensionId).toBeTruthy();
      const page = await launched.browser.newPage();
      await page.goto(server.url(GOV_HOST, '/report.html'));
      expect(await waitFor(async () => ((await highlightCount(page)) > 0 ? true : null), 'highlights from the zipped extension', 20_000)).toBe(true);
    } finally {
      await launched.close();
    }
  });
});

describe('Firefox zip and sources zip', () => {
  it('web-ext lint (as for a listed add-on) finds no errors and no warnings', () => {
    const dir = unzip(files.firefox, 'lint');
    const lint = spawnSync(join(ROOT, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', dir, '--no-config-discovery', '--output', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(lint.stdout) as { errors: unknown[]; warnings: { code?: string; file?: string }[] };
    expect(report.errors).toEqual([]);
    // The one exception: pdf.js (Mozilla's own PDF viewer, in the PDF viewer page and its worker)
    // carries a `new Function` font path and a dynamic import; src/pdf/pdfjs.ts opens every document
    // with isEvalSupported: false, so the former never runs. Nothing else may warn.
    const pdfjs = (w: { code?: string; file?: string }) =>
      (w.code === 'DANGEROUS_EVAL' || w.code === 'UNSAFE_VAR_ASSIGNMENT') && /^(chunks\/pdfjs-lib-|assets\/pdf\.worker)/.test(w.file ?? '');
    expect(report.warnings.filter((w) => !pdfjs(w))).toEqual([]);
    expect(report.warnings.length).toBeLessThanOrEqual(6);
  });

  it('the sources zip has the files a reviewer builds from, and no build output', () => {
    const dir = unzip(files.sources, 'sources');
    const top = readdirSync(dir);
    expect(top).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'entrypoints', 'src', 'glossary', 'README.md']));
    expect(top.filter((name) => ['dist', 'node_modules', '.output'].includes(name))).toEqual([]);
  });
});
