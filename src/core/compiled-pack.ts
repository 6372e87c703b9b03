// A glossary in the matcher's ready form: its term table and automaton compiled once (at build time
// for the bundled glossary, else when the glossary changes) into typed arrays in one binary layout
// and the table's strings as JSON text. A page turns it back into a matcher with one native base64
// decode, typed-array views of the decoded bytes (no copies, no per-state loop) and JSON.parse.
// Definitions are not in it: a page asks for the entries it shows (see src/extension/entries.ts).
import { compileAutomaton, loadAutomaton, type AutomatonData } from './automaton';
import { createMatcherTable, matcherFromTable, partEntry, type BaseMatcherOptions, type Matcher, type MatcherGlossary, type MatcherTable } from './matcher-base';
import { WORD_UNITS, type TermScannerTables } from './term-scan';
import type { FormRecord, FuzzyForms } from './fuzzy';

/** Version of the compiled form: a stored copy of another version is compiled again. */
export const COMPILED_PACK_VERSION = 5;

/**
 * The compiled form as storage.local, the CLI's cache and the extension's bundled
 * glossary-matcher.json keep it: JSON of a few strings. Chrome's storage keeps only JSON values,
 * and hands a page a value by converting it whole: a few long strings convert in a few copies,
 * where version 1's tree of tens of thousands of strings and arrays cost every page a walk.
 */
export interface CompiledPack {
  version: typeof COMPILED_PACK_VERSION;
  /** The hash of the glossary it was compiled from. */
  hash: string;
  /** How many entries the glossary has. */
  entries: number;
  /** The automaton and the table's numbers in the binary layout (see below), base64. */
  data: string;
  /** The table's strings that scanning needs (patterns, entry ids and terms, suffixes, variants), JSON. */
  strings: string;
  /**
   * Each entry's normalised forms grouped by their first unit for the near-miss resolver, JSON of
   * first unit → "form\tentry index\n…" (normalised forms hold no whitespace): parsed at the
   * first slogan the glossary lacks, and only the groups such slogans start with are split.
   */
  keys: string;
}

/** File name of the bundled glossary's compiled matcher in the extension package (wxt.config.ts). */
export const BUNDLED_MATCHER_FILE = 'glossary-matcher.json';

// The binary layout: "PGCM", the format version (u32), the section table's byte length (u32), the
// section table (UTF-8 JSON: name → [byte offset, byte length]), then the sections, each starting
// on a 4-byte boundary. Numbers are little-endian (the platform order of every engine we ship to;
// the layout is read where it was made or by the same kind of engine).
const MAGIC = 0x4d434750; // "PGCM" read as a little-endian u32
const INT32_SECTIONS = ['fail', 'firstChild', 'pattern', 'firstOutput', 'nextOutput', 'patternEntry', 'joinsQuotes', 'quotedOnly'] as const;
const UINT16_SECTIONS = ['units', 'edgeClass', 'depth'] as const;
type SectionName = (typeof INT32_SECTIONS)[number] | (typeof UINT16_SECTIONS)[number];

/** The strings a matcher needs at once. */
interface TableStrings {
  variants: Record<string, string>;
  patterns: string[];
  entryIds: string[];
  entryTerms: string[];
  entrySuffixes: string[][];
}

/** The binary layout (see above) of a matcher table and its automaton. */
function encodeNumbers(table: MatcherTable, data: AutomatonData): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Record<SectionName, Uint8Array> = {
    fail: bytesOf(data.fail),
    firstChild: bytesOf(data.firstChild),
    pattern: bytesOf(data.pattern),
    firstOutput: bytesOf(data.firstOutput),
    nextOutput: bytesOf(data.nextOutput),
    patternEntry: bytesOf(Int32Array.from(table.patternEntry)),
    joinsQuotes: bytesOf(Int32Array.from(table.joinsQuotes)),
    quotedOnly: bytesOf(Int32Array.from(table.quotedOnly)),
    units: bytesOf(data.units),
    edgeClass: bytesOf(data.edgeClass),
    depth: bytesOf(data.depth),
  };
  const names = [...INT32_SECTIONS, ...UINT16_SECTIONS];
  const sizes = names.map((name) => parts[name].byteLength);
  const layout = (start: number): Record<string, [number, number]> => {
    const sections: Record<string, [number, number]> = {};
    let at = start;
    names.forEach((name, i) => {
      sections[name] = [at, sizes[i] as number];
      at = align4(at + (sizes[i] as number));
    });
    return sections;
  };
  // The section table's offsets depend on its own length: laid out once from 0, then from after
  // it with room to spare (moving 7 offsets by a few hundred adds at most 21 digits), then padded.
  const start = align4(12 + encoder.encode(JSON.stringify(layout(0))).byteLength + 64);
  const sections = layout(start);
  const header = encoder.encode(JSON.stringify(sections));
  if (12 + header.byteLength > start) throw new Error('compiled matcher: section table overflow');
  const last = sections[names[names.length - 1] as string] as [number, number];
  const out = new Uint8Array(align4(last[0] + last[1]));
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, COMPILED_PACK_VERSION, true);
  view.setUint32(8, start - 12, true);
  out.fill(0x20, 12, start);
  out.set(header, 12);
  for (const name of names) out.set(parts[name], (sections[name] as [number, number])[0]);
  return out;
}

/** Compiles `glossary` (whose content `hash` names) into its stored form. */
export function compilePack(glossary: MatcherGlossary & { hash: string }): CompiledPack {
  const table = createMatcherTable(glossary);
  const data = compileAutomaton(table.patterns, WORD_UNITS);
  const strings: TableStrings = { variants: table.variants, patterns: table.patterns, entryIds: table.entryIds, entryTerms: table.entryTerms, entrySuffixes: table.entrySuffixes };
  return {
    version: COMPILED_PACK_VERSION,
    hash: glossary.hash,
    entries: glossary.entries.length,
    data: toBase64(encodeNumbers(table, data)),
    strings: JSON.stringify(strings),
    keys: JSON.stringify(groupedKeys(table.entryKeys)),
  };
}

/** Each entry's keys grouped by first unit (see CompiledPack.keys), groups in first-seen order. */
function groupedKeys(entryKeys: readonly (readonly string[])[]): Record<string, string> {
  const groups: Record<string, string> = {};
  entryKeys.forEach((keys, entry) => {
    for (const key of keys) {
      const first = key.charAt(0);
      if (first !== '') groups[first] = `${groups[first] === undefined ? '' : `${groups[first]}\n`}${key}\t${entry}`;
    }
  });
  return groups;
}

/** The near-miss resolver's view of a compiled pack's grouped keys (see CompiledPack.keys). */
function formsOf(keyText: string, entryIds: readonly string[], entryTerms: readonly string[]): FuzzyForms {
  let groups: Record<string, string> | undefined;
  const split = new Map<string, FormRecord[]>();
  return {
    startingWith(first) {
      let records = split.get(first);
      if (records) return records;
      groups ??= JSON.parse(keyText) as Record<string, string>;
      const text = Object.prototype.hasOwnProperty.call(groups, first) ? groups[first] : undefined;
      records = text === undefined ? [] : text.split('\n').map((line) => {
        const tab = line.indexOf('\t');
        return { key: line.slice(0, tab), entry: Number(line.slice(tab + 1)) };
      });
      split.set(first, records);
      return records;
    },
    entry: (index) => (index >= 0 && index < entryIds.length ? { id: entryIds[index] as string, term: entryTerms[index] as string, forms: [] } : undefined),
  };
}

/** Whether `value` looks like a compiled pack of this version (a stored value may be older). */
export function isCompiledPack(value: unknown): value is CompiledPack {
  const pack = value as Partial<CompiledPack> | null;
  return typeof pack === 'object' && pack !== null && pack.version === COMPILED_PACK_VERSION && typeof pack.hash === 'string' && typeof pack.data === 'string' && typeof pack.strings === 'string' && typeof pack.keys === 'string' && typeof pack.entries === 'number';
}

/**
 * Whether two glossaries give the same matcher: the same entries (ids, terms, forms, and whether
 * each is a part of a numbered layout, matcher-base.ts partEntry) in the same order and the same
 * variants. The extension uses it to take the build's compiled matcher for a merged pack that only
 * the bundled glossary makes up (no own entries, imports or subscriptions).
 */
export function sameMatcherInput(a: MatcherGlossary, b: MatcherGlossary): boolean {
  if (a.entries.length !== b.entries.length) return false;
  for (let i = 0; i < a.entries.length; i++) {
    const x = a.entries[i]!;
    const y = b.entries[i]!;
    if (x.id !== y.id || x.term !== y.term || x.forms.length !== y.forms.length || x.forms.some((form, f) => form !== y.forms[f])) return false;
    // The one thing of a definition the matcher reads (a layout part is a name only in quotes).
    if (partEntry(x) !== partEntry(y)) return false;
  }
  const va = a.variants ?? {};
  const vb = b.variants ?? {};
  const keys = Object.keys(va);
  return keys.length === Object.keys(vb).length && keys.every((key) => va[key] === vb[key]);
}

/** A compiled pack's arrays and table, decoded, before any matcher is built from them. */
export interface DecodedPack {
  table: MatcherTable;
  automaton: AutomatonData;
  /** The near-miss resolver's forms (matcherFromTable's `forms`), read at its first lookup. */
  forms: FuzzyForms;
  /** The term scanner's tables, when the caller stored them (the CLI: src/cli/pack-cache.ts); else derived. */
  scanner?: TermScannerTables;
}

/**
 * Decodes `compiled` (checks its header and version); the first of `loadCompiledMatcher`'s steps,
 * separate so that a page which must keep its tasks short (the PDF viewer) can yield between them.
 */
export function decodeCompiledPack(compiled: CompiledPack, data?: Uint8Array): DecodedPack {
  // `data`: `compiled.data` already decoded by a caller with a faster codec than this module's
  // fallback (the CLI: Node's Buffer, 1 ms where atob and a loop take 30).
  const bytes = data ?? fromBase64(compiled.data);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || view.getUint32(0, true) !== MAGIC) throw new Error('不是编译好的术语匹配数据 not a compiled glossary matcher');
  const version = view.getUint32(4, true);
  if (version !== COMPILED_PACK_VERSION) throw new Error(`编译数据版本 ${version} 不受支持 compiled matcher version ${version}, expected ${COMPILED_PACK_VERSION}`);
  const sections = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + view.getUint32(8, true)))) as Record<SectionName, [number, number]>;
  // Views over the decoded bytes, no copies: every section starts on a 4-byte boundary of a
  // buffer the decoder made (offset 0); a copy only where a caller handed in unaligned bytes.
  const section = (name: SectionName): [ArrayBuffer, number, number] => {
    const [at, length] = sections[name];
    if (!(at >= 0 && at + length <= bytes.byteLength)) throw new Error(`编译数据不完整 compiled matcher truncated (${name})`);
    const start = bytes.byteOffset + at;
    if (start % 4 === 0) return [bytes.buffer as ArrayBuffer, start, length];
    return [bytes.buffer.slice(start, start + length) as ArrayBuffer, 0, length];
  };
  const int32 = (name: SectionName): Int32Array => {
    const [buffer, at, length] = section(name);
    return new Int32Array(buffer, at, length >> 2);
  };
  const uint16 = (name: SectionName): Uint16Array => {
    const [buffer, at, length] = section(name);
    return new Uint16Array(buffer, at, length >> 1);
  };
  const strings = JSON.parse(compiled.strings) as TableStrings;
  const keyText = compiled.keys;
  const table: MatcherTable = {
    variants: strings.variants,
    patterns: strings.patterns,
    patternEntry: Array.from(int32('patternEntry')),
    joinsQuotes: Array.from(int32('joinsQuotes')),
    quotedOnly: Array.from(int32('quotedOnly')),
    entryIds: strings.entryIds,
    entryTerms: strings.entryTerms,
    entrySuffixes: strings.entrySuffixes,
  };
  const automaton: AutomatonData = {
    units: uint16('units'),
    fail: int32('fail'),
    edgeClass: uint16('edgeClass'),
    firstChild: int32('firstChild'),
    depth: uint16('depth'),
    pattern: int32('pattern'),
    firstOutput: int32('firstOutput'),
    nextOutput: int32('nextOutput'),
  };
  return { table, automaton, forms: formsOf(keyText, strings.entryIds, strings.entryTerms) };
}

/**
 * The matcher of a compiled pack: finds exactly what `createBaseMatcher` finds on the glossary it
 * came from. Throws an Error saying what is wrong when its data is not of this version.
 */
export function loadCompiledMatcher(compiled: CompiledPack, options: BaseMatcherOptions = {}): Matcher {
  return matcherOfDecoded(decodeCompiledPack(compiled), options);
}

/** The matcher of an already decoded pack (`decodeCompiledPack`; the CLI decodes with Node's codec). */
export function matcherOfDecoded({ table, automaton, forms, scanner }: DecodedPack, options: BaseMatcherOptions = {}): Matcher {
  return matcherFromTable(table, options, loadAutomaton(automaton), forms, scanner);
}

const align4 = (n: number): number => (n + 3) & ~3;

function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

// The engines' own codecs where they have them (Chromium 140, Firefox 133): no string of the
// decoded bytes, no loop in JavaScript.
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as unknown as { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  // Chunks keep String.fromCharCode's argument list within the engines' limits.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
