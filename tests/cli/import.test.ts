import { mkdtemp, readFile, readdir, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateGlossarySources } from '../../src/core/glossary-validate';
import type { GlossaryEntry } from '../../src/core/types';
import { runCliCaptured } from './run-cli';
import type { CliRun } from './run-cli';

const fixture = new URL('../fixtures/import/footnotes-report.txt', import.meta.url);
let dir: string;

const cli = (...args: string[]): Promise<CliRun> => runCliCaptured(dir, args);

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pg-import-'));
  await copyFile(fixture, path.join(dir, 'report.txt'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('policy-glossary import', () => {
  it('writes glossary/<report>.yaml by default, a file the validator accepts', async () => {
    const run = await cli('import', 'report.txt');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已写入 / wrote glossary/report.yaml（新增 5');
    const text = await readFile(path.join(dir, 'glossary/report.yaml'), 'utf8');
    const check = validateGlossarySources([{ path: 'glossary/report.yaml', text }]);
    expect(check.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(check.files[0]?.file?.entries.map((entry) => entry.term)).toEqual(['四送', '两会一评', '三清行动', '清溪驿站', '未引用']);
  });

  it('prints problems with file and line on stderr', async () => {
    const run = await cli('import', 'report.txt');
    expect(run.stderr).toContain('report.txt:9: 警告 warning: 脚注 5 在正文中没有引用');
  });

  it('is byte-identical when run twice', async () => {
    await cli('import', 'report.txt', '--out', 'out/q.yaml');
    const once = await readFile(path.join(dir, 'out/q.yaml'));
    const run = await cli('import', 'report.txt', '--out', 'out/q.yaml');
    expect(run.stdout).toContain('无需改动 / already up to date');
    expect(await readFile(path.join(dir, 'out/q.yaml'))).toEqual(once);
    expect(await readdir(path.join(dir, 'out'))).toEqual(['q.yaml']);
  });

  it('--json prints the entries as a JSON array and writes nothing', async () => {
    const run = await cli('import', 'report.txt', '--json');
    const entries = JSON.parse(run.stdout) as GlossaryEntry[];
    expect(entries.map((entry) => entry.id)).toEqual(['si-song', 'liang-hui-yi-ping', 'san-qing-xing-dong', 'qing-xi-yi-zhan', 'wei-yin-yong']);
    expect(await readdir(dir)).toEqual(['report.txt']);
  });

  it('--dry-run shows what would change and writes nothing', async () => {
    const run = await cli('import', 'report.txt', '--dry-run');
    expect(run.stdout).toContain('新增 added: 四送 (si-song)');
    expect(run.stdout).toContain('试运行，未写入 / dry run, nothing written');
    expect(await readdir(dir)).toEqual(['report.txt']);
  });

  it('keeps an entry a person edited, and overwrites it only with --force', async () => {
    await cli('import', 'report.txt', '--out', 'g.yaml');
    const file = path.join(dir, 'g.yaml');
    const edited = (await readFile(file, 'utf8')).replace('definition: 送政策、送技术、送资金、送服务。', 'definition: 镇里改写的定义。');
    await writeFile(file, edited);
    const kept = await cli('import', 'report.txt', '--out', 'g.yaml');
    expect(kept.stdout).toContain('保留人工修改 kept (edited by a person; --force to overwrite): 四送 (si-song) [definition]');
    expect(await readFile(file, 'utf8')).toBe(edited);
    const dry = await cli('import', 'report.txt', '--out', 'g.yaml', '--force', '--dry-run');
    expect(dry.stdout).toContain('覆盖人工修改 overwritten (--force): 四送 (si-song) [definition]');
    expect(await readFile(file, 'utf8')).toBe(edited);
    await cli('import', 'report.txt', '--out', 'g.yaml', '--force');
    expect(await readFile(file, 'utf8')).toContain('definition: 送政策、送技术、送资金、送服务。');
  });

  it('does not add back an entry a person deleted, unless --force', async () => {
    await cli('import', 'report.txt', '--out', 'g.yaml');
    const file = path.join(dir, 'g.yaml');
    const text = await readFile(file, 'utf8');
    const without = text.replace(/ {2}- id: san-qing-xing-dong[^]*?(?= {2}- id: )/, '');
    expect(without).not.toContain('san-qing-xing-dong');
    await writeFile(file, without);
    const run = await cli('import', 'report.txt', '--out', 'g.yaml');
    expect(run.stdout).toContain('保留人工删除 not added back (deleted by a person; --force to add it again): 三清行动 (san-qing-xing-dong)');
    expect(run.stdout).toContain('保留人工删除 1');
    expect(await readFile(file, 'utf8')).toBe(without);
    const check = validateGlossarySources([{ path: 'g.yaml', text: without }]);
    expect(check.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    await cli('import', 'report.txt', '--out', 'g.yaml', '--force');
    expect(await readFile(file, 'utf8')).toContain('san-qing-xing-dong');
  });

  it('gives new entries ids that other glossary files in the folder do not use', async () => {
    await mkdir(path.join(dir, 'glossary'));
    await writeFile(path.join(dir, 'glossary/other.yaml'), 'source:\n  title: 别的\n  kind: editorial\nentries:\n  - id: si-song\n    term: 四项送达\n    status: editorial\n');
    await cli('import', 'report.txt');
    const text = await readFile(path.join(dir, 'glossary/report.yaml'), 'utf8');
    expect(text).toContain('- id: si-song-2 #');
  });

  it('refuses to touch a target file that is not valid YAML', async () => {
    await writeFile(path.join(dir, 'g.yaml'), 'source:\n  title: 甲\n  title: 乙\n');
    const run = await cli('import', 'report.txt', '--out', 'g.yaml');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('g.yaml:3: YAML 语法错误，未做任何修改');
    expect(await readFile(path.join(dir, 'g.yaml'), 'utf8')).toBe('source:\n  title: 甲\n  title: 乙\n');
  });

  it.each([
    { args: ['import'], message: '缺少要导入的文件' },
    { args: ['import', 'a.txt', 'b.txt'], message: '一次只能导入一个文件' },
    { args: ['import', 'report.txt', '--bogus'], message: '未知选项 unknown option --bogus' },
    { args: ['import', 'missing.txt'], message: '无法读取 cannot read missing.txt' },
  ])('exits 2 with a clear message for $args', async ({ args, message }) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('never changes the curated seed glossary when the seed report is imported into it', async () => {
    const curated = await readFile(new URL('../../glossary/chuansha-2020h1.yaml', import.meta.url), 'utf8');
    await writeFile(path.join(dir, 'curated.yaml'), curated);
    await copyFile(new URL('../../sources/chuansha-2020h1.txt', import.meta.url), path.join(dir, 'seed.txt'));
    const run = await cli('import', 'seed.txt', '--out', 'curated.yaml');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('新增 0，更新 0，未变 0，保留人工修改 19');
    expect(await readFile(path.join(dir, 'curated.yaml'), 'utf8')).toBe(curated);
  });

  it('imports a .docx with Word footnotes and an .html page with <sup> footnotes', async () => {
    const document = new Document({
      footnotes: { 1: { children: [new Paragraph('送政策、送技术、送资金、送服务。')] } },
      sections: [{ children: [new Paragraph({ children: [new TextRun('扎实做好“四送”'), new FootnoteReferenceRun(1), new TextRun('工作。')] })] }],
    });
    await writeFile(path.join(dir, 'report.docx'), new Uint8Array(await Packer.toBuffer(document)));
    await writeFile(
      path.join(dir, 'page.html'),
      '<p>推进“三清”行动<sup><a href="#n1">1</a></sup>。</p><ol><li id="n1">“三清”行动：清垃圾、清河道、清违建。</li></ol>',
    );
    const fromDocx = JSON.parse((await cli('import', 'report.docx', '--json')).stdout) as GlossaryEntry[];
    const fromHtml = JSON.parse((await cli('import', 'page.html', '--json')).stdout) as GlossaryEntry[];
    expect(fromDocx.map((entry) => [entry.term, entry.source?.footnote, entry.items])).toEqual([['四送', 1, ['送政策', '送技术', '送资金', '送服务']]]);
    expect(fromHtml.map((entry) => [entry.term, entry.aliases, entry.items])).toEqual([['三清行动', ['“三清”行动'], ['清垃圾', '清河道', '清违建']]]);
  });

  it('exits 1 when the file has no terms to import', async () => {
    await writeFile(path.join(dir, 'plain.txt'), '各位代表：今年我们做了很多工作。');
    const run = await cli('import', 'plain.txt');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('没有找到可导入的术语');
    expect(await readdir(dir)).toEqual(['plain.txt', 'report.txt']);
  });
  describe('terms another glossary file already defines', () => {
    const earlier = [
      'source: { title: 早先的报告, kind: footnotes }',
      'entries:',
      '  - id: si-song-earlier',
      '    term: 四送',
      '    definition: 送政策、送技术、送资金、送服务。',
      '    status: official',
      '',
    ].join('\n');

    it('are skipped by default, so the glossary folder still validates', async () => {
      await mkdir(path.join(dir, 'glossary'));
      await writeFile(path.join(dir, 'glossary/earlier.yaml'), earlier);
      const run = await cli('import', 'report.txt');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('已收录，跳过 skipped: 四送（已在 glossary/earlier.yaml 中定义');
      const sources = await Promise.all(
        ['earlier.yaml', 'report.yaml'].map(async (name) => ({
          path: `glossary/${name}`,
          text: await readFile(path.join(dir, 'glossary', name), 'utf8'),
        })),
      );
      const check = validateGlossarySources(sources);
      expect(check.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      expect(check.files[1]?.file?.entries.map((entry) => entry.term)).not.toContain('四送');
    });

    it('are imported with --include-known, and validate accepts the term with two sources (one per file)', async () => {
      await mkdir(path.join(dir, 'glossary'));
      await writeFile(path.join(dir, 'glossary/earlier.yaml'), earlier);
      const run = await cli('import', 'report.txt', '--include-known');
      expect(run.stderr).toContain('“四送”已在 glossary/earlier.yaml 中定义，仍导入');
      expect(await readFile(path.join(dir, 'glossary/report.yaml'), 'utf8')).toMatch(/term: 四送/u);
      const validate = await cli('validate', 'glossary');
      expect(validate.stdout).toMatch(/：0 个错误/u);
      expect(validate.code).toBe(0);
    });
  });
});

describe('policy-glossary import: the issuing place', () => {
  const report = '2024年永州市政府工作报告\n\n各位代表：现在，我代表市人民政府，向大会报告工作。我们推进“三清”行动。\n\n名词解释\n1.“三清”行动：清河道、清垃圾。\n';
  const sourceOf = async (file: string) => {
    const text = await readFile(path.join(dir, file), 'utf8');
    return validateGlossarySources([{ path: file, text }]).files[0]?.file?.source;
  };

  it('records the place the report names as its source region (the title here), so pages of that place show the definitions as their own', async () => {
    await writeFile(path.join(dir, 'yz.txt'), report);
    const run = await cli('import', 'yz.txt');
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('--region');
    expect(await sourceOf('glossary/yz.yaml')).toMatchObject({ region: { code: '431100', name: '永州市', level: 'city' }, year: 2024 });
  });

  it('reads the place from the congress its dateline names when the title and 我代表 do not', async () => {
    await writeFile(path.join(dir, 'c.txt'), report.replace('2024年永州市政府工作报告', '政府工作报告\n——2024年1月10日在永州市第六届人民代表大会第四次会议上'));
    expect((await cli('import', 'c.txt')).code).toBe(0);
    expect((await sourceOf('glossary/c.yaml'))?.region?.code).toBe('431100');
  });

  it('takes --region as given, by name or by code', async () => {
    await writeFile(path.join(dir, 'yz.txt'), report);
    expect((await cli('import', 'yz.txt', '--region', '湖南省', '--out', 'a/yz.yaml')).code).toBe(0);
    expect((await sourceOf('a/yz.yaml'))?.region).toEqual({ code: '430000', name: '湖南省', level: 'province' });
    expect((await cli('import', 'yz.txt', '--region=431100', '--out', 'b/yz.yaml')).code).toBe(0);
    expect((await sourceOf('b/yz.yaml'))?.region?.code).toBe('431100');
  });

  it('refuses an unknown --region and writes nothing', async () => {
    await writeFile(path.join(dir, 'yz.txt'), report);
    const run = await cli('import', 'yz.txt', '--region', '不存在市');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('无法识别的地名或区划代码 "不存在市"');
    await expect(readdir(path.join(dir, 'glossary'))).rejects.toThrow();
  });

  it('says when the report names no place it can tell, and writes no region', async () => {
    await writeFile(path.join(dir, 'x.txt'), report.replace('2024年永州市政府工作报告', '2024年政府工作报告'));
    const run = await cli('import', 'x.txt');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('未能确定发布机关所在地');
    expect((await sourceOf('glossary/x.yaml'))?.region).toBeUndefined();
  });
});
