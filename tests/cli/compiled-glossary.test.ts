// The compiled command's caches of its default glossary (src/cli/pack-cache.ts): `build` writes the
// pack and the ready matcher beside the compiled CLI, `scan` reads the matcher while no glossary file
// is newer, and compiles the YAML otherwise — with the same output either way. The CLI is compiled
// here into a private package whose glossary/ is a small invented one, so the two paths can be told
// apart (a term added to the YAML shows only when the YAML is read).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli';
import { SPLIT_MIN_BYTES, THREADS_ENV } from '../../src/cli/scan-parts';
import { runCliProcess } from './run-cli';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const TOWN = `source:
  title: 桃源镇工作报告
  kind: footnotes
entries:
  - id: si-lian-gong-zhi
    term: 四联共治
    aliases: [“四联共治”机制]
    items: [联防, 联调, 联治, 联创]
    definition: 联防、联调、联治、联创。
    source: { footnote: 1 }
    status: official
  - id: san-duan-shi-tiao-jie
    term: 三段式调解
    definition: 村组初调、镇所复调、司法终调。
    source: { footnote: 2 }
    status: official
`;

const EDITORIAL = `source:
  title: 编辑补充
  kind: editorial
entries:
  - id: liu-wen
    term: 六稳
    items: [稳就业, 稳金融, 稳外贸, 稳外资, 稳投资, 稳预期]
    definition: 稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。
    status: editorial
`;

/** The same file with one more entry: what the YAML path finds and a stale cache does not. */
const EDITORIAL_PLUS = `${EDITORIAL}  - id: yi-zhan-shi-fu-wu
    term: 一站式服务
    definition: 在一个窗口办完全部手续。
    status: editorial
`;

// Invented text: terms plain, quoted and with a glued word, a near miss, unknown numbered slogans.
const REPORT = [
  '今年全面推行“四联共治”机制，四联共治覆盖全部村社。',
  '扎实做好“六稳”工作，推进“三段式调解”和三段式调解员培训，完善五联共治。',
  '街道大厅实现一站式服务，落实“两网融合”和“五个一批”要求。',
  '',
].join('\n');

let pkg: string;
let work: string;

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runCliProcess(pkg, work, args);
}

/** `cli` with `env` added to the environment. */
function cliWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runCliProcess(pkg, work, args, env);
}

const cacheDir = () => join(pkg, 'dist', 'cli');
const editorialYaml = () => join(pkg, 'glossary', 'editorial.yaml');
/** Sets a file's modification time `seconds` from now. */
const age = (path: string, seconds: number) => utimesSync(path, new Date(Date.now() + seconds * 1000), new Date(Date.now() + seconds * 1000));

beforeAll(async () => {
  pkg = mkdtempSync(join(tmpdir(), 'pg-cli-cache-'));
  work = join(pkg, 'work');
  mkdirSync(join(pkg, 'bin'));
  mkdirSync(join(pkg, 'glossary', 'town'), { recursive: true });
  mkdirSync(work);
  copyFileSync(join(ROOT, 'bin', 'policy-glossary.mjs'), join(pkg, 'bin', 'policy-glossary.mjs'));
  writeFileSync(join(pkg, 'glossary', 'town', 'taoyuan.yaml'), TOWN);
  writeFileSync(editorialYaml(), EDITORIAL);
  writeFileSync(join(work, 'report.txt'), REPORT);
  await buildCli(cacheDir());
}, 120_000);

afterAll(() => {
  if (pkg) rmSync(pkg, { recursive: true, force: true });
});

// Each test starts Node processes; on a busy 2-core machine that can take seconds.
describe('the compiled command\'s glossary caches', { timeout: 180_000 }, () => {
  it('build without paths writes the pack and the ready matcher beside the command', async () => {
    const run = await cli('build', '--out', 'out');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('已更新命令的术语缓存 refreshed the command\'s glossary cache');
    expect(existsSync(join(cacheDir(), 'default-glossary.json'))).toBe(true);
    expect(existsSync(join(cacheDir(), 'default-matcher.bin'))).toBe(true);
    expect(existsSync(join(work, 'out', 'glossary.json'))).toBe(true);
  });

  it('scan gives the same summary and the same JSON from the ready matcher as from the YAML', async () => {
    await cli('build', '--out', 'out');
    const cached = [await cli('scan', 'report.txt'), await cli('scan', 'report.txt', '--json')];
    // A glossary file newer than the caches: the YAML is compiled again.
    age(editorialYaml(), 60);
    const compiled = [await cli('scan', 'report.txt'), await cli('scan', 'report.txt', '--json')];
    for (const run of [...cached, ...compiled]) expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(cached[0]!.stdout).toContain('四联共治 (si-lian-gong-zhi) ×');
    expect(cached[0]!.stdout).toContain('六稳 (liu-wen) ×1');
    expect(compiled[0]!.stdout).toBe(cached[0]!.stdout);
    expect(compiled[1]!.stdout).toBe(cached[1]!.stdout);
    const json = JSON.parse(cached[1]!.stdout) as { files: Array<{ matches: Array<{ entryId?: string; definition?: string }> }> };
    expect(json.files[0]!.matches.find((match) => match.entryId === 'san-duan-shi-tiao-jie')?.definition).toBe('村组初调、镇所复调、司法终调。');
  });

  it('scan reads a file of 4 MB or more on two threads when asked, with the same summary and JSON as on one', async () => {
    // Two threads need the ready matcher: the caches written after every glossary file.
    age(editorialYaml(), -3600);
    await cli('build', '--out', 'out');
    const copies = Math.ceil(SPLIT_MIN_BYTES / Buffer.byteLength(REPORT)) + 1;
    writeFileSync(join(work, 'long.txt'), REPORT.repeat(copies));
    // NODE_DEBUG=policy-glossary says on stderr how each file was read.
    const debug = { NODE_DEBUG: 'policy-glossary' };
    const twoThreads = { ...debug, [THREADS_ENV]: '2' };
    const two = [await cliWith(twoThreads, 'scan', 'long.txt'), await cliWith(twoThreads, 'scan', 'long.txt', '--json')];
    // One thread by default, and with 1.
    const one = [await cliWith(debug, 'scan', 'long.txt'), await cliWith({ ...debug, [THREADS_ENV]: '1' }, 'scan', 'long.txt', '--json')];
    for (const run of [...two, ...one]) expect(run.code).toBe(0);
    for (const run of two) expect(run.stderr).toMatch(/scan long\.txt: read on two threads, cut at byte \d+/u);
    for (const run of one) expect(run.stderr).not.toContain('two threads');
    expect(two[0]!.stdout).toBe(one[0]!.stdout);
    expect(two[1]!.stdout).toBe(one[1]!.stdout);
    // Every copy counted once, in both parts: the terms and the unknown slogans of each.
    expect(two[0]!.stdout).toContain(`四联共治 (si-lian-gong-zhi) ×${copies * 2}\n`);
    expect(two[0]!.stdout).toContain(`六稳 (liu-wen) ×${copies}\n`);
    expect(two[0]!.stdout).toContain(`两网融合 ×${copies}  …厅实现一站式服务，落实“【两网融合】”`);
    const matches = (JSON.parse(two[1]!.stdout) as { files: Array<{ matches: Array<{ start: number; end: number; text: string }> }> }).files[0]!.matches;
    const text = REPORT.repeat(copies);
    expect(matches.length).toBeGreaterThan(copies * 5);
    for (const match of matches) expect(text.slice(match.start, match.end)).toBe(match.text);
  });

  it('reads the caches only while no glossary file is newer, and a damaged matcher cache is compiled around', async () => {
    writeFileSync(editorialYaml(), EDITORIAL);
    await cli('build', '--out', 'out');
    // The new entry, dated before the caches: the caches are used and do not have it.
    writeFileSync(editorialYaml(), EDITORIAL_PLUS);
    age(editorialYaml(), -3600);
    expect((await cli('scan', 'report.txt')).stdout).not.toContain('一站式服务 (yi-zhan-shi-fu-wu)');
    // Dated after them: the YAML is read.
    age(editorialYaml(), 60);
    const fresh = await cli('scan', 'report.txt');
    expect(fresh.stdout).toContain('一站式服务 (yi-zhan-shi-fu-wu) ×1');
    // A damaged matcher cache, dated after everything: the YAML again, same output, no error.
    await cli('build', '--out', 'out');
    writeFileSync(join(cacheDir(), 'default-matcher.bin'), '{"version": 1, "hash": "');
    age(join(cacheDir(), 'default-matcher.bin'), 3600);
    expect(await cli('scan', 'report.txt')).toMatchObject({ code: 0, stderr: '', stdout: fresh.stdout });
  });

  it('a scan after a glossary edit writes the caches again, so the runs after it read them', async () => {
    writeFileSync(editorialYaml(), EDITORIAL);
    age(editorialYaml(), -7200);
    await cli('build', '--out', 'out');
    for (const file of ['default-glossary.json', 'default-matcher.bin']) age(join(cacheDir(), file), -3600);
    // The edit: newer than the caches, older than now.
    writeFileSync(editorialYaml(), EDITORIAL_PLUS);
    age(editorialYaml(), -60);
    const edited = statSync(editorialYaml()).mtimeMs;
    const first = await cli('scan', 'report.txt');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('一站式服务 (yi-zhan-shi-fu-wu) ×1');
    // Both caches written after the edit, holding the new entry: the next scan reads them.
    for (const file of ['default-glossary.json', 'default-matcher.bin']) expect(statSync(join(cacheDir(), file)).mtimeMs).toBeGreaterThan(edited);
    expect(readFileSync(join(cacheDir(), 'default-glossary.json'), 'utf8')).toContain('yi-zhan-shi-fu-wu');
    expect(await cli('scan', 'report.txt')).toMatchObject({ code: 0, stderr: '', stdout: first.stdout });
  });
});
