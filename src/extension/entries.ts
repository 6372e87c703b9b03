// The background's answer to "what do these terms mean on this page": the entries a page found,
// with their source documents, related entries and each one's sense choice for the page's place.
// Definitions stay here; a page holds only the compiled matcher and the entries it asked for.
import { sloganUsage } from '../core/slogan-usage';
import type { PackEntry, SourceDocument } from '../core/types';
import type { PageClues } from '../ui/page-clues';
import { currentMergedPack, entryIndex } from './merged-memo';
import { ENTRY_BATCH } from './messages';
import { choosePageSenses, type PageSenses } from './page-senses';

/** The entries a page asked for, and everything their tooltips show. */
export interface PageEntries {
  /** The merged pack's hash: an answer for another glossary is dropped. */
  hash: string;
  /** The asked entries, the entries their sense choices show and their related entries. */
  entries: PackEntry[];
  /** Source documents of those entries, by their index in the merged pack (`entry.doc`). */
  documents: Record<number, SourceDocument>;
  /** The sense choice of every entry in `entries` that has one on this page. */
  senses: PageSenses;
}

/** The entries with `entryIds` (unknown ids left out), for a page with these clues at `pageUrl`. */
export async function pageEntries(clues: PageClues, entryIds: readonly string[], pageUrl?: string): Promise<PageEntries> {
  const pack = await currentMergedPack();
  if (!pack) return { hash: '', entries: [], documents: {}, senses: {} };
  const byId = entryIndex(pack.entries);
  const wanted = new Set(entryIds.slice(0, ENTRY_BATCH).filter((id) => byId.has(id)));
  // Every entry sent has its sense choice sent with it: a tooltip never shows an entry alone
  // while its page-place choice is still unknown.
  let senses = await choosePageSenses(clues, [...wanted], pageUrl);
  const shown = new Set(wanted);
  for (const choice of Object.values(senses)) {
    if (choice.shown) shown.add(choice.shown);
    for (const id of choice.others) shown.add(id);
  }
  for (const id of [...shown]) for (const related of byId.get(id)?.related ?? []) if (byId.has(related)) shown.add(related);
  const extra = [...shown].filter((id) => !wanted.has(id));
  if (extra.length > 0) senses = { ...senses, ...(await choosePageSenses(clues, extra, pageUrl)) };
  const entries = [...shown].map((id) => byId.get(id) as PackEntry);
  const documents: Record<number, SourceDocument> = {};
  for (const entry of entries) {
    const doc = pack.documents[entry.doc];
    if (doc) documents[entry.doc] = doc;
  }
  return { hash: pack.hash, entries, documents, senses };
}

/** What the whole glossary knows about an unknown slogan (core/slogan-usage.ts), as entry ids with the entries. */
export interface SloganAnswer {
  hash: string;
  close: string[];
  otherNumbers: string[];
  usedIn: string[];
  usedInCount: number;
  entries: PackEntry[];
  documents: Record<number, SourceDocument>;
}

const answers = new Map<string, SloganAnswer>();
/** Slogans answered for the current pack: a page asks each once, and readers hover few. */
const MAX_ANSWERS = 200;

/** The usage of `text` in the merged pack: a pass over every entry, kept per pack and slogan. */
export async function sloganAnswer(text: string): Promise<SloganAnswer> {
  const pack = await currentMergedPack();
  if (!pack) return { hash: '', close: [], otherNumbers: [], usedIn: [], usedInCount: 0, entries: [], documents: {} };
  const key = `${pack.hash}\n${text}`;
  const known = answers.get(key);
  if (known) return known;
  const usage = sloganUsage(pack.entries, pack.documents, text);
  const entries = [...new Set([...usage.close, ...usage.otherNumbers, ...usage.usedIn])];
  const documents: Record<number, SourceDocument> = {};
  for (const entry of entries) {
    const doc = pack.documents[entry.doc];
    if (doc) documents[entry.doc] = doc;
  }
  const ids = (list: PackEntry[]): string[] => list.map((entry) => entry.id);
  const answer = { hash: pack.hash, close: ids(usage.close), otherNumbers: ids(usage.otherNumbers), usedIn: ids(usage.usedIn), usedInCount: usage.usedInCount, entries, documents };
  if (answers.size >= MAX_ANSWERS || [...answers.keys()].some((k) => !k.startsWith(`${pack.hash}\n`))) answers.clear();
  answers.set(key, answer);
  return answer;
}
