// The merged pack as the background holds it in memory once started: read from storage once per
// service-worker life (3.4 MB takes a second or more to read) and replaced when storage changes.
import type { GlossaryPack } from '../core/types';
import { getMergedPack, watchMergedPack } from './merged-pack';

let read: () => Promise<GlossaryPack | null> = getMergedPack;

/** The stored merged pack: from memory after {@link keepMergedPackInMemory}, from storage before. */
export function currentMergedPack(): Promise<GlossaryPack | null> {
  return read();
}

/** Keeps the merged pack in memory from now on (the background, at start). */
export function keepMergedPackInMemory(): void {
  let memo: Promise<GlossaryPack | null> | undefined;
  watchMergedPack((next) => {
    memo = Promise.resolve(next);
  });
  read = () => (memo ??= getMergedPack());
}
