// `policy-glossary scan FILE… [--glossary PATH]… [--json]`: the glossary terms and numbered
// slogans in documents, as a summary for people or as JSON with offsets for programs.
import { readForPage } from '../../core/match-context';
import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { resolve } from 'node:path';
import { createFuzzyResolver } from '../../core/fuzzy';
import type { FuzzyMatch } from '../../core/fuzzy';
import { loadCompiledMatcher } from '../../core/compiled-pack';
import { createBaseMatcher } from '../../core/matcher';
import type { FuzzyResolverFactory } from '../../core/matcher';
import type { PlaceIndex } from '../../core/places';
import { chooseSense } from '../../core/sense-choice';
import type { SenseKind } from '../../core/sense-choice';
import { createSenseIndex } from '../../core/senses';
import type { GlossaryPack, PackEntry, SourceDocument, SourceRegion, TextMatch } from '../../core/types';
import { CENTRAL_CODE } from '../../core/types';
import { loadMatcherSource } from '../glossary-files';
import type { CliCommand } from '../io';
import { UsageError } from '../io';

const HELP = `用法 / usage: policy-glossary scan FILE… [--glossary PATH]… [--json] [--region 地方 PLACE]

在文档（.txt .md .html .docx）中查找术语表中的术语和未收录的带数字提法。
Finds glossary terms and numbered slogans the glossary lacks in documents (.txt .md .html .docx).

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
/** Bytes read and decoded at a time: 64 KB pieces decode about twice as fast as one 15 MB buffer. */
const READ_CHUNK = 1 << 16;

/**
 * A plain-text file as UTF-8 text, read and decoded piece by piece (the same string as decoding
 * it whole), or undefined when it is not clean UTF-8 (a replacement character or a NUL in it).
 */
function readCleanUtf8(path: string): string | undefined {
  const decoder = new StringDecoder('utf8');
  const parts: string[] = [];
  const buffer = Buffer.allocUnsafe(READ_CHUNK);
  const fd = openSync(path, 'r');
  try {
    for (let read = readSync(fd, buffer, 0, READ_CHUNK, null); read > 0; read = readSync(fd, buffer, 0, READ_CHUNK, null)) {
      const part = decoder.write(buffer.subarray(0, read));
      if (part.includes('\ufffd') || part.includes('\u0000')) return undefined;
      parts.push(part);
    }
  } finally {
    closeSync(fd);
  }
  const rest = decoder.end();
  if (rest.includes('\ufffd') || rest.includes('\u0000')) return undefined;
  parts.push(rest);
  const text = parts.join('');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function readDocument(file: string, cwd: string): Promise<string> {
  const path = resolve(cwd, file);
  const unreadable = () => new UsageError(`无法读取文件 "${file}" / cannot read "${file}"`);
  if (PLAIN_TEXT.test(file)) {
    let text: string | undefined;
    try {
      text = readCleanUtf8(path);
    } catch {
      throw unreadable();
    }
    // Anything but clean UTF-8 (GB18030, UTF-16, binary) goes to the importers' decoder, which
    // detects the encoding or says why it cannot.
    if (text !== undefined) return text;
  }
  const bytes = await readFile(path).catch(() => {
    throw unreadable();
  });
  // The importers (HTML, .docx) load on use: their modules (pinyin tables among them) take longer
  // to load than a plain-text report takes to scan.
  const { DocumentTextError, documentText } = await import('../../import/document-text');
  try {
    return documentText(bytes, file);
  } catch (error) {
    if (error instanceof DocumentTextError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * The matcher's fuzzy resolver, remembering each slogan's answer: a report names the same slogans
 * again and again, and each fuse.js lookup costs far more than a map lookup (a 15 MB report: 140 ms).
 */
const rememberingFuzzyResolver: FuzzyResolverFactory = (forms) => {
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

/** One line of context around a match, for the human summary. */
function contextOf(text: string, match: TextMatch): string {
  const before = text.slice(Math.max(0, match.start - 12), match.start);
  const after = text.slice(match.end, match.end + 12);
  return `…${before}【${match.text}】${after}…`.replace(/\s+/g, ' ');
}

interface Tally {
  label: string;
  count: number;
  first: TextMatch;
}

/** Counts matches under `key`, remembering the first; `labelOf` runs once per key. */
function count(tallies: Map<string, Tally>, key: string, match: TextMatch, labelOf: (match: TextMatch) => string): void {
  const seen = tallies.get(key);
  if (seen) seen.count += 1;
  else tallies.set(key, { label: labelOf(match), count: 1, first: match });
}

const byCount = (tallies: Map<string, Tally>): Tally[] => [...tallies.values()].sort((a, b) => b.count - a.count || a.first.start - b.first.start);
const QUOTES = /[“”‘’「」『』"]/g;
const bare = (match: TextMatch): string => match.text.replace(QUOTES, '');

function summary(file: string, text: string, matches: readonly TextMatch[]): string {
  // One pass over what may be hundreds of thousands of matches, making no string for a term.
  const termTallies = new Map<string, Tally>();
  const fuzzyTallies = new Map<string, Tally>();
  const unknownTallies = new Map<string, Tally>();
  for (const match of matches) {
    if (match.kind === 'term') count(termTallies, match.entryId ?? '', match, (first) => `${first.term} (${first.entryId})`);
    else if (match.kind === 'fuzzy') count(fuzzyTallies, match.text, match, (first) => `${first.text} → ${first.term} (${first.entryId})`);
    else if (match.kind === 'unknown-slogan') count(unknownTallies, bare(match), match, bare);
  }
  const terms = byCount(termTallies);
  const fuzzy = byCount(fuzzyTallies);
  const unknown = byCount(unknownTallies);
  const lines = [`${file}`, `  术语 / glossary terms: ${terms.length}`];
  for (const term of terms) lines.push(`    ${term.label} ×${term.count}`);
  if (fuzzy.length > 0) {
    lines.push(`  近似术语 / near misses: ${fuzzy.length}`);
    for (const near of fuzzy) lines.push(`    ${near.label} ×${near.count}  ${contextOf(text, near.first)}`);
  }
  lines.push(`  未收录的提法 / unknown slogans: ${unknown.length}`);
  for (const slogan of unknown) lines.push(`    ${slogan.label} ×${slogan.count}  ${contextOf(text, slogan.first)}`);
  return lines.join('\n') + '\n';
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

async function loadPlaceIndex(): Promise<PlaceIndex> {
  const [{ createPlaceIndex }, { loadDivisions }] = await Promise.all([import('../../core/places'), import('../../places/divisions')]);
  return createPlaceIndex(loadDivisions());
}

/** The page region `--region` names: a six-digit code or a name as governments write it. */
function regionOf(given: string, places: PlaceIndex): string {
  const code = given.trim();
  if (code === CENTRAL_CODE || /^(?:中央|国务院|中华人民共和国|全国)$/u.test(code)) return CENTRAL_CODE;
  const division = /^\d{6}$/u.test(code) ? places.byCode(code) : places.resolve(code);
  if (!division) throw new UsageError(`--region：无法识别的地名或区划代码 "${given}" / unknown place or code "${given}"`);
  return division.code;
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
  const texts = await Promise.all(parsed.files.map((file) => readDocument(file, io.cwd)));
  // The summary needs the matcher alone; definitions (--json) and the place's choices (--region) need the pack.
  const source = await loadMatcherSource(parsed.glossaries, io.cwd, parsed.json || parsed.region !== undefined);
  // The division table is needed only to place `--region`; a plain scan never loads it.
  const places = parsed.region === undefined ? undefined : await loadPlaceIndex();
  const region = parsed.region === undefined || places === undefined ? undefined : regionOf(parsed.region, places);
  // createMatcher's defaults (slogans and fuzzy near misses on), with lookups remembered.
  // A ready matcher when the default glossary has a fresh one: the same matches, nothing built.
  const matcher = source.compiled
    ? loadCompiledMatcher(source.compiled, { fuzzy: rememberingFuzzyResolver })
    : createBaseMatcher(source.pack, { fuzzy: rememberingFuzzyResolver });
  const isElsewhere = region === undefined || source.pack === undefined ? undefined : elsewhereFor(source.pack, region, places);
  const results = parsed.files.map((file, index) => {
    const text = texts[index] ?? '';
    // The summary names terms only: definitions are looked up for JSON alone.
    // Read as pages are (core/match-context.ts): a term's meaning stays off text naming something
    // else, and with --region a term only other places define gives way to a quoted term inside
    // it that the region defines (“六稳”工作 → 六稳), as the extension and widget show it.
    const matches = readForPage(text, (part) => matcher.scan(part), isElsewhere);
    return { file, text, matches: source.pack && parsed.json ? withDefinitions(matches, source.pack, region, places) : matches };
  });
  if (parsed.json) {
    io.stdout(JSON.stringify({ files: results.map(({ file, matches }) => ({ file, matches })) }, null, 1) + '\n');
  } else {
    io.stdout(results.map(({ file, text, matches }) => summary(file, text, matches)).join('\n'));
  }
  return 0;
};
