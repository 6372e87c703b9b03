// The merged pack in storage.local, written by the background and the options page (store.ts) and
// read by the background and the popup; and its compiled matcher, the one thing content scripts
// read (a 1.5 MB string-and-base64 value for 7,071 entries instead of the 3.4 MB pack).
import type { CompiledPack } from '../core/compiled-pack';
import type { GlossaryPack } from '../core/types';
import { jsonItem, localItem } from './storage-item';

/** The stored merged pack (null before the background first built it), as one JSON string (storage-item.ts jsonItem). */
export const mergedPackItem = /* @__PURE__ */ jsonItem<GlossaryPack | null>('mergedPack', null);

/**
 * The merged pack's compiled matcher (core/compiled-pack.ts). Kept in storage.local rather than
 * sent by the background on request: a page reads it without waking the MV3 service worker (which
 * would read it from storage anyway), and every frame of every tab gets the same stored copy.
 */
export const compiledPackItem = localItem<CompiledPack | null>('compiledPack', null);

/** The merged pack, or null before the background first built it. */
export function getMergedPack(): Promise<GlossaryPack | null> {
  return mergedPackItem.getValue();
}

/** Calls `listener` whenever the merged pack changes; returns the unsubscribe function. */
export function watchMergedPack(listener: (pack: GlossaryPack | null) => void): () => void {
  return mergedPackItem.watch(listener);
}

/** The compiled matcher of the merged pack, or null before the background first built it. */
export function getCompiledPack(): Promise<CompiledPack | null> {
  return compiledPackItem.getValue();
}

/** Calls `listener` whenever the compiled matcher changes; returns the unsubscribe function. */
export function watchCompiledPack(listener: (pack: CompiledPack | null) => void): () => void {
  return compiledPackItem.watch(listener);
}
