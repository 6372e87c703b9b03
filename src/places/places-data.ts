// The shape of the generated places-data.json (scripts/generate-places.ts) and how to index it:
// what the extension background or a lazily fetched asset loads in the browser.
import type { HostTable } from '../core/page-place';
import type { PlaceIndex } from '../core/places';
import { createPlaceIndex, divisionsFromTable } from '../core/places';

/** Compact place data: code → name of every division, and host label → codes. */
export interface PlacesData {
  divisions: Record<string, string>;
  hosts: HostTable;
}

/** The index and host table from the generated data (parsed JSON). */
export function placesFromData(data: PlacesData): { index: PlaceIndex; hosts: HostTable } {
  return { index: createPlaceIndex(divisionsFromTable(data.divisions)), hosts: data.hosts };
}
