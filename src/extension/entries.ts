// The background's answer to "what do these terms mean on this page": the entries a page found,
// with their source documents, related entries and each one's sense choice for the page's place.
// Definitions stay here; a page holds only the compiled matcher and the entries it asked for.
import type { PackEntry, SourceDocument } from '../core/types';
import type { PageClues } from '../ui/page-clues';
import { currentMergedPack } from './merged-memo';
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

/** The entries with `entryIds` (unknown ids left out), for a page with these clues. */
export async function pageEntries(clues: PageClues, entryIds: readonly string[]): Promise<PageEntries> {
  const pack = await currentMergedPack();
  if (!pack) return { hash: '', entries: [], documents: {}, senses: {} };
  const byId = entryIndex(pack.entries);
  const wanted = new Set(entryIds.slice(0, ENTRY_BATCH).filter((id) => byId.has(id)));
  // Every entry sent has its sense choice sent with it: a tooltip never shows an entry alone
  // while its page-place choice is still unknown.
  let senses = await choosePageSenses(clues, [...wanted]);
  const shown = new Set(wanted);
  for (const choice of Object.values(senses)) {
    if (choice.shown) shown.add(choice.shown);
    for (const id of choice.others) shown.add(id);
  }
  for (const id of [...shown]) for (const related of byId.get(id)?.related ?? []) if (byId.has(related)) shown.add(related);
  const extra = [...shown].filter((id) => !wanted.has(id));
  if (extra.length > 0) senses = { ...senses, ...(await choosePageSenses(clues, extra)) };
  const entries = [...shown].map((id) => byId.get(id) as PackEntry);
  const documents: Record<number, SourceDocument> = {};
  for (const entry of entries) {
    const doc = pack.documents[entry.doc];
    if (doc) documents[entry.doc] = doc;
  }
  return { hash: pack.hash, entries, documents, senses };
}

const indexes = new WeakMap<readonly PackEntry[], Map<string, PackEntry>>();
function entryIndex(entries: readonly PackEntry[]): Map<string, PackEntry> {
  let index = indexes.get(entries);
  if (!index) {
    index = new Map(entries.map((entry) => [entry.id, entry]));
    indexes.set(entries, index);
  }
  return index;
}
