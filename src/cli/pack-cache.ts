// The compiled forms of the project's own glossary, written beside the compiled CLI at build time
// (`npm run build:cli`, `policy-glossary build`): the pack (definitions, for `scan --json`) and the
// ready matcher (core/compiled-pack.ts: term table + automaton), so that scan skips parsing and
// compiling thousands of YAML entries, and building the automaton, on every run.
import { join, statSync } from './builtins';
import { readFile, rename, writeFile } from './fs-light';
import { COMPILED_PACK_VERSION, compilePack, type CompiledPack } from '../core/compiled-pack';
import { parsePack, serializePack } from '../core/pack';
import type { GlossaryPack } from '../core/types';

/** File names of the two caches in the compiled CLI's folder. */
export const PACK_CACHE_FILE = 'default-glossary.json';
export const MATCHER_CACHE_FILE = 'default-matcher.bin';

/**
 * A compiled pack as the CLI keeps it: its numbers as bytes (`data`, the binary layout of
 * core/compiled-pack.ts), not base64 in JSON. Read as one buffer with no text decoding of the
 * numbers and no JSON pass over them (the collection's: 1.5 MB of JSON, about 40 ms of decoding
 * and parsing on every run, and as much garbage).
 */
export interface StoredMatcher extends Omit<CompiledPack, 'data'> {
  data: Uint8Array;
}

// The file: "PGCB", the file format (u32), the header's byte length (u32), the header (UTF-8 JSON:
// the compiled pack's version, hash and entry count, and each section's [byte offset, byte length]),
// then the sections data (bytes), strings and keys (UTF-8 text), each starting on an 8-byte
// boundary so that data's typed arrays are views of the file's buffer, not copies.
const STORED_MAGIC = 0x42434750; // "PGCB" read as a little-endian u32
const STORED_FORMAT = 1;
const SECTIONS = ['data', 'strings', 'keys'] as const;
type Section = (typeof SECTIONS)[number];
interface StoredHeader {
  version: number;
  hash: string;
  entries: number;
  sections: Record<Section, [number, number]>;
}
const align8 = (n: number): number => (n + 7) & ~7;

/** `compiled` in the file layout above. */
export function encodeStoredMatcher(compiled: CompiledPack): Buffer {
  const parts: Record<Section, Buffer> = { data: Buffer.from(compiled.data, 'base64'), strings: Buffer.from(compiled.strings, 'utf8'), keys: Buffer.from(compiled.keys, 'utf8') };
  const headerOf = (start: number): StoredHeader => {
    const sections = {} as Record<Section, [number, number]>;
    let at = start;
    for (const name of SECTIONS) {
      sections[name] = [at, parts[name].length];
      at = align8(at + parts[name].length);
    }
    return { version: compiled.version, hash: compiled.hash, entries: compiled.entries, sections };
  };
  // The offsets depend on the header's own length: laid out from 0, then from after it with room
  // for the offsets' extra digits (three offsets, at most a few digits more each).
  const start = align8(12 + Buffer.byteLength(JSON.stringify(headerOf(0))) + 32);
  const layout = headerOf(start);
  const header = Buffer.from(JSON.stringify(layout));
  if (12 + header.length > start) throw new Error('stored matcher: header overflow');
  const last = layout.sections.keys;
  const out = Buffer.alloc(last[0] + last[1], 0x20);
  out.writeUInt32LE(STORED_MAGIC, 0);
  out.writeUInt32LE(STORED_FORMAT, 4);
  out.writeUInt32LE(start - 12, 8);
  header.copy(out, 12);
  for (const name of SECTIONS) parts[name].copy(out, layout.sections[name][0]);
  return out;
}

/** The stored matcher in `bytes` (the layout above), or undefined when it is not one of this version. */
export function decodeStoredMatcher(bytes: Buffer): StoredMatcher | undefined {
  if (bytes.length < 12 || bytes.readUInt32LE(0) !== STORED_MAGIC || bytes.readUInt32LE(4) !== STORED_FORMAT) return undefined;
  const headerEnd = 12 + bytes.readUInt32LE(8);
  if (headerEnd > bytes.length) return undefined;
  let header: StoredHeader;
  try {
    header = JSON.parse(bytes.toString('utf8', 12, headerEnd)) as StoredHeader;
  } catch {
    return undefined;
  }
  if (header.version !== COMPILED_PACK_VERSION || typeof header.hash !== 'string' || typeof header.entries !== 'number' || typeof header.sections !== 'object' || header.sections === null) return undefined;
  const section = (name: Section): [number, number] | undefined => {
    const range = header.sections[name];
    return Array.isArray(range) && Number.isInteger(range[0]) && Number.isInteger(range[1]) && range[0] >= headerEnd && range[1] >= 0 && range[0] + range[1] <= bytes.length ? range : undefined;
  };
  const data = section('data');
  const strings = section('strings');
  const keys = section('keys');
  if (!data || !strings || !keys) return undefined;
  return {
    version: COMPILED_PACK_VERSION,
    hash: header.hash,
    entries: header.entries,
    data: bytes.subarray(data[0], data[0] + data[1]),
    strings: bytes.toString('utf8', strings[0], strings[0] + strings[1]),
    keys: bytes.toString('utf8', keys[0], keys[0] + keys[1]),
  };
}

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
export async function readFreshCompiledPack(cachePath: string, sources: readonly string[]): Promise<StoredMatcher | undefined> {
  if (!isFresh(cachePath, sources)) return undefined;
  try {
    return decodeStoredMatcher(await readFile(cachePath));
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
  for (const [file, content] of [
    [PACK_CACHE_FILE, serializePack(pack)],
    [MATCHER_CACHE_FILE, encodeStoredMatcher(compilePack(pack))],
  ] as const) {
    const target = join(dir, file);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, target);
    written.push(target);
  }
  return written;
}
