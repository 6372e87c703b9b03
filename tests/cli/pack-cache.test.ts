// The compiled CLI's pack cache: used only while no glossary file is newer than it, never when it
// is missing or damaged (then the caller compiles the YAML).
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGlossaryPack } from '../../src/cli/glossary-files';
import { decodeScannerTables, decodeStoredMatcher, encodeScannerTables, encodeStoredMatcher, readFreshPack } from '../../src/cli/pack-cache';
import { loadAutomaton } from '../../src/core/automaton';
import { decodeCompiledPack } from '../../src/core/compiled-pack';
import { createNormaliser } from '../../src/core/normalise';
import { termScannerTables } from '../../src/core/term-scan';
import { cliMatcherOfDecoded, decodeStored } from '../../src/cli/scan-parts';
import { compilePack } from '../../src/core/compiled-pack';
import { createMatcher } from '../../src/core/matcher';
import { serializePack } from '../../src/core/pack';

const dir = mkdtempSync(join(tmpdir(), 'pg-pack-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const YAML = `source:
  title: 测试报告
  kind: footnotes
entries:
  - id: liu-wen
    term: 六稳
    items: [稳就业, 稳金融, 稳外贸, 稳外资, 稳投资, 稳预期]
    definition: 稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。
    source: { footnote: 1 }
    status: official
`;

describe('readFreshPack', () => {
  const yaml = join(dir, 'a.yaml');
  const cache = join(dir, 'pack.json');
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

  it.each([
    { name: 'cache newer than every source', cache: 'pack', cacheTime: 2000, yamlTime: 1000, used: true },
    { name: 'same time (npm gives installed files one time)', cache: 'pack', cacheTime: 1000, yamlTime: 1000, used: true },
    { name: 'a source edited after the cache', cache: 'pack', cacheTime: 1000, yamlTime: 2000, used: false },
    { name: 'damaged cache', cache: '{"schemaVersion": 1, "entr', cacheTime: 2000, yamlTime: 1000, used: false },
    { name: 'no cache', cache: undefined, cacheTime: 0, yamlTime: 1000, used: false },
  ])('$name → used: $used', async (row) => {
    writeFileSync(yaml, YAML);
    rmSync(cache, { force: true });
    const pack = await loadGlossaryPack([yaml], dir);
    if (row.cache !== undefined) {
      writeFileSync(cache, row.cache === 'pack' ? serializePack(pack) : row.cache);
      at(cache, row.cacheTime);
    }
    at(yaml, row.yamlTime);
    const read = await readFreshPack(cache, [yaml]);
    expect(read !== undefined).toBe(row.used);
    if (row.used) expect(read!.entries.map((entry) => entry.term)).toEqual(['六稳']);
  });

  it('a missing source file counts as changed', async () => {
    writeFileSync(cache, serializePack(await loadGlossaryPack([yaml], dir)));
    expect(await readFreshPack(cache, [join(dir, 'gone.yaml')])).toBeUndefined();
  });
});

describe('the stored matcher (the ready matcher as bytes)', () => {
  const yaml = join(dir, 'b.yaml');
  const text = '稳住“六稳”，落实六稳六保。';
  it('decodes to the compiled pack it was made from, whose matcher finds what the pack’s finds', async () => {
    writeFileSync(yaml, YAML);
    const pack = await loadGlossaryPack([yaml], dir);
    const compiled = compilePack(pack);
    const stored = decodeStoredMatcher(encodeStoredMatcher(compiled));
    expect(stored).toMatchObject({ version: compiled.version, hash: compiled.hash, entries: compiled.entries, strings: compiled.strings, keys: compiled.keys });
    expect(Buffer.from(stored!.data).toString('base64')).toBe(compiled.data);
    expect(cliMatcherOfDecoded(decodeStored(stored!)).scan(text)).toEqual(createMatcher(pack).scan(text));
  });

  it('keeps the term scanner’s tables as the matcher derives them, and the matcher reads them', async () => {
    writeFileSync(yaml, YAML);
    const compiled = compilePack(await loadGlossaryPack([yaml], dir));
    const decoded = decodeStored(decodeStoredMatcher(encodeStoredMatcher(compiled))!);
    const fresh = decodeCompiledPack(compiled);
    const derived = termScannerTables(fresh.table.patterns, createNormaliser(fresh.table.variants), loadAutomaton(fresh.automaton));
    expect(decoded.scanner).toBeDefined();
    expect(decoded.scanner).toEqual(derived);
    // Damaged tables are not read: the matcher derives its own.
    expect(decodeScannerTables(encodeScannerTables(derived).subarray(0, 100))).toBeUndefined();
  });

  it.each([
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 9)],
    ['another magic number', (bytes: Buffer) => Buffer.concat([Buffer.from('PGCX'), bytes.subarray(4)])],
    ['another file format', (bytes: Buffer) => { const copy = Buffer.from(bytes); copy.writeUInt32LE(3, 4); return copy; }],
    ['format 1 (no scanner tables)', (bytes: Buffer) => { const copy = Buffer.from(bytes); copy.writeUInt32LE(1, 4); return copy; }],
    ['a damaged header', (bytes: Buffer) => { const copy = Buffer.from(bytes); copy.write('}', 12); return copy; }],
    ['JSON text', () => Buffer.from('{"version": 3, "hash": "')],
  ])('%s → not read', async (_, damage) => {
    writeFileSync(yaml, YAML);
    const bytes = encodeStoredMatcher(compilePack(await loadGlossaryPack([yaml], dir)));
    expect(decodeStoredMatcher(bytes)).toBeDefined();
    expect(decodeStoredMatcher(damage(bytes))).toBeUndefined();
  });
});
