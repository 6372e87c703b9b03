import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findAppendix, importAppendixText } from '../../src/import/appendix';

const report = readFileSync(new URL('../fixtures/import/appendix-report.md', import.meta.url), 'utf8');

describe('importAppendixText on a markdown report', () => {
  const result = importAppendixText(report);

  it('takes title and url from the front matter and the date from the dateline', () => {
    expect(result.source).toEqual({
      title: '2024年清溪县人民政府工作报告',
      url: 'https://example.gov.cn/report/2024',
      date: '2024-01-10',
      kind: '名词解释',
    });
  });

  it('reads every numbering and bold style, one entry per term, with the appendix number', () => {
    expect(result.entries.map((entry) => [entry.source?.appendix, entry.term])).toEqual([
      [1, '三进'],
      [2, '两清'],
      [2, '两建'],
      [3, '清溪通平台'],
      [4, '社区五员'],
      [5, '惠企12条'],
      [6, '一站式服务'],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('keeps definitions verbatim without the markdown emphasis', () => {
    const definitions = new Map(result.entries.map((entry) => [entry.term, entry.definition]));
    expect(definitions.get('三进')).toBe('政策进村、服务进户、干部进网格。');
    expect(definitions.get('清溪通平台')).toBe('指全县统一的政务服务平台，\n可办理社保、医保、户籍等事项。');
    expect(definitions.get('惠企12条')).toBe('县政府出台的支持中小企业的12条措施。');
    expect(definitions.get('一站式服务')).toBe('群众办事只进一扇门。');
  });

  it('links the terms of a shared entry and gives each its own clause of the definition', () => {
    const [qing, jian] = result.entries.filter((entry) => entry.source?.appendix === 2);
    expect(qing?.related).toEqual([jian?.id]);
    expect(jian?.related).toEqual([qing?.id]);
    expect(qing?.definition).toBe('“两清”指清河道、清路障');
    expect(jian?.definition).toBe('“两建”指建公园、建绿道。');
  });

  it('keeps the written form as an alias and splits counted enumerations', () => {
    const wuyuan = result.entries.find((entry) => entry.term === '社区五员');
    expect(wuyuan?.aliases).toEqual(['社区“五员”']);
    expect(wuyuan?.items).toEqual(['网格员', '调解员', '宣传员', '安全员', '服务员']);
  });
});

describe('importAppendixText formats', () => {
  it.each([
    { name: '（N） numbering', text: '名词解释\n（1）“四早”：早发现、早报告、早隔离、早治疗。\n（2）一网通办：群众办事网上办。', terms: ['四早', '一网通办'] },
    { name: 'N、 numbering', text: '名词解释和说明\n1、两个跨越：由大省向强省跨越、由小康向富裕跨越。\n2、三期叠加：换挡期、阵痛期、消化期。', terms: ['两个跨越', '三期叠加'] },
    { name: '[N] markers', text: '名词解释\n[1] 清河行动：清理河道垃圾。\n[2] 护林行动：巡山护林。', terms: ['清河行动', '护林行动'] },
    { name: 'whole-line bold with a space', text: '**名词解释**\n**1. “6+4”政策：是指6项先行政策和4项推广政策。**\n**2. 小街区：是指路网密度较高的街区。**', terms: ['6+4政策', '小街区'] },
    { name: 'ASCII colon', text: '名词解释\n1.EOD:以生态环境为导向的开发模式。', terms: ['EOD'] },
    { name: 'heading glued to the last paragraph', text: '为全面建成小康社会而努力奋斗！名词解释和说明1、“7+3”产业：即7个优势产业和3个潜力产业。', terms: ['7+3产业'] },
    { name: 'unnumbered bold heads', text: '**名词解释**\n\n**六稳：**稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n\n**六保：**保居民就业、保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转。', terms: ['六稳', '六保'] },
    {
      name: '报告原文/解释 pairs',
      text: '名词解释\n1. 报告原文：扎实做好“六稳”“六保”工作。解释：“六稳”指稳就业等六个方面，“六保”指保居民就业等六个方面。\n2. 报告原文：落实“两个确保”。解释：确保基本生活费和养老金按时足额发放。',
      terms: ['六稳', '六保', '两个确保'],
    },
  ])('$name', ({ text, terms }) => {
    const result = importAppendixText(text);
    expect(result.entries.map((entry) => entry.term)).toEqual(terms);
    expect(result.problems).toEqual([]);
  });

  it('reads the definition of a 报告原文/解释 pair from the 解释 part', () => {
    const result = importAppendixText('名词解释\n1. 报告原文：落实“两个确保”。解释：确保基本生活费和养老金按时足额发放。');
    expect(result.entries[0]?.definition).toBe('确保基本生活费和养老金按时足额发放。');
  });

  it('reports a gap in the numbering and an entry without a colon, with their lines', () => {
    const result = importAppendixText('正文。\n\n名词解释\n1.甲项工作：做甲。\n3.乙项工作：做乙。\n4.这一条没有冒号也没有解释文字。');
    expect(result.entries.map((entry) => entry.source?.appendix)).toEqual([1, 3]);
    expect(result.problems).toEqual([
      { severity: 'warning', line: 5, message: expect.stringContaining('编号从 1 跳到 3') },
      { severity: 'error', line: 6, message: expect.stringContaining('第 4 条') },
    ]);
  });

  it('reports no gap where entries run together on one line, and splits them with or without a sentence end', () => {
    const result = importAppendixText('正文。\n\n名词解释\n1.甲项工作：做甲。2.乙项工作：做乙，面积100平方公里3、丙项：做丙。');
    expect(result.entries.map((entry) => [entry.source?.appendix, entry.term, entry.definition])).toEqual([
      [1, '甲项工作', '做甲。'],
      [2, '乙项工作', '做乙，面积100平方公里'],
      [3, '丙项', '做丙。'],
    ]);
    expect(result.problems).toEqual([]);
  });

  it.each([
    { name: '（1） points under 1. entries', text: '名词解释\n1.甲项工作：包括：\n（1）做甲；\n（2）做乙。\n2.丙项工作：做丙。', points: '包括：\n（1）做甲；\n（2）做乙。' },
    { name: '① points under 1. entries', text: '名词解释\n1.甲项工作：包括：\n①做甲；\n②做乙。\n2.丙项工作：做丙。', points: '包括：\n①做甲；\n②做乙。' },
    { name: '1. points under （1） entries', text: '名词解释\n（1）甲项工作：包括：\n1.做甲；\n2.做乙。\n（2）丙项工作：做丙。', points: '包括：\n1.做甲；\n2.做乙。' },
  ])('keeps $name in the entry’s definition, reporting nothing', ({ text, points }) => {
    const result = importAppendixText(`正文。\n\n${text}`);
    expect(result.entries.map((entry) => [entry.source?.appendix, entry.term, entry.definition])).toEqual([
      [1, '甲项工作', points],
      [2, '丙项工作', '做丙。'],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('reads the expected number written without its stop before a quoted term', () => {
    const result = importAppendixText('正文。\n\n名词解释\n1.甲项工作：做甲。\n2“乙项”工作：做乙。');
    expect(result.entries.map((entry) => [entry.source?.appendix, entry.term])).toEqual([[1, '甲项工作'], [2, '乙项工作']]);
  });

  it('stops at a trailing line that is not part of the appendix', () => {
    const result = importAppendixText('名词解释\n1.甲项工作：做甲。\n打印本页\n关闭窗口');
    expect(result.entries.map((entry) => entry.definition)).toEqual(['做甲。']);
  });

  it.each([
    ['附录二：《政府工作报告》数据汇总表（一）\n| 序号 | 指标 | 单位 |\n| 1 | 地区生产总值 | 亿元 |'],
    ['附件2\n主要经济指标'],
    ['【附表1】主要指标完成情况'],
    ['附表：2023年民生实事完成情况'],
  ])('ends the unnumbered entries at the heading of the next annex: %s', (annex) => {
    const result = importAppendixText(`附录一：名词解释\n甲项工作：做甲。\n乙项工作：做乙，\n并且做丙。\n\n${annex}`);
    expect(result.entries.map((entry) => [entry.term, entry.definition])).toEqual([['甲项工作', '做甲。'], ['乙项工作', '做乙，\n并且做丙。']]);
  });

  it('reads a term that opens with 附 as an entry (附加值, 附属设施)', () => {
    const result = importAppendixText('名词解释\n附加值产业：以提高产品附加值为目标的产业。\n附属设施：配套的公共设施。');
    expect(result.entries.map((entry) => entry.term)).toEqual(['附加值产业', '附属设施']);
  });

  it.each([
    { name: 'no appendix at all', text: '各位代表：今年我们做了很多工作。' },
    { name: 'the words 名词解释 in running text', text: '本报告后附名词解释，供代表参阅。各位代表：今年我们做了很多工作。' },
  ])('finds nothing in $name', ({ text }) => {
    expect(findAppendix(text)).toBe(-1);
    const result = importAppendixText(text);
    expect(result.entries).toEqual([]);
    expect(result.problems).toEqual([{ severity: 'error', message: expect.stringContaining('名词解释') }]);
  });
});
