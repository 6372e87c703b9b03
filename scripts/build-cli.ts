// `npm run build:cli` (also run by `npm install` in a checkout, `npm run build` and `npm pack`): bundles
// the CLI into plain JavaScript in dist/cli with esbuild (the bundler vite ships), so the installed
// command runs no TypeScript compiler, and compiles the project's glossary into dist/cli's caches
// (the pack and the ready matcher, src/cli/pack-cache.ts).
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { loadGlossaryPack } from '../src/cli/glossary-files';
import { writePackCaches } from '../src/cli/pack-cache';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const CLI_DIR = join(root, 'dist', 'cli');
/** The compiled command that bin/policy-glossary.mjs runs. */
export const CLI_ENTRY = join(CLI_DIR, 'policy-glossary.mjs');

/**
 * Bundles src/cli/main.ts and every dependency it uses; each subcommand is its own chunk, loaded on
 * use; `scan`'s worker is an entry of its own sharing the core's chunks.
 * `outdir` defaults to dist/cli; the command-line tests build a private copy elsewhere.
 */
export async function buildCli(outdir = CLI_DIR): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    // scan-worker: the second thread of `scan` on a long file (src/cli/scan-parts.ts), beside the
    // chunk that starts it.
    entryPoints: { 'policy-glossary': 'src/cli/main.ts', 'scan-worker': 'src/cli/scan-worker.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    // Chunks beside the entry: glossary-files.ts finds glossary/ and the pack cache from its own URL
    // ('../../glossary' from dist/cli/ is the package's glossary/, as from src/cli/).
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'linked',
    logLevel: 'warning',
    // Some CommonJS dependencies call require() for Node built-ins; give the ES module one. Taken
    // with process.getBuiltinModule, not imported: an ES import of node:module builds its whole
    // namespace in every command's start (src/cli/builtins.ts).
    banner: { js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);" },
  });
  // pdf.js's CJK character maps, for PDFs whose fonts use a predefined encoding (src/cli/pdf-reader.ts
  // looks for them beside the compiled CLI: an installed package has no pdfjs-dist).
  cpSync(join(root, 'node_modules', 'pdfjs-dist', 'cmaps'), join(outdir, 'pdf-cmaps'), { recursive: true });
}

/**
 * Compiles glossary/ into the pack and the ready matcher the compiled CLI reads instead of the YAML
 * while no YAML file is newer. A glossary with errors writes no cache (the CLI then compiles and
 * reports the errors itself).
 */
export async function buildPackCache(): Promise<string | undefined> {
  try {
    const pack = await loadGlossaryPack([], root);
    mkdirSync(CLI_DIR, { recursive: true });
    const written = await writePackCaches(pack, CLI_DIR);
    return `${written.map((path) => relative(root, path)).join(' + ')} (${pack.entries.length} entries)`;
  } catch (error) {
    process.stderr.write(`build:cli: 术语表有错误，未写缓存 glossary has errors, no pack cache written:\n${(error as Error).message}\n`);
    return undefined;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildCli();
  const cache = await buildPackCache();
  process.stdout.write(`build:cli: ${relative(root, CLI_ENTRY)}${cache ? ` + ${cache}` : ''} in ${Date.now() - started} ms\n`);
}
