// TEMP STUB written by helper placeui so its branch builds and tests run before wt/places and wt/collection land:
// the shape of the brief's contract, minimal behaviour. On merge take THEIR version of this file.
import type { PlaceIndex } from './places';
import { CENTRAL_CODE, type PackEntry, type SourceDocument } from './types';

export type SenseKind = 'user' | 'own' | 'parent' | 'central' | 'agreed' | 'editorial' | 'elsewhere' | 'only';
export interface SenseChoice { shown?: PackEntry; kind: SenseKind; others: PackEntry[] }

export function chooseSense(senses: readonly PackEntry[], documents: readonly SourceDocument[], pageRegion: string | undefined, places?: PlaceIndex): SenseChoice {
  const rest = (e: PackEntry) => senses.filter((s) => s !== e);
  const region = (e: PackEntry) => documents[e.doc]?.region?.code;
  const user = senses.find((e) => documents[e.doc]?.title.startsWith('我的词库'));
  if (user) return { shown: user, kind: 'user', others: rest(user) };
  if (senses.length === 1 && !documents[senses[0]!.doc]?.region) return { shown: senses[0], kind: senses[0]!.status === 'editorial' ? 'editorial' : 'only', others: [] };
  if (pageRegion) {
    const own = senses.find((e) => region(e) === pageRegion);
    if (own) return { shown: own, kind: 'own', others: rest(own) };
    const up = places?.ancestors(pageRegion).map((d) => d.code) ?? [];
    const parent = senses.find((e) => up.includes(region(e) ?? ''));
    if (parent) return { shown: parent, kind: 'parent', others: rest(parent) };
  }
  const central = senses.find((e) => region(e) === CENTRAL_CODE);
  if (central) return { shown: central, kind: 'central', others: rest(central) };
  const editorial = senses.find((e) => e.status === 'editorial');
  if (editorial) return { shown: editorial, kind: 'editorial', others: rest(editorial) };
  if (!pageRegion && senses.length === 1) return { shown: senses[0], kind: 'only', others: [] };
  return { kind: 'elsewhere', others: [...senses] };
}
