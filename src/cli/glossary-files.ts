// Finds and reads glossary files on disk for the CLI and the build: YAML files, folders of them,
// or a built glossary.json, validated and compiled with the pure functions of src/core.
import { dirname, extname, fileURLToPath, join, readdirSync, relative, resolve, sep } from './builtins';
import { readFile, stat } from './fs-light';
import type { GlossaryCheck } from '../core/glossary-validate';
import { mergePacks, parsePack } from '../core/pack';
import type { GlossaryPack } from '../core/types';
import { UsageError } from './io';
import { MATCHER_CACHE_FILE, PACK_CACHE_FILE, readFreshCompiledPack, readFreshPack, writePackCaches, type StoredMatcher } from './pack-cache';

/** The project's own glossary folder (resolved from the package, not from the working directory). */
export const DEFAULT_GLOSSARY_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../glossary');

/**
 * Where the default glossary's caches are (pack-cache.ts), written by `npm run build:cli`
 * (scripts/build-cli.ts) and by `policy-glossary build`. Read only by the compiled CLI (this module
 * running as .mjs): run from source, the YAML is always compiled, so a change to the compiler is
 * never hidden behind an old cache.
 */
export const DEFAULT_CACHE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/cli');
export const DEFAULT_PACK_CACHE = join(DEFAULT_CACHE_DIR, PACK_CACHE_FILE);
export const DEFAULT_MATCHER_CACHE = join(DEFAULT_CACHE_DIR, MATCHER_CACHE_FILE);
/** Whether this copy reads and writes the caches (the compiled CLI) or always compiles the YAML (the sources). */
export const USE_PACK_CACHE = !import.meta.url.endsWith('.ts');

const YAML_EXTENSIONS = new Set(['.yaml', '.yml']);

/** Thrown when glossary files have errors; the message lists each as `path:line:col: message`. */
export class GlossaryLoadError extends UsageError {
  override name = 'GlossaryLoadError';
}

/** A path as the user should see it: relative to `cwd`, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path) || path;
  return shown.split(sep).join('/');
}

/** The *.yaml/*.yml files under `dir` and its subfolders (glossary/collection/<province>/…), sorted by path. */
async function yamlFilesUnder(dir: string): Promise<string[]> {
  // Synchronous: a command waits for the list anyway, and Node's asynchronous recursive listing
  // takes one round trip per folder (glossary/collection has one per province).
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  // The listing's folders are `dir` and paths under it, already normalised: a file's path and its
  // path relative to `dir` are cut and joined as strings, not through join and relative (each
  // normalises its result again: 252 files, a tenth of a plain scan's start-up).
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !YAML_EXTENSIONS.has(extname(entry.name).toLowerCase())) continue;
    const folder = entry.parentPath;
    const file = folder === dir || folder.startsWith(prefix) ? (folder.endsWith(sep) ? folder + entry.name : folder + sep + entry.name) : join(folder, entry.name);
    const inside = file.startsWith(prefix) ? file.slice(prefix.length) : relative(dir, file);
    if (!inside.split(sep).some((part) => part.startsWith('.') || part === 'node_modules')) files.push(file);
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The glossary YAML files that `paths` name (files as given, folders → the *.yaml/*.yml in them
 * and their subfolders, sorted), as absolute paths; no paths → the project's glossary/ folder.
 */
export async function findGlossaryFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const given of paths.length > 0 ? paths : [DEFAULT_GLOSSARY_DIR]) {
    const absolute = resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UsageError(`找不到文件或文件夹 "${given}" / no such file or folder "${given}"`);
    if (info.isDirectory()) {
      const names = await yamlFilesUnder(absolute);
      if (names.length === 0) throw new UsageError(`文件夹 "${given}" 中没有 .yaml 术语表文件 / no .yaml glossary files in "${given}"`);
      found.push(...names);
    } else {
      found.push(absolute);
    }
  }
  return [...new Set(found)];
}

/**
 * With no paths the commands read the glossary/ folder that comes with the command (the project's,
 * or an npm install's own copy). Run from another folder that has a glossary/ of its own (where
 * `import` writes by default), that folder is not what was read: the line that says so and how to
 * name it, or undefined.
 */
export async function defaultGlossaryNote(paths: readonly string[], cwd: string, command: string): Promise<string | undefined> {
  if (paths.length > 0) return undefined;
  const own = resolve(cwd, 'glossary');
  if (own === DEFAULT_GLOSSARY_DIR || !(await stat(own).catch(() => undefined))?.isDirectory()) return undefined;
  const read = displayPath(DEFAULT_GLOSSARY_DIR, cwd);
  return (
    `注意：读取的是命令自带的术语表 ${read}；当前文件夹的 glossary/ 请写明：policy-glossary ${command} glossary/\n` +
    `note: read the command's own glossary ${read}; for this folder's glossary/, name it: policy-glossary ${command} glossary/\n`
  );
}

/** Reads and validates glossary YAML files; problem paths are relative to `cwd`. */
export async function checkGlossaryPaths(paths: readonly string[], cwd: string): Promise<GlossaryCheck> {
  const files = await findGlossaryFiles(paths, cwd);
  const sources = await Promise.all(
    files.map(async (file) => ({ path: displayPath(file, cwd), text: await readFile(file, 'utf8') })),
  );
  // Loaded on use (YAML parser, schema validator): a command reading the compiled pack never needs them.
  const { validateGlossarySources } = await import('../core/glossary-validate');
  return validateGlossarySources(sources);
}

/** Compiles checked files into a pack; throws GlossaryLoadError listing the errors if there are any. */
export async function packFromCheck(check: GlossaryCheck): Promise<GlossaryPack> {
  if (check.errorCount > 0) {
    const { formatProblem } = await import('../core/glossary-validate');
    const lines = check.problems.filter((problem) => problem.severity === 'error').map(formatProblem);
    throw new GlossaryLoadError(`术语表有 ${check.errorCount} 个错误 / the glossary has ${check.errorCount} error(s):\n${lines.join('\n')}`);
  }
  // Loaded on use: pinyin and OpenCC tables take longer to load than a compiled pack takes to read.
  const { compileGlossaryPack } = await import('../core/glossary-compile');
  return compileGlossaryPack(check.files.map((parsed) => ({ path: parsed.path, file: parsed.file! })));
}

/**
 * Loads the glossary that `paths` name — YAML files, folders of YAML files, or built glossary.json
 * packs, in any mix — as one pack; no paths → the project's glossary/ folder. YAML files are
 * validated and compiled together; JSON packs are checked with parsePack; several are merged
 * (on a duplicate id the first wins). Throws GlossaryLoadError / UsageError on bad input.
 */
export async function loadGlossaryPack(paths: readonly string[], cwd: string = process.cwd()): Promise<GlossaryPack> {
  const jsonPaths = paths.filter((path) => extname(path).toLowerCase() === '.json');
  const yamlPaths = paths.filter((path) => extname(path).toLowerCase() !== '.json');
  if (paths.length === 0 && USE_PACK_CACHE) {
    const cached = await readFreshPack(DEFAULT_PACK_CACHE, await findGlossaryFiles([], cwd));
    if (cached) return cached;
    // Older than a glossary file (an edit, an import, `npm run collection`): compiled from the YAML
    // and written again, so that the next run reads them instead of compiling (seconds on a long
    // report). A folder it may not write (an npm install's) is no error: this run has its pack.
    const pack = await packFromCheck(await checkGlossaryPaths([], cwd));
    await writePackCaches(pack, DEFAULT_CACHE_DIR).catch(() => undefined);
    return pack;
  }
  const packs: GlossaryPack[] = [];
  if (yamlPaths.length > 0 || jsonPaths.length === 0) packs.push(await packFromCheck(await checkGlossaryPaths(yamlPaths, cwd)));
  for (const path of jsonPaths) {
    const text = await readFile(resolve(cwd, path), 'utf8').catch(() => {
      throw new UsageError(`找不到文件 "${path}" / no such file "${path}"`);
    });
    try {
      packs.push(parsePack(text));
    } catch (error) {
      throw new GlossaryLoadError(`${displayPath(resolve(cwd, path), cwd)}: ${(error as Error).message}`);
    }
  }
  return packs.length === 1 ? packs[0]! : mergePacks(packs);
}

/**
 * A glossary as a matcher reads it: the ready matcher (core/compiled-pack.ts) when the paths name
 * the default glossary and its cache is fresh, the pack otherwise; the pack too when `withPack`
 * (definitions wanted). When both are given they are of the same glossary (same hash).
 */
export type MatcherSource = { compiled: StoredMatcher; pack?: GlossaryPack } | { compiled?: undefined; pack: GlossaryPack };

/**
 * Loads what a matcher over the glossary `paths` name needs (see {@link MatcherSource}): for the
 * default glossary a fresh compiled matcher is read instead of compiling the YAML and building
 * the automaton; anything else goes through {@link loadGlossaryPack}. Same errors as that.
 */
export async function loadMatcherSource(paths: readonly string[], cwd: string, withPack: boolean): Promise<MatcherSource> {
  if (paths.length === 0 && USE_PACK_CACHE) {
    const compiled = await readFreshCompiledPack(DEFAULT_MATCHER_CACHE, await findGlossaryFiles([], cwd));
    if (compiled && !withPack) return { compiled };
    const pack = await loadGlossaryPack([], cwd);
    // Written together, so they agree unless one was rebuilt alone: then the pack is the truth.
    return compiled?.hash === pack.hash ? { compiled, pack } : { pack };
  }
  return { pack: await loadGlossaryPack(paths, cwd) };
}
