// `policy-glossary build`: deterministic bytes, a content-hashed copy, a pack the runtime accepts,
// and nothing written (nor anything overwritten) when the glossary has an error.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GlossaryLoadError, loadGlossaryPack } from '../../src/cli/glossary-files';
import { UsageError } from '../../src/cli/io';
import { hashPackContent } from '../../src/core/glossary-hash';
import { parsePack } from '../../src/core/pack';
import { runCliCaptured } from './run-cli';
import type { CliRun } from './run-cli';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = 'tests/fixtures/glossary';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'glossary-build-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const build = (...args: string[]): Promise<CliRun> => runCliCaptured(ROOT, ['build', ...args]);

describe('policy-glossary build', () => {
  it('writes glossary.json and glossary.<hash8>.json with the same bytes, and says what it wrote', async () => {
    const result = await build('--out', out);
    expect(result.code).toBe(0);
    const json = readFileSync(join(out, 'glossary.json'), 'utf8');
    const pack = parsePack(json);
    expect(readdirSync(out).sort()).toEqual([`glossary.${pack.hash.slice(0, 8)}.json`, 'glossary.json'].sort());
    expect(readFileSync(join(out, `glossary.${pack.hash.slice(0, 8)}.json`), 'utf8')).toBe(json);
    expect(pack.hash).toBe(hashPackContent(pack));
    expect(pack.entries.find((entry) => entry.id === 'liu-wen')?.keys).toContain('liuwen');
    const bytes = Buffer.byteLength(json);
    expect(result.stdout).toContain(`已写入 wrote `);
    expect(result.stdout).toContain(`${pack.entries.length} 条词条 entries，${bytes} 字节 bytes`);
  }, 60_000);

  it('gives identical bytes when run twice', async () => {
    await build('--out', out);
    const first = readFileSync(join(out, 'glossary.json'));
    rmSync(join(out, 'glossary.json'));
    await build(`--out=${out}`);
    expect(readFileSync(join(out, 'glossary.json')).equals(first)).toBe(true);
  }, 60_000);

  it('builds only the given paths and leaves unfinished entries out', async () => {
    expect((await build('--out', out, `${FIXTURES}/valid`, `${FIXTURES}/unfinished.yaml`)).code).toBe(0);
    const pack = parsePack(readFileSync(join(out, 'glossary.json'), 'utf8'));
    expect(pack.entries.map((entry) => entry.id)).toEqual(['liu-wen', 'liu-bao', 'shi-si-wu']);
    expect(pack.documents.map((doc) => doc.title)).toEqual(['待补充的提法', '测试报告']);
  });

  const failing = [
    { fixture: 'items-mismatch.yaml', where: `${FIXTURES}/items-mismatch.yaml:7:5: ` },
    { fixture: 'dup-id', where: `${FIXTURES}/dup-id/b.yaml:9:9: ` },
    { fixture: 'syntax-error.yaml', where: `${FIXTURES}/syntax-error.yaml:6:11: ` },
  ];
  it.each(failing)('refuses on an error ($fixture) and leaves the existing output untouched', async ({ fixture, where }) => {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'glossary.json'), 'the previous build');
    const result = await build('--out', out, `${FIXTURES}/${fixture}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(where);
    expect(result.stderr).toContain('未写入任何文件 / ');
    expect(result.stdout).toBe('');
    expect(readdirSync(out)).toEqual(['glossary.json']);
    expect(readFileSync(join(out, 'glossary.json'), 'utf8')).toBe('the previous build');
  });

  it('builds despite warnings, printing them', async () => {
    const result = await build('--out', out, `${FIXTURES}/unfinished.yaml`);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${FIXTURES}/unfinished.yaml:9:5: 警告 warning: `);
  });

  it('rejects --out without a directory and unknown options; --help works', async () => {
    expect((await build('--out')).code).toBe(2);
    expect((await build('--minify')).code).toBe(2);
    const help = await build('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/glossary\.<hash8>\.json[\s\S]*Same input, same bytes/);
  });
});

describe('loadGlossaryPack (used by scan, missing and the extension build)', () => {
  it('loads the project glossary by default, subfolders (the national collection) included, independent of the working directory', async () => {
    const pack = await loadGlossaryPack([], tmpdir());
    expect(pack.entries.some((entry) => entry.id === 'liu-wen')).toBe(true);
    const files = readdirSync(join(ROOT, 'glossary'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.yaml'));
    expect(pack.documents).toHaveLength(files.length);
    expect([...new Set(pack.documents.map((doc) => doc.kind))].sort()).toEqual(['editorial', 'footnotes', '名词解释']);
    // Every collected report carries its place, and so does the seed report (浦东新区); of the editorial
    // files the national ones (glossary/national/) are placed, as central.
    expect(pack.documents.filter((doc) => doc.region !== undefined && doc.kind !== 'editorial').length).toBe(files.filter((name) => name.startsWith('collection/')).length + 1);
    expect(pack.documents.filter((doc) => doc.kind === 'editorial' && doc.region?.code === '000000').length).toBe(files.filter((name) => name.startsWith('national/')).length);
    expect(pack.documents.filter((doc) => doc.kind === 'editorial' && doc.region === undefined).length).toBe(files.filter((name) => /^editorial/u.test(name)).length);
  }, 60_000);

  it('loads a built glossary.json as the same pack the YAML compiles to', async () => {
    await build('--out', out);
    const fromJson = await loadGlossaryPack([join(out, 'glossary.json')], ROOT);
    expect(fromJson).toEqual(await loadGlossaryPack(['glossary'], ROOT));
  }, 60_000);

  it('merges YAML and JSON sources into one pack', async () => {
    await build('--out', out, `${FIXTURES}/unfinished.yaml`);
    const pack = await loadGlossaryPack([`${FIXTURES}/valid/demo.yaml`, join(out, 'glossary.json')], ROOT);
    expect(pack.entries.map((entry) => entry.id)).toEqual(['liu-wen', 'liu-bao', 'shi-si-wu']);
    expect(pack.documents).toHaveLength(2);
  });

  it('throws a GlossaryLoadError listing path:line:col for a glossary with errors', async () => {
    const error = await loadGlossaryPack([`${FIXTURES}/unknown-related.yaml`], ROOT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GlossaryLoadError);
    expect((error as Error).message).toContain(`${FIXTURES}/unknown-related.yaml:9:9: related 中的 id "liu-bao" 不存在`);
  });

  it('throws a UsageError for a missing path and a broken pack', async () => {
    await expect(loadGlossaryPack(['no/such/folder'], ROOT)).rejects.toThrow(UsageError);
    writeFileSync(join(out, 'broken.json'), '{"schemaVersion": 9}');
    await expect(loadGlossaryPack([join(out, 'broken.json')], ROOT)).rejects.toThrow('术语包版本 9 不受支持');
  });
});
