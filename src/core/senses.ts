// TEMP STUB written by helper placeui so its branch builds and tests run before wt/places and wt/collection land:
// the shape of the brief's contract, minimal behaviour. On merge take THEIR version of this file.
import type { GlossaryPack, PackEntry } from './types';

export function createSenseIndex(pack: GlossaryPack): { sensesOf(entryId: string): PackEntry[] } {
  const key = (t: string) => t.replace(/[“”"‘’'「」]/g, '');
  const byKey = new Map<string, PackEntry[]>();
  for (const e of pack.entries) byKey.set(key(e.term), [...(byKey.get(key(e.term)) ?? []), e]);
  return {
    sensesOf(id) {
      const entry = pack.entries.find((e) => e.id === id);
      if (!entry) return [];
      return [entry, ...(byKey.get(key(entry.term)) ?? []).filter((e) => e !== entry)];
    },
  };
}
