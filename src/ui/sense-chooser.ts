// Which of a term's definitions a page is shown: the same term's entries in the active pack
// (core/senses) ranked for the page's place (core/sense-choice), indexed on the first tooltip.
import { chooseSense, type SenseChoice } from '../core/sense-choice';
import { createPlaceIndex, type Division, type PlaceIndex } from '../core/places';
import { createSenseIndex } from '../core/senses';
import type { GlossaryPack, PackEntry } from '../core/types';

/** Options of {@link createSenseChooser}. */
export interface SenseChooserOptions {
  /**
   * The site's own entries (a town's glossary in the widget): shown before any other source's,
   * whatever the place rules say, because the site published them for its own pages.
   */
  own?: (entry: PackEntry) => boolean;
}

/**
 * The tooltip's `choose` for `pack` on a page whose place `chain()` tells: its division, then its
 * parents, nearest first (empty while unknown; it may become known after the first highlights).
 * The place index holds that chain and the regions of the pack's documents: all that ranking the
 * pack's senses for this page needs.
 */
export function createSenseChooser(
  pack: GlossaryPack,
  chain: () => readonly Division[],
  { own }: SenseChooserOptions = {},
): (entryId: string) => SenseChoice | undefined {
  let senses: ReturnType<typeof createSenseIndex> | undefined;
  let indexed: { chain: readonly Division[]; places: PlaceIndex } | undefined;
  const placesFor = (current: readonly Division[]): PlaceIndex => {
    if (indexed?.chain !== current) {
      const byCode = new Map<string, Division>();
      for (const doc of pack.documents) if (doc.region) byCode.set(doc.region.code, { ...doc.region });
      for (const division of current) byCode.set(division.code, division);
      indexed = { chain: current, places: createPlaceIndex([...byCode.values()]) };
    }
    return indexed.places;
  };
  return (entryId) => {
    senses ??= createSenseIndex(pack);
    const found = senses.sensesOf(entryId);
    if (found.length === 0) return undefined;
    const mine = own && found.find(own);
    if (mine) return { shown: mine, kind: 'own', others: found.filter((sense) => sense !== mine) };
    const current = chain();
    return chooseSense(found, pack.documents, current[0]?.code, placesFor(current));
  };
}
