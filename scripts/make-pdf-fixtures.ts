// `npx tsx scripts/make-pdf-fixtures.ts`: writes the PDFs the importer's tests read
// (tests/fixtures/import/pdf/), from text written for the tests, the way governments make theirs:
//   appendix-report.pdf   printed by headless Chromium from HTML: a title over two lines, indented
//                         paragraphs, a page number in each page's foot, a 名词解释 appendix;
//   footnotes-report.pdf  a .docx with Word footnotes (the docx package) converted by LibreOffice:
//                         superscript marks in the body, the notes at the foot of their pages;
//   footnotes-per-page.pdf the same .docx with its footnotes numbered ① ② … afresh on each page
//                         (w:numRestart eachPage, w:numFmt decimalEnclosedCircleChinese), as
//                         Chinese documents often number them;
//   footnote-over-pages.pdf a .docx whose one long footnote LibreOffice sets over two pages' feet.
// Needs Chromium and LibreOffice (soffice); the tests only read the files it wrote. Run it again
// only to change the fixtures, and review the tests' expectations with them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { AlignmentType, Document, Footer, FootnoteReferenceRun, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { launchBrowser } from '../tests/e2e/support/browsers';

const out = fileURLToPath(new URL('../tests/fixtures/import/pdf/', import.meta.url));
mkdirSync(out, { recursive: true });

/** A paragraph of the body, long enough to wrap over several lines. */
const BODY = [
  '过去一年，全镇上下坚持稳中求进，扎实推进“三清”行动，河道、垃圾和违法建筑治理取得明显成效，镇村面貌焕然一新。全年新增就业岗位1250个，城乡居民人均可支配收入增长6.8%。',
  '我们持续深化“四送”服务，组织干部走进村组和企业，把政策、技术、资金和服务送到群众身边；落实“两会一评”制度，重大事项先议后办，群众满意度逐年提高。',
  '今年，我们将继续打造“清溪驿站”，在每个村设立便民服务点，推动更多事项就近可办，让群众少跑腿、好办事。',
];

const APPENDIX = [
  '1.“三清”行动：清垃圾、清河道、清违建。',
  '2.“四送”：送政策、送技术、送资金、送服务，组织干部定期走访村组和企业，帮助解决生产生活中的实际困难。',
  '3.“两会一评”制度：党员议事会、居民恳谈会、群众满意度测评制度。',
  '4.清溪驿站：指在每个村设立的便民服务点，提供代办、咨询和临时休息等服务。',
];

const escape = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

async function appendixReport(): Promise<void> {
  const { browser } = await launchBrowser('chromium');
  try {
    const page = await browser.newPage();
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body{font-family:"Noto Serif CJK SC",serif;font-size:16pt;line-height:1.6;margin:0}
p{text-indent:2em;margin:0;text-align:justify} h1{font-size:22pt;text-align:center;font-weight:normal;margin:0 3em 0.5em}
.dateline{text-align:center;text-indent:0} .break{break-before:page} .entry{text-indent:0}
</style></head><body>
<h1>清溪镇二〇二三年政府工作情况报告（书面）</h1>
<p class="dateline">——2023年3月2日在清溪镇第四届人民代表大会第三次会议上</p>
<p>各位代表：</p>
${[...BODY, ...BODY, ...BODY].map((text) => `<p>${escape(text)}</p>`).join('\n')}
<p class="break">附件</p>
<p class="dateline">名词解释</p>
${APPENDIX.map((text) => `<p class="entry">${escape(text)}</p>`).join('\n')}
</body></html>`;
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({
      format: 'A5',
      displayHeaderFooter: true,
      headerTemplate: '<div style="font-size:9pt;width:100%;text-align:center">清溪镇人民政府</div>',
      footerTemplate: '<div style="font-size:10pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
      margin: { top: '22mm', bottom: '22mm', left: '18mm', right: '18mm' },
    });
    writeFileSync(join(out, 'appendix-report.pdf'), pdf);
  } finally {
    await browser.close();
  }
}

/** The .docx with its footnotes numbered in circled numbers, afresh on each page. */
function perPageFootnotes(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/document.xml']!);
  const numbered = xml.replace('<w:sectPr>', '<w:sectPr><w:footnotePr><w:numFmt w:val="decimalEnclosedCircleChinese"/><w:numRestart w:val="eachPage"/></w:footnotePr>');
  if (numbered === xml) throw new Error('make-pdf-fixtures: no <w:sectPr> in word/document.xml');
  files['word/document.xml'] = strToU8(numbered);
  return zipSync(files);
}

async function footnotesReport(): Promise<void> {
  const run = (text: string): TextRun => new TextRun({ text, size: 32, font: 'Noto Serif CJK SC' });
  const noted = (term: string, note: number): (TextRun | FootnoteReferenceRun)[] => [run(term), new FootnoteReferenceRun(note)];
  const paragraph = (children: (TextRun | FootnoteReferenceRun)[]): Paragraph => new Paragraph({ indent: { firstLine: 640 }, children });
  const children = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '清溪镇政府工作情况报告', size: 44, font: 'Noto Serif CJK SC' })] }),
    paragraph([run('过去一年，我们扎实做好'), ...noted('“四送”', 1), run('工作，组织干部走进村组和企业，把政策、技术、资金和服务送到群众身边，帮助解决生产生活中的实际困难。')]),
    paragraph([run('我们落实'), ...noted('“两会一评”制度', 2), run('，重大事项先议后办，群众满意度逐年提高。全年新增就业岗位1250个，城乡居民人均可支配收入增长6.8%。')]),
    ...[1, 2, 3, 4, 5].map(() => paragraph([run(BODY[0]!)])),
    paragraph([run('今年，我们将继续推进'), ...noted('“三清”行动', 3), run('，打造'), ...noted('“清溪驿站”', 4), run('，推动更多事项就近可办，让群众少跑腿、好办事。')]),
  ];
  const footnote = (text: string) => ({ children: [new Paragraph({ children: [new TextRun({ text, size: 20, font: 'Noto Serif CJK SC' })] })] });
  const document = new Document({
    footnotes: {
      1: footnote('四送：送政策、送技术、送资金、送服务。'),
      2: footnote('“两会一评”制度：党员议事会、居民恳谈会、群众满意度测评制度。'),
      3: footnote('“三清”行动：清垃圾、清河道、清违建。'),
      4: footnote('清溪驿站：指在每个村设立的便民服务点，提供代办、咨询和临时休息等服务。'),
    },
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
        children,
      },
    ],
  });
  const docx = await Packer.toBuffer(document);
  await convertDocx({ 'footnotes-report': docx, 'footnotes-per-page': perPageFootnotes(docx) });
}

/** The long footnote of footnote-over-pages.pdf (tests/cli/pdf.test.ts reads it back whole). */
const LONG_NOTE = `六稳：${'稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期，这是一条很长的脚注，排到下一页的页脚继续写完。'.repeat(40)}全文完。`;

async function footnoteOverPages(): Promise<void> {
  const run = (text: string): TextRun => new TextRun({ text, size: 32, font: 'Noto Serif CJK SC' });
  const filler = (count: number): Paragraph[] => Array.from({ length: count }, (_, i) => new Paragraph({ indent: { firstLine: 640 }, children: [run(BODY[i % BODY.length]!)] }));
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph({ children: [new TextRun({ text: LONG_NOTE, size: 20, font: 'Noto Serif CJK SC' })] })] } },
    sections: [{ children: [...filler(9), new Paragraph({ indent: { firstLine: 640 }, children: [run('我们扎实做好“六稳”'), new FootnoteReferenceRun(1), run('工作，成效明显。')] }), ...filler(40)] }],
  });
  await convertDocx({ 'footnote-over-pages': await Packer.toBuffer(document) });
}

/** Each .docx converted to PDF by LibreOffice, written to the fixtures as NAME.pdf. */
async function convertDocx(docs: Record<string, Uint8Array>): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'pg-pdf-fixture-'));
  try {
    for (const [name, docx] of Object.entries(docs)) {
      writeFileSync(join(work, `${name}.docx`), docx);
      const converted = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, join(work, `${name}.docx`)], { stdio: 'inherit' });
      if (converted.status !== 0) throw new Error(`soffice exited ${converted.status}`);
      writeFileSync(join(out, `${name}.pdf`), readFileSync(join(work, `${name}.pdf`)));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await appendixReport();
await footnotesReport();
await footnoteOverPages();
console.log(`make-pdf-fixtures: wrote ${out}appendix-report.pdf, footnotes-report.pdf, footnotes-per-page.pdf, footnote-over-pages.pdf`);
