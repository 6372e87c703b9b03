// `npx tsx scripts/make-doc-fixtures.ts`: writes the Word 97–2003 files the importer's tests read
// (tests/fixtures/import/doc/), from text written for the tests: a .docx made with the docx package,
// saved as .doc by LibreOffice (as a town's office saves one from WPS or Word):
//   footnotes-report.doc  Word footnotes (reference marks in the body, the notes at the page foot)
//                         and a link (a field: its instruction is not the text);
//   appendix-report.doc   a body and a 名词解释 appendix, its last entries in a table
//                         (序号 | 名词 | 解释), and more than 4 KB of text, so the body is a
//                         stream of the compound file's own sectors, not of its mini stream;
//   endnotes-report.doc   Word endnotes (尾注) and one footnote, their marks interleaved.
// Needs LibreOffice (soffice); the tests only read the files it wrote. Names as arguments
// (`endnotes-report`) write only those files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, EndnoteReferenceRun, ExternalHyperlink, FootnoteReferenceRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

const out = fileURLToPath(new URL('../tests/fixtures/import/doc/', import.meta.url));
mkdirSync(out, { recursive: true });

const run = (text: string): TextRun => new TextRun({ text, font: 'Noto Serif CJK SC' });
const paragraph = (...children: Array<TextRun | FootnoteReferenceRun | EndnoteReferenceRun | ExternalHyperlink>): Paragraph => new Paragraph({ children });
const BODY = '过去一年，全镇上下坚持稳中求进，扎实推进各项工作，镇村面貌焕然一新。全年新增就业岗位1250个，城乡居民人均可支配收入增长6.8%。';

async function footnotesReport(): Promise<Uint8Array> {
  const footnote = (text: string) => ({ children: [paragraph(run(text))] });
  const document = new Document({
    footnotes: {
      1: footnote('“四送”服务：送政策、送技术、送资金、送服务。'),
      2: footnote('“两会一评”制度：党员议事会、居民恳谈会、群众满意度测评制度。'),
    },
    sections: [
      {
        children: [
          paragraph(run('清溪镇政府工作情况报告')),
          paragraph(run('过去一年，我们扎实做好“四送”服务'), new FootnoteReferenceRun(1), run('，把政策、技术、资金和服务送到群众身边。')),
          paragraph(run('我们落实“两会一评”制度'), new FootnoteReferenceRun(2), run('，重大事项先议后办。详见'), new ExternalHyperlink({ link: 'https://www.example.gov.cn/qingxi', children: [run('清溪镇政府网站')] }), run('。')),
          paragraph(run(BODY)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

async function appendixReport(): Promise<Uint8Array> {
  const cell = (text: string): TableCell => new TableCell({ children: [paragraph(run(text))] });
  const row = (...texts: string[]): TableRow => new TableRow({ children: texts.map(cell) });
  const document = new Document({
    sections: [
      {
        children: [
          paragraph(run('清溪镇二〇二三年政府工作报告')),
          paragraph(run('各位代表：')),
          paragraph(run('今年我们推进“三清”行动，落实“两通”工程，打造“清溪驿站”，推行“一窗”服务。')),
          ...Array.from({ length: 40 }, () => paragraph(run(BODY))),
          paragraph(run('让我们携手奋斗！')),
          paragraph(run('名词解释')),
          paragraph(run('1.“三清”行动：清河道、清垃圾、清违建。')),
          paragraph(run('2.“两通”工程：通路、通车。')),
          new Table({ rows: [row('序号', '名词', '解释'), row('3', '清溪驿站', '指在每个村设立的便民服务点。'), row('4', '“一窗”服务', '一窗受理、集成服务。')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

async function endnotesReport(): Promise<Uint8Array> {
  const note = (text: string) => ({ children: [paragraph(run(text))] });
  const document = new Document({
    footnotes: { 1: note('指在每个村设立的便民服务点。') },
    endnotes: {
      1: note('“四送”服务：送政策、送技术、送资金、送服务。'),
      2: note('“两会一评”制度：党员议事会、居民恳谈会、群众满意度测评制度。'),
    },
    sections: [
      {
        children: [
          paragraph(run('清溪镇政府工作情况报告')),
          paragraph(run('过去一年，我们扎实做好“四送”服务'), new EndnoteReferenceRun(1), run('，建好清溪驿站'), new FootnoteReferenceRun(1), run('，把服务送到群众身边。')),
          paragraph(run('我们落实“两会一评”制度'), new EndnoteReferenceRun(2), run('，重大事项先议后办。')),
          paragraph(run(BODY)),
        ],
      },
    ],
  } as ConstructorParameters<typeof Document>[0]);
  return Packer.toBuffer(document);
}

const makers: Record<string, () => Promise<Uint8Array>> = { 'footnotes-report': footnotesReport, 'appendix-report': appendixReport, 'endnotes-report': endnotesReport };
const wanted = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'pg-doc-fixture-'));
try {
  for (const [name, make] of Object.entries(makers)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const docx = await make();
    writeFileSync(join(work, `${name}.docx`), docx);
    // "MS Word 97" is LibreOffice's filter for the Word 97–2003 binary format.
    const converted = spawnSync('soffice', ['--headless', '--convert-to', 'doc:MS Word 97', '--outdir', work, join(work, `${name}.docx`)], { stdio: 'inherit' });
    if (converted.status !== 0) throw new Error(`soffice exited ${converted.status}`);
    writeFileSync(join(out, `${name}.doc`), readFileSync(join(work, `${name}.doc`)));
    process.stdout.write(`make-doc-fixtures: ${join(out, `${name}.doc`)}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
