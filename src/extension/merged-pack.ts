// The merged pack in storage.local: written by the background and the options page (store.ts),
// read by content scripts and the popup without loading the merge code.
import type { GlossaryPack } from '../core/types';
import { localItem } from './storage-item';

/** The stored merged pack (null before the background first built it). */
export const mergedPackItem = localItem<GlossaryPack | null>('mergedPack', null);

/** The merged pack, or null before the background first built it. */
export function getMergedPack(): Promise<GlossaryPack | null> {
  return mergedPackItem.getValue();
}

/** Calls `listener` whenever the merged pack changes; returns the unsubscribe function. */
export function watchMergedPack(listener: (pack: GlossaryPack | null) => void): () => void {
  return mergedPackItem.watch(listener);
}
