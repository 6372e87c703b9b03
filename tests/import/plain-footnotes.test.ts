// Footnotes marked in plain text (invented text): the marks in the body, the notes closing the text.
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/import/import-report';
import { importPlainFootnotes } from '../../src/import/plain-footnotes';

const HEAD = '2024年清溪县人民政府工作报告\n\n';
const read = (text: string) => importPlainFootnotes(text)?.entries.map((entry) => [entry.source?.footnote, entry.term, entry.definition]);

describe('importPlainFootnotes', () => {
  it.each([
    { name: 'circled marks', text: `${HEAD}我们推进“三清”行动①，落实“两通”工程②。\n\n①三清行动：清河道、清垃圾。\n②两通工程：通路、通车。` },
    { name: 'bracketed numbers', text: `${HEAD}我们推进“三清”行动[1]，落实“两通”工程[2]。\n\n[1] 三清行动：清河道、清垃圾。\n[2] 两通工程：通路、通车。` },
    { name: 'superscript digits', text: `${HEAD}我们推进“三清”行动¹，落实“两通”工程²。\n\n¹ 三清行动：清河道、清垃圾。\n² 两通工程：通路、通车。` },
    { name: '（注N） marks and 注N： notes', text: `${HEAD}我们推进“三清”行动（注1），落实“两通”工程（注2）。\n\n注1：三清行动：清河道、清垃圾。\n注2：两通工程：通路、通车。` },
    { name: '[注N] marks opening the notes too', text: `${HEAD}我们推进“三清”行动[注1]，落实“两通”工程[注2]。\n\n[注1]三清行动：清河道、清垃圾。\n[注2]两通工程：通路、通车。` },
    { name: '【注N】 marks and notes', text: `${HEAD}我们推进“三清”行动【注1】，落实“两通”工程【注2】。\n\n【注1】 三清行动：清河道、清垃圾。\n【注2】 两通工程：通路、通车。` },
    { name: '注① marks and notes', text: `${HEAD}我们推进“三清”行动注①，落实“两通”工程注②。\n\n注①三清行动：清河道、清垃圾。\n注②两通工程：通路、通车。` },
    { name: '（注①） marks and 注①： notes', text: `${HEAD}我们推进“三清”行动（注①），落实“两通”工程（注②）。\n\n注①：三清行动：清河道、清垃圾。\n注②：两通工程：通路、通车。` },
    { name: 'Word endnote marks [i] [ii] (its default numbering, saved as text)', text: `${HEAD}我们推进“三清”行动[i]，落实“两通”工程[ii]。\n\n[i] 三清行动：清河道、清垃圾。\n[ii] 两通工程：通路、通车。` },
    { name: 'parenthesized digits ⑴ ⑵', text: `${HEAD}我们推进“三清”行动⑴，落实“两通”工程⑵。\n\n⑴三清行动：清河道、清垃圾。\n⑵两通工程：通路、通车。` },
    { name: 'asterisk marks * ** opening the notes too', text: `${HEAD}我们推进“三清”行动*，落实“两通”工程**。\n\n*三清行动：清河道、清垃圾。\n**两通工程：通路、通车。` },
    { name: 'notes run together on one line after 注：', text: `${HEAD}我们推进“三清”行动①，落实“两通”工程②。\n\n注：①三清行动：清河道、清垃圾。②两通工程：通路、通车。` },
    { name: 'a note running on to a second line', text: `${HEAD}我们推进“三清”行动①，落实“两通”工程②。\n\n①三清行动：清河道、\n清垃圾。\n②两通工程：通路、通车。`, first: '清河道、\n清垃圾。' },
  ])('reads $name', ({ text, first }) => {
    expect(read(text)).toEqual([
      [1, '三清行动', first ?? '清河道、清垃圾。'],
      [2, '两通工程', '通路、通车。'],
    ]);
  });

  it('takes a note’s head set off by a comma before 指 or 即 (注1：三清行动，指…)', () => {
    expect(read(`${HEAD}我们推进“三清”行动（注1），落实“两通”工程（注2）。\n\n注1：三清行动，指清河道、清垃圾。\n注2：两通工程，即通路、通车。`)).toEqual([
      [1, '三清行动', '指清河道、清垃圾。'],
      [2, '两通工程', '即通路、通车。'],
    ]);
  });

  it('keeps a note whole when the word after its comma only starts with 指 (指导) or 即 (即时)', () => {
    expect(read(`${HEAD}我们推进“三清”行动①，落实“两通”工程②。\n\n①全县开展，指导各村清河道、清垃圾。\n②按月通报，即时整改。`)).toEqual([
      [1, '三清行动', '全县开展，指导各村清河道、清垃圾。'],
      [2, '两通工程', '按月通报，即时整改。'],
    ]);
  });

  it('reads notes followed by a web page’s footer (short lines that end no sentence)', () => {
    expect(read(`${HEAD}我们推进“三清”行动[1]，落实“两通”工程[2]。\n\n[1] 三清行动：清河道、清垃圾。\n[2] 两通工程：通路、通车。\n主办单位：清溪县人民政府办公室\n版权所有 清溪县人民政府 网站标识码：0000000001`)).toEqual([
      [1, '三清行动', '清河道、清垃圾。'],
      [2, '两通工程', '通路、通车。'],
    ]);
  });

  it('takes the term the body writes at the mark when a note has no head', () => {
    const result = importPlainFootnotes(`${HEAD}我们推进“三清”行动①。\n\n①清河道、清垃圾。`);
    expect(result?.entries.map((entry) => [entry.term, entry.definition])).toEqual([['三清行动', '清河道、清垃圾。']]);
    expect(result?.source.kind).toBe('footnotes');
  });

  it.each([
    {
      name: 'circled notes under their paragraphs, numbered on',
      text: `${HEAD}我们推进“三清”行动①，全县面貌一新。\n注：①三清行动：清河道、清垃圾。\n\n今年，我们落实“两通”工程②。\n②两通工程：通路、通车。\n\n各位代表，让我们团结一心。`,
    },
    {
      name: 'superscript notes closing each page of a PDF’s text, numbered again on each page',
      text: `${HEAD}我们推进“三清”行动¹，全县面貌一新。\n¹ 三清行动：清河道、清垃圾。\n— 2 —\n今年，我们落实“两通”工程¹。\n¹ 两通工程：通路、通车。\n— 3 —\n各位代表，让我们团结一心。`,
    },
    { name: 'asterisk notes under their paragraphs', text: `${HEAD}我们推进“三清”行动*。\n*三清行动：清河道、清垃圾。\n\n今年，我们落实“两通”工程*。\n*两通工程：通路、通车。\n\n各位代表，让我们团结一心。` },
    { name: 'notes from 2 on, under their paragraph', text: `${HEAD}我们推进“三清”行动②，落实“两通”工程③。\n②三清行动：清河道、清垃圾。\n③两通工程：通路、通车。\n各位代表，今年的任务十分繁重，我们要坚定信心、真抓实干。` },
  ])('reads $name, the notes numbered in order', ({ text }) => {
    const result = importPlainFootnotes(text);
    expect(result?.entries.map((entry) => [entry.source?.footnote, entry.term, entry.definition])).toEqual([
      [1, '三清行动', '清河道、清垃圾。'],
      [2, '两通工程', '通路、通车。'],
    ]);
    expect(result?.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it.each([
    { name: 'circled numbers only enumerating in the body', text: `${HEAD}今年抓好三件事：①清河道；②清垃圾；③建公园。\n\n让我们携手奋斗！` },
    { name: 'notes whose marks the body never uses', text: `${HEAD}我们推进“三清”行动。\n\n①三清行动：清河道、清垃圾。` },
    { name: 'closing lines numbered from 2 whose head the body does not write at the mark', text: `${HEAD}我们推进“三清”行动②。\n\n②两通工程：通路、通车。` },
    { name: 'an enumeration under the line that lists it (marks before the words)', text: `${HEAD}今年抓好两件事：①清河道；②清垃圾。\n①清河道：全面排查河道。\n②清垃圾：开展垃圾分类。\n各位代表，让我们团结一心。` },
    { name: 'a marked line before the body’s mark', text: `${HEAD}①三清行动：清河道、清垃圾。\n我们推进“三清”行动①。` },
    { name: 'a Markdown bullet and bold text', text: `${HEAD}我们推进**三清行动**，落实两通工程。\n\n* 三清行动：清河道、清垃圾。` },
    { name: 'an italic closing line', text: `${HEAD}我们推进三清行动*。\n\n*以上数据为初步统计*` },
  ])('gives nothing for $name', ({ text }) => {
    expect(importPlainFootnotes(text)?.entries ?? []).toEqual([]);
  });
});

describe('importReport on plain text', () => {
  it('reads plain-text footnotes where the report has no 名词解释 appendix', () => {
    const result = importReport(`${HEAD}我们推进“三清”行动①。\n\n①三清行动：清河道、清垃圾。`, '报告.txt');
    expect(result.source.kind).toBe('footnotes');
    expect(result.entries.map((entry) => entry.term)).toEqual(['三清行动']);
  });

  it('reads the appendix where there is one, whatever the body marks', () => {
    const result = importReport(`${HEAD}我们推进“三清”行动①。\n\n名词解释\n1.三清行动：清河道、清垃圾。\n2.两通工程：通路、通车。`, '报告.txt');
    expect(result.source.kind).toBe('名词解释');
    expect(result.entries.map((entry) => entry.term)).toEqual(['三清行动', '两通工程']);
  });
});
