// The division table for the commands that name places (`scan --region`, `import --region` and the
// place `import` reads from a report), loaded on use: a plain scan never parses it.
import type { Division, PlaceIndex } from '../core/places';
import { CENTRAL_CODE } from '../core/types';
import { UsageError } from './io';

/** Every province, prefecture and county (src/places/places-data.json), indexed. */
export async function loadPlaceIndex(): Promise<PlaceIndex> {
  const [{ createPlaceIndex }, { loadDivisions }] = await Promise.all([import('../core/places'), import('../places/divisions')]);
  return createPlaceIndex(loadDivisions());
}

/** The place `--region` names: a six-digit code, a name as governments write it, or central (中央, 国务院…). */
export function divisionNamed(given: string, places: PlaceIndex): Division {
  const code = given.trim();
  const central = code === CENTRAL_CODE || /^(?:中央|国务院|中华人民共和国|全国)$/u.test(code);
  const division = central ? places.byCode(CENTRAL_CODE) : /^\d{6}$/u.test(code) ? places.byCode(code) : places.resolve(code);
  if (!division) throw new UsageError(`--region：无法识别的地名或区划代码 "${given}" / unknown place or code "${given}"`);
  return division;
}
