import { describe, expect, it } from 'vitest';
import { importPdfText } from '../../src/import/pdf-import';
import { layoutPdfText, type PdfTextRun } from '../../src/import/pdf-layout';

// Pages are built as pdf.js reports them: runs with a baseline y (growing upward), an x, a width
// and a font size. A page 420 wide, text from x = 50 to 370 (20 characters of size 16 a line).
const LEFT = 50;
const SIZE = 16;
const PER_LINE = 20;

/** Width of `text` set at `size`: CJK and full-width characters one em, others half. */
const widthOf = (text: string, size: number): number => [...text].reduce((sum, char) => sum + (/[\u2e80-\uffef]/u.test(char) ? size : size / 2), 0);

const run = (text: string, x: number, y: number, size = SIZE): PdfTextRun => ({ text, x, y, width: widthOf(text, size), size });

/**
 * A paragraph set as a PDF sets it: the first line indented two characters, lines of PER_LINE
 * characters, 24 units apart from `y` down. Returns the runs and the y below the last line.
 */
function paragraph(text: string, y: number, options: { indent?: number; size?: number } = {}): { runs: PdfTextRun[]; y: number } {
  const size = options.size ?? SIZE;
  const indent = options.indent ?? 2;
  const runs: PdfTextRun[] = [];
  let rest = text;
  let first = true;
  while (rest.length > 0) {
    const room = first ? PER_LINE - indent : PER_LINE;
    runs.push(run(rest.slice(0, room), LEFT + (first ? indent * size : 0), y, size));
    rest = rest.slice(room);
    first = false;
    y -= size * 1.5;
  }
  return { runs, y };
}

/** The runs of paragraphs one after another on a page, from the top. */
function page(...texts: string[]): PdfTextRun[] {
  let y = 560;
  const runs: PdfTextRun[] = [];
  for (const text of texts) {
    const set = paragraph(text, y);
    runs.push(...set.runs);
    y = set.y;
  }
  return runs;
}

const ONE = '过去一年，我们坚持稳中求进工作总基调，经济社会发展取得新成效，城乡居民收入稳步增长。';
const TWO = '我们深入推进“放管服”改革，企业开办时间压缩至一个工作日以内，群众办事更加便利。';

describe('layoutPdfText: lines and paragraphs', () => {
  it('joins the wrapped lines of a paragraph and starts a new one at an indented line', () => {
    const text = layoutPdfText([page(ONE, TWO)]);
    expect(text.body).toBe(`${ONE}\n${TWO}`);
    expect(text.bodyPages).toEqual([1, 1]);
  });

  it('starts a new paragraph after a short last line, without an indent', () => {
    const runs = [...paragraph('第一段很短。', 560, { indent: 0 }).runs, ...paragraph(ONE, 536, { indent: 0 }).runs];
    expect(layoutPdfText([runs]).body).toBe(`第一段很短。\n${ONE}`);
  });

  it('starts a new paragraph at a numbered entry after a sentence end, even after a full line', () => {
    // The first entry ends exactly at the right edge: only its full stop and the next line's number say the entry is over.
    const first = `（一）六稳：${'稳就业、'.repeat(9)}`.slice(0, PER_LINE * 2 - 1) + '。';
    const runs = [...paragraph(first, 560, { indent: 0 }).runs, ...paragraph('（二）六保：保居民就业、保基本民生。', 512, { indent: 0 }).runs];
    expect(layoutPdfText([runs]).body).toBe(`${first}\n（二）六保：保居民就业、保基本民生。`);
  });

  it.each(['⑵【六保】', '◆【六保】', '2）【六保】', 'Ⅱ.【六保】'])('starts a new paragraph at an entry opened by %s after a sentence end, even after a full line', (opening) => {
    const first = `【六稳】${'稳就业、'.repeat(9)}`.slice(0, PER_LINE * 2 - 1) + '。';
    const next = `${opening}保居民就业、保基本民生。`;
    const runs = [...paragraph(first, 560, { indent: 0 }).runs, ...paragraph(next, 512, { indent: 0 }).runs];
    expect(layoutPdfText([runs]).body).toBe(`${first}\n${next}`);
  });

  it('goes on at a line opening with a decimal number after a sentence end (1.5万 is no entry number)', () => {
    const first = `全年地区生产总值${'增长较快、'.repeat(9)}`.slice(0, PER_LINE * 2 - 1) + '。';
    const runs = [...paragraph(first, 560, { indent: 0 }).runs, ...paragraph('1.5万家企业受益。', 512, { indent: 0 }).runs];
    expect(layoutPdfText([runs]).body).toBe(`${first}1.5万家企业受益。`);
  });

  it('starts a new paragraph at an unnumbered entry head after a sentence end, even after a full line', () => {
    const first = `城市病：${'人口过多、交通拥堵、'.repeat(4)}`.slice(0, PER_LINE * 2 - 1) + '。';
    const runs = [...paragraph(first, 560, { indent: 0 }).runs, ...paragraph('一业多会：指允许按照行业分类设立多个协会组织。', 512, { indent: 0 }).runs];
    expect(layoutPdfText([runs]).body).toBe(`${first}\n一业多会：指允许按照行业分类设立多个协会组织。`);
  });

  it('goes on over a page break when the page ends on a full line and the next does not indent', () => {
    const long = `${ONE}${TWO}`;
    const split = PER_LINE * 2 - 2;
    const first = paragraph(long.slice(0, split), 560).runs;
    const second = paragraph(long.slice(split), 560, { indent: 0 }).runs;
    const text = layoutPdfText([first, second]);
    expect(text.body).toBe(long);
    expect(text.bodyPages).toEqual([1]);
  });

  it('puts the runs of one baseline together in x order, whatever order they come in', () => {
    const runs = [run('作报告', LEFT + 64, 560), run('政府', LEFT + 32, 560), run('工', LEFT + 48, 560.4)];
    expect(layoutPdfText([runs]).body).toBe('政府工作报告');
  });

  it('keeps a title set large over two centred lines as one line', () => {
    const runs = [run('清溪镇二〇二三年政府工作情况', 60, 600, 22), run('报告', 188, 570, 22), ...page(ONE)];
    expect(layoutPdfText([runs]).body.split('\n')[0]).toBe('清溪镇二〇二三年政府工作情况报告');
  });
});

describe('layoutPdfText: characters', () => {
  /** The body's lines after a paragraph of ordinary text, for `lines`, each indented as a paragraph of its own. */
  const linesAfterText = (...lines: PdfTextRun[][]): string[] => {
    const runs = [...page(ONE), ...lines.flatMap((line, i) => line.map((part) => ({ ...part, y: 400 - 24 * i })))];
    return layoutPdfText([runs]).body.split('\n').slice(1);
  };

  it('drops the spaces a PDF puts between Chinese and digits, keeps those between Latin words', () => {
    const lines = linesAfterText([run('增长 6.1%，完成 GDP 目标', LEFT + 32, 0)], [run('Open', LEFT + 32, 0), run('Data', LEFT + 72, 0)]);
    expect(lines).toEqual(['增长6.1%，完成GDP目标', 'Open Data']);
  });

  it('keeps a space between two Chinese words (a term set apart from its definition), drops letter-spacing', () => {
    const spaced = [run('四好农村路', LEFT + 32, 0), run(' ', LEFT + 112, 0), run('指建好、管好', LEFT + 117, 0)];
    const latin = [run('RCEP', LEFT + 32, 0), run(' ', LEFT + 64, 0), run('指区域协定', LEFT + 69, 0)];
    const quoted = [run('一网四中心', LEFT + 32, 0), run(' ', LEFT + 112, 0), run('“一网”，指', LEFT + 117, 0)];
    const lines = linesAfterText([run('家电下乡 指顺应农民消费', LEFT + 32, 0)], spaced, latin, quoted, [run('政 府 工 作 报 告', LEFT + 32, 0)]);
    expect(lines).toEqual(['家电下乡 指顺应农民消费', '四好农村路 指建好、管好', 'RCEP 指区域协定', '一网四中心 “一网”，指', '政府工作报告']);
  });

  it('takes the gaps pdf.js writes into a justified line of Chinese for no spaces, and a sliver of a space run for none', () => {
    // The run's width leaves 2 units for each of its spaces; the space run of its own is 2.5 wide.
    const spread = '4. 清 溪 驿 站 ： 指 在 每 个 村';
    const justified = [run(spread, LEFT + 32, 0), run(' ', LEFT + 200, 0, SIZE), run('设立', LEFT + 203, 0)];
    justified[0]!.width = widthOf(spread.replace(/ /gu, ''), SIZE) + 2 * (spread.split(' ').length - 1);
    justified[1]!.width = 2.5;
    expect(linesAfterText(justified)).toEqual(['4.清溪驿站：指在每个村设立']);
  });

  it('reads Kangxi radicals and shared glyphs as the characters they stand for', () => {
    const lines = linesAfterText([run('⼯作报告⺠⽣，⼴州', LEFT + 32, 0)], [run('农戶⸺门戶', LEFT + 32, 0)]);
    expect(lines).toEqual(['工作报告民生，广州', '农户——门户']);
  });

  it('sets a table row with its cells apart by a tab, never joined to the next line', () => {
    const runs = [run('三清行动', LEFT, 560), run('清垃圾、清河道、清违建', LEFT + 120, 560), run('四送', LEFT, 536), run('送政策、送技术', LEFT + 120, 536)];
    expect(layoutPdfText([runs]).body).toBe('三清行动\t清垃圾、清河道、清违建\n四送\t送政策、送技术');
  });
});

describe('layoutPdfText: page furniture', () => {
  const numbered = (n: number, ...texts: string[]): PdfTextRun[] => [run('清溪镇人民政府', 150, 600, 9), ...page(...texts), run(`— ${n} —`, 190, 40, 10)];

  it('drops page numbers and a running head repeated on the pages', () => {
    const text = layoutPdfText([numbered(1, ONE), numbered(2, TWO), numbered(3, ONE)]);
    expect(text.body).toBe(`${ONE}\n${TWO}\n${ONE}`);
  });

  it.each([['- 3 -'], ['第3页'], ['3 / 40'], ['第 3 页 共 40 页'], ['3']])('drops the page number %s', (mark) => {
    expect(layoutPdfText([[...page(ONE), run(mark, 190, 40, 10)]]).body).toBe(ONE);
  });

  it('keeps a number that is not at the head or foot of the page, and a head on fewer than three pages', () => {
    const runs = [run('清溪镇人民政府', 150, 600, 9), ...page(ONE), run('2023', LEFT, 300), ...paragraph(TWO, 276).runs];
    expect(layoutPdfText([runs, runs]).body.split('\n')).toEqual(['清溪镇人民政府', ONE, '2023', TWO, '清溪镇人民政府', ONE, '2023', TWO]);
  });

  it('keeps a full line of body text that happens to open three pages', () => {
    const text = layoutPdfText([page(ONE), page(ONE), page(ONE)]);
    expect(text.body).toBe(`${ONE}\n${ONE}\n${ONE}`);
  });
});

describe('layoutPdfText: footnotes', () => {
  /** A page whose body has a raised mark after `term`, and the note at its foot in a smaller size. */
  function notedPage(term: string, mark: string, note: string): PdfTextRun[] {
    const body = `我们扎实推进${term}`;
    const markX = LEFT + 32 + widthOf(body, SIZE);
    return [
      run(body, LEFT + 32, 560),
      run(mark, markX, 566, 7),
      run('工作，成效明显。', markX + 4, 560),
      ...paragraph(`${ONE}${TWO}`, 536).runs,
      run(mark, LEFT, 84, 6),
      run(note.slice(0, 30), LEFT + 4, 80, 10),
      run(note.slice(30), LEFT, 66, 10),
      run('— 1 —', 190, 40, 10),
    ];
  }

  it('writes raised marks as superscript digits and gathers the notes at the pages’ feet after the body', () => {
    const note = '六稳：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期，这是一条折行的脚注，第二行接着写完。';
    const text = layoutPdfText([notedPage('六稳', '1', note), notedPage('六保', '2', '六保：保居民就业、保基本民生。')]);
    expect(text.body).toBe(`我们扎实推进六稳¹工作，成效明显。\n${ONE}${TWO}\n我们扎实推进六保²工作，成效明显。\n${ONE}${TWO}`);
    expect(text.notes).toEqual([`¹${note}`, '²六保：保居民就业、保基本民生。']);
    expect(text.notePages).toEqual([1, 2]);
  });

  it('numbers on marks that restart on each page (① on every page), in the body and at the notes', () => {
    const text = layoutPdfText([notedPage('六稳', '①', '六稳：稳就业、稳金融。'), notedPage('六保', '①', '六保：保居民就业、保基本民生。'), notedPage('三农', '①', '三农：农业、农村、农民。')]);
    expect(text.body.split('\n').filter((line) => line.startsWith('我们'))).toEqual(['我们扎实推进六稳¹工作，成效明显。', '我们扎实推进六保²工作，成效明显。', '我们扎实推进三农³工作，成效明显。']);
    expect(text.notes).toEqual(['¹六稳：稳就业、稳金融。', '²六保：保居民就业、保基本民生。', '³三农：农业、农村、农民。']);
    // The report's three footnotes, each with its own definition.
    expect(importPdfText(text).entries.map((entry) => [entry.term, entry.definition, entry.source?.footnote])).toEqual([
      ['六稳', '稳就业、稳金融。', 1],
      ['六保', '保居民就业、保基本民生。', 2],
      ['三农', '农业、农村、农民。', 3],
    ]);
  });

  it('numbers on from a restart only: marks going on across pages keep their numbers after it', () => {
    // Numbered afresh in each section: 1 2 | 1 on the next page | 2 on the page after.
    const text = layoutPdfText([notedPage('六稳', '1', '六稳：稳就业。'), notedPage('六保', '1', '六保：保就业。'), notedPage('三农', '2', '三农：农业。')]);
    expect(text.notes).toEqual(['¹六稳：稳就业。', '²六保：保就业。', '³三农：农业。']);
  });

  it('leaves circled marks as written where they never restart', () => {
    const text = layoutPdfText([notedPage('六稳', '①', '六稳：稳就业。'), notedPage('六保', '②', '六保：保就业。')]);
    expect(text.notes).toEqual(['①六稳：稳就业。', '②六保：保就业。']);
    expect(text.body).toContain('六保②工作');
  });

  it('joins the rest of a long note, set at the top of the next page’s foot, to the note', () => {
    const first = [...page(ONE), run('1', LEFT, 84, 6), run('六稳：稳就业、稳金融、稳外贸、', LEFT + 4, 80, 10)];
    const second = [...page(TWO), run('稳外资、稳投资、稳预期。', LEFT, 98, 10), run('2', LEFT, 84, 6), run('六保：保居民就业。', LEFT + 4, 80, 10)];
    const text = layoutPdfText([first, second]);
    expect(text.body).toBe(`${ONE}\n${TWO}`);
    expect(text.notes).toEqual(['¹六稳：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。', '²六保：保居民就业。']);
    expect(text.notePages).toEqual([1, 2]);
  });

  it('leaves small unmarked lines on the next page in the body when the note before had ended', () => {
    const first = [...page(ONE), run('1', LEFT, 84, 6), run('六稳：稳就业、稳金融。', LEFT + 4, 80, 10)];
    const second = [...page(TWO), run('数据来源：清溪镇统计站', LEFT, 80, 10)];
    const text = layoutPdfText([first, second]);
    expect(text.notes).toEqual(['¹六稳：稳就业、稳金融。']);
    expect(text.body).toBe(`${ONE}\n${TWO}\n数据来源：清溪镇统计站`);
  });

  it('leaves small text that opens with no mark in the body (a caption is no footnote)', () => {
    const runs = [...page(ONE), run('数据来源：清溪镇统计站', LEFT, 80, 10)];
    const text = layoutPdfText([runs]);
    expect(text.notes).toEqual([]);
    expect(text.body).toBe(`${ONE}\n数据来源：清溪镇统计站`);
  });

  it('takes a raised number inside a line of the same size for text, not a mark', () => {
    const runs = [run('全年增长', LEFT, 560), run('12', LEFT + 64, 560), run('个百分点', LEFT + 80, 560)];
    expect(layoutPdfText([runs]).body).toBe('全年增长12个百分点');
  });
});

describe('layoutPdfText: pages without text', () => {
  it('counts the pages with text, so that a scanned PDF can be told apart', () => {
    const text = layoutPdfText([[], [run(' ', LEFT, 560)]]);
    expect(text).toMatchObject({ body: '', pages: 2, pagesWithText: 0 });
  });
});
