// The extension pages' questions to the merged glossary, each behind one small function, so the
// way the glossary is stored (today one merged pack in storage.local) can change in one place.
import { createGlossarySearch, type GlossarySearch } from '../core/search';
import { CENTRAL_CODE, type GlossaryPack, type PackEntry } from '../core/types';
import { getMergedPack, watchMergedPack } from './merged-pack';

/** The ids the merged glossary already uses (new entries must not take them). */
export async function mergedEntryIds(): Promise<string[]> {
  return (await getMergedPack())?.entries.map((e) => e.id) ?? [];
}

/** An entry already in the glossary, and the title of the document it comes from. */
export interface KnownTerm {
  entry: PackEntry;
  source: string;
}

/**
 * The terms of `terms` the merged glossary already has (by term or alias, exact text), each with
 * the first entry that has it and its source document's title.
 */
export async function knownTerms(terms: readonly string[]): Promise<Map<string, KnownTerm>> {
  const pack = await getMergedPack();
  return pack ? findKnown(pack, terms) : new Map();
}

/** {@link knownTerms} over a given pack (pure, for tests). */
export function findKnown(pack: Pick<GlossaryPack, 'entries' | 'documents'>, terms: readonly string[]): Map<string, KnownTerm> {
  const wanted = new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0));
  const found = new Map<string, KnownTerm>();
  for (const entry of pack.entries) {
    for (const form of [entry.term, ...(entry.aliases ?? [])]) {
      if (!wanted.has(form) || found.has(form)) continue;
      const doc = pack.documents[entry.doc];
      found.set(form, { entry, source: doc?.region?.name ? `${doc.region.name} · ${doc.title}` : (doc?.title ?? '') });
    }
  }
  return found;
}

/** A search over the merged glossary, with the pack its results refer to. */
export interface GlossarySearchAccess {
  pack: GlossaryPack;
  search: GlossarySearch;
}

/** Calls `listener` with a search over the merged glossary now and whenever it changes; returns the unsubscribe function. */
export function watchGlossarySearch(listener: (access: GlossarySearchAccess | undefined) => void): () => void {
  const use = (pack: GlossaryPack | null): void => listener(pack ? { pack, search: createGlossarySearch(pack) } : undefined);
  void getMergedPack().then(use);
  return watchMergedPack(use);
}

/**
 * The entry the first-run page explains: `term` as central documents define it (the meaning
 * every place shares), else any source's, else the first entry with a definition.
 */
export function exampleEntry(pack: Pick<GlossaryPack, 'entries' | 'documents'>, term: string): PackEntry | undefined {
  const same = pack.entries.filter((entry) => entry.term === term && entry.definition);
  return (
    same.find((entry) => pack.documents[entry.doc]?.region?.code === CENTRAL_CODE) ??
    same[0] ??
    pack.entries.find((entry) => entry.definition)
  );
}

/** Calls `listener` with the merged glossary as soon as the background has stored it, and after each change. */
export function watchGlossary(listener: (pack: GlossaryPack) => void): () => void {
  const use = (pack: GlossaryPack | null): void => {
    if (pack) listener(pack);
  };
  void getMergedPack().then(use);
  return watchMergedPack(use);
}
