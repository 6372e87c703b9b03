// Parsing one glossary file: positions of syntax and schema problems, and the generated schema
// validator staying in step with glossary/schema.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateGlossaryValidator, SCHEMA_PATH, VALIDATOR_PATH } from '../../scripts/generate-glossary-validator';
import { parseGlossaryFile } from '../../src/core/glossary-parse';

const HEAD = 'source:\n  title: 报告\n  kind: footnotes\nentries:\n';

describe('parseGlossaryFile', () => {
  // Each row: entries YAML appended to a valid head (line 5 onwards), expected line:col and message fragment.
  const cases: { name: string; entries: string; at: string; message: string }[] = [
    { name: 'type of aliases', entries: '  - id: a\n    term: 甲\n    aliases: 乙\n    status: editorial\n', at: '7:14', message: '"entries[0].aliases" 应为列表 / "entries[0].aliases" must be a list' },
    { name: 'empty term', entries: '  - id: a\n    term: "  "\n    status: editorial\n', at: '6:11', message: '"entries[0].term" 不能为空' },
    { name: 'footnote 0', entries: '  - id: a\n    term: 甲\n    source: { footnote: 0 }\n    status: editorial\n', at: '7:25', message: '应为正整数' },
    { name: 'duplicate key', entries: '  - id: a\n    id: b\n    term: 甲\n    status: editorial\n', at: '6:5', message: 'YAML 语法错误：同一层级出现了重复的键' },
  ];
  it.each(cases)('$name at $at', ({ entries, at, message }) => {
    const parsed = parseGlossaryFile('g.yaml', HEAD + entries);
    expect(parsed.file).toBeUndefined();
    expect(parsed.problems.map((problem) => `${problem.line}:${problem.col}`)).toEqual([at]);
    expect(parsed.problems[0]!.message).toContain(message);
  });

  it('reports a bad date and URL in the source block', () => {
    const parsed = parseGlossaryFile('g.yaml', 'source:\n  title: 报告\n  kind: footnotes\n  date: 2020-13-01\n  url: ftp://x\nentries: []\n');
    expect(parsed.problems.map((problem) => `${problem.line}:${problem.col}`)).toEqual(['4:9', '5:8']);
    expect(parsed.problems[0]!.message).toContain('"source.date" 应写成 YYYY-MM-DD');
    expect(parsed.problems[1]!.message).toContain('"source.url" 应为 http:// 或 https:// 开头的网址');
  });

  it.each([
    ['', '文件为空 / the file is empty'],
    ['- a\n', '文件应为映射，顶层包含 source 和 entries'],
  ])('rejects a file that is not a glossary: %j', (text, message) => {
    expect(parseGlossaryFile('g.yaml', text).problems).toEqual([{ path: 'g.yaml', line: 1, col: 1, message: expect.stringContaining(message), severity: 'error' }]);
  });

  it('warns about an unknown tag but still reads the file', () => {
    const parsed = parseGlossaryFile('g.yaml', 'source:\n  title: !foo 报告\n  kind: footnotes\nentries: []\n');
    expect(parsed.file?.source.title).toBe('报告');
    expect(parsed.problems).toEqual([{ path: 'g.yaml', line: 2, col: 10, severity: 'warning', message: expect.stringContaining('YAML 提示：无法识别的标签') }]);
  });

  it('refuses a document whose aliases expand without bound, without hanging', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [i, name] of ['b', 'c', 'd', 'e'].entries()) levels.push(`${name}: &${name} [${Array(10).fill(`*${'abcd'[i]}`).join(', ')}]`);
    const parsed = parseGlossaryFile('g.yaml', levels.join('\n'));
    expect(parsed.file).toBeUndefined();
    expect(parsed.problems[0]!.message).toContain('YAML 无法展开 / YAML cannot be expanded');
  });

  it('negative: a valid file with a BOM and the schema comment has no problems', () => {
    const parsed = parseGlossaryFile('g.yaml', '\uFEFF# yaml-language-server: $schema=./schema.json\n' + HEAD + '  - id: a\n    term: 甲\n    status: editorial\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.file?.entries[0]?.term).toBe('甲');
    expect(parsed.locate(['entries', 0, 'term'])).toEqual({ line: 7, col: 11 });
    expect(parsed.locate(['entries', 0, 'term'], true)).toEqual({ line: 7, col: 5 });
    expect(parsed.locate(['entries', 0, 'missing'])).toEqual({ line: 6, col: 5 });
  });
});

it('the compiled validator is up to date with glossary/schema.json (run scripts/generate-glossary-validator.ts)', () => {
  expect(readFileSync(VALIDATOR_PATH, 'utf8')).toBe(generateGlossaryValidator(readFileSync(SCHEMA_PATH, 'utf8')));
});

it('every glossary file points editors at the schema', () => {
  for (const name of ['chuansha-2020h1.yaml', 'editorial.yaml']) {
    const text = readFileSync(new URL(`../../glossary/${name}`, import.meta.url), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema.json');
  }
});
