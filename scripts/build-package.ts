// `npm run build:package` (run by `npm pack` / `npm publish` through prepack): everything the npm
// package ships — the compiled CLI and its pack cache, the glossary pack, the widget and its embed
// snippet in dist/widget, the matcher as dist/lib/core.mjs, and the .d.ts files of both in dist/types.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildCli, buildPackCache } from './build-cli';
import { writeEmbedFile } from './embed-snippet';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

function run(label: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`build:package failed at ${label} (exit ${result.status ?? result.error?.message})`);
}

/** The matcher and pack reader as one dependency-free ES module (runs in Node and browsers). */
export async function buildCoreLibrary(): Promise<void> {
  rmSync(join(root, 'dist', 'lib'), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { core: 'src/package/core.ts' },
    outdir: join(root, 'dist', 'lib'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
}

/** dist/lib/core.mjs and the .d.ts files of the two library entry points. */
export async function buildLibraries(): Promise<void> {
  await buildCoreLibrary();
  rmSync(join(root, 'dist', 'types'), { recursive: true, force: true });
  run('types', bin('tsc'), ['-p', 'tsconfig.package.json']);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  // --lib-only: the step of `npm run build` that adds the libraries to what it already built.
  if (process.argv.includes('--lib-only')) {
    await buildLibraries();
    process.exit(0);
  }
  await buildCli();
  await buildPackCache();
  run('glossary', process.execPath, [join(root, 'bin', 'policy-glossary.mjs'), 'build', '--out', 'dist/widget']);
  run('widget', bin('vite'), ['build', '--config', 'vite.widget.config.ts', '--logLevel', 'warn']);
  writeEmbedFile(join(root, 'dist', 'widget'));
  await buildLibraries();
  process.stdout.write(`build:package: dist/cli, dist/widget, dist/lib, dist/types in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
