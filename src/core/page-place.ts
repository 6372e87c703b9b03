// TEMP STUB written by helper placeui so its branch builds and tests run before wt/places and wt/collection land:
// the shape of the brief's contract, minimal behaviour. On merge take THEIR version of this file.
import type { Division, PlaceIndex } from './places';

export interface PageClues { host: string; title?: string; footer?: string }
const PINYIN: Record<string, string> = { changsha: '430100', zhuzhou: '430200', xiangtan: '430300', hunan: '430000' };

export function placeOfPage(clues: PageClues, places: PlaceIndex): Division | undefined {
  const footer = /主办单位[:：]\s*([\u4e00-\u9fa5]+?)(?:人民政府|政府)/.exec(clues.footer ?? '')?.[1];
  if (footer) {
    const found = places.resolve(footer);
    if (found) return found;
  }
  for (const label of clues.host.split('.')) if (PINYIN[label]) return places.byCode(PINYIN[label]!);
  return undefined;
}
