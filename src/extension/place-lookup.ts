// The background's side of a page's place: looks the content script's clues up in the division
// table (set up on the first question, kept for the worker's life) with the shared core rule.
import type { PageClues, PagePlace } from '../ui/page-clues';

type Lookup = (clues: PageClues) => PagePlace;

let lookup: Promise<Lookup> | undefined;

const load = async (): Promise<Lookup> => {
  const [{ createPlaceIndex }, { placeOfPage }, { DIVISIONS_TABLE }] = await Promise.all([
    import('../core/places'),
    import('../core/page-place'),
    import('../core/place-table'),
  ]);
  const places = createPlaceIndex(DIVISIONS_TABLE);
  return (clues) => {
    const found = placeOfPage(clues, places);
    return { chain: found ? [found, ...places.ancestors(found.code)] : [] };
  };
};

/** The place of a page with these clues (an empty chain when none is found). */
export async function locatePage(clues: PageClues): Promise<PagePlace> {
  lookup ??= load();
  return (await lookup)(clues);
}

/** The names of divisions by code, for the options page's group list (undefined for unknown codes). */
export async function divisionName(code: string): Promise<string | undefined> {
  const [{ DIVISIONS_TABLE }] = await Promise.all([import('../core/place-table')]);
  return DIVISIONS_TABLE.find((d) => d.code === code)?.name;
}
