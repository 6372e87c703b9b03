// TEMP STUB written by helper placeui so its branch builds and tests run before wt/places and wt/collection land:
// the shape of the brief's contract, minimal behaviour. On merge take THEIR version of this file.
import type { PlaceLevel } from './types';

export interface Division { code: string; name: string; level: PlaceLevel; parent?: string }
export interface PlaceIndex {
  byCode(code: string): Division | undefined;
  resolve(name: string, within?: string): Division | undefined;
  ancestors(code: string): Division[];
}
export function createPlaceIndex(divisions: readonly Division[]): PlaceIndex {
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const short = (n: string) => n.replace(/(省|市|区|县|自治州|州)$/, '');
  const ancestors = (code: string): Division[] => {
    const out: Division[] = [];
    for (let d = byCode.get(code); d?.parent; d = byCode.get(d.parent)) {
      const p = byCode.get(d.parent);
      if (p) out.push(p);
    }
    return out;
  };
  return {
    byCode: (code) => byCode.get(code),
    resolve: (name, within) =>
      divisions.find((d) => (d.name === name || short(d.name) === name) && (!within || ancestors(d.code).some((a) => a.code === within))),
    ancestors,
  };
}
