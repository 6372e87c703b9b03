// The real `policy-glossary` command in a child process (`node bin/policy-glossary.mjs …` running the
// compiled CLI), for each subcommand's success and error paths: exit codes, what goes to stdout and
// stderr (file, line and reason), and that a failed run leaves the user's files as they were. The
// in-process tests beside this one cover the commands' logic; these cover the command line itself
// (argument passing, the process exit code, the compiled bundle and its lazily loaded chunks).
//
// The CLI is compiled here with the same buildCli() that `npm run build:cli` runs, into a private
// package layout in a temporary folder (bin/, dist/cli/, glossary/ → the project's), so that a
// concurrent `npm pack` (the package tests rebuild dist/cli) cannot swap files under a running test.
// The fixtures are invented for these tests.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli';
import { ofdPackage, paragraphs } from '../support/ofd-writer';
import { runCliProcess } from './run-cli';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let pkg: string;
let work: string;

/** Runs `node <package>/bin/policy-glossary.mjs ...args` in the work folder. */
function cli(...args: string[]): Promise<Run> {
  return runCliProcess(pkg, work, args);
}

/** Writes `text` at `name` under the work folder (creating folders). */
function write(name: string, text: string): void {
  mkdirSync(dirname(join(work, name)), { recursive: true });
  writeFileSync(join(work, name), text);
}

const read = (name: string): string => readFileSync(join(work, name), 'utf8');

const GLOSSARY = `source:
  title: 命令行测试术语表
  kind: editorial
entries:
  - id: si-lian-gong-zhi
    term: 四联共治
    items: [联防, 联调, 联治, 联创]
    definition: 联防、联调、联治、联创。
    status: editorial
  - id: yi-zhan-shi-fu-wu
    term: 一站式服务
    definition: 办事群众在一个窗口办完全部手续。
    status: editorial
`;

/** Entry 2 lacks its term (line 9, column 5: where its mapping starts). */
const GLOSSARY_WITHOUT_TERM = `source:
  title: 缺字段的术语表
  kind: editorial
entries:
  - id: si-lian-gong-zhi
    term: 四联共治
    definition: 联防、联调、联治、联创。
    status: editorial
  - id: yi-zhan-shi-fu-wu
    definition: 办事群众在一个窗口办完全部手续。
    status: editorial
`;

const SCANNED = '今年全面推行四联共治，街道大厅实现一站式服务。\n明年继续深化“四联共治”，推进“三段式调解”。\n';

/** A report whose footnotes explain two made-up terms; note 2 sits on line 4. */
const FOOTNOTED = [
  '桃源镇工作报告',
  '各位代表：',
  '我们推行“三段式调解”[footnoteRef:1]，建设“邻里客厅”[footnoteRef:2]。',
  '[1: 、“三段式调解”：村组初调、镇所复调、司法终调。]  [2: 、邻里客厅：小区里供居民议事和休闲的公共空间。]',
  '',
].join('\n');

/** A 名词解释 appendix under a county's folder (the collection places a report by its path). */
const APPENDIX_REPORT = [
  '---',
  'title: 桃源县政府工作报告',
  '---',
  '',
  '——2022年1月10日在桃源县第十八届人民代表大会第一次会议上',
  '',
  '各位代表：过去一年，我们落实“三段式调解”，各项工作稳步推进。',
  '',
  '**名词解释**',
  '',
  '1. 三段式调解：村组初调、镇所复调、司法终调。',
  '',
].join('\n');

/** The same kind of report with no place named anywhere: no government to file it under. */
const PLACELESS_REPORT = APPENDIX_REPORT.replace('桃源县政府工作报告', '政府工作报告').replace('在桃源县第十八届', '在第十八届');

beforeAll(async () => {
  pkg = mkdtempSync(join(tmpdir(), 'pg-cli-package-'));
  mkdirSync(join(pkg, 'bin'));
  copyFileSync(join(ROOT, 'bin', 'policy-glossary.mjs'), join(pkg, 'bin', 'policy-glossary.mjs'));
  symlinkSync(join(ROOT, 'glossary'), join(pkg, 'glossary'), 'dir');
  await buildCli(join(pkg, 'dist', 'cli'));
}, 120_000);

afterAll(() => {
  if (pkg) rmSync(pkg, { recursive: true, force: true });
});

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'pg-cli-work-'));
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

// Each test starts one or two Node processes; on a busy 2-core machine that can take seconds.
describe('policy-glossary on the command line', { timeout: 60_000 }, () => {
  it('runs the compiled bundle, not the sources (no "not compiled" note), and --help exits 0', async () => {
    expect(readdirSync(join(pkg, 'dist', 'cli'))).toContain('policy-glossary.mjs');
    const run = await cli('--help');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('用法 / usage: policy-glossary <command>');
    for (const command of ['validate', 'build', 'scan', 'import', 'collect', 'stats', 'missing']) expect(run.stdout).toContain(`  ${command} `);
  });

  it('an unknown command: exit 2, its name and the usage on stderr, nothing on stdout', async () => {
    const run = await cli('frobnicate');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('未知命令 unknown command "frobnicate"');
    expect(run.stderr).toContain('用法 / usage');
  });

  describe('validate', () => {
    it('a valid file: exit 0 and the summary', async () => {
      write('terms.yaml', GLOSSARY);
      const run = await cli('validate', 'terms.yaml');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toBe('检查了 1 个文件、2 条词条：0 个错误，0 个警告 / checked 1 file(s), 2 entries: 0 error(s), 0 warning(s)\n');
    });

    it('a missing field: exit 1, the problem at path:line:col', async () => {
      write('bad/terms.yaml', GLOSSARY_WITHOUT_TERM);
      const run = await cli('validate', 'bad/terms.yaml');
      expect(run.code).toBe(1);
      expect(run.stdout.split('\n')[0]).toMatch(/^bad\/terms\.yaml:9:5: .*缺少必填字段 "term" \/ missing required field "term"/u);
      expect(run.stdout).toContain('1 个错误');
    });

    it('an unknown option or a missing path: exit 2, the reason on stderr', async () => {
      const option = await cli('validate', '--strict');
      expect(option.code).toBe(2);
      expect(option.stderr).toBe('policy-glossary validate: 未知选项 "--strict" / unknown option "--strict"\n');
      const missing = await cli('validate', 'nowhere.yaml');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('找不到文件或文件夹 "nowhere.yaml" / no such file or folder "nowhere.yaml"');
    });
  });

  describe('build', () => {
    it('writes the pack and its hashed copy, exit 0', async () => {
      write('terms.yaml', GLOSSARY);
      const run = await cli('build', '--out', 'out', 'terms.yaml');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const files = readdirSync(join(work, 'out')).sort();
      expect(files).toHaveLength(2);
      expect(files[0]).toMatch(/^glossary\.[0-9a-f]{8}\.json$/u);
      expect(files[1]).toBe('glossary.json');
      const pack = JSON.parse(read('out/glossary.json')) as { entries: Array<{ term: string }> };
      expect(pack.entries.map((entry) => entry.term)).toEqual(['四联共治', '一站式服务']);
      expect(run.stdout).toContain('已写入 wrote out/glossary.json：2 条词条');
    });

    it('a glossary with an error: exit 1, the problem at path:line:col on stderr, nothing written', async () => {
      write('terms.yaml', GLOSSARY_WITHOUT_TERM);
      const run = await cli('build', '--out', 'out', 'terms.yaml');
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^terms\.yaml:9:5: .*缺少必填字段 "term"/mu);
      expect(run.stderr).toContain('术语表有 1 个错误，未写入任何文件 / 1 error(s): nothing written');
      expect(readdirSync(work)).toEqual(['terms.yaml']);
    });

    it('--name with a path in it: exit 2, the reason on stderr', async () => {
      write('terms.yaml', GLOSSARY);
      const run = await cli('build', '--name', '../elsewhere', 'terms.yaml');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--name 需要一个不含路径的文件名 / --name needs a plain file name');
      expect(readdirSync(work)).toEqual(['terms.yaml']);
    });
  });

  describe('scan', () => {
    it('--json lists each term where the text has it, exit 0', async () => {
      write('terms.yaml', GLOSSARY);
      write('report.txt', SCANNED);
      const run = await cli('scan', 'report.txt', '--glossary', 'terms.yaml', '--json');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const result = JSON.parse(run.stdout) as { files: Array<{ file: string; matches: Array<{ text: string; kind: string; entryId?: string; start: number }> }> };
      expect(result.files).toHaveLength(1);
      const terms = result.files[0]!.matches.filter((match) => match.kind === 'term');
      expect(terms.map((match) => [match.entryId, SCANNED.slice(match.start, match.start + match.text.length)])).toEqual([
        ['si-lian-gong-zhi', '四联共治'],
        ['yi-zhan-shi-fu-wu', '一站式服务'],
        // Quotes stay outside a bare term.
        ['si-lian-gong-zhi', '四联共治'],
      ]);
    });

    it('a file that does not exist: exit 2, its name on stderr', async () => {
      write('terms.yaml', GLOSSARY);
      const run = await cli('scan', 'absent.txt', '--glossary', 'terms.yaml');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('无法读取文件 "absent.txt" / cannot read "absent.txt"');
    });

    it('a glossary with an error: exit 2, the problem at path:line:col on stderr', async () => {
      write('terms.yaml', GLOSSARY_WITHOUT_TERM);
      write('report.txt', SCANNED);
      const run = await cli('scan', 'report.txt', '--glossary', 'terms.yaml');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^terms\.yaml:9:5: .*缺少必填字段 "term"/mu);
    });
  });

  describe('import', () => {
    it('writes glossary/<report>.yaml from the footnotes, exit 0', async () => {
      write('taoyuan.txt', FOOTNOTED);
      const run = await cli('import', 'taoyuan.txt');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('已写入 / wrote glossary/taoyuan.yaml（新增 2');
      const written = read('glossary/taoyuan.yaml');
      expect(written).toContain('term: 三段式调解');
      expect(written).toContain('definition: 小区里供居民议事和休闲的公共空间。');
    });

    it('imports the footnotes of a Word 97–2003 .doc, and scan reads its body', async () => {
      copyFileSync(fileURLToPath(new URL('../fixtures/import/doc/footnotes-report.doc', import.meta.url)), join(work, '清溪镇.doc'));
      const run = await cli('import', '清溪镇.doc', '--region', '湖南省');
      expect(run.code).toBe(0);
      const written = read('glossary/清溪镇.yaml');
      expect(written).toContain('term: 两会一评');
      expect(written).toContain('definition: 党员议事会、居民恳谈会、群众满意度测评制度。');
      const scan = await cli('scan', '清溪镇.doc', '--glossary', 'glossary/清溪镇.yaml');
      expect(scan.code).toBe(0);
      expect(scan.stdout).toMatch(/两会一评 .*×1/u);
    });

    it('imports the 名词解释 of an OFD report, and scan reads its body', async () => {
      const body = paragraphs(['今年全面推行“四联共治”，推进“三段式调解”，基层治理更加有效。']);
      const appendix = paragraphs(['1.三段式调解：村组初调、镇街复调、县级终调的矛盾纠纷调解方式。'], body.next + 16);
      writeFileSync(join(work, '桃源镇.ofd'), ofdPackage([[...body.lines, { text: '名词解释', x: 93, baseline: body.next + 6, size: 7 }, ...appendix.lines]], { shape: 'converted' }));
      const run = await cli('import', '桃源镇.ofd', '--region', '湖南省');
      expect(run.code).toBe(0);
      const written = read('glossary/桃源镇.yaml');
      expect(written).toContain('term: 三段式调解');
      expect(written).toContain('definition: 村组初调、镇街复调、县级终调的矛盾纠纷调解方式。');
      const scan = await cli('scan', '桃源镇.ofd', '--glossary', 'glossary/桃源镇.yaml');
      expect(scan.code).toBe(0);
      // Once in the body and once in the appendix (scan reads the whole laid-out text but the feet).
      expect(scan.stdout).toMatch(/三段式调解 .*×2/u);
    });

    it('a report without footnotes: exit 1, the file and the reason on stderr, nothing written', async () => {
      write('plain.txt', '桃源镇工作报告\n今年各项工作稳步推进。\n');
      const run = await cli('import', 'plain.txt');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('plain.txt: 没有找到可导入的术语 / no terms found to import');
      expect(readdirSync(work)).toEqual(['plain.txt']);
    });

    it('an existing glossary file that is not valid YAML: exit 1, its path and line on stderr, the file untouched', async () => {
      write('taoyuan.txt', FOOTNOTED);
      const broken = 'source:\n  title: 手写的术语表\nentries:\n  - id: [unclosed\n';
      write('glossary/taoyuan.yaml', broken);
      const run = await cli('import', 'taoyuan.txt');
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^glossary\/taoyuan\.yaml:\d+: /mu);
      expect(read('glossary/taoyuan.yaml')).toBe(broken);
      expect(readdirSync(join(work, 'glossary'))).toEqual(['taoyuan.yaml']);
    });

    it('two input files: exit 2, the reason on stderr', async () => {
      const run = await cli('import', 'a.txt', 'b.txt');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('一次只能导入一个文件 / import one file at a time (got a.txt and b.txt)');
    });
  });

  describe('collect', () => {
    it('files a report under its province and place, exit 0', async () => {
      write('reports/湖南省/常德市/桃源县/2022.md', APPENDIX_REPORT);
      const run = await cli('collect', 'reports', '--out', 'out');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/报告 1 份 reports：写入 1 written/u);
      const [province] = readdirSync(join(work, 'out'));
      const [file] = readdirSync(join(work, 'out', province!));
      expect(file).toMatch(/-2022\.yaml$/u);
      expect(read(`out/${province}/${file}`)).toContain('definition: 村组初调、镇所复调、司法终调。');
    });

    it('a report whose government cannot be told: exit 1, the report and the reason on stderr, nothing written', async () => {
      write('reports/2022.md', PLACELESS_REPORT);
      const run = await cli('collect', 'reports', '--out', 'out');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('reports/2022.md: 错误 error: 无法确定发布报告的政府');
      expect(run.stdout).toMatch(/失败 1 failed/u);
      expect(readdirSync(work)).toEqual(['reports']);
    });

    it('a folder that does not exist: exit 2, its name on stderr', async () => {
      const run = await cli('collect', 'no-such-folder');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('找不到报告文件夹 "no-such-folder" / no such folder "no-such-folder"');
    });
  });

  describe('stats', () => {
    it('--json counts the entries of the files given, exit 0', async () => {
      write('terms.yaml', GLOSSARY);
      const run = await cli('stats', 'terms.yaml', '--json');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.stringify(JSON.parse(run.stdout))).toMatch(/"entries":2\b/u);
    });

    it('an unknown option: exit 2, the option on stderr', async () => {
      const run = await cli('stats', '--everything');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('未知选项 unknown option --everything');
    });
  });

  describe('missing', () => {
    it('lists the quoted coinage the glossary lacks, exit 0', async () => {
      write('terms.yaml', GLOSSARY);
      write('report.txt', SCANNED);
      const run = await cli('missing', 'report.txt', '--glossary', 'terms.yaml');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^ {2}三段式调解 /mu);
      expect(run.stdout).not.toMatch(/^ {2}(四联共治|一站式服务) /mu);
    });

    it('a file of a kind it cannot read: exit 2, the file and the reason on stderr', async () => {
      write('terms.yaml', GLOSSARY);
      write('report.pages', '四联共治\n');
      const run = await cli('missing', 'report.pages', '--glossary', 'terms.yaml');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('report.pages: 不支持的文件类型（支持 .txt .md .markdown .html .htm .shtml .xhtml .mhtml .mht .docx .doc .wps .rtf .odt .xml .ofd .pdf）');
    });

    it('reads an RTF report, its text given as \\uN characters', async () => {
      write('terms.yaml', GLOSSARY);
      const words = [...SCANNED].map((char) => (char.charCodeAt(0) < 128 ? (char === '\n' ? '\\par ' : char) : `\\u${char.charCodeAt(0)}?`)).join('');
      write('report.rtf', `{\\rtf1\\ansi\\ansicpg936 ${words}}`);
      const run = await cli('missing', 'report.rtf', '--glossary', 'terms.yaml');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^ {2}三段式调解 /mu);
    });

    it('a .docx that does not open: exit 2, named as a broken Word document, not as a kind it cannot read', async () => {
      write('terms.yaml', GLOSSARY);
      write('broken.docx', '四联共治，不是 zip');
      const run = await cli('missing', 'broken.docx', '--glossary', 'terms.yaml');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('broken.docx: 无法读取 .docx（不是有效的 Word 文档）');
    });

    it('a .doc that does not open: exit 2, named as a broken Word 97–2003 document', async () => {
      write('terms.yaml', GLOSSARY);
      write('broken.doc', '四联共治，不是 Word 文档');
      const run = await cli('missing', 'broken.doc', '--glossary', 'terms.yaml');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('broken.doc: 无法读取（不是有效的 Word 97–2003 或 WPS 文字文档');
    });

    it('a stub file that is not valid YAML: exit 1, its path and line on stderr, the file untouched', async () => {
      write('terms.yaml', GLOSSARY);
      write('report.txt', SCANNED);
      const broken = 'entries:\n  - id: [unclosed\n';
      write('stubs.yaml', broken);
      const run = await cli('missing', 'report.txt', '--glossary', 'terms.yaml', '--stub', 'stubs.yaml');
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^stubs\.yaml:\d+: /mu);
      expect(read('stubs.yaml')).toBe(broken);
    });
  });
});
