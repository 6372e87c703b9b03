// The merged pack as the background holds it in memory once started: read from storage once per
// service-worker life (3.4 MB takes a second or more to read) and replaced when storage changes,
// or at once when this context rebuilt it (store.ts rebuildMergedPack).
import type { GlossaryPack, PackEntry } from '../core/types';
import { getMergedPack, watchMergedPack } from './merged-pack';

let read: () => Promise<GlossaryPack | null> = getMergedPack;
/** The pack in memory, once {@link keepMergedPackInMemory} was called. */
let memo: Promise<GlossaryPack | null> | undefined;
let kept = false;

/** The stored merged pack: from memory after {@link keepMergedPackInMemory}, from storage before. */
export function currentMergedPack(): Promise<GlossaryPack | null> {
  return read();
}

/** Keeps the merged pack in memory from now on (the background, at start). */
export function keepMergedPackInMemory(): void {
  kept = true;
  watchMergedPack((next) => {
    memo = Promise.resolve(next);
  });
  read = () => (memo ??= getMergedPack());
}

/** Whether this context answers from the pack it holds (the background, after {@link keepMergedPackInMemory}). */
export function holdsMergedPack(): boolean {
  return kept;
}

/**
 * The merged pack this context has just built, before it is stored: pages that load the matcher
 * compiled from it (stored first) ask for its entries at once. Nothing where the pack is not kept.
 */
export function rememberMergedPack(pack: GlossaryPack): void {
  if (kept) memo = Promise.resolve(pack);
}

const indexes = new WeakMap<readonly PackEntry[], Map<string, PackEntry>>();
/** A pack's entries by id, built once per entry list (entries.ts and page-senses.ts share it). */
export function entryIndex(entries: readonly PackEntry[]): Map<string, PackEntry> {
  let index = indexes.get(entries);
  if (!index) {
    index = new Map(entries.map((entry) => [entry.id, entry]));
    indexes.set(entries, index);
  }
  return index;
}
