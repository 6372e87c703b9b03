// `policy-glossary scan FILE… [--glossary PATH]… [--json]`: the glossary terms and numbered
// slogans in documents, as a summary for people or as JSON with offsets for programs.
import { readForPage } from '../../core/match-context';
import type { Worker } from 'node:worker_threads';
import { createBaseMatcher, type Matcher } from '../../core/matcher';
import { collectSlogans } from '../../core/slogans';
import type { PlaceIndex } from '../../core/places';
import { chooseSense } from '../../core/sense-choice';
import type { SenseKind } from '../../core/sense-choice';
import { createSenseIndex } from '../../core/senses';
import type { GlossaryPack, PackEntry, SourceDocument, SourceRegion, TextMatch } from '../../core/types';
import { existsSync, fileURLToPath, isUtf8, readFileSync, resolve } from '../builtins';
import { openForReading } from '../fs-light';
import { loadMatcherSource } from '../glossary-files';
import type { StoredMatcher } from '../pack-cache';
import type { CliCommand } from '../io';
import { UsageError } from '../io';
import { divisionNamed, loadPlaceIndex } from '../places';
import { cutOffset, decodeCleanUtf8, decodeValidUtf8, decodeStored, cliMatcherOfDecoded, partStarts, readPart, rememberingFuzzyResolver, shiftMatches, SPLIT_MIN_BYTES, THREADS_ENV, twoThreadsWanted } from '../scan-parts';
import { contextAfter, contextBefore, formatSummary, joinTallies, tally, type Tallies } from '../scan-summary';
import type { PartJob, PartMessage } from '../scan-worker';

const HELP = `用法 / usage: policy-glossary scan FILE… [--glossary PATH]… [--json] [--region 地方 PLACE]

在文档（.txt .md .html .mhtml .docx .doc .wps .rtf .odt .xml .pdf .ofd）中查找术语表中的术语和未收录的带数字提法。
Finds glossary terms and numbered slogans the glossary lacks in documents (.txt .md .html .mhtml .docx .doc .wps .rtf .odt .xml .pdf .ofd).

  --glossary PATH  使用的术语表：YAML 文件、文件夹或 glossary.json，可多次；默认项目的 glossary/
                   glossary to use: YAML file, folder or built glossary.json; repeatable;
                   replaces the bundled glossary/
  --json           输出 JSON：{"files":[{"file","matches":[{start,end,text,kind,entryId,term}]}]}，
                   偏移量为文件文本中的 UTF-16 位置 / print JSON; offsets are UTF-16 units of the file's text.
                   每个术语另有 definition（读者首先看到的释义）、source（标题、发布机关、地区、年份、
                   名词解释/脚注编号）、sense（为何选它）、elsewhere（true：只有其他地方的用法）。
                   Each term also carries definition (what a reader is shown first), source (title,
                   issuer, region, year, appendix/footnote number), sense (why it was chosen) and
                   elsewhere (true: only another place's usage, shown as such).
  --region PLACE   按该地政府网页的方式注释：地名（永州市、永州、湖南省）或六位区划代码（431100）；
                   释义优先取本地，其次上级政府、中央、各地一致的用法，否则标为其他地方的用法。
                   annotate as on a page of that place: a name as governments write it, or a GB/T
                   2260 code; its own definition first, then its parents', central, an agreed one;
                   else another place's usage, marked elsewhere.

环境变量 ${THREADS_ENV}=2：4 MB 以上的纯文本文件分两半在两个线程上读取（结果相同，空闲的多核机器上更快）。
${THREADS_ENV}=2 reads plain-text files of 4 MB or more in two halves on two threads (the same
result; faster where a core is idle).
`;

interface ScanArgs {
  files: string[];
  glossaries: string[];
  json: boolean;
  region?: string;
}

function parseArgs(args: readonly string[]): ScanArgs | 'help' {
  const result: ScanArgs = { files: [], glossaries: [], json: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') result.json = true;
    else if (arg === '--region' || arg.startsWith('--region=')) {
      const value = arg === '--region' ? args[(i += 1)] : arg.slice('--region='.length);
      if (!value) throw new UsageError('--region 需要一个地名或区划代码 / --region needs a place name or code');
      result.region = value;
    }
    else if (arg === '--glossary') {
      const value = args[(i += 1)];
      if (!value) throw new UsageError('--glossary 需要一个路径 / --glossary needs a path');
      result.glossaries.push(value);
    } else if (arg.startsWith('--glossary=')) result.glossaries.push(arg.slice('--glossary='.length));
    else if (arg.startsWith('-')) throw new UsageError(`未知选项 unknown option ${arg}\n\n${HELP}`);
    else result.files.push(arg);
  }
  if (result.files.length === 0) throw new UsageError(`缺少要扫描的文件 / missing FILE\n\n${HELP}`);
  return result;
}

/** Plain-text extensions, decoded here exactly as documentText does (UTF-8, a byte order mark dropped). */
const PLAIN_TEXT = /\.(txt|md|markdown)$/i;
const REPLACEMENT_CHARACTER = Buffer.from('\ufffd');

/**
 * A document's text, or for clean UTF-8 plain text its bytes (decoded when read, on one thread or
 * in two parts on two, scan-parts.ts) from `start` (after a byte order mark).
 */
type ScanDocument = { text: string } | { bytes: Buffer; start: number };

/**
 * A plain-text file's bytes when they are clean UTF-8 (valid, no U+FFFD and no NUL in them), to be
 * read in two parts (scan-parts.ts); else undefined.
 */
function cleanUtf8Bytes(bytes: Buffer): { bytes: Buffer; start: number } | undefined {
  if (!isUtf8(bytes) || bytes.includes(0) || bytes.includes(REPLACEMENT_CHARACTER)) return undefined;
  return { bytes, start: byteOrderMarkLength(bytes) };
}

/** Bytes of the UTF-8 byte order mark at the start of `bytes` (3), or 0 without one. */
const byteOrderMarkLength = (bytes: Buffer): number => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);

/**
 * A plain-text file's text when it is clean UTF-8 (valid, no U+FFFD and no NUL in it: what
 * decoding used to be checked for, invalid bytes decoding to U+FFFD), a byte order mark dropped;
 * else undefined. Checked while decoding (scan-parts.ts decodeCleanUtf8), the same answer as
 * cleanUtf8Bytes's checks of the bytes.
 */
function cleanUtf8Text(bytes: Buffer): string | undefined {
  return decodeCleanUtf8(bytes.subarray(byteOrderMarkLength(bytes)));
}

const textOf = (document: ScanDocument): string => ('text' in document ? document.text : decodeValidUtf8(document.bytes.subarray(document.start)));

/**
 * A file's bytes, read by one request to libuv's thread pool, so that this thread loads the
 * matcher meanwhile (a 15 MB report: about 45 ms of reading, most of it the kernel filling fresh
 * pages, off this thread). What readFileSync gives: anything that is not a regular file of a
 * known size, or that grows while read, is read by readFileSync.
 */
async function readBytes(path: string): Promise<Buffer> {
  const handle = await openForReading(path);
  try {
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size === 0) return readFileSync(path);
    const bytes = Buffer.allocUnsafe(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) return bytes.subarray(0, filled);
      filled += bytesRead;
    }
    // Nothing after the size the file had: else it grew, and is read again whole.
    const { bytesRead } = await handle.read(Buffer.alloc(1), 0, 1, filled);
    return bytesRead === 0 ? bytes : readFileSync(path);
  } finally {
    await handle.close();
  }
}

/** A document to scan; a long clean UTF-8 one as its bytes when `inParts` (read on two threads). */
async function readDocument(file: string, cwd: string, inParts: boolean): Promise<ScanDocument> {
  const path = resolve(cwd, file);
  const unreadable = () => new UsageError(`无法读取文件 "${file}" / cannot read "${file}"`);
  let bytes: Buffer;
  try {
    bytes = await readBytes(path);
  } catch {
    throw unreadable();
  }
  if (PLAIN_TEXT.test(file)) {
    // Anything but clean UTF-8 (GB18030, UTF-16, binary) goes to the importers' decoder, which
    // detects the encoding or says why it cannot.
    if (inParts && bytes.length >= SPLIT_MIN_BYTES) {
      const clean = cleanUtf8Bytes(bytes);
      if (clean) return clean;
    } else {
      const text = cleanUtf8Text(bytes);
      if (text !== undefined) return { text };
    }
  }
  // The importers (HTML, .docx, .doc, PDF) load on use: their modules (pinyin tables among them, pdf.js)
  // take longer to load than a plain-text report takes to scan.
  const { DocumentTextError, documentText } = await import('../../import/document-text');
  try {
    // A PDF by its content, whatever its name (a .doc link that serves one).
    const { readingName } = await import('../../import/file-sniff');
    if (/\.pdf$/iu.test(readingName(bytes, file))) return { text: await (await import('../report-files')).pdfDocumentText(new Uint8Array(bytes), file) };
    return { text: documentText(bytes, file) };
  } catch (error) {
    if (error instanceof DocumentTextError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * NODE_DEBUG=policy-glossary: how each file was read, on stderr. node:util (debuglog) is loaded
 * only when NODE_DEBUG is set: it loads a dozen more modules than `scan` otherwise needs.
 */
const debug: (format: string, ...values: unknown[]) => void = process.env.NODE_DEBUG ? (await import('node:util')).debuglog('policy-glossary') : () => undefined;

/** A thread running the compiled worker; node:worker_threads is loaded only for two threads. */
const startWorker = async (): Promise<Worker> => new (await import('node:worker_threads')).Worker(WORKER_URL);

/** The compiled worker beside this module (dist/cli/scan-worker.mjs); absent when run from source. */
const WORKER_URL = new URL('./scan-worker.mjs', import.meta.url);

/** A file's reading as the output needs it: tallies for the summary, matches for --json. */
type Reading = { tallies: Tallies; matches?: undefined } | { matches: TextMatch[]; tallies?: undefined };

/**
 * Reads a long clean UTF-8 file in two parts cut at `cut` (scan-parts.ts): the part after the cut
 * on `worker`, the one before here, the quoted-coinage counts exchanged between them; the same
 * reading as the whole file's.
 */
async function readOnTwoThreads(document: { bytes: Buffer; start: number }, cut: number, worker: Worker, compiled: StoredMatcher, matcher: () => Matcher, json: boolean): Promise<Reading> {
  const { bytes, start } = document;
  // The units around the cut, for the context of slogans near it (scan-summary.ts): decoded from a
  // few bytes on each side, begun at a character's first byte (64 bytes hold more than the
  // context's 12 units, a character cut off at the far end aside).
  let headFrom = Math.max(start, cut - 64);
  while (headFrom < cut && (bytes[headFrom]! & 0xc0) === 0x80) headFrom++;
  const head = contextBefore(bytes.toString('utf8', headFrom, cut));
  const tail = contextAfter(bytes.toString('utf8', cut, Math.min(bytes.length, cut + 64)));
  const messages: PartMessage[] = [];
  let wake: (() => void) | undefined;
  let failed: Error | undefined;
  worker.on('message', (message: PartMessage) => {
    messages.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    failed = error;
    wake?.();
  });
  worker.on('exit', (code) => {
    failed ??= new Error(`scan worker exited (${code})`);
    wake?.();
  });
  const next = async (): Promise<PartMessage> => {
    while (messages.length === 0) {
      if (failed) throw failed;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return messages.shift()!;
  };
  const second = new Uint8Array(bytes.subarray(cut));
  worker.postMessage({ bytes: second, compiled, json, head } satisfies PartJob, [second.buffer]);
  const text = decodeValidUtf8(bytes.subarray(start, cut));
  const collected = collectSlogans(text);
  worker.postMessage(collected.quoted);
  // Built while the worker collects its part's counts.
  const ready = matcher();
  const theirs = await next();
  if (!('quoted' in theirs)) throw new Error('scan worker: counts expected');
  const matches = readPart(text, ready, collected, theirs.quoted);
  const reply = await next();
  if ('quoted' in reply) throw new Error('scan worker: reading expected');
  if (json) return { matches: [...matches, ...shiftMatches(reply.matches ?? [], text.length)] };
  return { tallies: joinTallies(tally(text, matches, '', tail), reply.tallies!, text.length) };
}

/** Where a definition comes from, as `scan --json` reports it. */
interface MatchSource {
  title?: string;
  issuer?: string;
  region?: SourceRegion;
  year?: number;
  appendix?: number;
  footnote?: number;
  page?: number;
}

/** A term match as `scan --json` prints it: the match plus the definition a reader is shown first. */
interface ScanMatch extends TextMatch {
  definition?: string;
  source?: MatchSource;
  /** Why this definition was chosen (sense-choice.ts SenseKind). */
  sense?: SenseKind;
  /** The entry the definition is from, when it is not `entryId`. */
  definitionId?: string;
  /** True when no definition is this place's own or agreed: the one given is another place's usage. */
  elsewhere?: boolean;
  /** How many definitions of this term the glossary holds (all places). */
  senses?: number;
}

function sourceOf(entry: PackEntry, documents: readonly SourceDocument[]): MatchSource {
  const doc = documents[entry.doc];
  const year = doc?.year ?? (doc?.date ? Number(doc.date.slice(0, 4)) : undefined);
  return {
    ...(doc?.title ? { title: doc.title } : {}),
    ...(doc?.issuer ? { issuer: doc.issuer } : {}),
    ...(doc?.region ? { region: doc.region } : {}),
    ...(year !== undefined && Number.isFinite(year) ? { year } : {}),
    ...entry.source,
  };
}

type SenseFields = Pick<ScanMatch, 'definition' | 'source' | 'sense' | 'definitionId' | 'elsewhere' | 'senses'>;

/** Adds to each term match the definition `chooseSense` shows first for the page's region. */
function withDefinitions(matches: readonly TextMatch[], pack: GlossaryPack, region: string | undefined, places: PlaceIndex | undefined): ScanMatch[] {
  const senses = createSenseIndex(pack);
  // Every occurrence of one entry gets the same choice: computed once per entry.
  const chosen = new Map<string, SenseFields>();
  const fieldsFor = (entryId: string): SenseFields => {
    const known = chosen.get(entryId);
    if (known) return known;
    const all = senses.sensesOf(entryId);
    const choice = chooseSense(all, pack.documents, region, places);
    const shown = choice.shown ?? choice.others[0] ?? all[0];
    const fields: SenseFields = {};
    const definition = shown?.definition ?? shown?.items?.join('、');
    if (definition !== undefined) fields.definition = definition;
    if (shown) fields.source = sourceOf(shown, pack.documents);
    if (shown && shown.id !== entryId) fields.definitionId = shown.id;
    fields.sense = choice.kind;
    if (choice.shown === undefined) fields.elsewhere = true;
    fields.senses = all.length;
    chosen.set(entryId, fields);
    return fields;
  };
  return matches.map((match) => (match.kind === 'term' && match.entryId !== undefined ? { ...match, ...fieldsFor(match.entryId) } : match));
}

/** Whether an entry's chosen sense for `region` is only other places' meaning (memoised per entry). */
function elsewhereFor(pack: GlossaryPack, region: string, places: PlaceIndex | undefined): (entryId: string) => boolean {
  const senses = createSenseIndex(pack);
  const known = new Map<string, boolean>();
  return (entryId) => {
    let elsewhere = known.get(entryId);
    if (elsewhere === undefined) {
      elsewhere = chooseSense(senses.sensesOf(entryId), pack.documents, region, places).kind === 'elsewhere';
      known.set(entryId, elsewhere);
    }
    return elsewhere;
  };
}

/** Runs `scan`. */
export const runScan: CliCommand = async (args, io) => {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return 0;
  }
  const inParts = parsed.glossaries.length === 0 && parsed.region === undefined && twoThreadsWanted() && existsSync(fileURLToPath(WORKER_URL));
  const reading = Promise.all(parsed.files.map((file) => readDocument(file, io.cwd, inParts)));
  // Awaited once the matcher is built; its error, if any, still comes first.
  reading.catch(() => undefined);
  // Two threads: the documents first, to know whether one is long enough. The worker starts
  // before the matcher is read: it takes as long to start as the matcher to read.
  const early = inParts ? await reading : undefined;
  const long = (document: ScanDocument): document is { bytes: Buffer; start: number } => 'bytes' in document && document.bytes.length - document.start >= SPLIT_MIN_BYTES;
  const twoThreads = early !== undefined && early.some(long);
  let spare = twoThreads ? await startWorker() : undefined;
  // Otherwise the glossary is loaded and its matcher built while the files are read (off this
  // thread, readBytes).
  const setUp = async () => {
    const source = await loadMatcherSource(parsed.glossaries, io.cwd, parsed.json || parsed.region !== undefined);
    // The division table is needed only to place `--region`; a plain scan never loads it.
    const places = parsed.region === undefined ? undefined : await loadPlaceIndex();
    const region = parsed.region === undefined || places === undefined ? undefined : divisionNamed(parsed.region, places).code;
    // createMatcher's defaults (slogans and fuzzy near misses on), with lookups remembered.
    // A ready matcher when the default glossary has a fresh one: the same matches, nothing built.
    const decoded = source.compiled ? decodeStored(source.compiled) : undefined;
    let built: Matcher | undefined;
    const matcher = (): Matcher => (built ??= decoded ? cliMatcherOfDecoded(decoded) : createBaseMatcher(source.pack!, { fuzzy: rememberingFuzzyResolver }));
    // Where a long file may be cut: asked only when it is read on two threads.
    const starts = decoded === undefined || !twoThreads ? undefined : partStarts(decoded.table.patterns, decoded.table.variants);
    const isElsewhere = region === undefined || source.pack === undefined ? undefined : elsewhereFor(source.pack, region, places);
    // Built now, unless the two threads build it in turn.
    if (!twoThreads) matcher();
    return { source, places, region, matcher, starts, isElsewhere };
  };
  let ready: Awaited<ReturnType<typeof setUp>>;
  try {
    ready = await setUp();
  } catch (error) {
    // A file that cannot be read is reported first, as when the files were read before the glossary.
    await reading;
    throw error;
  }
  const { source, places, region, matcher, starts, isElsewhere } = ready;
  const documents = early ?? (await reading);
  const results: Array<{ file: string; reading: Reading }> = [];
  for (const [index, file] of parsed.files.entries()) {
    const document = documents[index]!;
    const whole = twoThreads && starts && long(document) ? document : undefined;
    const cut = whole && starts ? cutOffset(whole.bytes, starts, whole.start + ((whole.bytes.length - whole.start) >>> 1)) : -1;
    if (whole && cut !== -1) {
      const worker = spare ?? (await startWorker());
      spare = undefined;
      try {
        results.push({ file, reading: await readOnTwoThreads(whole, cut, worker, source.compiled!, matcher, parsed.json) });
        debug('scan %s: read on two threads, cut at byte %d of %d', file, cut, whole.bytes.length);
        continue;
      } catch (error) {
        // The worker failed (it should not): the file is read here instead, the same reading.
        debug('scan %s: the second thread failed (%s), read on one', file, error);
      } finally {
        void worker.terminate();
      }
    }
    const text = textOf(document);
    // Read as pages are (core/match-context.ts): a term's meaning stays off text naming something
    // else, and with --region a term only other places define gives way to a quoted term inside
    // it that the region defines (“六稳”工作 → 六稳), as the extension and widget show it.
    const matches = readForPage(text, (part) => matcher().scan(part), isElsewhere);
    // The summary names terms only (tallies); definitions are looked up for JSON alone.
    results.push({ file, reading: parsed.json ? { matches } : { tallies: tally(text, matches) } });
  }
  if (spare) void spare.terminate();
  if (parsed.json) {
    const files = results.map(({ file, reading }) => {
      const matches = reading.matches ?? [];
      return { file, matches: source.pack ? withDefinitions(matches, source.pack, region, places) : matches };
    });
    io.stdout(JSON.stringify({ files }, null, 1) + '\n');
  } else {
    io.stdout(results.map(({ file, reading }) => formatSummary(file, reading.tallies!)).join('\n'));
  }
  return 0;
};
