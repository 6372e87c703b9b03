// `policy-glossary validate`: every rule reported at the exact path:line:col of the offending
// node, warnings printed without failing, and the project's own glossary passing.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = 'tests/fixtures/glossary';

async function validate(...args: string[]): Promise<{ code: number; lines: string[]; stderr: string }> {
  const { code, stdout, stderr } = await runCliCaptured(ROOT, ['validate', ...args]);
  return { code, lines: stdout.trimEnd().split('\n'), stderr };
}

const snapshotTree = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => statSync(resolve(dir, name)).isFile())
      .map((name) => [name, readFileSync(resolve(dir, name), 'utf8')]),
  );

describe('policy-glossary validate', () => {
  // Each row: the fixture(s), the exit code, and the problem lines expected before the summary:
  // exact location, then a fragment of the message that names the problem.
  const cases: { name: string; paths: string[]; code: number; problems: [string, string][] }[] = [
    { name: 'YAML syntax error, at the unclosed quote', paths: ['syntax-error.yaml'], code: 1,
      problems: [['syntax-error.yaml:6:11', 'YAML 语法错误：引号或括号没有闭合 / YAML syntax error']] },
    { name: 'missing term', paths: ['missing-term.yaml'], code: 1,
      problems: [['missing-term.yaml:5:5', '缺少必填字段 "term" / missing required field "term"']] },
    { name: 'bad status', paths: ['bad-status.yaml'], code: 1,
      problems: [['bad-status.yaml:8:13', '"entries[0].status" 只能是 official、editorial 之一']] },
    { name: 'non-ASCII id', paths: ['non-ascii-id.yaml'], code: 1,
      problems: [['non-ascii-id.yaml:5:9', '只能用小写 ASCII 字母、数字和连字符']] },
    { name: 'misspelt field', paths: ['unknown-field.yaml'], code: 1,
      problems: [['unknown-field.yaml:7:5', '未知字段 "defintion"']] },
    { name: 'duplicate id across two files', paths: ['dup-id'], code: 1,
      problems: [['dup-id/b.yaml:9:9', `重复的 id "liu-wen"（首次出现在 ${FIXTURES}/dup-id/a.yaml:5）`]] },
    { name: 'one surface form claimed by two entries', paths: ['form-claimed-twice.yaml'], code: 1,
      problems: [['form-claimed-twice.yaml:12:9', `写法 "三会制度" 已属于词条 "san-hui"（${FIXTURES}/form-claimed-twice.yaml:7）`]] },
    { name: 'items count disagrees with 六稳 (三问三登记 with 3 + 3 passes)', paths: ['items-mismatch.yaml'], code: 1,
      problems: [['items-mismatch.yaml:7:5', 'items 有 5 项，但“六稳”的数字表示 6 项']] },
    { name: 'related id that does not exist', paths: ['unknown-related.yaml'], code: 1,
      problems: [['unknown-related.yaml:9:9', 'related 中的 id "liu-bao" 不存在']] },
    { name: 'official entry without its definition', paths: ['official-without-definition.yaml'], code: 1,
      problems: [['official-without-definition.yaml:5:9', '官方词条 "liu-wen" 缺少 definition']] },
    { name: 'unfinished entry: a warning, exit 0', paths: ['unfinished.yaml'], code: 0,
      problems: [['unfinished.yaml:9:5', '警告 warning: 词条 "shuang-qian-gong-cheng" 尚未完成']] },
    { name: 'negative: itemsNote explains a deliberate mismatch', paths: ['items-note.yaml'], code: 0, problems: [] },
    { name: 'negative: a valid file', paths: ['valid'], code: 0, problems: [] },
    { name: 'negative: one term defined by two places (two files) is two sourced definitions', paths: ['one-term-two-places'], code: 0, problems: [] },
  ];

  it.each(cases)('$name', async ({ paths, code, problems }) => {
    const result = await validate(...paths.map((path) => `${FIXTURES}/${path}`));
    expect(result.code).toBe(code);
    const problemLines = result.lines.slice(0, -1);
    expect(problemLines).toHaveLength(problems.length);
    problems.forEach(([where, fragment], i) => {
      expect(problemLines[i]!.startsWith(`${FIXTURES}/${where}: `)).toBe(true);
      expect(problemLines[i]).toContain(fragment);
    });
    expect(result.lines.at(-1)).toMatch(new RegExp(`：${code === 0 ? 0 : '[1-9]\\d*'} 个错误`));
  });

  it('passes on the project glossary/ with the national collection in its subfolders (the default when no path is given)', async () => {
    const files = readdirSync(resolve(ROOT, 'glossary'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.yaml'));
    expect(files.filter((name) => name.startsWith('collection/')).length).toBeGreaterThan(100);
    const result = await validate();
    expect(result.code).toBe(0);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatch(new RegExp(`^检查了 ${files.length} 个文件、\\d+ 条词条：0 个错误，0 个警告 / checked ${files.length} file\\(s\\)`));
    // Run from the project itself: its glossary/ is the default, nothing to note.
    expect(result.stderr).toBe('');
  }, 60_000);

  it('says which glossary it read when run from another folder that has a glossary/ of its own', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pg-validate-cwd-'));
    try {
      const own = join(folder, 'glossary');
      mkdirSync(own);
      // As `import` leaves it in the folder it runs in: an entry with a problem (a count of items that does not fit).
      writeFileSync(join(own, 'town.yaml'), 'entries:\n  - id: san-xiang\n    term: 三项行动\n    items: [一, 二]\n    definition: 试写的三项行动。\n');
      const fromFolder = await runCliCaptured(folder, ['validate']);
      expect(fromFolder.code).toBe(0);
      expect(fromFolder.stderr).toContain('policy-glossary validate glossary/');
      // The folder it did read: the project's, named as seen from the folder.
      expect(fromFolder.stderr).toContain(relative(folder, resolve(ROOT, 'glossary')));
      expect(fromFolder.stdout).not.toContain('town.yaml');
      // Named, it is the one read (and its problem found).
      const named = await runCliCaptured(folder, ['validate', 'glossary/']);
      expect(named.code).toBe(1);
      expect(named.stdout).toContain('glossary/town.yaml');
      expect(named.stderr).toBe('');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it('rejects a definition of unreasonable size (10 MB) and an overlong term, at their lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-validate-'));
    try {
      const huge = '很'.repeat(10_000_000);
      writeFileSync(join(dir, 'huge.yaml'), `source:\n  title: 测试\n  kind: editorial\nentries:\n  - id: a\n    term: ${'长'.repeat(200)}\n    definition: ${huge}\n    status: editorial\n  - id: b\n    term: 三清\n    definition: 一句话。\n    status: editorial\n`);
      const { code, stdout } = await runCliCaptured(dir, ['validate', 'huge.yaml']);
      expect(code).toBe(1);
      const lines = stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^huge\.yaml:6:11: 写法过长（200 字符，上限 80）/u);
      expect(lines[1]).toMatch(/^huge\.yaml:7:17: 释义过长（10000000 字符，上限 10000）/u);
      expect(lines).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never writes: the fixture tree is byte-identical after validating it all', async () => {
    const before = snapshotTree(resolve(ROOT, FIXTURES));
    await validate(FIXTURES, `${FIXTURES}/dup-id`, `${FIXTURES}/valid`);
    expect(snapshotTree(resolve(ROOT, FIXTURES))).toEqual(before);
  });

  it('rejects a path that does not exist and an unknown option', async () => {
    expect((await validate('no/such/glossary.yaml')).code).toBe(2);
    const unknown = await validate('--strict');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知选项 "--strict" / unknown option "--strict"');
  });

  it('--help explains the command in Chinese and English', async () => {
    const result = await validate('--help');
    expect(result.code).toBe(0);
    expect(result.lines.join('\n')).toMatch(/检查术语表文件[\s\S]*Checks glossary files/);
  });
});
