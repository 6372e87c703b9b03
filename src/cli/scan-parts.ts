// `scan` of a long plain-text file on two threads (the main thread and scan-worker.ts), as ripgrep
// searches on all cores: where the file's UTF-8 bytes can be cut so that each part reads exactly as
// it does inside the whole text, how one part is read, and how the parts' readings join.
//
// Why a line break after 。 is a safe cut (tests/cli/scan-parts.test.ts checks every such cut of
// generated text, and cuts elsewhere that are not safe):
// - glossary terms: the part after it begins with a Han character that continues no form across
//   the 。 (`partStarts`), so no term runs across the cut and the matcher's automaton is, after
//   that character, where it would be at the start of a text; neither 。 nor it is part of a
//   number or a Latin word;
// - slogans and coinages (slogans.ts, coinages.ts): a quoted name never holds 。 or a line break, an
//   unquoted one is Han characters only, and their looks before a name (one character, a speech
//   verb before a quote) find neither;
// - reading in context (match-context.ts): every look around a match stops at 。 and line breaks;
// - the one rule that counts over the whole text (a coinage quoted twice, slogans.ts) is settled
//   with every part's counts (`readPart`'s `elsewhere`).
import { isAscii, isUtf8, transcode } from './builtins';
import { decodeCompiledPack, matcherOfDecoded, type DecodedPack } from '../core/compiled-pack';
import type { FuzzyMatch } from '../core/fuzzy';
import { createFuzzyResolver } from '../core/fuzzy';
import { readForPage } from '../core/match-context';
import { CHINESE_NUMERAL_CHARS } from '../core/numerals';
import type { FuzzyResolverFactory, Matcher } from '../core/matcher';
import { collectSlogans, settleSlogans, type CollectedSlogans } from '../core/slogans';
import type { TextMatch } from '../core/types';
import { decodeScannerTables, type StoredMatcher } from './pack-cache';

/**
 * Valid UTF-8 `bytes` as text. Through ICU's converter to UTF-16 and a copy: Node 20's UTF-8
 * decoder (toString, TextDecoder) takes longer on Chinese text (15 MB cold: about 105 ms against
 * 80). Both give the same string for valid UTF-8; invalid bytes never come here. ASCII text is
 * copied faster by toString (into a one-byte string), and a Node built without ICU has no
 * converter (ERR_NO_ICU): toString then.
 */
export function decodeValidUtf8(bytes: Buffer): string {
  if (bytes.length === 0 || mayBeAscii(bytes)) return bytes.toString('utf8');
  try {
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return bytes.toString('utf8');
  }
}

/** Bytes looked at before isAscii's pass over the whole text. */
const ASCII_PREFIX = 4096;

/**
 * Whether `bytes` are all ASCII, answered at the first byte of a Chinese text: a non-ASCII byte in
 * the first few kilobytes says no before isAscii reads every byte (which never stops early: 15 MB
 * of Chinese text, about 21 ms for the answer its first bytes give). Either answer decodes the
 * same text; this one only picks the faster decoder.
 */
function mayBeAscii(bytes: Buffer): boolean {
  const end = Math.min(bytes.length, ASCII_PREFIX);
  for (let i = 0; i < end; i++) if (bytes[i]! >= 0x80) return false;
  return isAscii(bytes);
}

const NO_ICU = 'ERR_NO_ICU';

/**
 * `bytes` as text when they are clean UTF-8: valid, with no U+FFFD and no NUL in them (what the
 * importers' decoder is spared, see commands/scan.ts); else undefined. ICU's converter refuses
 * invalid UTF-8 (U_INVALID_CHAR_FOUND, as strictly as isUtf8: overlong forms, surrogates, cut
 * sequences), so the decoding is the validation: no pass of isUtf8 and two of includes over the
 * bytes before it (15 MB: about 25 ms), and U+FFFD and NUL are looked for in the text instead.
 */
export function decodeCleanUtf8(bytes: Buffer): string | undefined {
  let text: string;
  if (bytes.length === 0 || mayBeAscii(bytes)) text = bytes.toString('utf8');
  else {
    try {
      text = transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
    } catch (error) {
      if ((error as { code?: string }).code !== NO_ICU) return undefined;
      if (!isUtf8(bytes)) return undefined;
      text = bytes.toString('utf8');
    }
  }
  return text.includes('\0') || text.includes('\ufffd') ? undefined : text;
}

/** Files of this many bytes or more are read in two parts (below, a thread costs more than it saves). */
export const SPLIT_MIN_BYTES = 4 << 20;

/**
 * Environment variable: `2` reads a long file on two threads. Off by default: on the project's
 * shared 2-core machine the second thread lost (15 MB: 1.17× the wall time and 1.40× the CPU of
 * one thread, 9 pairs at load 2.5), V8's own compiler and collector threads already using the
 * spare core; it is for machines with cores to spare. Nor did a smaller share pay there: only the
 * slogans (collectSlogans, about 100 ms of a 15 MB scan) collected on a second thread from the
 * file's bytes in shared memory, while this one found the terms, left the wall time as it was
 * (0.55–0.63 s against 0.51–0.61 s, 5 pairs at load 0.6): this thread's term pass took 235–308 ms
 * while the worker ran, 128–160 ms alone.
 */
export const THREADS_ENV = 'POLICY_GLOSSARY_THREADS';

/** Whether the environment asks for reading a long file on two threads. */
export const twoThreadsWanted = (env: NodeJS.ProcessEnv = process.env): boolean => Number(env[THREADS_ENV]) >= 2;

/** The character a cut follows, with a line break after it. */
export const CUT_AFTER = '。';
const CUT_AFTER_CODE = CUT_AFTER.charCodeAt(0);
const NUMERAL_CODES = new Set([...CHINESE_NUMERAL_CHARS].map((char) => char.charCodeAt(0)));

/**
 * Which characters a part may begin with, for a glossary's matcher: a Han character that is no
 * numeral, that `variants` fold into nothing else, and that follows 。 in none of the `patterns`
 * (the matcher's normalised forms: one holding 。, as a slip of an importer's 智能制造。即 does,
 * would otherwise run across the cut). After 。 and such a character the matcher's automaton
 * is where it is after that character alone.
 */
export function partStarts(patterns: readonly string[], variants: Readonly<Record<string, string>>): (code: number) => boolean {
  const continuing = new Set<number>();
  for (const pattern of patterns) {
    for (let at = pattern.indexOf(CUT_AFTER); at !== -1 && at + 1 < pattern.length; at = pattern.indexOf(CUT_AFTER, at + 1)) continuing.add(pattern.charCodeAt(at + 1));
  }
  return (code) => code >= 0x4e00 && code <= 0x9fff && !NUMERAL_CODES.has(code) && !continuing.has(code) && variants[String.fromCharCode(code)] === undefined;
}

/**
 * Where UTF-8 `bytes` can be cut into two parts that read as inside the whole (see above): just
 * after the first line break at or after `from` (default: the middle) that follows 。 (directly or
 * after \r) and precedes a character `starts` accepts (partStarts); -1 when there is none.
 */
export function cutOffset(bytes: Uint8Array, starts: (code: number) => boolean, from = bytes.length >>> 1): number {
  for (let at = bytes.indexOf(0x0a, from); at !== -1 && at + 3 < bytes.length; at = bytes.indexOf(0x0a, at + 1)) {
    const end = bytes[at - 1] === 0x0d ? at - 1 : at;
    if (end < 3 || utf8CodeAt(bytes, end - 3) !== CUT_AFTER_CODE) continue;
    if (starts(utf8CodeAt(bytes, at + 1))) return at + 1;
  }
  return -1;
}

/** The UTF-16 unit of the three-byte UTF-8 character at `at` (a Han character, 。), else -1. */
function utf8CodeAt(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if ((lead & 0xf0) !== 0xe0 || (bytes[at + 1]! & 0xc0) !== 0x80 || (bytes[at + 2]! & 0xc0) !== 0x80) return -1;
  return ((lead & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f);
}

/**
 * The matcher's fuzzy resolver, remembering each slogan's answer: a report names the same slogans
 * again and again, and each fuse.js lookup costs far more than a map lookup (a 15 MB report: 140 ms).
 */
export const rememberingFuzzyResolver: FuzzyResolverFactory = (forms) => {
  const resolver = createFuzzyResolver(forms);
  const answers = new Map<string, FuzzyMatch | undefined>();
  return {
    resolve(key) {
      if (answers.has(key)) return answers.get(key);
      const answer = resolver.resolve(key);
      answers.set(key, answer);
      return answer;
    },
  };
};

/** A stored matcher (pack-cache.ts) decoded: its numbers are already bytes, viewed where they lie. */
export const decodeStored = (stored: StoredMatcher): DecodedPack => {
  const scanner = decodeScannerTables(stored.scanner);
  const decoded = decodeCompiledPack({ ...stored, data: '' }, stored.data);
  return scanner === undefined ? decoded : { ...decoded, scanner };
};

/** `scan`'s matcher of a decoded pack: createMatcher's defaults, near-miss lookups remembered. */
export const cliMatcherOfDecoded = (decoded: DecodedPack): Matcher => matcherOfDecoded(decoded, { fuzzy: rememberingFuzzyResolver });

/**
 * How a page reads one part of a text (readForPage, no place), its slogans settled with `elsewhere`,
 * the quoted-coinage counts of the text's other parts (collectSlogans(part).quoted of each, added).
 */
export function readPart(text: string, matcher: Matcher, collected: CollectedSlogans, elsewhere: ReadonlyMap<string, number>): TextMatch[] {
  // Remembered as this text's slogans: the matcher and readInContext ask scanSlogans for them.
  settleSlogans(text, collected, elsewhere);
  return readForPage(text, (part) => matcher.scan(part));
}

/** `counts` added up. */
export function addCounts(counts: ReadonlyArray<ReadonlyMap<string, number>>): Map<string, number> {
  const sum = new Map<string, number>();
  for (const map of counts) for (const [name, n] of map) sum.set(name, (sum.get(name) ?? 0) + n);
  return sum;
}

/** `matches` of a part that starts `offset` units into the text, with offsets into the text. */
export function shiftMatches(matches: readonly TextMatch[], offset: number): TextMatch[] {
  return offset === 0 ? [...matches] : matches.map((match) => ({ ...match, start: match.start + offset, end: match.end + offset }));
}

/**
 * The reading of a text given as consecutive parts, each cut where `cutOffset` cuts, read one
 * after the other on this thread: what the two threads compute between them (used when the worker
 * cannot run, and by the tests).
 */
export function readInParts(parts: readonly string[], matcher: Matcher): TextMatch[] {
  const collected = parts.map((part) => collectSlogans(part));
  const out: TextMatch[] = [];
  let offset = 0;
  parts.forEach((part, i) => {
    const elsewhere = addCounts(collected.filter((_, j) => j !== i).map((other) => other.quoted));
    for (const match of shiftMatches(readPart(part, matcher, collected[i]!, elsewhere), offset)) out.push(match);
    offset += part.length;
  });
  return out;
}
