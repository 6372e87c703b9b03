// The collection in the widget (data-collection): the reports of every place, loaded after the
// town's own glossary from beside the script and merged behind it, with the tooltip's sense choice
// for the town's place. A chunk of its own (imported by the tooltip UI chunk), so towns that keep
// to their own glossary never download it.
import { placeOfPage, type HostTable } from '../core/page-place';
import { createPlaceIndex, type Division, type PlaceIndex } from '../core/places';
import type { GlossaryPack, SourceRegion } from '../core/types';
import { pageClues } from '../ui/page-clues';
import { createSenseChooser } from '../ui/sense-chooser';
import { SENSE_VIEWS, type SenseSupport } from '../ui/sense-views';
import { loadPack } from './load-pack';

/** collection.json in the folder this chunk was loaded from, which is the widget script's. */
const BESIDE_WIDGET = new URL('collection.json', import.meta.url).href;

/**
 * The town's pack followed by the collection's documents and entries. The town's entries come
 * first, so a surface form both have is matched to the town's entry; a collection entry whose
 * id the town uses too is left out.
 */
export function mergeCollection(own: GlossaryPack, collection: GlossaryPack): GlossaryPack {
  const ids = new Set(own.entries.map((entry) => entry.id));
  const offset = own.documents.length;
  return {
    ...own,
    hash: `${own.hash}+${collection.hash}`,
    documents: [...own.documents, ...collection.documents],
    entries: [...own.entries, ...collection.entries.filter((entry) => !ids.has(entry.id)).map((entry) => ({ ...entry, doc: entry.doc + offset }))],
    variants: { ...collection.variants, ...own.variants },
  };
}

/** No host-name table in the widget (57 KB gzipped): the page's title and footer tell the place. */
const NO_HOSTS: HostTable = {};

const placesByCode = (places: PlaceIndex, code: string | undefined): Division | undefined => (code ? places.byCode(code) : undefined);

/** The divisions the pack's documents name: all the widget knows of places (it has no division table). */
function packPlaces(pack: GlossaryPack): PlaceIndex {
  const regions = new Map<string, SourceRegion>();
  for (const doc of pack.documents) if (doc.region) regions.set(doc.region.code, doc.region);
  return createPlaceIndex([...regions.values()]);
}

/**
 * The town's division and its parents as far as the pack's documents name them: `region` is a
 * GB/T 2260 code (310115) or a name (浦东新区, 浦东); without it, the page itself (host name,
 * title, footer) as core's page-place rule reads it. Parents are found by the code's province and
 * city digits.
 */
export function townChain(pack: GlossaryPack, region: string | undefined, page?: Document): Division[] {
  const value = region?.trim();
  const places = packPlaces(pack);
  const town: Division | undefined = !value
    ? page && placesByCode(places, placeOfPage(pageClues(page), places, NO_HOSTS)?.code)
    : /^\d{6}$/.test(value)
      ? (places.byCode(value) ?? { code: value, name: value, level: 'town' })
      : places.resolve(value);
  if (!town) return [];
  const parents = [`${town.code.slice(0, 4)}00`, `${town.code.slice(0, 2)}0000`]
    .filter((code, i, all) => code !== town.code && all.indexOf(code) === i)
    .map((code) => places.byCode(code))
    .filter((division): division is Division => division !== undefined);
  const chain = [town, ...parents];
  return chain.map((division, i) => ({ ...division, parent: chain[i + 1]?.code }));
}

/** The merged pack and the tooltip's sense support for it. */
export interface WithCollection {
  pack: GlossaryPack;
  senses: SenseSupport;
}

/**
 * Loads the collection (a URL resolved against the page's `base`; '' for collection.json beside
 * the widget's files) and merges it behind `own`; the sense support shows the town's own entries
 * first, then what the place rules choose for `region`.
 */
export async function loadCollection(own: GlossaryPack, url: string, region: string | undefined, base: string): Promise<WithCollection> {
  const pack = mergeCollection(own, await (url ? loadPack(url, base) : loadPack(BESIDE_WIDGET, BESIDE_WIDGET)));
  const chain = townChain(pack, region, document);
  const ownDocs = own.documents.length;
  return { pack, senses: { choose: createSenseChooser(pack, () => chain, { own: (entry) => entry.doc < ownDocs }), views: SENSE_VIEWS } };
}
