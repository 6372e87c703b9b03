// Which of a term's definitions a page shows first: the user's own, this place's, the places above
// it, central, a meaning many places share, ours — and never another place's meaning as this page's.
import type { PlaceIndex } from './places';
import type { PackEntry, SourceDocument } from './types';
import { CENTRAL_CODE } from './types';

/**
 * Why the shown definition was chosen:
 * - user: the reader's own entry (我的词库);
 * - own: the page's own government defined it (for a central page, central's definition);
 * - parent: the nearest government above the page's (a county page: its city, then its province);
 * - central: the State Council or a ministry;
 * - agreed: several places define it and their definitions agree — the most recent is shown;
 * - editorial: written by us (编辑补充);
 * - elsewhere: only other places define it (one place, or places that disagree): nothing is shown
 *   as this page's meaning; `others` lists them, each to be labelled with its place and year
 *   (其他地方的用法);
 * - only: the page's place is unknown and the term has one meaning (one place's, or one source
 *   without a place — packs from before regions were recorded): shown, and the caller shows its
 *   source (place and year) with it, since nothing says the page is of another place.
 */
export type SenseKind = 'user' | 'own' | 'parent' | 'central' | 'agreed' | 'editorial' | 'elsewhere' | 'only';

/** The definition to show (undefined for `elsewhere`) and every other one, in the order to list them. */
export interface SenseChoice {
  shown?: PackEntry;
  kind: SenseKind;
  others: PackEntry[];
}

/** Options of `chooseSense`. */
export interface SenseChoiceOptions {
  /**
   * Whether a document holds the reader's own entries. Default: the title begins with 我的词库, as
   * the extension's user document is titled (src/extension/merge.ts USER_DOCUMENT).
   */
  isUserDocument?: (document: SourceDocument) => boolean;
}

/**
 * How many places must define a term, with agreeing definitions, before one of them is shown on a
 * page of another place as the meaning in general use. Three ("several places"): two agreeing
 * places are weak evidence that a third means the same. On the eval (scripts/eval-collection.ts,
 * its judge of 18:40 UTC), two → three cost 0.4 points of explained occurrences on 2022 reports of
 * known places (36.8 → 36.4%) and took contradictions of the explained from 11.3% to 10.5%; on new
 * places 44.2 → 41.8% explained, 16.4 → 16.7%; the 2023+ reports did not change.
 */
export const AGREED_MIN_PLACES = 3;

/**
 * A numbered slogan (五个一批, 五通, 5个100) is coined by each place for its own programme, so
 * another place's meaning is shown as the one in general use only when at least three places
 * define it and every place that defines it agrees. On the eval (scripts/eval-collection.ts, 2022
 * reports), the numbered terms that two places, or a two-thirds majority, agreed on were shown at
 * a contradiction rate near one in two; requiring this costs 2 points of explained occurrences and
 * brings contradictions from 19.6% to 18.1% of the explained (known places), 24.0% to 20.0% (new
 * places), 21.2% to 20.0% on 2023+ reports.
 */
export const NUMBERED_MIN_PLACES = 3;
const NUMBERED = /[0-9０-９一二两三四五六七八九十百千双]/u;

/** Share of the shorter enumeration whose items must each find a like item in the other. */
const ITEM_SHARE = 0.6;
/** Bigram Dice score at which two items (or two prose definitions) say the same thing. */
const ITEM_DICE = 0.5;
const PROSE_DICE = 0.5;
/** Below this share of like items, two lists of one place's numbered slogan are two programmes (`reusedName`). */
const REUSED_SHARE = 1 / 3;
/** Share of the places (the shown one included) that must share the meaning shown as 'agreed'. */
const MAJORITY = 2 / 3;

/** Only the words: no punctuation, no 是指/指/即 opening. */
const normalise = (text: string) =>
  text.replace(/^\s*(?:是指|指的是|主要是指|主要指|指|即)/u, '').replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');

/**
 * The character bigrams of a text's words, each as one number (its two UTF-16 units), sorted: two
 * texts' shared bigrams (with their counts) are then one walk over both.
 */
function bigrams(text: string): Uint32Array {
  const codes = new Uint32Array(Math.max(0, text.length - 1));
  for (let i = 0; i + 1 < text.length; i += 1) codes[i] = ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0;
  return codes.sort();
}

/**
 * The bigrams of texts compared lately. A term's definitions are compared pairwise (agreedSense:
 * every place's with every other's), and a page asks for hundreds of terms: counted once each,
 * not once per comparison (a long report page's sense choices took seconds of the background).
 */
const counted = new Map<string, Uint32Array>();
const COUNTED_MAX = 4096;

function wordBigrams(text: string): Uint32Array {
  let codes = counted.get(text);
  if (!codes) {
    if (counted.size >= COUNTED_MAX) counted.clear();
    codes = bigrams(normalise(text));
    counted.set(text, codes);
  }
  return codes;
}

/** Dice coefficient over character bigrams: 1 identical … 0 nothing shared. */
export function bigramDice(a: string, b: string): number {
  const x = wordBigrams(a);
  const y = wordBigrams(b);
  const total = x.length + y.length;
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i]! < y[j]!) i += 1;
    else if (x[i]! > y[j]!) j += 1;
    else {
      shared += 1;
      i += 1;
      j += 1;
    }
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Enumerations read lately, by entry and for its definition then (entries are compared pairwise, see `counted`). */
const listed = new WeakMap<object, { definition: string | undefined; parts: string[] | undefined }>();

/** The enumeration a definition lists (its items, else its 、/；-separated parts), if any. */
function enumeration(entry: Pick<PackEntry, 'items' | 'definition'>): string[] | undefined {
  if (entry.items && entry.items.length >= 2) return entry.items;
  const known = listed.get(entry);
  if (known && known.definition === entry.definition) return known.parts;
  const parts = definitionParts(entry.definition);
  listed.set(entry, { definition: entry.definition, parts });
  return parts;
}

function definitionParts(definition: string | undefined): string[] | undefined {
  const parts = (definition ?? '')
    .replace(/[。．.]\s*$/u, '')
    .split(/[、；;]/u)
    .map(normalise)
    .filter((part) => part.length > 0);
  return parts.length >= 2 ? parts : undefined;
}

/**
 * Whether two definitions of a term say the same thing. Enumerations (五个一批: 发展生产脱贫一批、
 * 易地扶贫搬迁脱贫一批…) agree when at least 60% of the shorter list's items each have a like item
 * (bigram Dice ≥ 0.5) in the other: rewordings (易地扶贫搬迁 / 易地搬迁) agree, a different list
 * (续建推进一批、开工建设一批…) does not. Prose definitions agree at bigram Dice ≥ 0.5. Tuned to
 * err towards "disagree": a false disagreement only labels a meaning 其他地方的用法.
 */
export function definitionsAgree(
  a: Pick<PackEntry, 'items' | 'definition'>,
  b: Pick<PackEntry, 'items' | 'definition'>,
): boolean {
  const x = enumeration(a);
  const y = enumeration(b);
  if (x && y) {
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    const alike = short.filter((item) => long.some((other) => bigramDice(item, other) >= ITEM_DICE)).length;
    return alike / short.length >= ITEM_SHARE;
  }
  const text = (entry: typeof a) => entry.definition ?? entry.items?.join('、') ?? '';
  return bigramDice(text(a), text(b)) >= PROSE_DICE;
}

/**
 * The meaning in general use among other places' latest definitions (most recent first): the most
 * recent one that at least `minPlaces` places and at least `majority` of all the places share
 * (itself included). By default two places and two thirds: prose explanations of one policy are
 * worded differently everywhere, so unanimity would leave little agreed (on the corpus 205 of 375
 * multi-place terms have some disagreeing pair); a two-thirds majority still keeps out a term that
 * places use for different things. Numbered slogans ask more (`NUMBERED_MIN_PLACES`, all agreeing).
 * `acceptable` may refuse the places that share a meaning (chooseSense: all of one province).
 */
export function agreedSense(
  latest: readonly PackEntry[],
  minPlaces = AGREED_MIN_PLACES,
  majority = MAJORITY,
  acceptable: (sharing: readonly PackEntry[]) => boolean = () => true,
): PackEntry | undefined {
  if (latest.length < minPlaces) return undefined;
  return latest.find((candidate) => {
    const alike = latest.filter((other) => other !== candidate && definitionsAgree(candidate, other));
    return alike.length + 1 >= minPlaces && alike.length + 1 >= majority * latest.length && acceptable([candidate, ...alike]);
  });
}

/** The province part of a GB/T 2260 code (its first two digits): 430100 长沙市 → 43 湖南省. */
const provinceOf = (code: string | undefined) => code?.slice(0, 2);

/**
 * Whether a place's own definitions of a numbered slogan (newest first) say different things in
 * different years: the place has given the name to another programme (成都's 六个一批 of famous
 * people's culture, then of major projects), so its newest definition is no safe guess for a
 * later page either. Such a place's meaning is not shown as the page's own: it joins the other
 * places' usages (其他地方的用法 unless a meaning in general use or a higher government's applies),
 * each labelled with its year. Unnumbered terms keep their newest definition: a policy explained
 * anew (海绵城市, 金通工程) is reworded, not renamed.
 */
export function reusedName(entries: readonly PackEntry[], year: (entry: PackEntry) => number): boolean {
  const [newest, ...older] = entries;
  if (!newest || !NUMBERED.test(newest.term)) return false;
  const list = (entry: PackEntry) => enumeration(entry) ?? [];
  const mine = list(newest);
  // Only lists that share next to nothing count: prose explanations of one programme, and lists
  // reworded or grown by an item, differ in wording more often than in substance.
  const unlike = (other: string[]) => {
    const [short, long] = mine.length <= other.length ? [mine, other] : [other, mine];
    const alike = short.filter((item) => long.some((o) => bigramDice(item, o) >= ITEM_DICE)).length;
    return alike / short.length < REUSED_SHARE;
  };
  return mine.length >= 3 && older.some((entry) => year(entry) !== year(newest) && list(entry).length >= 3 && unlike(list(entry)));
}

/** The year of a document: its `year`, else the year of its `date`. */
function yearOf(document: SourceDocument | undefined): number {
  if (document?.year !== undefined) return document.year;
  const match = /^\d{4}/.exec(document?.date ?? '');
  return match ? Number(match[0]) : 0;
}

const isUserTitle = (document: SourceDocument) => document.title.startsWith('我的词库');

/**
 * Chooses the definition a page shows first among `senses` (every entry of one term, see
 * core/senses.ts), given the pack's `documents`, the page's GB/T 2260 code (`CENTRAL_CODE` for a
 * central page; undefined when unknown) and the place index (needed for `parent`).
 *
 * Order: user → own → parent (nearest first) → central → agreed → editorial; failing all, a page of
 * known place gets `elsewhere` (no meaning shown as its own), a page of unknown place gets `only`
 * when there is one meaning (a single place's, or a single source with no place) and `elsewhere`
 * otherwise. Within a kind, the most recent definition is shown. `others` lists every other sense
 * in that same order, most recent first within each kind.
 */
export function chooseSense(
  senses: readonly PackEntry[],
  documents: readonly SourceDocument[],
  pageRegion: string | undefined,
  places?: PlaceIndex,
  options: SenseChoiceOptions = {},
): SenseChoice {
  const isUser = options.isUserDocument ?? isUserTitle;
  const doc = (entry: PackEntry) => documents[entry.doc];
  const region = (entry: PackEntry) => doc(entry)?.region?.code;
  const year = (entry: PackEntry) => yearOf(doc(entry));
  const recent = (entries: PackEntry[]) => [...entries].sort((a, b) => year(b) - year(a));

  const user: PackEntry[] = [];
  const editorial: PackEntry[] = [];
  const central: PackEntry[] = [];
  /** Official senses by the place that issued them (in order of first appearance). */
  const byPlace = new Map<string, PackEntry[]>();
  /** Official senses whose document names no place. */
  const unplaced: PackEntry[] = [];
  for (const entry of senses) {
    const document = doc(entry);
    const code = region(entry);
    if (document && isUser(document)) user.push(entry);
    else if (entry.status === 'editorial' || document?.kind === 'editorial') editorial.push(entry);
    else if (code === CENTRAL_CODE) central.push(entry);
    else if (code === undefined) unplaced.push(entry);
    else byPlace.set(code, [...(byPlace.get(code) ?? []), entry]);
  }

  const ranked: { kind: SenseKind; entries: PackEntry[] }[] = [{ kind: 'user', entries: recent(user) }];
  const taken = new Set<string>();
  const takePlace = (kind: SenseKind, code: string) => {
    const entries = byPlace.get(code);
    if (!entries || taken.has(code) || reusedName(recent(entries), year)) return;
    taken.add(code);
    ranked.push({ kind, entries: recent(entries) });
  };
  if (pageRegion === CENTRAL_CODE) {
    ranked.push({ kind: 'own', entries: recent(central) });
  } else {
    if (pageRegion !== undefined) {
      takePlace('own', pageRegion);
      for (const above of places?.ancestors(pageRegion) ?? []) takePlace('parent', above.code);
    }
    ranked.push({ kind: 'central', entries: recent(central) });
  }

  const elsewhere = [...byPlace.keys()].filter((code) => !taken.has(code));
  const latest = recent(elsewhere.map((code) => recent(byPlace.get(code)!)[0]!));
  // A meaning the places of one province alone share is that province's usage (its programme,
  // which its cities repeat: 湖南's 五个100), not one in general use: shown as such only on a page
  // of that province. On the eval (scripts/eval-collection.ts, 2022 reports of known places) this
  // took 3 explained occurrences of 539, 2 of them contradictions (another province's 五个100 on
  // 昆明 and 鄂州 pages); 2022 new places and the 2023+ reports did not change.
  const pageProvince = pageRegion === CENTRAL_CODE ? undefined : provinceOf(pageRegion);
  const acrossProvinces = (sharing: readonly PackEntry[]) => {
    const provinces = new Set(sharing.map((entry) => provinceOf(region(entry))));
    return provinces.size >= 2 || provinces.has(pageProvince);
  };
  const consensus = senses.some((entry) => NUMBERED.test(entry.term))
    ? agreedSense(latest, NUMBERED_MIN_PLACES, 1, acrossProvinces)
    : agreedSense(latest, AGREED_MIN_PLACES, MAJORITY, acrossProvinces);
  const rest = recent(elsewhere.flatMap((code) => byPlace.get(code)!));
  const agreed = consensus !== undefined;
  if (consensus) ranked.push({ kind: 'agreed', entries: [consensus, ...rest.filter((e) => e !== consensus)] });
  ranked.push({ kind: 'editorial', entries: recent(editorial) });

  const first = ranked.find((group) => group.entries.length > 0);
  const all = ranked.flatMap((group) => group.entries);
  if (first) {
    const shown = first.entries[0]!;
    return { shown, kind: first.kind, others: [...all.filter((e) => e !== shown), ...(agreed ? [] : rest), ...recent(unplaced)] };
  }
  // Only other places' meanings (or sources without a place) remain.
  const leftover = [...rest, ...recent(unplaced)];
  if (pageRegion === undefined && elsewhere.length === 1 && unplaced.length === 0) {
    const [shown, ...others] = leftover;
    return { shown, kind: 'only', others };
  }
  // A pack without places (before regions were recorded) keeps showing its single source.
  const [newest, ...older] = recent(unplaced);
  if (elsewhere.length === 0 && newest && older.every((e) => definitionsAgree(newest, e))) {
    return { shown: newest, kind: 'only', others: older };
  }
  return { kind: 'elsewhere', others: leftover };
}
