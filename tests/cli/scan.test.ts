import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadGlossaryPack } from '../../src/cli/glossary-files';
import type { TextMatch } from '../../src/core/types';
import { runCliCaptured } from './run-cli';
import type { CliRun } from './run-cli';

let dir: string;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The seed report's own glossary (not the national collection, whose longer terms such as 六稳六保 win over 六稳 + 六保). */
const SEED = ['--glossary', path.join(ROOT, 'glossary/chuansha-2020h1.yaml'), '--glossary', path.join(ROOT, 'glossary/editorial.yaml')];
const TWO_PLACES = path.join(ROOT, 'tests/fixtures/glossary/one-term-two-places');

const cli = (...args: string[]): Promise<CliRun> => runCliCaptured(dir, args);

interface ScanJson {
  files: Array<{ file: string; matches: TextMatch[] }>;
}

const REPORT = '扎实做好“六稳”“六保”工作。\n完成22个社会事业“15分钟服务圈”项目，做实两网融合管理。\n六灶区域三所配套学校年内结构封顶，完成10大类23项实事工程。\n';

const MINI_GLOSSARY = `source:
  title: 测试用术语表
  kind: editorial
entries:
  - id: liang-wang-rong-he
    term: 两网融合
    definition: 测试用释义。
    status: editorial
`;

async function docxBytes(paragraphs: string[]): Promise<Buffer> {
  const document = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] });
  return Packer.toBuffer(document);
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pg-scan-'));
  await writeFile(path.join(dir, 'report.txt'), REPORT);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('policy-glossary scan', () => {
  it('--json gives every match with offsets into the file text', async () => {
    const run = await cli('scan', 'report.txt', '--json', ...SEED);
    expect(run.code).toBe(0);
    const { files } = JSON.parse(run.stdout) as ScanJson;
    expect(files.map((file) => file.file)).toEqual(['report.txt']);
    const matches = files[0]?.matches ?? [];
    expect(matches.map((match) => [match.text, match.kind, match.entryId])).toEqual([
      ['六稳', 'term', 'liu-wen'],
      ['六保', 'term', 'liu-bao'],
      ['15分钟服务圈', 'term', 'shi-wu-fen-zhong-fu-wu-quan'],
      ['两网融合', 'term', 'liang-wang-rong-he'],
    ]);
    for (const match of matches) expect(REPORT.slice(match.start, match.end)).toBe(match.text);
  });

  it('prints terms with counts, then unknown slogans with count and first context, Chinese first', async () => {
    await writeFile(path.join(dir, 'slogans.md'), '# 报告\n\n增强“四个意识”，落实四个意识。实施双千工程。\n');
    const run = await cli('scan', 'report.txt', 'slogans.md', ...SEED);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('report.txt\n  术语 / glossary terms: 4\n');
    expect(run.stdout).toMatch(/^ {4}六稳 \(liu-wen\) ×1$/m);
    expect(run.stdout).toContain('slogans.md\n  术语 / glossary terms: 0\n  未收录的提法 / unknown slogans: 2\n');
    expect(run.stdout).toContain('    四个意识 ×2  …# 报告 增强“【四个意识】”，落实四个意识。实施双…');
    expect(run.stdout).toMatch(/^ {4}双千工程 ×1 /m);
    expect(run.stdout).not.toMatch(/六灶|三所|10大类/);
  });

  it('each --glossary replaces the bundled glossary', async () => {
    await writeFile(path.join(dir, 'mini.yaml'), MINI_GLOSSARY);
    const run = await cli('scan', 'report.txt', '--glossary', 'mini.yaml', '--json');
    const matches = (JSON.parse(run.stdout) as ScanJson).files[0]?.matches ?? [];
    expect(matches.map((match) => [match.text, match.kind, match.entryId ?? null])).toEqual([
      ['六稳', 'unknown-slogan', null],
      ['六保', 'unknown-slogan', null],
      ['15分钟服务圈', 'unknown-slogan', null],
      ['两网融合', 'term', 'liang-wang-rong-he'],
    ]);
  });

  it('accepts a built glossary.json', async () => {
    await writeFile(path.join(dir, 'mini.yaml'), MINI_GLOSSARY);
    const pack = await loadGlossaryPack(['mini.yaml'], dir);
    await writeFile(path.join(dir, 'glossary.json'), JSON.stringify(pack));
    const run = await cli('scan', 'report.txt', '--glossary', 'glossary.json', '--json');
    expect(run.code).toBe(0);
    const matches = (JSON.parse(run.stdout) as ScanJson).files[0]?.matches ?? [];
    expect(matches.filter((match) => match.kind === 'term').map((match) => match.entryId)).toEqual(['liang-wang-rong-he']);
  });

  it('reads the text content of HTML, without scripts and styles', async () => {
    await writeFile(
      path.join(dir, 'page.html'),
      '<!doctype html><html><head><title>“六保”</title><style>.x{}</style></head><body><p>扎实做好“六稳”</p><script>var s = "三会一代理";</script><p>三&nbsp;重一大</p></body></html>',
    );
    const run = await cli('scan', 'page.html', '--json', ...SEED);
    const matches = (JSON.parse(run.stdout) as ScanJson).files[0]?.matches ?? [];
    expect(matches.map((match) => [match.text.replace(/\s/g, ' '), match.entryId])).toEqual([
      ['六稳', 'liu-wen'],
      ['三 重一大', 'san-zhong-yi-da'],
    ]);
  });

  it('reads the body paragraphs of a .docx', async () => {
    await writeFile(path.join(dir, 'report.docx'), await docxBytes(['落实“三会一代理”制度', '严格落实“三重一大”制度要求']));
    const run = await cli('scan', 'report.docx', '--json', ...SEED);
    const matches = (JSON.parse(run.stdout) as ScanJson).files[0]?.matches ?? [];
    expect(matches.map((match) => [match.text, match.entryId])).toEqual([
      ['“三会一代理”制度', 'san-hui-yi-dai-li'],
      ['“三重一大”制度', 'san-zhong-yi-da'],
    ]);
  });

  describe('definitions and sources of term matches (one term, two places)', () => {
    interface Sensed extends TextMatch {
      definition?: string;
      source?: { title?: string; issuer?: string; region?: { code: string; name: string }; year?: number; appendix?: number };
      sense?: string;
      elsewhere?: boolean;
      senses?: number;
    }
    const scanTerms = async (...extra: string[]): Promise<Sensed[]> => {
      await writeFile(path.join(dir, 'page.txt'), '今年继续推进三清工作。');
      const run = await cli('scan', 'page.txt', '--json', '--glossary', TWO_PLACES, ...extra);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return ((JSON.parse(run.stdout) as { files: { matches: Sensed[] }[] }).files[0]?.matches ?? []).filter((m) => m.kind === 'term');
    };

    it('--json gives the definition a reader sees first and its source', async () => {
      const [match] = await scanTerms('--region', '永州市');
      expect(match).toMatchObject({
        text: '三清',
        definition: '清垃圾、清河塘、清杂物。',
        source: { title: '甲市政府工作报告', issuer: '甲市人民政府', region: { code: '431100', name: '永州市' }, year: 2021, appendix: 1 },
        sense: 'own',
        senses: 2,
      });
      expect(match?.elsewhere).toBeUndefined();
    });

    it.each([
      ['株洲市', '清理债务、清理闲置资产、清理低效项目。', 'own', undefined],
      ['430200', '清理债务、清理闲置资产、清理低效项目。', 'own', undefined],
      ['431102', '清垃圾、清河塘、清杂物。', 'parent', undefined],
      // Negative rows: a third place, and an unknown page, are not given either place's meaning as their own.
      ['长沙', undefined, 'elsewhere', true],
      [undefined, undefined, 'elsewhere', true],
    ])('--region %s → %s (%s)', async (region, definition, sense, elsewhere) => {
      const [match] = await scanTerms(...(region === undefined ? [] : ['--region', region]));
      expect(match?.sense).toBe(sense);
      expect(match?.elsewhere).toBe(elsewhere);
      if (definition !== undefined) expect(match?.definition).toBe(definition);
      else expect(match?.source?.region).toBeDefined();
    });

    // A third city defines the quoted coinage “三清”工作: under --region a term only other places
    // define gives way to the quoted term inside it when the page's place defines that one.
    it.each([
      ['株洲市', '三清', 'own', '清理债务、清理闲置资产、清理低效项目。'],
      ['湘潭市', '“三清”工作', 'own', '清理债务、清理欠款、清理合同。'],
      // Negative rows: neither is this place's (长沙): the coinage stays whole, as another place's
      // usage; a page of unknown place is not narrowed (its one meaning is shown with its source).
      ['长沙', '“三清”工作', 'elsewhere', undefined],
      [undefined, '“三清”工作', 'only', '清理债务、清理欠款、清理合同。'],
    ])('--region %s reads “三清”工作 as %s (%s)', async (region, text, sense, definition) => {
      const third = [
        'source:', '  title: 丙市政府工作报告', '  year: 2022', '  kind: 名词解释',
        '  region:', '    code: "430300"', '    name: 湘潭市', '    level: city',
        'entries:', '  - id: c-2022-san-qing-gong-zuo', '    term: “三清”工作', '    definition: 清理债务、清理欠款、清理合同。', '    status: official', '',
      ].join('\n');
      await writeFile(path.join(dir, 'c.yaml'), third);
      await writeFile(path.join(dir, 'page.txt'), '今年继续推进“三清”工作。');
      const run = await cli('scan', 'page.txt', '--json', '--glossary', TWO_PLACES, '--glossary', 'c.yaml', ...(region === undefined ? [] : ['--region', region]));
      expect(run.code).toBe(0);
      const terms = ((JSON.parse(run.stdout) as { files: { matches: Sensed[] }[] }).files[0]?.matches ?? []).filter((m) => m.kind === 'term');
      expect(terms.map((m) => [m.text, m.sense])).toEqual([[text, sense]]);
      if (definition !== undefined) expect(terms[0]?.definition).toBe(definition);
      else expect(terms[0]?.elsewhere).toBe(true);
    }, 60_000);

    it('rejects a place it cannot resolve', async () => {
      await writeFile(path.join(dir, 'page.txt'), '三清');
      const run = await cli('scan', 'page.txt', '--glossary', TWO_PLACES, '--region', '不存在的地方');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('无法识别的地名或区划代码');
    });
  });

  it.each([
    [['scan'], /缺少要扫描的文件 \/ missing FILE/],
    [['scan', 'absent.txt'], /无法读取文件 "absent.txt"/],
    // The files are read while the glossary loads: an unreadable file is still the error reported.
    [['scan', 'absent.txt', '--glossary', 'absent.yaml'], /^policy-glossary scan: 无法读取文件 "absent.txt"/],
    [['scan', 'report.txt', '--glossary', 'absent.yaml'], /^policy-glossary scan: 找不到文件或文件夹 "absent.yaml"/],
    [['scan', 'report.key'], /report.key: 不支持的文件类型/],
    [['scan', 'report.odt'], /report.odt: 无法读取 \.odt/],
    [['scan', 'report.pdf'], /report.pdf: 不是可读取的 PDF 文件（可能已损坏）/],
    [['scan', 'broken.docx'], /broken.docx: 无法读取 .docx/],
    [['scan', 'report.txt', '--glossary'], /--glossary 需要一个路径/],
    [['scan', 'report.txt', '--frobnicate'], /未知选项 unknown option --frobnicate/],
  ])('%j fails with a clear message and exit code 2', async (args, message) => {
    await writeFile(path.join(dir, 'report.pdf'), '%PDF-1.4');
    await writeFile(path.join(dir, 'report.key'), 'PK');
    await writeFile(path.join(dir, 'report.odt'), 'PK');
    await writeFile(path.join(dir, 'broken.docx'), 'not a zip');
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('--help explains the command and writes nothing', async () => {
    const run = await cli('scan', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('policy-glossary scan FILE… [--glossary PATH]… [--json]');
    expect(await readdir(dir)).toEqual(['report.txt']);
  });
});
