// The compiled forms of the project's own glossary, written beside the compiled CLI at build time
// (`npm run build:cli`, `policy-glossary build`): the pack (definitions, for `scan --json`) and the
// ready matcher (core/compiled-pack.ts: term table + automaton), so that scan skips parsing and
// compiling thousands of YAML entries, and building the automaton, on every run.
import { join, statSync } from './builtins';
import { readFile, rename, writeFile } from './fs-light';
import { loadAutomaton } from '../core/automaton';
import { COMPILED_PACK_VERSION, compilePack, decodeCompiledPack, type CompiledPack } from '../core/compiled-pack';
import { createNormaliser } from '../core/normalise';
import { termScannerTables, type TermScannerTables } from '../core/term-scan';
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
  /** The term scanner's tables (core/term-scan.ts), laid out as encodeScannerTables does. */
  scanner: Uint8Array;
}

// The file: "PGCB", the file format (u32), the header's byte length (u32), the header (UTF-8 JSON:
// the compiled pack's version, hash and entry count, and each section's [byte offset, byte length]),
// then the sections data (bytes), strings and keys (UTF-8 text) and scanner (bytes, see
// encodeScannerTables), each starting on an 8-byte boundary so that typed arrays are views of the
// file's buffer, not copies. Format 2 added the scanner's tables.
const STORED_MAGIC = 0x42434750; // "PGCB" read as a little-endian u32
const STORED_FORMAT = 2;
const SECTIONS = ['data', 'strings', 'keys', 'scanner'] as const;
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
  const data = Buffer.from(compiled.data, 'base64');
  const parts: Record<Section, Buffer> = { data, strings: Buffer.from(compiled.strings, 'utf8'), keys: Buffer.from(compiled.keys, 'utf8'), scanner: encodeScannerTables(scannerTablesOf(compiled, data)) };
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
  // for the offsets' extra digits (four offsets, at most a few digits more each).
  const start = align8(12 + Buffer.byteLength(JSON.stringify(headerOf(0))) + 32);
  const layout = headerOf(start);
  const header = Buffer.from(JSON.stringify(layout));
  if (12 + header.length > start) throw new Error('stored matcher: header overflow');
  const last = layout.sections[SECTIONS[SECTIONS.length - 1]!];
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
  const scanner = section('scanner');
  if (!data || !strings || !keys || !scanner) return undefined;
  return {
    version: COMPILED_PACK_VERSION,
    hash: header.hash,
    entries: header.entries,
    data: bytes.subarray(data[0], data[0] + data[1]),
    strings: bytes.toString('utf8', strings[0], strings[0] + strings[1]),
    keys: bytes.toString('utf8', keys[0], keys[0] + keys[1]),
    scanner: bytes.subarray(scanner[0], scanner[0] + scanner[1]),
  };
}

/** The term scanner's tables for a compiled pack (`data`: its numbers, decoded), as its matcher derives them. */
function scannerTablesOf(compiled: CompiledPack, data: Uint8Array): TermScannerTables {
  const { table, automaton } = decodeCompiledPack(compiled, data);
  return termScannerTables(table.patterns, createNormaliser(table.variants), loadAutomaton(automaton));
}

// The scanner section: a header of ten u32 (bytes per rawClass unit, strides as 0 or 1, longest,
// then each array's length in elements, in SCANNER_ARRAYS order), then the arrays in that order,
// each on an 8-byte boundary of the section.
const SCANNER_ARRAYS = ['rawClass', 'firstClass', 'skip', 'pairs', 'triples', 'firstsBefore', 'isWord'] as const;
const SCANNER_HEADER = 40;

/** `tables` in the scanner section's layout. */
export function encodeScannerTables(tables: TermScannerTables): Buffer {
  const arrays = SCANNER_ARRAYS.map((name) => tables[name]);
  const offsets: number[] = [];
  let size = SCANNER_HEADER;
  for (const array of arrays) {
    offsets.push(size);
    size = align8(size + array.byteLength);
  }
  const out = Buffer.alloc(size);
  out.writeUInt32LE(tables.rawClass.BYTES_PER_ELEMENT, 0);
  out.writeUInt32LE(tables.strides ? 1 : 0, 4);
  out.writeUInt32LE(tables.longest, 8);
  arrays.forEach((array, i) => {
    out.writeUInt32LE(array.length, 12 + 4 * i);
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[i]);
  });
  return out;
}

/**
 * The tables in a scanner section (views of its bytes where they are aligned, else copies), or
 * undefined when it is not laid out as encodeScannerTables lays it out (the matcher then derives them).
 */
export function decodeScannerTables(bytes: Uint8Array): TermScannerTables | undefined {
  if (bytes.byteLength < SCANNER_HEADER) return undefined;
  const header = new DataView(bytes.buffer, bytes.byteOffset, SCANNER_HEADER);
  const rawBytes = header.getUint32(0, true);
  if (rawBytes !== 2 && rawBytes !== 4) return undefined;
  const kinds = [rawBytes === 2 ? Int16Array : Int32Array, Uint16Array, Uint8Array, Uint8Array, Uint8Array, Int32Array, Uint8Array] as const;
  const arrays: ArrayBufferView[] = [];
  let at = SCANNER_HEADER;
  for (let i = 0; i < kinds.length; i++) {
    const Kind = kinds[i]!;
    const length = header.getUint32(12 + 4 * i, true);
    const byteLength = length * Kind.BYTES_PER_ELEMENT;
    if (at + byteLength > bytes.byteLength) return undefined;
    const start = bytes.byteOffset + at;
    const buffer = bytes.buffer as ArrayBuffer;
    arrays.push(start % Kind.BYTES_PER_ELEMENT === 0 ? new Kind(buffer, start, length) : new Kind(buffer.slice(start, start + byteLength)));
    at = align8(at + byteLength);
  }
  const [rawClass, firstClass, skip, pairs, triples, firstsBefore, isWord] = arrays;
  return {
    rawClass: rawClass as Int16Array | Int32Array,
    firstClass: firstClass as Uint16Array,
    skip: skip as Uint8Array,
    pairs: pairs as Uint8Array,
    triples: triples as Uint8Array,
    firstsBefore: firstsBefore as Int32Array,
    isWord: isWord as Uint8Array,
    strides: header.getUint32(4, true) === 1,
    longest: header.getUint32(8, true),
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
