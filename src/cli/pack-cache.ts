// The compiled forms of the project's own glossary, written beside the compiled CLI at build time
// (`npm run build:cli`, `policy-glossary build`): the pack (definitions, for `scan --json`) and the
// ready matcher (core/compiled-pack.ts: term table + automaton), so that scan skips parsing and
// compiling thousands of YAML entries, and building the automaton, on every run.
import { statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compilePack, isCompiledPack, type CompiledPack } from '../core/compiled-pack';
import { parsePack, serializePack } from '../core/pack';
import type { GlossaryPack } from '../core/types';

/** File names of the two caches in the compiled CLI's folder. */
export const PACK_CACHE_FILE = 'default-glossary.json';
export const MATCHER_CACHE_FILE = 'default-matcher.json';

/**
 * Whether `cachePath` is a file and no file of `sources` is newer than it. Equal times count as
 * fresh: npm gives every file of an installed package the same time. A missing source counts as
 * changed.
 */
function isFresh(cachePath: string, sources: readonly string[]): boolean {
  // Synchronous: hundreds of stat calls through the thread pool cost more than they wait.
  const cache = statSync(cachePath, { throwIfNoEntry: false });
  if (!cache?.isFile()) return false;
  return sources.every((path) => (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) <= cache.mtimeMs);
}

/**
 * The pack at `cachePath` when it exists, parses, and no file of `sources` is newer than it; otherwise
 * undefined (the caller compiles the YAML).
 */
export async function readFreshPack(cachePath: string, sources: readonly string[]): Promise<GlossaryPack | undefined> {
  if (!isFresh(cachePath, sources)) return undefined;
  try {
    return parsePack(await readFile(cachePath, 'utf8'));
  } catch {
    // A damaged or outdated cache is not the user's problem: compile the YAML instead.
    return undefined;
  }
}

/**
 * The ready matcher at `cachePath` when it exists, is of this program's compiled-pack version, and
 * no file of `sources` is newer than it; otherwise undefined (the caller builds it from the pack).
 */
export async function readFreshCompiledPack(cachePath: string, sources: readonly string[]): Promise<CompiledPack | undefined> {
  if (!isFresh(cachePath, sources)) return undefined;
  try {
    const value: unknown = JSON.parse(await readFile(cachePath, 'utf8'));
    return isCompiledPack(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes both caches of `pack` into `dir` (each through a temporary file and a rename, so a scan
 * running meanwhile reads the old file or the new one, never half of one); the paths written.
 */
export async function writePackCaches(pack: GlossaryPack, dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [file, text] of [
    [PACK_CACHE_FILE, serializePack(pack)],
    [MATCHER_CACHE_FILE, JSON.stringify(compilePack(pack))],
  ] as const) {
    const target = join(dir, file);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, target);
    written.push(target);
  }
  return written;
}
