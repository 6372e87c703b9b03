// Which of a term's definitions a page is shown: the same term's entries in the active pack
// (core/senses) ranked for the page's place (core/sense-choice), built on the first tooltip.
import { chooseSense, type SenseChoice } from '../core/sense-choice';
import { createPlaceIndex, type Division, type PlaceIndex } from '../core/places';
import { createSenseIndex } from '../core/senses';
import type { GlossaryPack } from '../core/types';
import type { PagePlace } from './page-place';

/**
 * The tooltip's `choose` for `pack` on a page whose place `place()` tells (it may become known
 * after the first highlights). The place index holds the page's chain of divisions and the
 * regions of the pack's documents: all that ranking the pack's senses for this page needs.
 */
export function createSenseChooser(pack: GlossaryPack, place: () => PagePlace): (entryId: string) => SenseChoice | undefined {
  let senses: ReturnType<typeof createSenseIndex> | undefined;
  let indexed: { chain: Division[]; places: PlaceIndex } | undefined;
  const placesFor = (chain: Division[]): PlaceIndex => {
    if (indexed?.chain !== chain) {
      const byCode = new Map<string, Division>();
      for (const doc of pack.documents) if (doc.region) byCode.set(doc.region.code, { ...doc.region });
      for (const division of chain) byCode.set(division.code, division);
      indexed = { chain, places: createPlaceIndex([...byCode.values()]) };
    }
    return indexed.places;
  };
  return (entryId) => {
    senses ??= createSenseIndex(pack);
    const found = senses.sensesOf(entryId);
    if (found.length === 0) return undefined;
    const { chain } = place();
    return chooseSense(found, pack.documents, chain[0]?.code, placesFor(chain));
  };
}
