// `npm run release`: the store packages, versioned from package.json — the Chrome Web Store zip
// (MV3), the Firefox Add-ons zip (MV2) and the sources zip Firefox's reviewers ask for — then
// `web-ext lint` on the Firefox zip as AMO runs it; exits 1 on any failure or lint error.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

/** The files `npm run release` writes, for this package.json version. */
export const releaseFiles = (): { chrome: string; firefox: string; sources: string } => ({
  chrome: join(root, '.output', `${name}-${version}-chrome.zip`),
  firefox: join(root, '.output', `${name}-${version}-firefox.zip`),
  sources: join(root, '.output', `${name}-${version}-sources.zip`),
});

function run(label: string, command: string, args: string[], cwd = root): void {
  process.stdout.write(`▶ ${label}\n`);
  // Always a production build: run from a test (vitest sets NODE_ENV=test), WXT would bundle the JSX
  // dev runtime with every element's absolute source path, 7 KB more in the content script.
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`发布失败 release failed at "${label}" (exit ${result.status ?? result.error?.message})`);
}

/** Lints the Firefox zip's contents as addons.mozilla.org does (listed add-on, warnings allowed). */
export function lintFirefoxZip(zip: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'pg-release-lint-'));
  try {
    run('解压 unzip Firefox zip', 'unzip', ['-q', zip, '-d', dir]);
    run('web-ext lint (Firefox zip)', bin('web-ext'), ['lint', '--source-dir', dir, '--no-config-discovery']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    run('Chrome zip (MV3)', bin('wxt'), ['zip']);
    run('Firefox zip (MV2) + sources zip', bin('wxt'), ['zip', '-b', 'firefox']);
    const files = releaseFiles();
    if (!process.argv.includes('--no-lint')) lintFirefoxZip(files.firefox);
    process.stdout.write(`\n发布文件 release files (${name} ${version}):\n`);
    for (const [label, path] of Object.entries(files)) {
      const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
      process.stdout.write(`  ${label.padEnd(8)} ${relative(root, path)}  ${(statSync(path).size / 1024).toFixed(0)} KB  sha256 ${sha}\n`);
    }
    process.stdout.write('\n商店文案 store listing: store/listing.zh.md, store/listing.en.md; 隐私 privacy: README.md#隐私-privacy\n');
  } catch (error) {
    process.stderr.write(`\n${(error as Error).message}\n`);
    process.exit(1);
  }
}
