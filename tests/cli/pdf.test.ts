// The commands on reports published as PDF (tests/fixtures/import/pdf/, written by
// scripts/make-pdf-fixtures.ts from text made up for the tests): one printed from a web page by
// Chromium with its 名词解释 appendix, one exported from Word by LibreOffice with real footnotes (and
// the same with its footnotes numbered ① ② afresh on each page).
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GlossaryFile } from '../../src/core/types';
import { runCliCaptured } from './run-cli';
import type { CliRun } from './run-cli';

const fixtures = new URL('../fixtures/import/pdf/', import.meta.url);
let dir: string;
const cli = (...args: string[]): Promise<CliRun> => runCliCaptured(dir, args);

/** A PDF that pdf.js opens, with one page and no text on it: what a scanned report gives. */
const PDF_WITHOUT_TEXT = `%PDF-1.4
1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj
trailer <</Root 1 0 R>>
%%EOF
`;

const APPENDIX = [
  ['三清行动', '清垃圾、清河道、清违建。'],
  ['四送', '送政策、送技术、送资金、送服务，组织干部定期走访村组和企业，帮助解决生产生活中的实际困难。'],
  ['两会一评', '党员议事会、居民恳谈会、群众满意度测评制度。'],
  ['清溪驿站', '指在每个村设立的便民服务点，提供代办、咨询和临时休息等服务。'],
];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pg-pdf-'));
  for (const name of ['appendix-report.pdf', 'footnotes-report.pdf']) await copyFile(new URL(name, fixtures), path.join(dir, name));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const termsAndDefinitions = (file: GlossaryFile | { term: string; definition?: string }[]): string[][] =>
  (Array.isArray(file) ? file : file.entries).map((entry) => [entry.term, entry.definition ?? '']);

describe('policy-glossary import, a PDF', () => {
  it('reads the 名词解释 appendix of a printed report, over its page breaks, page numbers and running head', async () => {
    const run = await cli('import', 'appendix-report.pdf', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(termsAndDefinitions(JSON.parse(run.stdout) as { term: string; definition?: string }[])).toEqual(APPENDIX);
  });

  it('reads a PDF saved under a .doc name (a download link that serves a PDF) as a PDF, and scans it', async () => {
    await copyFile(path.join(dir, 'appendix-report.pdf'), path.join(dir, '附件下载.doc'));
    const run = await cli('import', '附件下载.doc', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(termsAndDefinitions(JSON.parse(run.stdout) as { term: string; definition?: string }[])).toEqual(APPENDIX);
    const scan = await cli('scan', '附件下载.doc', '--json');
    expect(scan.code).toBe(0);
    expect(scan.stdout).toContain('四送');
  });

  it('reads Word footnotes from the foot of their pages and writes a glossary file with the report’s title', async () => {
    const run = await cli('import', 'footnotes-report.pdf');
    expect(run.code).toBe(0);
    const file = parseYaml(await readFile(path.join(dir, 'glossary/footnotes-report.yaml'), 'utf8')) as GlossaryFile;
    expect(file.source.title).toBe('清溪镇政府工作情况报告');
    expect(termsAndDefinitions(file)).toEqual([
      ['四送', '送政策、送技术、送资金、送服务。'],
      ['两会一评', '党员议事会、居民恳谈会、群众满意度测评制度。'],
      ['三清行动', '清垃圾、清河道、清违建。'],
      ['清溪驿站', '指在每个村设立的便民服务点，提供代办、咨询和临时休息等服务。'],
    ]);
  });

  it('reads footnotes numbered ① ② afresh on each page as one sequence (exported by LibreOffice from Word)', async () => {
    await copyFile(new URL('footnotes-per-page.pdf', fixtures), path.join(dir, 'footnotes-per-page.pdf'));
    const run = await cli('import', 'footnotes-per-page.pdf', '--json');
    expect(run.code).toBe(0);
    const entries = JSON.parse(run.stdout) as { term: string; definition?: string; source?: { footnote?: number } }[];
    expect(entries.map((entry) => [entry.term, entry.definition, entry.source?.footnote])).toEqual([
      ['四送', '送政策、送技术、送资金、送服务。', 1],
      ['两会一评', '党员议事会、居民恳谈会、群众满意度测评制度。', 2],
      ['三清行动', '清垃圾、清河道、清违建。', 3],
      ['清溪驿站', '指在每个村设立的便民服务点，提供代办、咨询和临时休息等服务。', 4],
    ]);
  });

  it('reads a long footnote set over two pages’ feet whole', async () => {
    await copyFile(new URL('footnote-over-pages.pdf', fixtures), path.join(dir, 'footnote-over-pages.pdf'));
    const run = await cli('import', 'footnote-over-pages.pdf', '--json');
    expect(run.code).toBe(0);
    const entries = JSON.parse(run.stdout) as { term: string; definition?: string }[];
    // The note as scripts/make-pdf-fixtures.ts wrote it.
    const note = `${'稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期，这是一条很长的脚注，排到下一页的页脚继续写完。'.repeat(40)}全文完。`;
    // Whole: none of its second page's part was left in that page's body.
    expect(entries.map((entry) => [entry.term, entry.definition])).toEqual([['六稳', note]]);
  });

  it('refuses bytes that are no PDF, naming the file, and writes nothing', async () => {
    await writeFile(path.join(dir, 'broken.pdf'), '%PDF-1.7\nthis file was cut short\n');
    const run = await cli('import', 'broken.pdf');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('broken.pdf: 错误 error: 不是可读取的 PDF 文件（可能已损坏）/ not a readable PDF (damaged?)');
    await expect(readdir(path.join(dir, 'glossary'))).rejects.toThrow();
  });

  it('says a scanned PDF has no text layer to read', async () => {
    await writeFile(path.join(dir, 'scanned.pdf'), PDF_WITHOUT_TEXT);
    const run = await cli('import', 'scanned.pdf');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('scanned.pdf: 错误 error: 扫描版 PDF：1 页都没有文字层');
  });
});

describe('the other commands on a PDF', () => {
  it('scan finds the terms of a glossary imported from it', async () => {
    expect((await cli('import', 'footnotes-report.pdf')).code).toBe(0);
    const run = await cli('scan', 'footnotes-report.pdf', '--glossary', 'glossary/footnotes-report.yaml', '--json');
    expect(run.code).toBe(0);
    const { files } = JSON.parse(run.stdout) as { files: { file: string; matches: { kind: string; term?: string }[] }[] };
    expect(files[0]?.file).toBe('footnotes-report.pdf');
    const found = new Set(files[0]!.matches.filter((match) => match.kind === 'term').map((match) => match.term));
    expect([...found].sort()).toEqual(['三清行动', '两会一评', '四送', '清溪驿站'].sort());
  });

  it('missing lists what the body uses that no glossary explains', async () => {
    await writeFile(path.join(dir, 'empty.yaml'), 'source:\n  title: 空\n  kind: 名词解释\nentries: []\n');
    const run = await cli('missing', 'appendix-report.pdf', '--glossary', 'empty.yaml');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('appendix-report.pdf: 4 个未收录的提法 / undefined terms');
    for (const term of ['三清', '四送', '两会一评', '清溪驿站']) expect(run.stdout).toContain(`  ${term}  ×`);
  });

  it('collect takes a PDF in a reports folder like any report', async () => {
    // The folder names the issuing government (the made-up 清溪镇 is no division).
    const reports = path.join(dir, 'reports', '永州市');
    await mkdir(reports, { recursive: true });
    await copyFile(path.join(dir, 'appendix-report.pdf'), path.join(reports, '2023.pdf'));
    const run = await cli('collect', 'reports', '--out', 'collection');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('跳过 skipped');
    const written = (await readdir(path.join(dir, 'collection'), { recursive: true })).filter((name) => name.endsWith('.yaml'));
    expect(written).toEqual([path.join('hunan', 'yongzhou-2023.yaml')]);
    const file = parseYaml(await readFile(path.join(dir, 'collection', written[0]!), 'utf8')) as GlossaryFile;
    expect(termsAndDefinitions(file)).toEqual(APPENDIX);
  });

  it('collect fails a damaged or a scanned PDF with its reason, and still writes the readable reports', async () => {
    const reports = path.join(dir, 'reports', '永州市');
    await mkdir(reports, { recursive: true });
    await copyFile(path.join(dir, 'appendix-report.pdf'), path.join(reports, '2023.pdf'));
    await writeFile(path.join(reports, '2022.pdf'), '%PDF-1.7\nthis file was cut short\n');
    await writeFile(path.join(reports, '2021.pdf'), PDF_WITHOUT_TEXT);
    const run = await cli('collect', 'reports', '--out', 'collection');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join('reports', '永州市', '2022.pdf')}: 错误 error: 不是可读取的 PDF 文件（可能已损坏）`);
    expect(run.stderr).toContain(`${path.join('reports', '永州市', '2021.pdf')}: 错误 error: 扫描版 PDF：1 页都没有文字层`);
    // Neither is taken for a report without an appendix.
    expect(run.stdout).not.toContain('没有名词解释或脚注');
    expect((await readdir(path.join(dir, 'collection'), { recursive: true })).filter((name) => name.endsWith('.yaml'))).toEqual([path.join('hunan', 'yongzhou-2023.yaml')]);
  });
});
