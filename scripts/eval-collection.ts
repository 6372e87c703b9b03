// `npm run eval` (collection part): how the product would do on next year's reports. Builds the
// collection in memory from the corpus reports up to a cut-off year, then scans each later report's
// body and asks, for every occurrence of a term the report's own appendix explains: is it explained,
// explained or flagged, and explained with a meaning that contradicts the report's own? Corpus text
// is read at run time only; nothing of it is written to the project.
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeOfReport } from '../src/import/report-place';
import { compileGlossaryPack } from '../src/core/glossary-compile';
import type { CompileInput } from '../src/core/glossary-compile';
import { parseGlossaryFile } from '../src/core/glossary-parse';
import { readForPage } from '../src/core/match-context';
import { createMatcher } from '../src/core/matcher';
import type { Division, PlaceIndex } from '../src/core/places';
import { createPlaceIndex } from '../src/core/places';
import { bigramDice, chooseSense, definitionsAgree } from '../src/core/sense-choice';
import { createSenseIndex, GENERIC_TERM_SUFFIXES, senseKey } from '../src/core/senses';
import type { GlossaryEntry, GlossaryPack, PackEntry, SourceDocument } from '../src/core/types';
import { findAppendix } from '../src/import/appendix';
import { importReport } from '../src/import/import-report';
import { loadDivisions } from '../src/places/divisions';
import { listReports } from './eval-usage';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const GLOSSARY = fileURLToPath(new URL('../glossary/', import.meta.url));
/** Folders whose reports carry a 名词解释 appendix (national/ and shanghai/ have none). */
const APPENDIX_FOLDERS = ['reports', 'sichuan', 'chengdu'] as const;

/** One corpus report, imported: its place, year, appendix entries and body text. */
export interface CorpusReport {
  file: string;
  place?: Division;
  year?: number;
  source: SourceDocument;
  entries: GlossaryEntry[];
  body: string;
}

/** Per-group tallies of appendix-term occurrences in report bodies. */
export interface Tally {
  reports: number;
  occurrences: number;
  explained: number;
  explainedOrFlagged: number;
  contradicted: number;
  /** Contradictions as definitionsAgree alone judges them (stricter than `sameMeaning`). */
  contradictedStrict: number;
  /** Contradictions as the judge without the extended criteria judges them (`sameMeaning` without evidence). */
  contradictedBefore: number;
  /** Explained as the judge without the extended criteria sees it (its 'longer' and 'part' differ where it disagrees). */
  explainedBefore: number;
  /** With the reviews (scripts/eval-contradiction-reviews.json) applied to the automatic contradictions. */
  reviewedExplained: number;
  reviewedContradicted: number;
  /** Automatic contradictions no review covers (counted as contradictions in the reviewed figure). */
  unreviewed: number;
  /** Flagged only because every meaning found is another place's (with places: kind 'elsewhere'). */
  elsewhere: number;
  /** Inside a longer term the glossary explains (Outcome 'longer'). */
  longer: number;
  /** Only a part of the appendix's term explained (Outcome 'part'): counted as flagged, not explained. */
  part: number;
}

const emptyTally = (): Tally => ({ reports: 0, occurrences: 0, explained: 0, explainedOrFlagged: 0, contradicted: 0, contradictedStrict: 0, contradictedBefore: 0, explainedBefore: 0, reviewedExplained: 0, reviewedContradicted: 0, unreviewed: 0, elsewhere: 0, longer: 0, part: 0 });

const HAN_CHAR = /\p{Script=Han}/u;

/** What makes the text around an occurrence another numbered coinage or a list: a numeral or 、. */
const CHAIN_MARK = /[0-9０-９一二两三四五六七八九十百千双、]/u;

/**
 * Whether `match` is a longer term than the occurrence: it holds the occurrence and goes on, on
 * either side, with a numbered link or a list (一带|一路, 两不愁|三保障, 一核|一带一区, 碳达峰|、碳中和),
 * or it holds the occurrence inside a longer quoted name (“上云用数赋智”, see `quotedWhole`), and the
 * entry it found is not the appendix's term under another form. A glued word or qualifier
 * (“四个一批”项目, 新时代“枫桥经验”, 宅基地“三权分置”) does not make another term: those are judged.
 */
export function longerTerm(body: string, match: { start: number; end: number }, occurrence: { start: number; end: number; entry: GlossaryEntry }, matchedTerm: string): boolean {
  if (match.start > occurrence.start || match.end < occurrence.end) return false;
  const before = body.slice(match.start, occurrence.start).replace(/[“”‘’「」"]/gu, '');
  const after = body.slice(occurrence.end, match.end).replace(/[“”‘’「」"]/gu, '');
  if (!HAN_CHAR.test(before + after)) return false;
  if (!CHAIN_MARK.test(before + after) && !quotedWhole(body, match, occurrence)) return false;
  const own = new Set([occurrence.entry.term, ...(occurrence.entry.aliases ?? [])].map((form) => senseKey(form)));
  return !own.has(senseKey(matchedTerm));
}

/**
 * Whether the match holds a quoted name that holds the occurrence and more: “上云用数赋智”行动 for
 * the appendix's 上云. The quotes say where the text's name ends, so the name is the longer one; a
 * qualifier or glued word outside the quotes (新时代“枫桥经验”, “四个一批”项目) is no such name.
 */
function quotedWhole(body: string, match: { start: number; end: number }, occurrence: { start: number; end: number }): boolean {
  const open = Math.max(...['“', '「', '‘'].map((quote) => body.lastIndexOf(quote, occurrence.start - 1)));
  if (open < match.start) return false;
  const close = Math.min(...['”', '」', '’'].map((quote) => { const at = body.indexOf(quote, occurrence.end); return at < 0 ? Infinity : at; }));
  if (close > match.end || /[“”「」‘’]/u.test(body.slice(open + 1, occurrence.start) + body.slice(occurrence.end, close))) return false;
  return close - open - 1 > occurrence.end - occurrence.start;
}


/**
 * Whether `match` explains a part of the occurrence and not the whole (asked only of a match whose
 * meaning differs from the appendix's; one that agrees explains the whole): it lies inside the
 * appendix's longer term, names its own entry (the matched words are the shown entry's term or
 * alias), holds no numeral, and what the occurrence adds is two or more Han characters other than a
 * glued generic word — 城中村 in 城中村“十个一”工程, 营商环境 in 优化法治化营商环境十项措施. The
 * reader is told what 城中村 is, truly; the appendix explains the programme, which that match
 * neither explains nor contradicts (counted as `part`: not explained; flagged, as `longer` is, since
 * the highlight still points the reader at the name). A numbered
 * part (四集中 in 一就近、四集中, 两山 in 两山两水) is the core of the longer name and is judged.
 */
export function partOfTerm(body: string, match: { start: number; end: number; text: string }, occurrence: { start: number; end: number }, shownForms: readonly string[]): boolean {
  if (match.start < occurrence.start || match.end > occurrence.end || match.end - match.start >= occurrence.end - occurrence.start) return false;
  const quotes = /[“”‘’「」"]/gu;
  const written = match.text.replace(quotes, '');
  if (CHAIN_MARK.test(written) || /[0-9０-９]/u.test(written)) return false;
  if (!shownForms.some((form) => senseKey(form) === senseKey(written))) return false;
  let rest = (body.slice(occurrence.start, match.start) + body.slice(match.end, occurrence.end)).replace(quotes, '');
  for (const suffix of GENERIC_TERM_SUFFIXES) if (body.slice(match.end, occurrence.end).replace(quotes, '') === suffix) rest = '';
  return [...rest].filter((char) => HAN_CHAR.test(char)).length >= 2;
}

// ---- adapter: corpus report → imported report with place (reuses the `collect` command's logic)
export function readReport(file: string, places: PlaceIndex): CorpusReport {
  const text = readFileSync(file, 'utf8');
  const rel = path.relative(CORPUS, file);
  const result = importReport(text, file);
  const place = placeOfReport(rel.replace(/^(reports|sichuan|chengdu)[\\/]/u, ''), result.source, places, text.slice(0, 12000));
  const year = Number(/((?:19|20)\d{2})\.md$/u.exec(file)?.[1]) || undefined;
  const bodyEnd = findAppendix(text);
  const source: SourceDocument = {
    title: result.source.title ?? rel,
    kind: result.source.kind ?? '名词解释',
    ...(result.source.issuer ? { issuer: result.source.issuer } : {}),
    ...(place ? { region: { code: place.code, name: place.name, level: place.level } } : {}),
    ...(year ? { year } : {}),
  } as SourceDocument;
  return { file: rel, place, year, source, entries: result.entries, body: bodyEnd < 0 ? '' : text.slice(0, bodyEnd) };
}

// ---- adapter: collection + editorial + seed → pack, the way `build` orders the default glossary
export function editorialInputs(): CompileInput[] {
  const inputs: CompileInput[] = [];
  const names = [...readdirSync(GLOSSARY), ...readdirSync(path.join(GLOSSARY, 'national')).map((name) => `national/${name}`)].sort();
  for (const name of names) {
    if (!name.endsWith('.yaml')) continue;
    const parsed = parseGlossaryFile(name, readFileSync(path.join(GLOSSARY, name), 'utf8'));
    if (parsed.file) inputs.push({ path: name, file: parsed.file });
    else console.log(`  (skipped ${name}: ${parsed.problems[0]?.message ?? 'invalid'})`);
  }
  return inputs;
}

/**
 * The year an editorial file's terms came into national use, from its name (`editorial-2023.yaml`:
 * coinages of 2023 and later); 0 for the others. A collection built from earlier years leaves such
 * a file out, as it leaves out later reports: the held-out rows then know no term before its time.
 */
export const editorialSince = (file: string): number => Number(/editorial-(\d{4})\.ya?ml$/u.exec(file)?.[1] ?? 0);

export function collectionPack(reports: readonly CorpusReport[], maxYear: number, extra: readonly CompileInput[], editorialUntil = maxYear): GlossaryPack {
  const inputs: CompileInput[] = extra.filter((input) => editorialSince(input.path) <= editorialUntil);
  reports.forEach((report, i) => {
    if (report.year === undefined || report.year > maxYear || report.entries.length === 0) return;
    const prefix = `r${i}-`;
    const entries = report.entries.map(({ related: _related, ...entry }) => ({ ...entry, id: `${prefix}${entry.id}` }));
    // collection/ sorts before editorial*.yaml, as glossary/collection/ does in the default pack.
    inputs.push({ path: `collection/${report.place?.code ?? 'unknown'}-${report.year}-${i}`, file: { source: report.source, entries } });
  });
  return compileGlossaryPack(inputs);
}

/**
 * A second, looser agreement test for the eval only: one side lists items and at least 60% of them
 * are nearly contained in the other side's text (bigram Dice of the item against the best window of
 * its length ≥ 0.6). definitionsAgree compares a list with a prose definition as prose, so a list
 * (碳达峰、碳中和) against a report's sentence about the same two things counts as a contradiction.
 */
export function itemsCovered(a: Pick<PackEntry, 'items' | 'definition'>, b: Pick<PackEntry, 'items' | 'definition'>): boolean {
  const covers = (items: readonly string[] | undefined, text: string | undefined) => {
    if (!items?.length || !text) return false;
    const inside = items.filter((item) => {
      if (text.includes(item)) return true;
      for (let at = 0; at + item.length <= text.length; at += 1) if (bigramDice(item, text.slice(at, at + item.length)) >= 0.6) return true;
      return false;
    });
    return inside.length / items.length >= 0.6;
  };
  return covers(a.items, b.definition) || covers(b.items, a.definition);
}

/** The words of a definition for comparing: no punctuation, no 是指/指/即 opening. */
const words = (text: string) => text.replace(/^\s*(?:是指|指的是|主要是指|主要指|指|即)/u, '').replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');

/**
 * A third agreement test for the eval only: the shorter definition, at least 8 characters of words,
 * has at least 70% of its character bigrams in the longer one. Reports explain one policy at very
 * different lengths (能耗双控: 能耗总量和强度双控 / a sentence on 能源消费总量和强度双控制度…), which
 * bigram Dice over both texts calls a disagreement; a different meaning (两山: 岳麓山大学科技城… /
 * 绿水青山就是金山银山) shares few of the shorter one's bigrams.
 */
export function proseContained(a: Pick<PackEntry, 'items' | 'definition'>, b: Pick<PackEntry, 'items' | 'definition'>): boolean {
  const [x, y] = [words(a.definition ?? a.items?.join('、') ?? ''), words(b.definition ?? b.items?.join('、') ?? '')];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length < 8) return false;
  let found = 0;
  for (let i = 0; i + 1 < short.length; i += 1) if (long.includes(short.slice(i, i + 2))) found += 1;
  return found / (short.length - 1) >= 0.7;
}

/** How much a character bigram says: rare pairs (海绵, 雨水, 悬赏) weigh more than common ones (建设, 发展). */
export type BigramWeight = (pair: string) => number;

/** Content of a definition for comparing: its term's own name cut out (repeating the term proves nothing), punctuation, digits and Latin as breaks. */
function content(text: string, term: string): string {
  let body = text.replace(/^\s*(?:是指|指的是|主要是指|主要指|指|即)/u, '');
  for (const part of term.replace(/[“”"‘’「」]/gu, '').split(/[、，,+＋]/u)) if (part.length >= 2) body = body.split(part).join('|');
  return body.replace(/[^\p{Script=Han}]/gu, '|');
}

function contentPairs(text: string, term: string): Set<string> {
  const body = content(text, term);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < body.length; i += 1) if (body[i] !== '|' && body[i + 1] !== '|') pairs.add(body.slice(i, i + 2));
  return pairs;
}

/** Inverse document frequency of each content bigram over `texts` (every definition the eval knows). */
export function bigramWeights(texts: Iterable<string>): BigramWeight {
  const frequency = new Map<string, number>();
  let count = 0;
  for (const text of texts) {
    count += 1;
    for (const pair of contentPairs(text, '')) frequency.set(pair, (frequency.get(pair) ?? 0) + 1);
  }
  return (pair) => Math.log((count + 1) / ((frequency.get(pair) ?? 0) + 1)) + 1;
}

/** Share of the weighted content pairs of the shorter definition that the longer one has too (0…1). */
export function keyContentShared(a: Pick<PackEntry, 'items' | 'definition'>, b: Pick<PackEntry, 'items' | 'definition'>, term: string, weight: BigramWeight): number {
  const x = contentPairs(a.definition ?? a.items?.join('、') ?? '', term);
  const y = contentPairs(b.definition ?? b.items?.join('、') ?? '', term);
  const [short, long] = x.size <= y.size ? [x, y] : [y, x];
  let shared = 0;
  let total = 0;
  for (const pair of short) {
    total += weight(pair);
    if (long.has(pair)) shared += weight(pair);
  }
  return total === 0 ? 0 : shared / total;
}

/** Weighted share of key content at which two explanations of one term describe the same thing. */
const KEY_SHARE = 0.3;

/** A label that opens a definition (“四上”企业：…, 政务服务“一网通办”：…): the name again, not its meaning. */
const LABEL = /^[^，。；：:]{1,16}[：:]/u;

/**
 * The items a definition lists: its `items`, else its 、/；-separated parts when there are three or
 * more and none is a clause (holds a comma or a colon). A sentence that names things in passing
 * (为促进…，集中解决近视、龋齿、心理不健康、脊柱侧弯等问题) is prose, not a list of a programme's items.
 */
function listed(entry: Pick<PackEntry, 'items' | 'definition'>): string[] | undefined {
  if (entry.items && entry.items.length >= 3) return [...entry.items];
  const parts = (entry.definition ?? '').replace(LABEL, '').replace(/[。．.]\s*$/u, '').split(/[、；;]/u).filter((part) => part.trim().length > 0);
  return parts.length >= 3 && !parts.some((part) => /[，,：:。]/u.test(part)) ? parts : undefined;
}

/** Whether `short`'s characters (two or more) appear in order in `long`: 批零住餐 in 批发零售和住宿餐饮, 建好 in 建设好. */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 2 || short.length > long.length) return false;
  let at = 0;
  for (const char of long) if (char === short[at]) at += 1;
  return at === short.length;
}

/**
 * The items two definitions list (3 or more each, see `listed`), when they disagree item by item
 * (different programmes): fewer than 60% of the shorter list's items have a like item in the other,
 * like as definitionsAgree judges items or as a Chinese abbreviation takes its characters, in order,
 * from the full name (限额以上批零住餐企业 / 限额以上批发零售和住宿餐饮企业).
 */
export function listsDiffer(a: Pick<PackEntry, 'items' | 'definition'>, b: Pick<PackEntry, 'items' | 'definition'>, sharedCore = false): boolean {
  const [x, y] = [listed(a), listed(b)];
  if (!x || !y) return false;
  const clean = (item: string) => item.replace(/^\s*(?:是指|指的是|主要是指|主要指|指|即)/u, '').replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
  const [short, long] = (x.length <= y.length ? [x, y] : [y, x]).map((list) => list.map(clean));
  const like = (item: string, other: string) =>
    definitionsAgree({ definition: item }, { definition: other }) || abbreviates(item, other) || abbreviates(other, item) || (sharedCore && shareCore(item, other));
  const alike = short!.filter((item) => long!.some((other) => like(item, other))).length;
  return alike / short!.length < 0.6;
}

/** The longest run of Han characters that both `a` and `b` hold. */
function longestCommonRun(a: string, b: string): string {
  let best = '';
  for (let i = 0; i < a.length; i += 1) {
    let length = best.length + 1;
    while (i + length <= a.length && /^\p{Script=Han}+$/u.test(a.slice(i, i + length)) && b.includes(a.slice(i, i + length))) length += 1;
    if (length - 1 > best.length) best = a.slice(i, i + length - 1);
  }
  return best;
}

/**
 * Judge criterion (items): two list items name the same thing when they share a core phrase — a run
 * of four or more Han characters that is at least half of the shorter item (有资质的建筑业企业 /
 * 资质等级建筑业企业: 建筑业企业). Reworded qualifiers around one named thing are common in two
 * governments' lists of one programme; two different items (续建推进一批 / 发展生产一批) share no
 * such run. Used by `listsDiffer` under the extended judge only.
 */
export function shareCore(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const run = longestCommonRun(short, long);
  return run.length >= 4 && run.length * 2 >= short.length;
}

const QUOTES = /[“”"‘’「」『』]/gu;
const unquoted = (text: string) => text.replace(QUOTES, '');
const hanLength = (text: string) => [...text].filter((char) => HAN_CHAR.test(char)).length;

/**
 * Judge criterion (names): one definition spells out the full name of its term, and that full name
 * is a form of the other entry — a form (term or alias) of four or more Han characters, longer
 * than the term, that the term abbreviates (its characters in order, a generic 工程/行动… suffix
 * aside: 千万工程 explained as “千村示范、万村整治”工程的简称, shown from the entry whose term is
 * 千村示范、万村整治) — or both give the same short or full name after 简称/全称/又称/也称/俗称
 * (both: 简称“千万工程”). A form merely mentioned (优化营商环境 in a definition of 优化法治化营商
 * 环境十项措施) is no full name, and a different meaning under one name names its own parts (“两山”
 * 指龙门山…: a part of 两山两水), not another name.
 */
export function namesSameThing(
  shown: Pick<PackEntry, 'items' | 'definition'> & { forms?: readonly string[] },
  own: Pick<PackEntry, 'items' | 'definition'> & { forms?: readonly string[] },
): boolean {
  const text = (entry: typeof shown) => unquoted(entry.definition ?? entry.items?.join('、') ?? '');
  const forms = (entry: typeof shown) => (entry.forms ?? []).map(unquoted);
  const stem = (form: string) => GENERIC_TERM_SUFFIXES.reduce((rest, suffix) => (rest.endsWith(suffix) && rest.length > suffix.length + 1 ? rest.slice(0, -suffix.length) : rest), form);
  const spellsOut = (definition: string, otherForms: string[], ownForms: string[]) =>
    otherForms.some(
      (form) =>
        hanLength(form) >= 4 && definition.includes(form) &&
        ownForms.some((mine) => hanLength(stem(mine)) >= 2 && stem(mine).length < form.length && abbreviates(stem(mine), form)),
    );
  if (spellsOut(text(own), forms(shown), forms(own)) || spellsOut(text(shown), forms(own), forms(shown))) return true;
  const aka = (entry: typeof shown) =>
    new Set([...(entry.definition ?? '').matchAll(/(?:简称|全称|又称|也称|俗称)(?:为|是)?[“「‘]([^”」’]{2,24})[”」’]/gu)].map((m) => unquoted(m[1]!)).filter((name) => hanLength(name) >= 3));
  const theirs = aka(own);
  return [...aka(shown)].some((name) => theirs.has(name));
}

/**
 * The distinct phrases of four or more Han characters both contents hold (`content`: the term's
 * name cut out), none inside another: every longest common run found from each position.
 */
export function commonPhrases(a: string, b: string, term: string): string[] {
  const [x, y] = [content(a, term), content(b, term)];
  const found: string[] = [];
  for (let i = 0; i < x.length; i += 1) {
    let length = 4;
    if (x.slice(i, i + length).includes('|') || !y.includes(x.slice(i, i + length))) continue;
    while (i + length < x.length && x[i + length] !== '|' && y.includes(x.slice(i, i + length + 1))) length += 1;
    const phrase = x.slice(i, i + length);
    if (!found.some((other) => other.includes(phrase))) found.push(phrase);
  }
  return found.filter((phrase) => !found.some((other) => other !== phrase && other.includes(phrase)));
}

/** How many of the eval's definitions hold a phrase (for `sharesSpecificPhrases`: common phrases prove nothing). */
export type PhraseFrequency = (phrase: string) => number;

/** Share of all definitions above which a phrase is common wording (经济社会发展, 高质量发展), not a named thing. */
const SPECIFIC_PHRASE_SHARE = 0.005;

/**
 * Judge criterion (named things): the two definitions name the same two or more specific things —
 * distinct phrases of four or more Han characters (the term's own name cut out) that each occur in
 * at most 0.5% of all definitions (乡村客运 and 客运标识; 森林草原资源 and 保护发展 for 林长制),
 * unless both list items that differ (`listsDiffer`: two programmes may share a phrase or two).
 * One shared phrase is not enough: different programmes of one domain share one (建设用地 in two
 * lists of 三块地). Never for a numbered name: it names a set, and two sets that share two items
 * (主体责任 and 监管责任 in two places' 四个责任) are still two sets.
 */
export function sharesSpecificPhrases(a: Pick<PackEntry, 'items' | 'definition'>, b: Pick<PackEntry, 'items' | 'definition'>, term: string, frequency: PhraseFrequency, total: number): boolean {
  if (NUMBERED_TERM.test(term)) return false;
  const text = (entry: typeof a) => entry.definition ?? entry.items?.join('、') ?? '';
  const specific = commonPhrases(text(a), text(b), term).filter((phrase) => frequency(phrase) <= SPECIFIC_PHRASE_SHARE * total);
  return specific.length >= 2;
}

/** Phrase frequencies over `texts`, cached (a substring count over every definition). */
export function phraseFrequencies(texts: readonly string[]): PhraseFrequency {
  const cache = new Map<string, number>();
  const plain = texts.map((text) => text.replace(/[^\p{Script=Han}]/gu, '|'));
  return (phrase) => {
    let count = cache.get(phrase);
    if (count === undefined) {
      count = plain.filter((text) => text.includes(phrase)).length;
      cache.set(phrase, count);
    }
    return count;
  };
}

/** What the extended judge knows besides the two definitions: the entries' forms and how common a phrase is. */
export interface JudgeEvidence {
  shownForms: readonly string[];
  ownForms: readonly string[];
  frequency: PhraseFrequency;
  /** How many definitions `frequency` counts over. */
  total: number;
}

/**
 * Weighted share of key content at which a government's own earlier definition of an unnumbered
 * term says the same as its report's: half of `KEY_SHARE`. A government rewords the explanation of
 * its policy from year to year (城市大脑, 梨树模式) but does not give an unnumbered name to another
 * policy — the product's own assumption (core/sense-choice.ts `reusedName`); numbered names, which
 * it does reuse (六个一批, 四早), keep the general threshold, and lists that differ still disagree.
 */
const KEY_SHARE_SAME_GOVERNMENT = KEY_SHARE / 2;

/**
 * Whether a shown definition says what the report's own says, as the eval judges it: the product's
 * definitionsAgree, or a list whose items the other's prose covers (itemsCovered), or a short
 * explanation contained in a longer one (proseContained), or — given `term` and bigram weights —
 * the two share at least 30% of the shorter one's weighted key content (the same policy explained
 * at different lengths and in other words: 零就业家庭, 揭榜挂帅), unless both list three or more
 * items that do not match (五个一批 in two cities: different programmes that share words). With
 * `sameGovernment` (the shown definition is the report's own government's, of an earlier year), an
 * unnumbered term needs half that share (`KEY_SHARE_SAME_GOVERNMENT`).
 * Given `evidence` (the extended judge), also: the two name the same thing by another name
 * (`namesSameThing`), list items alike by a shared core phrase (`shareCore` in `listsDiffer`), or
 * name two or more of the same specific things (`sharesSpecificPhrases`). Without it, the judge
 * as it was before those criteria (the eval prints both figures).
 * The strict figure (definitionsAgree alone) is printed beside it.
 */
export function sameMeaning(
  shown: Pick<PackEntry, 'items' | 'definition'>,
  own: Pick<PackEntry, 'items' | 'definition'>,
  term?: string,
  weight?: BigramWeight,
  sameGovernment = false,
  evidence?: JudgeEvidence,
): boolean {
  if (definitionsAgree(shown, own) || itemsCovered(shown, own) || proseContained(shown, own)) return true;
  if (evidence && namesSameThing({ ...shown, forms: evidence.shownForms }, { ...own, forms: evidence.ownForms })) return true;
  if (term === undefined || weight === undefined || listsDiffer(shown, own, evidence !== undefined)) return false;
  if (evidence && sharesSpecificPhrases(shown, own, term, evidence.frequency, evidence.total)) return true;
  const threshold = sameGovernment && !NUMBERED_TERM.test(term) ? KEY_SHARE_SAME_GOVERNMENT : KEY_SHARE;
  return keyContentShared(shown, own, term, weight) >= threshold;
}

const NUMBERED_TERM = /[0-9０-９一二两三四五六七八九十百千双]/u;

/** Occurrences of the report's own appendix terms in its body, leftmost-longest, with the entry explaining each. */
export function ownOccurrences(body: string, entries: readonly GlossaryEntry[]): { start: number; end: number; entry: GlossaryEntry }[] {
  const all: { start: number; end: number; entry: GlossaryEntry }[] = [];
  for (const entry of entries) {
    for (const form of new Set([entry.term, ...(entry.aliases ?? [])])) {
      if (form.length < 2) continue;
      for (let at = body.indexOf(form); at !== -1; at = body.indexOf(form, at + 1)) all.push({ start: at, end: at + form.length, entry });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof all = [];
  for (const occurrence of all) if (!kept.length || occurrence.start >= kept[kept.length - 1]!.end) kept.push(occurrence);
  return kept;
}

type Mode = 'plain' | 'places';
/**
 * longer: the text there is a longer term than the appendix's (一带 inside 一带一路, 三保 inside
 * 两不愁三保障) and the glossary explains that longer term: the report's own definition of the
 * shorter one is not what the text says there, so it is neither explained nor contradicted (counted
 * as flagged). part: every match there explains a part of the appendix's term (see `partOfTerm`;
 * counted as flagged too).
 */
type Outcome = 'explained' | 'contradicted' | 'flagged' | 'missed' | 'longer' | 'part';

interface Miss {
  file: string;
  term: string;
  outcome: Outcome;
  shownFrom?: string;
  shownTerm?: string;
  /** For a contradiction: the reviewer's verdict, if a review covers it. */
  review?: Review['verdict'];
  /** For a contradiction: the shown definition and the report's own, shortened. */
  shown?: string;
  own?: string;
  /** For EVAL_DUMP: the matched text, the chosen sense's kind and term, and both definitions in full. */
  detail?: { matched: string; kind: string; shownTerm: string; shownYear?: number; shownFull: string; ownFull: string; context: string; share: number };
}

const brief = (entry: Pick<PackEntry, 'items' | 'definition'>) => (entry.definition ?? entry.items?.join('、') ?? '').slice(0, 48);

/** A person's verdict on one automatic contradiction (scripts/eval-contradiction-reviews.json). */
export interface Review {
  file: string;
  term: string;
  shownFrom: string;
  shownTerm: string;
  /**
   * same: the shown definition says what the report's own says, in other words; different: it
   * contradicts it; longer: the text there names a longer thing that the shown definition explains
   * (not judged against the report's shorter term: not explained, flagged); part: the shown
   * definition explains a part of the report's longer name, consistently (not explained, flagged).
   */
  verdict: 'same' | 'different' | 'longer' | 'part';
  reason: string;
}

const reviewKey = (file: string, term: string, shownFrom: string | undefined, shownTerm: string | undefined) => `${file}\t${term}\t${shownFrom ?? ''}\t${shownTerm ?? ''}`;

/** The reviews, keyed by report, appendix term, shown place and shown term (a review of another shown definition does not apply). */
export function loadReviews(file = fileURLToPath(new URL('./eval-contradiction-reviews.json', import.meta.url))): Map<string, Review> {
  const reviews = new Map<string, Review>();
  if (!existsSync(file)) return reviews;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { reviews: Review[] };
  for (const review of parsed.reviews) {
    if (!['same', 'different', 'longer', 'part'].includes(review.verdict) || !review.reason?.trim()) throw new Error(`${file}: review of ${review.term} (${review.file}) needs a verdict (same/different/longer/part) and a reason`);
    reviews.set(reviewKey(review.file, review.term, review.shownFrom, review.shownTerm), review);
  }
  return reviews;
}

/** What the eval knows for the extended judge: how common a phrase is among all definitions. */
export interface PhraseStats {
  frequency: PhraseFrequency;
  total: number;
}

function evaluate(
  pack: GlossaryPack,
  tests: readonly CorpusReport[],
  known: ReadonlySet<string>,
  places: PlaceIndex,
  weight: BigramWeight,
  phrases: PhraseStats,
  reviews: ReadonlyMap<string, Review>,
): { tallies: Record<string, Tally>; misses: Miss[] } {
  const matcher = createMatcher(pack);
  const senses = createSenseIndex(pack);
  const byId = new Map(pack.entries.map((entry) => [entry.id, entry]));
  const tallies: Record<string, Tally> = {};
  const misses: Miss[] = [];
  for (const report of tests) {
    const group = report.place && known.has(report.place.code) ? 'known place' : 'new place';
    // As the product reads a page (core/match-context.ts): term matches read in their context, and
    // with places, a term only other places define narrowed to a quoted term inside it that the
    // page's place (or its parents, central, …) defines.
    const scan = (text: string) => matcher.scan(text);
    const plainMatches = readForPage(report.body, scan);
    const elsewhereFor = (id: string) => chooseSense(senses.sensesOf(id), pack.documents, report.place?.code, places).kind === 'elsewhere';
    const placeMatches = readForPage(report.body, scan, elsewhereFor);
    const occurrences = ownOccurrences(report.body, report.entries);
    for (const mode of ['plain', 'places'] as Mode[]) {
      const tally = (tallies[`${group} / ${mode}`] ??= emptyTally());
      tally.reports += 1;
      const matches = mode === 'places' ? placeMatches : plainMatches;
      for (const occurrence of occurrences) {
        const overlapping = matches.filter((m) => m.start < occurrence.end && occurrence.start < m.end);
        /** The occurrence's outcome as the judge with (`extended`) or without the extended criteria sees it. */
        const judge = (extended: boolean) => {
          let outcome: Outcome = overlapping.length > 0 ? 'flagged' : 'missed';
          let shownFrom: string | undefined;
          let shownTerm: string | undefined;
          let shownText: string | undefined;
          let elsewhere = false;
          let strictAgrees = false;
          let detail: Miss['detail'];
          for (const match of overlapping) {
            if (match.kind !== 'term' || !match.entryId) continue;
            let shown: PackEntry | undefined = byId.get(match.entryId);
            let kind = 'plain';
            if (mode === 'places') {
              const choice = chooseSense(senses.sensesOf(match.entryId), pack.documents, report.place?.code, places);
              shown = choice.shown;
              kind = choice.kind;
              if (choice.kind === 'elsewhere') elsewhere = true;
            }
            if (!shown || (!shown.definition && !shown.items?.length)) continue;
            const sameGovernment = report.place !== undefined && pack.documents[shown.doc]?.region?.code === report.place.code;
            const evidence: JudgeEvidence | undefined = extended
              ? { shownForms: shown.forms, ownForms: [occurrence.entry.term, ...(occurrence.entry.aliases ?? [])], frequency: phrases.frequency, total: phrases.total }
              : undefined;
            const agrees = sameMeaning(shown, occurrence.entry, occurrence.entry.term, weight, sameGovernment, evidence);
            // A longer term whose explanation differs from the appendix's shorter one is not a contradiction of it.
            if (!agrees && longerTerm(report.body, match, occurrence, byId.get(match.entryId)?.term ?? shown.term)) {
              if (outcome !== 'explained') outcome = 'longer';
              if (process.env.EVAL_LONGER && extended) console.log(`LONGER\t${occurrence.entry.term}\t${match.text}\t${brief(shown)}\t${brief(occurrence.entry)}`);
              continue;
            }
            // A part of the appendix's longer term, explained as itself: neither explained nor contradicted.
            const matchedEntry = byId.get(match.entryId);
            if (!agrees && matchedEntry && partOfTerm(report.body, match, occurrence, matchedEntry.forms)) {
              if (outcome === 'flagged' || outcome === 'missed') outcome = 'part';
              continue;
            }
            strictAgrees ||= definitionsAgree(shown, occurrence.entry);
            shownFrom = pack.documents[shown.doc]?.region?.name ?? pack.documents[shown.doc]?.title;
            shownTerm = shown.term;
            shownText = brief(shown);
            if (process.env.EVAL_FLIPS && extended && mode === 'places' && agrees && !sameMeaning(shown, occurrence.entry, occurrence.entry.term, weight, sameGovernment)) {
              console.log(`FLIP\t${report.file}\t${occurrence.entry.term}\t[${shownFrom}] ${brief(shown)}\t${brief(occurrence.entry)}`);
            }
            if (outcome !== 'explained') outcome = agrees ? 'explained' : 'contradicted';
            if (process.env.EVAL_KINDS && extended && mode === 'places') console.log(`KIND\t${kind}\t${/[0-9０-９一二两三四五六七八九十百千双]/u.test(shown.term) ? 'numbered' : 'plain'}\t${(report.year ?? 0) - (pack.documents[shown.doc]?.year ?? 0)}\t${agrees ? 'agree' : 'contra'}\t${occurrence.entry.term}\t${match.text}`);
            if (!agrees) {
              const full = (e: Pick<PackEntry, 'items' | 'definition'>) => e.definition ?? e.items?.join('、') ?? '';
              detail = {
                matched: match.text,
                kind,
                shownTerm: shown.term,
                shownYear: pack.documents[shown.doc]?.year,
                shownFull: full(shown),
                ownFull: full(occurrence.entry),
                context: report.body.slice(Math.max(0, occurrence.start - 12), occurrence.end + 12).replace(/\s+/gu, ' '),
                share: Math.round(100 * keyContentShared(shown, occurrence.entry, occurrence.entry.term, weight)) / 100,
              };
            }
          }
          return { outcome, shownFrom, shownTerm, shownText, elsewhere, strictAgrees, detail };
        };
        const before = judge(false);
        const { outcome, shownFrom, shownTerm, shownText, elsewhere, strictAgrees, detail } = judge(true);
        tally.occurrences += 1;
        if (outcome === 'explained' || outcome === 'contradicted') tally.explained += 1;
        if (outcome !== 'missed') tally.explainedOrFlagged += 1;
        if (outcome === 'part') tally.part += 1;
        if (outcome === 'contradicted') tally.contradicted += 1;
        if (before.outcome === 'contradicted') tally.contradictedBefore += 1;
        if (before.outcome === 'contradicted' || before.outcome === 'explained') tally.explainedBefore += 1;
        if (outcome === 'flagged' && elsewhere) tally.elsewhere += 1;
        if (outcome === 'longer') tally.longer += 1;
        if ((outcome === 'contradicted' || outcome === 'explained') && !strictAgrees) tally.contradictedStrict += 1;
        // The reviewed figure: a person's verdict replaces the automatic one on each contradiction it covers.
        // A review may also overrule an agreement (one the extended criteria found, checked by hand).
        const review = outcome === 'contradicted' || outcome === 'explained' ? reviews.get(reviewKey(report.file, occurrence.entry.term, shownFrom, shownTerm)) : undefined;
        const reviewed = review?.verdict ?? (outcome === 'contradicted' ? 'different' : outcome === 'explained' ? 'same' : undefined);
        if (reviewed === 'same' || reviewed === 'different') tally.reviewedExplained += 1;
        if (reviewed === 'different') tally.reviewedContradicted += 1;
        if (outcome === 'contradicted' && !review) tally.unreviewed += 1;
        // EVAL_OUTCOMES=file: every occurrence's outcome with places (one JSON line each), to compare two rule sets occurrence by occurrence.
        if (process.env.EVAL_OUTCOMES && mode === 'places') {
          const line = { file: report.file, year: report.year, term: occurrence.entry.term, at: occurrence.start, outcome, reviewed: reviewed ?? outcome, shownFrom, shownTerm, context: report.body.slice(Math.max(0, occurrence.start - 10), occurrence.end + 10).replace(/\s+/gu, ' ') };
          appendFileSync(process.env.EVAL_OUTCOMES, `${JSON.stringify(line)}\n`);
        }
        if (process.env.EVAL_MISSED && mode === 'places' && outcome === 'missed') console.log(`MISSED\t${occurrence.entry.term}\t${report.body.slice(Math.max(0, occurrence.start - 8), occurrence.end + 8).replace(/\s+/gu, ' ')}`);
        if (mode === 'places' && outcome !== 'explained') {
          misses.push({ file: report.file, term: occurrence.entry.term, outcome, shownFrom, shownTerm, review: review?.verdict, shown: shownText, own: brief(occurrence.entry), ...(outcome === 'contradicted' ? { detail } : {}) });
        }
      }
    }
  }
  return { tallies, misses };
}

const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function printRun(title: string, tallies: Record<string, Tally>, misses: readonly Miss[]): void {
  console.log(`\n${title}`);
  console.log(`${'group / mode'.padEnd(22)} ${'reports'.padStart(7)} ${'occ.'.padStart(6)}  explained  expl.|flagged  contradicts  (strict)   of expl.: contra. (strict)  of flagged: elsewhere  longer   part`);
  for (const key of Object.keys(tallies).sort()) {
    const t = tallies[key]!;
    console.log(
      `${key.padEnd(22)} ${String(t.reports).padStart(7)} ${String(t.occurrences).padStart(6)}  ${pct(t.explained, t.occurrences)}     ${pct(t.explainedOrFlagged, t.occurrences)}      ${pct(t.contradicted, t.occurrences)}   ${pct(t.contradictedStrict, t.occurrences)}   ${pct(t.contradicted, t.explained)}   ${pct(t.contradictedStrict, t.explained)}        ${pct(t.elsewhere, t.occurrences)}  ${pct(t.longer, t.occurrences)}  ${pct(t.part, t.occurrences)}`,
    );
  }
  // The issue's contradiction target (≤ 3% of the explained) under each judge, in counts and shares.
  console.log('contradictions of the explained, by judge: automatic before the extended criteria → automatic (extended judge) → reviewed (a person\'s verdicts, scripts/eval-contradiction-reviews.json, on the automatic contradictions; unreviewed ones count as contradictions)');
  for (const key of Object.keys(tallies).sort()) {
    const t = tallies[key]!;
    console.log(
      `  ${key.padEnd(22)} before ${String(t.contradictedBefore).padStart(3)}/${t.explainedBefore} ${pct(t.contradictedBefore, t.explainedBefore)}   automatic ${String(t.contradicted).padStart(3)}/${t.explained} ${pct(t.contradicted, t.explained)}   reviewed ${String(t.reviewedContradicted).padStart(3)}/${t.reviewedExplained} ${pct(t.reviewedContradicted, t.reviewedExplained)} (explained ${pct(t.reviewedExplained, t.occurrences)}; ${t.unreviewed} unreviewed)   strict ${pct(t.contradictedStrict, t.explained)}`,
    );
  }
  const counts = new Map<string, number>();
  for (const miss of misses) counts.set(miss.outcome, (counts.get(miss.outcome) ?? 0) + 1);
  console.log(`not explained, with places: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const outcome of ['missed', 'contradicted', 'flagged', 'longer', 'part'] as Outcome[]) {
    const terms = new Map<string, number>();
    for (const miss of misses) if (miss.outcome === outcome) terms.set(miss.term, (terms.get(miss.term) ?? 0) + 1);
    const top = [...terms].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`  ${outcome}: ${top.map(([term, n]) => `${term}×${n}`).join(' ')}`);
  }
  // A sample of contradictions, to tell a different meaning from a rewording the agreement test misses.
  const seen = new Set<string>();
  const sample = misses.filter((m) => m.outcome === 'contradicted' && !seen.has(m.term) && seen.add(m.term)).slice(0, Number(process.env.EVAL_SAMPLE ?? 12));
  for (const miss of sample) console.log(`    ${miss.term} (${miss.file}): shown [${miss.shownFrom} ${miss.shownTerm}] ${miss.shown} | own ${miss.own}${miss.review ? `  — reviewed: ${miss.review}` : '  — unreviewed'}`);
  // EVAL_DUMP=file: every contradiction in full (one JSON line each), to sort them by cause.
  if (process.env.EVAL_DUMP) {
    const lines = misses.filter((m) => m.outcome === 'contradicted').map((m) => JSON.stringify({ run: title, file: m.file, term: m.term, from: m.shownFrom, review: m.review, ...m.detail }));
    appendFileSync(process.env.EVAL_DUMP, lines.map((line) => `${line}\n`).join(''));
  }
}

export async function runCollectionEval(): Promise<void> {
  console.log('collection eval: appendix terms of held-out reports, scanned with the collection of earlier years');
  if (!existsSync(CORPUS)) {
    console.log(`  skipped: no corpus at ${CORPUS}`);
    return;
  }
  const places = createPlaceIndex(loadDivisions());
  const files = APPENDIX_FOLDERS.flatMap((folder) => (existsSync(path.join(CORPUS, folder)) ? listReports(path.join(CORPUS, folder)) : []));
  const reports = files.map((file) => readReport(file, places));
  const unplaced = reports.filter((report) => !report.place).map((report) => report.file);
  console.log(`  ${reports.length} reports read, ${unplaced.length} without a place${unplaced.length ? `: ${unplaced.slice(0, 5).join(', ')}` : ''}`);
  const extra = editorialInputs();
  const definitions = reports.flatMap((report) => report.entries.map((entry) => entry.definition ?? entry.items?.join('、') ?? ''));
  const weight = bigramWeights(definitions);
  const phrases: PhraseStats = { frequency: phraseFrequencies(definitions), total: definitions.length };
  const reviews = loadReviews();
  console.log(`  ${reviews.size} reviewed contradictions (scripts/eval-contradiction-reviews.json)`);

  const runs: { title: string; maxYear: number; editorialUntil?: number; test: (report: CorpusReport) => boolean }[] = [
    { title: '2022 reports, collection ≤2021', maxYear: 2021, test: (r) => r.year === 2022 },
    { title: '2023+ sichuan/chengdu reports, collection ≤2022', maxYear: 2022, test: (r) => (r.year ?? 0) >= 2023 && /^(sichuan|chengdu)/u.test(r.file) },
    // The same with the editorial entries of 2023 and later (glossary/national/editorial-2023.yaml:
    // coinages of the State Council's 2023–2026 reports, written by us, none taken from these
    // reports): what the product gives those years' pages, not a held-out measure of the rules.
    { title: '2023+ sichuan/chengdu reports, collection ≤2022 with the editorial entries of 2023+', maxYear: 2022, editorialUntil: 9999, test: (r) => (r.year ?? 0) >= 2023 && /^(sichuan|chengdu)/u.test(r.file) },
    // A second held-out check for a rule proved on the years up to 2022: build from 2020 and earlier,
    // measure on 2021 and 2022 (93 reports), so that a rule is not judged on the rows it was made on alone.
    { title: '2021–2022 reports, collection ≤2020', maxYear: 2020, test: (r) => r.year === 2021 || r.year === 2022 },
  ];
  for (const run of runs) {
    const pack = collectionPack(reports, run.maxYear, extra, run.editorialUntil);
    const known = new Set(reports.filter((r) => r.year !== undefined && r.year <= run.maxYear && r.entries.length > 0 && r.place).map((r) => r.place!.code));
    const tests = reports.filter((r) => run.test(r) && r.entries.length > 0 && r.body !== '');
    const { tallies, misses } = evaluate(pack, tests, known, places, weight, phrases, reviews);
    printRun(`${run.title}: ${pack.entries.length} entries`, tallies, misses);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await runCollectionEval();
