// The compiled pack of the project's own glossary, written beside the compiled CLI at build time,
// so that scan and missing skip parsing and compiling thousands of YAML entries on every run.
import { readFile, stat } from 'node:fs/promises';
import { parsePack } from '../core/pack';
import type { GlossaryPack } from '../core/types';

/**
 * The pack at `cachePath` when it exists, parses, and no file of `sources` is newer than it; otherwise
 * undefined (the caller compiles the YAML). Equal times count as fresh: npm gives every file of an
 * installed package the same time.
 */
export async function readFreshPack(cachePath: string, sources: readonly string[]): Promise<GlossaryPack | undefined> {
  const cache = await stat(cachePath).catch(() => undefined);
  if (!cache?.isFile()) return undefined;
  const times = await Promise.all(sources.map((path) => stat(path).then((info) => info.mtimeMs, () => Infinity)));
  if (times.some((time) => time > cache.mtimeMs)) return undefined;
  try {
    return parsePack(await readFile(cachePath, 'utf8'));
  } catch {
    // A damaged or outdated cache is not the user's problem: compile the YAML instead.
    return undefined;
  }
}
