// TEMP STUB written by helper placeui so its branch builds and tests run before wt/places and wt/collection land:
// the shape of the brief's contract, minimal behaviour. On merge take THEIR version of this file.
import type { Division } from './places';
export const DIVISIONS_TABLE: Division[] = [
  { code: '430000', name: '湖南省', level: 'province' },
  { code: '430100', name: '长沙市', level: 'city', parent: '430000' },
  { code: '430200', name: '株洲市', level: 'city', parent: '430000' },
  { code: '430300', name: '湘潭市', level: 'city', parent: '430000' },
];
