// `policy-glossary collect`: a folder of reports becomes one glossary file per report, placed by the
// issuing government's division; regenerating is byte-identical and keeps what a person changed.
// The reports are invented here (two counties' worth of made-up slogans), not cut from the corpus.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GlossaryFile } from '../../src/core/types';
import { ofdPackage, paragraphs, type OfdLine } from '../support/ofd-writer';
import { runCliCaptured } from './run-cli';
import type { CliRun } from './run-cli';

let dir: string;
const cli = (...args: string[]): Promise<CliRun> => runCliCaptured(dir, args);

/** A short report with a 名词解释 appendix; `place` delivers it, `notes` are `term：definition` lines. */
function report(place: string, year: number, notes: string[], title = `${place}政府工作报告`): string {
  return [
    '---',
    `title: ${title}`,
    '---',
    '',
    `——${year}年1月8日在${place}第九届人民代表大会第一次会议上`,
    '',
    '各位代表：',
    '',
    `过去一年，我们落实${notes.map((note) => `“${note.split('：')[0]}”`).join('')}，各项工作稳步推进。`,
    '',
    '**名词解释**',
    '',
    ...notes.map((note, i) => `${i + 1}. ${note}`),
    '',
  ].join('\n');
}

const REPORTS: Record<string, string> = {
  // Two places, two years; 三清两建 defined differently by each.
  'reports/湖南省/永州市/2021.md': report('永州市', 2021, ['三清两建：清垃圾、清河塘、清杂物，建花园、建菜园。', '一网通办：政务服务事项网上一次办好。']),
  'reports/湖南省/永州市/2022.md': report('永州市', 2022, ['三清两建：清垃圾、清河塘、清杂物，建花园、建菜园。', '“五个一批”工程：开工一批、投产一批、签约一批、储备一批、招引一批。']),
  'reports/湖南省/株洲市/2022.md': report('株洲市', 2022, ['三清两建：清理债务、清理闲置资产、清理低效项目，建机制、建台账。']),
  // No place folder: the place comes from the title.
  'more/2021.md': report('岳阳市', 2021, ['四个不出村：办事、看病、购物、培训不出村。'], '岳阳市政府工作报告（2021年1月8日）'),
  // No appendix: skipped with one line.
  'reports/湖南省/株洲市/2020.md': '---\ntitle: 株洲市政府工作报告\n---\n\n各位代表：今年我们推进“三清两建”。\n',
};

async function writeReports(): Promise<void> {
  for (const [name, text] of Object.entries(REPORTS)) {
    await mkdir(path.join(dir, path.dirname(name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

/** The file `collect` wrote for 株洲市's 2023 report (its one entry 两网融合), checked. */
async function expectZhuzhou2023(): Promise<void> {
  const files = await tree(path.join(dir, 'out'));
  const zhuzhou = Object.entries(files).find(([, content]) => content.includes('两网融合'));
  expect(zhuzhou?.[0]).toMatch(/zhuzhou-2023\.yaml$/u);
  const file = parseYaml(zhuzhou![1]) as GlossaryFile;
  expect(file.entries.map((entry) => [entry.term, entry.definition])).toEqual([['两网融合', '城市管理网与社会治理网融合运行。']]);
  expect(file.source.region).toEqual({ code: '430200', name: '株洲市', level: 'city' });
}

async function tree(root: string): Promise<Record<string, string>> {
  const names = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files: Record<string, string> = {};
  for (const entry of names) {
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(root, full).split(path.sep).join('/')] = await readFile(full, 'utf8');
  }
  return files;
}

const readGlossary = async (name: string): Promise<GlossaryFile> => parseYaml(await readFile(path.join(dir, 'out', name), 'utf8')) as GlossaryFile;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pg-collect-'));
  await writeReports();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('policy-glossary collect', () => {
  it('writes one file per report under <province>/<place>-<year>.yaml with its place, year and appendix numbers', async () => {
    const run = await cli('collect', '.', '--out', 'out');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(Object.keys(await tree(path.join(dir, 'out'))).sort()).toEqual([
      'hunan/yongzhou-2021.yaml',
      'hunan/yongzhou-2022.yaml',
      'hunan/yueyang-2021.yaml',
      'hunan/zhuzhou-2022.yaml',
    ]);
    const zhuzhou = await readGlossary('hunan/zhuzhou-2022.yaml');
    expect(zhuzhou.source).toMatchObject({
      title: '株洲市政府工作报告',
      issuer: '株洲市人民政府',
      year: 2022,
      date: '2022-01-08',
      kind: '名词解释',
      region: { code: '430200', name: '株洲市', level: 'city' },
    });
    expect(zhuzhou.entries.map((entry) => [entry.id.startsWith('zhuzhou-2022-'), entry.term, entry.source?.appendix, entry.definition])).toEqual([
      [true, '三清两建', 1, '清理债务、清理闲置资产、清理低效项目，建机制、建台账。'],
    ]);
    const yueyang = await readGlossary('hunan/yueyang-2021.yaml');
    expect(yueyang.source.region).toEqual({ code: '430600', name: '岳阳市', level: 'city' });
    expect(run.stdout).toMatch(/跳过 skipped reports\/湖南省\/株洲市\/2020\.md: 没有名词解释/u);
    expect(run.stdout.split('\n').filter((line) => line.includes('跳过 skipped '))).toHaveLength(1);
  });

  it('skips an .xml that is no Word document beside the reports, and still exits 0', async () => {
    await writeFile(path.join(dir, 'reports/sitemap.xml'), '<?xml version="1.0"?><urlset><url><loc>http://example.gov.cn/</loc></url></urlset>');
    const run = await cli('collect', '.', '--out', 'out');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/跳过 skipped reports\/sitemap\.xml: 不是 Word XML 文档/u);
    expect(run.stdout).toMatch(/报告 6 份 reports：写入 4 written，未变 0 unchanged，跳过 2 skipped，失败 0 failed/u);
  });

  it('collects an RTF report with the others', async () => {
    // The report's text as Word writes it in RTF: each character \\uN, a ? for readers without Unicode.
    const rtfText = (text: string): string => [...text].map((char) => (char === '\n' ? '\\par ' : char.charCodeAt(0) < 128 ? char : `\\u${char.charCodeAt(0)}?`)).join('');
    const text = report('株洲市', 2023, ['两网融合：城市管理网与社会治理网融合运行。']).replace(/^---\ntitle: (.*)\n---\n/u, '$1\n');
    await writeFile(path.join(dir, 'reports/湖南省/株洲市/2023.rtf'), `{\\rtf1\\ansi\\ansicpg936 ${rtfText(text)}}`);
    const run = await cli('collect', '.', '--out', 'out');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/报告 6 份 reports：写入 5 written，未变 0 unchanged，跳过 1 skipped/u);
    await expectZhuzhou2023();
  });

  it('collects an OFD report, its place read from its text', async () => {
    // No place in its path or title: the government is the one named in its text (我代表…).
    const body = ['各位代表：', '现在，我代表株洲市人民政府，向大会报告政府工作，请予审议。', '过去一年，我们推进“两网融合”，各项工作稳步推进。'];
    const first = paragraphs(body, 60);
    const lines: OfdLine[] = [{ text: '政府工作报告', x: 84, baseline: 35, size: 7.5 }, ...first.lines];
    lines.push({ text: '名词解释', x: 93, baseline: first.next + 8, size: 7 });
    lines.push(...paragraphs(['1.两网融合：城市管理网与社会治理网融合运行。'], first.next + 20).lines);
    await writeFile(path.join(dir, 'more/2023.ofd'), ofdPackage([lines]));
    const run = await cli('collect', '.', '--out', 'out');
    expect(run.code).toBe(0);
    await expectZhuzhou2023();
  });

  it('gives ids unique across files, and the collection validates with the term defined by two places', async () => {
    await cli('collect', '.', '--out', 'out');
    const files = await tree(path.join(dir, 'out'));
    const ids = Object.values(files).flatMap((text) => (parseYaml(text) as GlossaryFile).entries.map((entry) => entry.id));
    expect(new Set(ids).size).toBe(ids.length);
    const run = await cli('validate', 'out');
    expect(run.stdout).toMatch(/：0 个错误，0 个警告/u);
    expect(run.code).toBe(0);
  });

  it('is byte-identical on a second run, and writes nothing for --dry-run', async () => {
    await cli('collect', '.', '--out', 'out');
    const first = await tree(path.join(dir, 'out'));
    const again = await cli('collect', '.', '--out', 'out');
    expect(again.stdout).toMatch(/写入 0 written，未变 4 unchanged/u);
    expect(await tree(path.join(dir, 'out'))).toEqual(first);
    await rm(path.join(dir, 'out'), { recursive: true });
    const dry = await cli('collect', '.', '--out', 'out', '--dry-run');
    expect(dry.stdout).toContain('将写入 would write');
    await expect(readdir(path.join(dir, 'out'))).rejects.toThrow();
  });

  it('keeps a hand edit and a deletion when regenerating', async () => {
    await cli('collect', '.', '--out', 'out');
    const file = path.join(dir, 'out/hunan/yongzhou-2022.yaml');
    const text = await readFile(file, 'utf8');
    const edited = text
      .replace('清垃圾、清河塘、清杂物，建花园、建菜园。', '清垃圾、清河塘、清杂物，建花园、建菜园（人工校对）。')
      .replace(/ {2}- id: yongzhou-2022-wu-ge-yi-pi[\s\S]*?status: official\n/u, '');
    expect(edited).not.toBe(text);
    expect(edited).not.toContain('id: yongzhou-2022-wu-ge-yi-pi');
    await writeFile(file, edited);
    const run = await cli('collect', '.', '--out', 'out');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/未变 4 unchanged/u);
    const after = await readFile(file, 'utf8');
    expect(after).toBe(edited);
    expect(after).not.toContain('id: yongzhou-2022-wu-ge-yi-pi');
  });

  it('keeps a report whose place cannot be told out, naming the file', async () => {
    await writeFile(path.join(dir, 'reports/nowhere.md'), report('某某地方', 2021, ['一点通：一个平台办成事。'], '政府工作报告'));
    const run = await cli('collect', 'reports', '--out', 'out');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^reports\/nowhere\.md: 错误 error: 无法确定发布报告的政府/mu);
    expect(Object.keys(await tree(path.join(dir, 'out')))).not.toContain('nowhere.yaml');
  });

  it('--max-year leaves later reports out', async () => {
    await cli('collect', '.', '--out', 'out', '--max-year', '2021');
    expect(Object.keys(await tree(path.join(dir, 'out'))).sort()).toEqual(['hunan/yongzhou-2021.yaml', 'hunan/yueyang-2021.yaml']);
  });

  it('rejects a missing folder and a bad option with exit 2', async () => {
    expect((await cli('collect', 'no-such-dir')).code).toBe(2);
    expect((await cli('collect', '.', '--max-year', 'soon')).code).toBe(2);
    expect((await cli('collect')).code).toBe(2);
  });
});
