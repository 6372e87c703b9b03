// A glossary in the matcher's ready form: its term table and automaton compiled once (when the
// glossary changes) and turned back into a matcher by a page in typed-array passes, no building.
// Definitions are not in it: a page asks for the entries it shows (see src/extension/entries.ts).
import { compileAutomaton, loadAutomaton, type AutomatonData } from './automaton';
import { createMatcherTable, matcherFromTable, type BaseMatcherOptions, type Matcher, type MatcherGlossary, type MatcherTable } from './matcher-base';
import { WORD_UNITS } from './term-scan';

/** Version of the compiled form: a stored copy of another version is compiled again. */
export const COMPILED_PACK_VERSION = 1;

/**
 * The compiled form, JSON-serialisable: storage.local in Chrome keeps only JSON values (typed
 * arrays would come back as plain objects), so the automaton's arrays travel as base64 strings,
 * which decode in one pass and cost a third more than the bytes, not the tenfold of JSON numbers.
 */
export interface CompiledPack {
  version: typeof COMPILED_PACK_VERSION;
  /** The hash of the glossary it was compiled from. */
  hash: string;
  /** How many entries the glossary has. */
  entries: number;
  table: MatcherTable;
  automaton: Record<keyof AutomatonData, string>;
}

/** Compiles `glossary` (whose content `hash` names) into its ready form. */
export function compilePack(glossary: MatcherGlossary & { hash: string }): CompiledPack {
  const table = createMatcherTable(glossary);
  const data = compileAutomaton(table.patterns, WORD_UNITS);
  return {
    version: COMPILED_PACK_VERSION,
    hash: glossary.hash,
    entries: glossary.entries.length,
    table,
    automaton: {
      units: toBase64(data.units),
      fail: toBase64(data.fail),
      edgeClass: toBase64(data.edgeClass),
      childCount: toBase64(data.childCount),
      terminals: toBase64(data.terminals),
    },
  };
}

/** Whether `value` looks like a compiled pack of this version (a stored value may be older). */
export function isCompiledPack(value: unknown): value is CompiledPack {
  const pack = value as Partial<CompiledPack> | null;
  return typeof pack === 'object' && pack !== null && pack.version === COMPILED_PACK_VERSION && typeof pack.hash === 'string' && typeof pack.automaton === 'object' && typeof pack.table === 'object';
}

/** The matcher of a compiled pack: finds exactly what `createBaseMatcher` finds on the glossary it came from. */
export function loadCompiledMatcher(compiled: CompiledPack, options: BaseMatcherOptions = {}): Matcher {
  const a = compiled.automaton;
  const automaton = loadAutomaton({
    units: new Uint16Array(fromBase64(a.units)),
    fail: new Int32Array(fromBase64(a.fail)),
    edgeClass: new Uint16Array(fromBase64(a.edgeClass)),
    childCount: new Int32Array(fromBase64(a.childCount)),
    terminals: new Int32Array(fromBase64(a.terminals)),
  });
  return matcherFromTable(compiled.table, options, automaton);
}

// Typed arrays are read and written in the platform's byte order; every engine we ship to is
// little-endian, and a compiled pack never leaves the machine that compiled it except as a build
// output read by the same kind of engine.
function toBase64(array: ArrayBufferView): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let binary = '';
  // Chunks keep String.fromCharCode's argument list within the engines' limits.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

// The engines' own decoder where they have one (Chromium 140, Firefox 133): no string of the
// decoded bytes, no loop in JavaScript.
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;

function fromBase64(text: string): ArrayBuffer {
  if (nativeFromBase64) return nativeFromBase64(text).buffer as ArrayBuffer;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}
