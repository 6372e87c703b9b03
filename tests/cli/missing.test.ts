import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateGlossarySources } from '../../src/core/glossary-validate';
import { runCliCaptured } from './run-cli';
import type { CliRun } from './run-cli';

let dir: string;

const cli = (...args: string[]): Promise<CliRun> => runCliCaptured(dir, args);

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pg-missing-'));
  await copyFile(new URL('../fixtures/import/missing-report.txt', import.meta.url), path.join(dir, 'report.txt'));
  await copyFile(new URL('../fixtures/import/mini-glossary.yaml', import.meta.url), path.join(dir, 'mini.yaml'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('policy-glossary missing', () => {
  it('lists undefined slogans and quoted terms with counts and first context', async () => {
    const run = await cli('missing', 'report.txt', '--glossary', 'mini.yaml');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('report.txt: 3 个未收录的提法');
    expect(run.stdout).toContain('  两网融合  ×2  [提法 slogan]  …');
    // A quoted coinage used twice is a candidate of the slogan detector (core/coinages.ts).
    expect(run.stdout).toContain('  清溪小管家  ×2  [提法 slogan]  …');
    expect(run.stdout).not.toMatch(/^ {2}(六稳|家门口|六灶) /m);
    expect(await readdir(dir)).toEqual(['mini.yaml', 'report.txt']);
  });

  it('--stub writes unfinished editorial entries that validate with warnings only', async () => {
    await cli('missing', 'report.txt', '--glossary', 'mini.yaml', '--stub', 'stubs.yaml');
    const text = await readFile(path.join(dir, 'stubs.yaml'), 'utf8');
    const check = validateGlossarySources([{ path: 'stubs.yaml', text }]);
    expect(check.errorCount).toBe(0);
    expect(check.warningCount).toBe(3);
    expect(check.files[0]?.file?.entries.map((entry) => [entry.term, entry.status, entry.unfinished, entry.definition])).toEqual([
      ['两网融合', 'editorial', true, undefined],
      ['清溪小管家', 'editorial', true, undefined],
      ['双千工程', 'editorial', true, undefined],
    ]);
  });

  it('merges into an existing stub file and never loses what an official wrote there', async () => {
    await cli('missing', 'report.txt', '--glossary', 'mini.yaml', '--stub', 'stubs.yaml');
    const file = path.join(dir, 'stubs.yaml');
    const filled = (await readFile(file, 'utf8')).replace(
      /(term: 两网融合\n)[\s\S]*?unfinished: true\n/,
      '$1    definition: 生活垃圾分类网与再生资源回收网两网融合。\n    status: editorial\n',
    );
    await writeFile(file, `# 镇里的备注\n${filled}`);
    await writeFile(path.join(dir, 'more.txt'), '明年开展“河长护河”行动。');
    const run = await cli('missing', 'report.txt', 'more.txt', '--glossary', 'mini.yaml', '--stub', 'stubs.yaml');
    expect(run.stdout).toContain('新增 1 个待补充词条');
    const merged = await readFile(file, 'utf8');
    expect(merged).toContain('# 镇里的备注');
    expect(merged).toContain('definition: 生活垃圾分类网与再生资源回收网两网融合。');
    expect(merged).toContain('term: 河长护河');
  });

  it('refuses to merge into a stub file that is not valid YAML and leaves it as it was', async () => {
    await writeFile(path.join(dir, 'stubs.yaml'), 'entries:\n  - id: a\n  - id: a\n  id: b\n');
    const run = await cli('missing', 'report.txt', '--glossary', 'mini.yaml', '--stub', 'stubs.yaml');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('YAML 语法错误，未做任何修改');
    expect(await readFile(path.join(dir, 'stubs.yaml'), 'utf8')).toBe('entries:\n  - id: a\n  - id: a\n  id: b\n');
  });

  it.each([
    { args: ['missing'], message: '缺少要检查的文件' },
    { args: ['missing', 'report.txt', '--stub'], message: '--stub 需要一个路径' },
    { args: ['missing', 'nope.txt', '--glossary', 'mini.yaml'], message: '无法读取 cannot read nope.txt' },
  ])('exits 2 with a clear message for $args', async ({ args, message }) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
