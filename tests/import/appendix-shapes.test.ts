// One row per 名词解释 appendix shape (invented text): heading forms, entry markers, unnumbered
// lines, preambles, page references, multi-line entries, and text that must give no entries.
import { describe, expect, it } from 'vitest';
import { findAppendix, importAppendixText } from '../../src/import/appendix';
import { splitDefinition } from '../../src/import/entries';

const BODY = '各位代表：今年我们推进“三清”行动，落实“两通”工程。\n\n让我们携手奋斗！\n\n';
const pairs = (text: string): [string, string][] =>
  importAppendixText(text).entries.map((entry) => [entry.term, (entry.definition ?? '').replace(/\s+/gu, '')]);

describe('appendix shapes', () => {
  it.each([
    { name: 'N. numbering', appendix: '名词解释\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: 'N、 numbering', appendix: '名词解释\n1、“三清”行动：清河道、清垃圾。\n2、“两通”工程：通路、通车。' },
    { name: 'full-width N． numbering', appendix: '名词解释\n１．“三清”行动：清河道、清垃圾。\n２．“两通”工程：通路、通车。' },
    { name: '（N） numbering', appendix: '名词解释\n（1）“三清”行动：清河道、清垃圾。\n（2）“两通”工程：通路、通车。' },
    { name: '[N] markers', appendix: '名词解释\n[1]“三清”行动：清河道、清垃圾。\n[2]“两通”工程：通路、通车。' },
    { name: '【N】 markers', appendix: '名词解释\n【1】“三清”行动：清河道、清垃圾。\n【2】“两通”工程：通路、通车。' },
    { name: '〔N〕 markers', appendix: '附：名词解释\n〔1〕“三清”行动：清河道、清垃圾。\n〔2〕“两通”工程：通路、通车。' },
    { name: '﹝ N ﹞ markers with spaces', appendix: '名词解释\n﹝ 1 ﹞ “三清”行动：清河道、清垃圾。\n﹝ 2 ﹞ “两通”工程：通路、通车。' },
    { name: '① circled numbers', appendix: '名词解释\n①“三清”行动：清河道、清垃圾。\n②“两通”工程：通路、通车。' },
    { name: 'bold markdown heads', appendix: '**名词解释**\n\n**1.“三清”行动：**清河道、清垃圾。\n\n**2.“两通”工程**：通路、通车。' },
    { name: 'whole-line bold', appendix: '**名词解释**\n\n**1. “三清”行动：清河道、清垃圾。**\n\n**2. “两通”工程：通路、通车。**' },
    { name: '【名词解释】 heading', appendix: '【名词解释】\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: '《政府工作报告》名词解释（注：…） heading', appendix: '《政府工作报告》名词解释（注：按报告中出现的顺序）\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: '附录一：… heading', appendix: '附录一：《政府工作报告》名词解释\n“三清”行动：清河道、清垃圾。\n“两通”工程：通路、通车。' },
    { name: '附：部分名词解释', appendix: '附：部分名词解释\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: '名词注释 heading', appendix: '名词注释\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: 'a preamble line after the heading', appendix: '名词解释\n（以在报告中出现的先后为序）\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: 'two preamble lines, unnumbered entries', appendix: '**名词解释**\n\n（按出现先后排列）\n\n下列提法按报告中出现的先后排列，均为本县提出。\n\n“三清”行动：清河道、清垃圾。\n\n“两通”工程：通路、通车。' },
    { name: 'unnumbered term：definition lines', appendix: '名词解释\n“三清”行动：清河道、清垃圾。\n“两通”工程：通路、通车。' },
    { name: 'two unnumbered entries on one line', appendix: '名词解释\n“三清”行动：清河道、清垃圾。“两通”工程：通路、通车。' },
    { name: 'page references after the head', appendix: '名词解释\n1.“三清”行动（P1）：清河道、清垃圾。\n2.“两通”工程（P3）：通路、通车。' },
    { name: 'heading glued to the last paragraph', appendix: '名词解释：1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。', glued: true },
    { name: '词语解释 glued to the last paragraph', appendix: '词语解释：1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。', glued: true },
    { name: 'bold heads without a colon', appendix: '名词解释\n1．**“三清”行动** 清河道、清垃圾。\n2．**“两通”工程** 通路、通车。' },
    { name: 'heads set off by a space', appendix: '名词解释\n1.“三清”行动 清河道、清垃圾。\n2.“两通”工程　通路、通车。' },
    { name: 'markdown footnote definitions under a commented heading', appendix: '<!-- 名词解释 -->\n[^1]: “三清”行动：清河道、清垃圾。\n[^2]: “两通”工程：通路、通车。' },
    { name: '【term】 heads without a colon', appendix: '名词解释\n【三清行动】清河道、清垃圾。\n【两通工程】通路、通车。' },
    { name: 'numbered 〖term〗 heads', appendix: '名词解释\n1.〖“三清”行动〗清河道、清垃圾。\n2.〖“两通”工程〗通路、通车。' },
    { name: 'heads set off by a dash', appendix: '名词解释：\n“三清”行动——清河道、清垃圾。\n“两通”工程——通路、通车。' },
    { name: 'numbered heads set off by one dash', appendix: '名词解释\n1.“三清”行动—清河道、清垃圾。\n2.“两通”工程—通路、通车。' },
    { name: '注释 heading', appendix: '注释：\n1．“三清”行动：清河道、清垃圾。\n2．“两通”工程：通路、通车。' },
    { name: '附：有关词语解释 heading', appendix: '附：有关词语解释\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: '名词释义 heading', appendix: '名词释义\n“三清”行动：清河道、清垃圾。\n“两通”工程：通路、通车。' },
    { name: 'a dash inside the definition, a colon head', appendix: '名词解释\n“三清”行动：清河道——清垃圾。\n“两通”工程：通路、通车。', first: ['三清行动', '清河道——清垃圾。'] },
    { name: '（一） Chinese numbering', appendix: '名词解释\n（一）“三清”行动：清河道、清垃圾。\n（二）“两通”工程：通路、通车。' },
    { name: '一、 Chinese numbering', appendix: '名词解释\n一、“三清”行动：清河道、清垃圾。\n二、“两通”工程：通路、通车。' },
    { name: 'a markdown table', appendix: '名词解释\n\n| 序号 | 名词 | 解释 |\n|---|---|---|\n| 1 | “三清”行动 | 清河道、清垃圾。 |\n| 2 | “两通”工程 | 通路、通车。 |' },
    { name: 'a two-column table without numbers', appendix: '名词解释\n| 名词 | 解释 |\n| :-- | :-- |\n| “三清”行动 | 清河道、清垃圾。 |\n| “两通”工程 | 通路、通车。 |' },
    { name: 'table cells set apart by tabs', appendix: '名词解释\n1\t“三清”行动\t清河道、清垃圾。\n2\t“两通”工程\t通路、通车。' },
    { name: 'each term on a line of its own, its definition on the next', appendix: '名词解释\n“三清”行动\n清河道、清垃圾。\n“两通”工程\n通路、通车。' },
    { name: 'numbered terms on lines of their own', appendix: '名词解释\n1.“三清”行动\n清河道、清垃圾。\n2.“两通”工程\n通路、通车。' },
    { name: 'a quoted head before 是指 or 即', appendix: '名词解释\n1.“三清”行动是指清河道、清垃圾。\n2.“两通”工程即通路、通车。', first: ['三清行动', '是指清河道、清垃圾。'], second: ['两通工程', '即通路、通车。'] },
    { name: 'heads ended by 。即 before the colon', appendix: '名词解释\n1.“三清”行动。即：清河道、清垃圾。\n2.“两通”工程。是指：通路、通车。' },
    { name: 'numbered heads ended by a full stop', appendix: '名词解释\n1.“三清”行动。清河道、清垃圾。\n2.两通工程。通路、通车。', second: ['两通工程', '通路、通车。'] },
    { name: 'entries opened by bullets ◆', appendix: '名词解释\n◆“三清”行动：清河道、清垃圾。\n◆“两通”工程：通路、通车。' },
    { name: 'entries opened by bullets ● with a space', appendix: '名词解释\n● “三清”行动：清河道、清垃圾。\n● “两通”工程：通路、通车。' },
    { name: 'entries opened by a symbol font’s private-use bullet and Ø (Word lists pasted as text)', appendix: '名词解释\n\uf06c “三清”行动：清河道、清垃圾。\nØ “两通”工程：通路、通车。' },
    { name: '⑴ parenthesized numbers', appendix: '名词解释\n⑴“三清”行动：清河道、清垃圾。\n⑵“两通”工程：通路、通车。' },
    { name: '⒈ numbers with a full stop', appendix: '名词解释\n⒈“三清”行动：清河道、清垃圾。\n⒉“两通”工程：通路、通车。' },
    { name: '❶ negative circled numbers', appendix: '名词解释\n❶“三清”行动：清河道、清垃圾。\n❷“两通”工程：通路、通车。' },
    { name: '㈠ parenthesized ideographs', appendix: '名词解释\n㈠“三清”行动：清河道、清垃圾。\n㈡“两通”工程：通路、通车。' },
    { name: 'Ⅰ. Roman numerals', appendix: '名词解释\nⅠ.“三清”行动：清河道、清垃圾。\nⅡ.“两通”工程：通路、通车。' },
    { name: 'N） numbering', appendix: '名词解释\n1）“三清”行动：清河道、清垃圾。\n2）“两通”工程：通路、通车。' },
    { name: 'A. letters', appendix: '名词解释\nA.“三清”行动：清河道、清垃圾。\nB.“两通”工程：通路、通车。' },
    { name: '第N条 articles', appendix: '名词解释\n第一条 “三清”行动：清河道、清垃圾。\n第二条 “两通”工程：通路、通车。' },
    { name: '第一， ordinals', appendix: '名词解释\n第一，“三清”行动：清河道、清垃圾。\n第二，“两通”工程：通路、通车。' },
    { name: '关于 before a quoted head', appendix: '名词解释\n1.关于“三清”行动：清河道、清垃圾。\n2.关于“两通”工程：通路、通车。' },
    { name: '[注N] labels under a heading', appendix: '名词解释\n[注1]“三清”行动：清河道、清垃圾。\n[注2]“两通”工程：通路、通车。' },
    { name: '【注N】 labels, no heading', appendix: '【注1】“三清”行动：清河道、清垃圾。\n【注2】“两通”工程：通路、通车。\n【注3】“三农”：农业、农村、农民。', extra: [['三农', '农业、农村、农民。']] },
    { name: '知识链接 heading', appendix: '知识链接\n“三清”行动：清河道、清垃圾。\n“两通”工程：通路、通车。' },
    { name: '小知识 heading', appendix: '小知识：\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: 'terms on lines of their own, each definition labelled 解释：', appendix: '名词解释\n1.“三清”行动\n解释：清河道、清垃圾。\n2.“两通”工程\n释义：通路、通车。' },
    { name: 'an entry numbered ⑴ listing points 1. 2. in its definition', appendix: '名词解释\n⑴“三清”行动：包括：\n1.清河道；\n2.清垃圾。\n⑵“两通”工程：通路、通车。', first: ['三清行动', '包括：1.清河道；2.清垃圾。'] },
    { name: '名词解析 heading', appendix: '名词解析\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: '热词解读 heading', appendix: '热词解读\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: 'a heading set with letter spacing (full-width spaces), unnumbered entries', appendix: '名　词　解　释\n“三清”行动：清河道、清垃圾。\n“两通”工程：通路、通车。' },
    { name: 'a heading set with letter spacing (spaces), unnumbered entries', appendix: '名 词 解 释\n“三清”行动：清河道、清垃圾。\n“两通”工程：通路、通车。' },
    { name: '词汇简释 heading, unnumbered entries', appendix: '政府工作报告词汇简释\n“三清”行动：清河道、清垃圾。\n“两通”工程：通路、通车。' },
    { name: 'an English gloss with spaces in brackets before the colon (no head set off by its first space)', appendix: '名词解释\n1.三清行动（Clean Rivers and Clean Streets Campaign）：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: 'the heading and its entries on one line, set apart by semicolons', appendix: '名词解释：“三清”行动：清河道、清垃圾；“两通”工程：通路、通车。', first: ['三清行动', '清河道、清垃圾；'] },
    { name: '附注 heading', appendix: '附注\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: '注： alone on its line', appendix: '注：\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: '术语表 heading', appendix: '术语表\n“三清”行动：清河道、清垃圾。\n“两通”工程：通路、通车。' },
    { name: 'unnumbered unquoted heads before a comma and 指 or 即', appendix: '名词解释\n三清行动，指清河道、清垃圾。\n两通工程，即通路、通车。', first: ['三清行动', '指清河道、清垃圾。'], second: ['两通工程', '即通路、通车。'] },
    { name: 'unnumbered unquoted heads ended by a full stop, the body writing each', appendix: '名词解释\n三清行动。清河道、清垃圾。\n两通工程。通路、通车。' },
    { name: '注① labels before the notes under 注释', appendix: '注释\n注①：三清行动，指清河道、清垃圾。\n注②：两通工程，指通路、通车。', first: ['三清行动', '指清河道、清垃圾。'], second: ['两通工程', '指通路、通车。'] },
    { name: '注（N） labels before numbered entries', appendix: '名词解释\n注（1）“三清”行动：清河道、清垃圾。\n注（2）“两通”工程：通路、通车。' },
    { name: 'a term alone on its line, a colon opening its definition’s line', appendix: '名词解释\n1.“三清”行动\n：清河道、清垃圾。\n2.“两通”工程\n：通路、通车。' },
    { name: 'circled notes run together on the line of their 注：', appendix: '注：①“三清”行动：清河道、清垃圾。②“两通”工程：通路、通车。' },
    { name: 'circled notes run together under a 注： line', appendix: '注：\n①“三清”行动：清河道、清垃圾。②“两通”工程：通路、通车。' },
    { name: 'two-digit numbers set off by a space (01 02)', appendix: '名词解释\n01 “三清”行动：清河道、清垃圾。\n02 “两通”工程：通路、通车。' },
    { name: 'unquoted entries run together on one line, their terms in the body', appendix: '名词解释\n三清行动：清河道、清垃圾。两通工程：通路、通车。' },
    { name: 'numbered unquoted heads before 是指 or 指', appendix: '名词解释\n1.三清行动是指清河道、清垃圾。\n2.两通工程，指通路、通车。', first: ['三清行动', '是指清河道、清垃圾。'], second: ['两通工程', '指通路、通车。'] },
    { name: 'each term and its colon on a line of its own, its definition on the next', appendix: '名词解释\n“三清”行动：\n清河道、清垃圾。\n“两通”工程：\n通路、通车。' },
    { name: 'unnumbered bold heads without a colon', appendix: '名词解释\n**“三清”行动**清河道、清垃圾。\n**“两通”工程** 通路、通车。' },
    { name: 'bulleted bold heads without a colon', appendix: '名词解释\n- **“三清”行动** 清河道、清垃圾。\n- **“两通”工程** 通路、通车。' },
    { name: 'heads set off by a full-width bar ｜', appendix: '名词解释\n1.“三清”行动｜清河道、清垃圾。\n2.“两通”工程｜通路、通车。' },
    { name: 'heads set off by a bar between spaces', appendix: '名词解释\n“三清”行动 | 清河道、清垃圾。\n“两通”工程 | 通路、通车。' },
    { name: 'heads set off by a slash between spaces', appendix: '名词解释\n1. “三清”行动 / 清河道、清垃圾。\n2. “两通”工程 / 通路、通车。' },
    { name: 'entries opened by a dash as a bullet', appendix: '名词解释\n— “三清”行动：清河道、清垃圾。\n——“两通”工程：通路、通车。' },
    { name: 'unnumbered [term] heads', appendix: '名词解释\n[“三清”行动] 清河道、清垃圾。\n［“两通”工程］通路、通车。' },
    { name: 'questions and answers 问：什么是…？ 答：…', appendix: '名词解释\n问：什么是“三清”行动？\n答：清河道、清垃圾。\n问：什么是“两通”工程？\n答：通路、通车。' },
    { name: 'numbered questions …是什么？ answered on the next line', appendix: '名词解释\n1.“三清”行动是什么？\n清河道、清垃圾。\n2.何谓“两通”工程？\n通路、通车。' },
    { name: 'unnumbered heads set off by a space, a credit line closing the page', appendix: '资料：《政府工作报告》名词解释（按报告中出现顺序排列）\n\n“三清”行动 清河道、清垃圾。\n\n“两通”工程 通路、通车。\n\n（市政府办公厅 年鉴处）' },
    { name: 'a quoted head its definition follows at once, beside spaced heads', appendix: '名词解释\n“三清”行动 清河道、清垃圾。\n“两通”通路、通车。\n（本文有删减）', second: ['两通', '通路、通车。'] },
    { name: 'numbered quoted heads the definition follows at once', appendix: '名词解释\n1.“三清”行动清河道、清垃圾。\n2.“两通”工程通路、通车。' },
    { name: 'each number alone on its line before its entry (a number column read as lines)', appendix: '名词解释\n1\n“三清”行动：清河道、清垃圾。\n2\n“两通”工程：通路、通车。' },
    { name: 'numbers alone on their lines before unquoted heads and 指', appendix: '名词解释\n1\n三清行动，指清河道、清垃圾。\n\n2\n两通工程，指通路、通车。', first: ['三清行动', '指清河道、清垃圾。'], second: ['两通工程', '指通路、通车。'] },
    { name: 'a page reference after a quoted head, no colon', appendix: '名词解释\n1.“三清”行动（第3页）清河道、清垃圾。\n2.“两通”工程（P5）通路、通车。' },
    { name: 'a page reference ending an unquoted head, no colon', appendix: '名词解释\n1.三清行动（第3页）清河道、清垃圾。\n2.两通工程（第5页）通路、通车。' },
    { name: 'a heading with 的 (有关词语的解释)', appendix: '关于报告中有关词语的解释\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。' },
    { name: 'no heading, a closing numbered run', appendix: '1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。\n3.“一窗”服务：一窗受理。', extra: [['一窗服务', '一窗受理。']] },
  ])('$name', ({ appendix, glued, extra, first, second }) => {
    const text = glued ? `${BODY.trimEnd()}主要${appendix}` : `${BODY}${appendix}`;
    expect(pairs(text)).toEqual([
      first ?? ['三清行动', '清河道、清垃圾。'],
      second ?? ['两通工程', '通路、通车。'],
      ...(extra ?? []),
    ]);
  });

  it.each([
    ['— 23 —', '— 23 —'],
    ['- 23 -', '- 23 -'],
    ['a bare 23', '23'],
    ['第 23 页 共 30 页', '第 23 页 共 30 页'],
    ['23/30', '23/30'],
  ])('passes over a page number (%s) left inside the appendix by a PDF saved as text', (_what, page) => {
    const appendix = `名词解释\n1.“三清”行动：清河道、\n${page}\n清垃圾。\n${page}\n2.“两通”工程：通路、通车。\n${page}\n3.“一窗”服务：一窗受理。`;
    expect(pairs(`${BODY}${appendix}`)).toEqual([
      ['三清行动', '清河道、清垃圾。'],
      ['两通工程', '通路、通车。'],
      ['一窗服务', '一窗受理。'],
    ]);
  });

  it('reads an appendix hard-wrapped as a PDF lays it out (lines that end inside a sentence), a word the wrap cut joined again', () => {
    const appendix = '名词解释\n1.“三清”行动：清河道、清垃圾、清违建，推进城乡环\n境整治工作，建立长效机制，实现河道常年清洁\n和垃圾日产日清。\n2.“两通”工程：通路、通车，实现村村通硬化路、组组\n通客车。\n3.“一窗”服务：一窗受理。';
    expect(importAppendixText(`${BODY}${appendix}`).entries.map((entry) => [entry.term, entry.definition])).toEqual([
      ['三清行动', '清河道、清垃圾、清违建，推进城乡环境整治工作，建立长效机制，实现河道常年清洁和垃圾日产日清。'],
      ['两通工程', '通路、通车，实现村村通硬化路、组组通客车。'],
      ['一窗服务', '一窗受理。'],
    ]);
  });

  it('reads a wrapped line that opens with a number as part of the sentence, and a head the wrap cut as one term', () => {
    const appendix = '名词解释\n1.“三清”行动：清河道、清垃圾、清违建，三年内整治河道\n2.5万公里，建立长效机制。\n2.“两通”工\n程：通路、通车。\n3.“一窗”服务：一窗受理。';
    const result = importAppendixText(`${BODY}${appendix}`);
    expect(result.problems).toEqual([]);
    expect(result.entries.map((entry) => [entry.term, entry.definition])).toEqual([
      ['三清行动', '清河道、清垃圾、清违建，三年内整治河道\n2.5万公里，建立长效机制。'],
      ['两通工程', '通路、通车。'],
      ['一窗服务', '一窗受理。'],
    ]);
  });

  it('passes over a running head that a PDF saved as text repeats on every page, in the appendix and inside a definition', () => {
    const head = '2024年政府工作报告';
    const text = `${head}\n${BODY}${head}\n名词解释\n1.“三清”行动：清河道、清垃圾、清违建，推进城乡环\n${head}\n境整治工作。\n${head}\n2.“两通”工程：通路、通车。`;
    expect(pairs(text)).toEqual([
      ['三清行动', '清河道、清垃圾、清违建，推进城乡环境整治工作。'],
      ['两通工程', '通路、通车。'],
    ]);
  });

  it('ends the appendix at a line after an unfinished one too short to have been wrapped', () => {
    // 通路、通车 ends no sentence, but its line is shorter than a wrapped one: 附件下载 is the page's.
    expect(pairs(`${BODY}名词解释\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车\n附件下载`)).toEqual([
      ['三清行动', '清河道、清垃圾。'],
      ['两通工程', '通路、通车'],
    ]);
  });

  it('reads an appendix set letter-spaced (a PDF saved as text) without the spaces, in terms and definitions', () => {
    const appendix = '名 词 解 释\n1. “三 清” 行 动 ： 清 河 道 、 清 垃 圾 。\n2. “两 通” 工 程 ： 通 路 、 通 车 。';
    expect(importAppendixText(`${BODY}${appendix}`).entries.map((entry) => [entry.term, entry.aliases, entry.definition])).toEqual([
      ['三清行动', ['“三清”行动'], '清河道、清垃圾。'],
      ['两通工程', ['“两通”工程'], '通路、通车。'],
    ]);
  });

  it('keeps the spaces a definition’s writer put between words', () => {
    const appendix = '名词解释\n1.“三清”行动：采用 PPP 模式 清河道、清垃圾。\n2.“两通”工程：通路 通车。';
    expect(importAppendixText(`${BODY}${appendix}`).entries.map((entry) => entry.definition)).toEqual(['采用 PPP 模式 清河道、清垃圾。', '通路 通车。']);
  });

  it('takes the expected number alone on its line for a page number where no entry follows it', () => {
    // 2 is the next entry's number, but what follows it goes on the definition before: a page number.
    expect(pairs(`${BODY}名词解释\n1.“三清”行动：清河道、\n2\n清垃圾。\n2.“两通”工程：通路、通车。`)).toEqual([
      ['三清行动', '清河道、清垃圾。'],
      ['两通工程', '通路、通车。'],
    ]);
  });

  it('keeps the （1） （2） points of a definition in it (no entry run into it)', () => {
    expect(pairs(`${BODY}名词解释\n1.“三清”行动：包括三项。（1）清河道；（2）清垃圾。\n2.“两通”工程：通路、通车。`)).toEqual([
      ['三清行动', '包括三项。（1）清河道；（2）清垃圾。'],
      ['两通工程', '通路、通车。'],
    ]);
  });

  it.each([
    { name: 'a definition’s own 其中： (no term of the body)', line: '“三清”行动：清河道、清垃圾。其中：清河道由水利部门牵头。', definition: '清河道、清垃圾。其中：清河道由水利部门牵头。' },
    { name: 'the parts the entry’s head names (两通工程：两通：…。工程：…)', line: '两通工程：两通：通路、通车。工程：村村建设。', definition: '两通：通路、通车。工程：村村建设。' },
  ])('keeps an unnumbered entry whole where a second head after its full stop is $name', ({ line, definition }) => {
    expect(pairs(`${BODY}名词解释\n${line}\n“一窗”服务：一窗受理。`)[0]?.[1]).toBe(definition);
  });

  it('takes 指挥 for a word, not 指 the verb, in a numbered entry’s head', () => {
    expect(pairs(`${BODY}名词解释\n1.应急指挥体系是指统一领导、分级负责的体系。\n2.“两通”工程：通路、通车。`)[0]).toEqual(['应急指挥体系', '是指统一领导、分级负责的体系。']);
  });

  it('reads an entry that spans several lines and paragraphs', () => {
    const result = importAppendixText(`${BODY}名词解释\n1.“三清”行动：清河道、清垃圾，\n并建立长效机制。\n\n其中清河道由水利部门牵头。\n2.“两通”工程：通路、通车。`);
    expect(result.entries[0]?.definition).toBe('清河道、清垃圾，\n并建立长效机制。\n其中清河道由水利部门牵头。');
  });

  it('reads 报告原文/解释 pairs under a term line', () => {
    expect(pairs(`${BODY}名词解释\n三清行动\n报告原文：推进“三清”行动。\n解释：清河道、清垃圾。\n两通工程\n报告原文：落实“两通”工程。\n解释：通路、通车。`)).toEqual([
      ['三清行动', '清河道、清垃圾。'],
      ['两通工程', '通路、通车。'],
    ]);
  });

  it('keeps a body paragraph with a colon after the appendix out of the last entry', () => {
    expect(pairs(`${BODY}名词解释\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。\n打印本页\n责任编辑：王某`)).toEqual([
      ['三清行动', '清河道、清垃圾。'],
      ['两通工程', '通路、通车。'],
    ]);
  });

  it.each([
    { name: 'unnumbered entries, then the page’s 来源 and 责任编辑', text: `${BODY}名词解释\n“三清”行动：清河道、清垃圾。\n“两通”工程：通路、通车。\n来源：某某县人民政府\n责任编辑：王某` },
    { name: 'the page’s 发布时间 before unnumbered entries', text: `${BODY}名词解释\n发布时间：2024-01-05\n“三清”行动：清河道、清垃圾。\n“两通”工程：通路、通车。` },
    { name: 'numbered entries, then 信息来源', text: `${BODY}名词解释\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。\n信息来源：某某县人民政府办公室` },
  ])('leaves the page around the report out: $name', ({ text }) => {
    expect(pairs(text)).toEqual([
      ['三清行动', '清河道、清垃圾。'],
      ['两通工程', '通路、通车。'],
    ]);
  });

  it('keeps a dash that opens a sentence, and a bar or slash inside a definition, in the definition', () => {
    const text = `${BODY}名词解释\n1.“三清”行动：清河道、清垃圾，分为：\n——清河道；\n——清垃圾。\n2.“两通”工程：通路 / 通车，即“路通｜车通”。`;
    expect(pairs(text)).toEqual([
      ['三清行动', '清河道、清垃圾，分为：——清河道；——清垃圾。'],
      ['两通工程', '通路/通车，即“路通｜车通”。'],
    ]);
  });

  it('keeps an English gloss after a term as the entry’s en, out of its term', () => {
    const entries = importAppendixText(`${BODY}名词解释\n1.“三清”行动（Three Clean Campaign）：清河道、清垃圾。\n2.“两通”工程：通路、通车。`).entries;
    expect(entries.map((entry) => [entry.term, entry.en])).toEqual([
      ['三清行动', 'Three Clean Campaign'],
      ['两通工程', undefined],
    ]);
  });

  it('keeps a spaced line inside a colon-headed appendix in the definition before it', () => {
    expect(pairs(`${BODY}名词解释\n“三清”行动：清河道、清垃圾。\n其中 清河道指疏浚河道。\n“两通”工程：通路、通车。`)).toEqual([
      ['三清行动', '清河道、清垃圾。其中清河道指疏浚河道。'],
      ['两通工程', '通路、通车。'],
    ]);
  });

  it('reads numbered quoted heads followed at once by their definition, as 昆明 sets them', () => {
    const text = `${BODY}名词解释\n1.“三清”“两通”“三清”指清河道、清垃圾；“两通”指通路、通车。\n2.“四好农村路”“建好、管好、护好、运营好”农村公路。\n3.“三化”化“三农”（1）三化：工业化、城市化。（2）三农：农村、农业。\n4.“一窗”服务 即一窗受理。\n5.“五小”水利工程 指小水池、小水窖。\n6.“十项”的行动指十项民生行动。`;
    expect(pairs(text)).toEqual([
      ['三清', '“三清”指清河道、清垃圾'],
      ['两通', '“两通”指通路、通车。'],
      ['四好农村路', '“建好、管好、护好、运营好”农村公路。'],
      ['三化化三农', '（1）三化：工业化、城市化。（2）三农：农村、农业。'],
      ['一窗服务', '即一窗受理。'],
      ['五小水利工程', '指小水池、小水窖。'],
    ]);
  });

  it('reads a head a full stop ends, quoted list and all, but not a sentence that defines with 指', () => {
    const text = `${BODY}名词解释\n1.“中优、东精、西拓、北育、南联”的空间布局。做优中心城区，做精东部。\n2.“三清”指“清河道、清垃圾”。“两通”指通路、通车。`;
    const result = importAppendixText(text);
    expect(result.entries.map((entry) => entry.term)).toEqual(['中优、东精、西拓、北育、南联的空间布局']);
    expect(result.problems.map((problem) => problem.severity)).toEqual(['error']);
  });

  it('reads no term out of a question that is a sentence (negative)', () => {
    expect(pairs(`${BODY}名词解释\n问：今年为什么要推进“三清”行动，怎样推进？\n答：清河道、清垃圾。`)).toEqual([]);
  });

  it('reads a Markdown link as its text, not as a bracketed head', () => {
    expect(pairs(`${BODY}名词解释\n[“三清”行动](https://example.gov.cn/a.html)：清河道、清垃圾。\n[“两通”工程](https://example.gov.cn/b.html)：通路、通车。`)).toEqual([
      ['三清行动', '清河道、清垃圾。'],
      ['两通工程', '通路、通车。'],
    ]);
  });

  it('keeps the appendix a heading names when a table’s 注：① notes follow it', () => {
    expect(pairs(`${BODY}名词解释\n1.“三清”行动：清河道、清垃圾。\n2.“两通”工程：通路、通车。\n\n附表\n注：①本表数据为快报数。②增速按可比价格计算。`)).toEqual([
      ['三清行动', '清河道、清垃圾。'],
      ['两通工程', '通路、通车。'],
    ]);
  });

  it('keeps an entry whose term only begins like a page label (negative)', () => {
    expect(pairs(`${BODY}名词解释\n“三清”行动：清河道、清垃圾。\n来源地管理：对来源地实行清单管理。`)).toEqual([
      ['三清行动', '清河道、清垃圾。'],
      ['来源地管理', '对来源地实行清单管理。'],
    ]);
  });

  it.each([
    { name: 'no appendix', text: `${BODY}今年工作很多。` },
    { name: 'a body sentence naming the appendix', text: '本报告附有名词解释，请代表们参阅。各位代表：今年我们做了很多工作。' },
    { name: 'a heading followed by prose, not entries', text: `${BODY}名词解释\n本届政府五年来始终坚持以人民为中心，各项事业取得了长足进步，群众获得感显著增强。` },
    { name: 'a body list of numbered tasks without colons', text: '今年重点抓好以下工作。\n1.加快推进乡村振兴，建设美丽乡村。\n2.持续改善营商环境，服务市场主体。\n3.扎实办好民生实事，兜牢民生底线。' },
    { name: 'a numbered run that does not start at 1', text: '正文。\n5.甲项：做甲。\n6.乙项：做乙。\n7.丙项：做丙。' },
    { name: 'a closing numbered list of dashes, no heading', text: '今年目标如下。\n1.工业——增长百分之八。\n2.农业——增长百分之四。\n3.服务业——增长百分之七。' },
    { name: 'a body section numbered 一、 with colons, no heading', text: '正文。\n一、工业：增长百分之八。\n二、农业：增长百分之四。\n三、服务业：增长百分之七。' },
    { name: 'a table of figures, no heading', text: '今年主要指标如下。\n| 指标 | 目标 |\n|---|---|\n| 生产总值 | 增长6% |' },
    { name: 'a heading followed by short sentences ended by full stops, their openings not in the body', text: `${BODY}名词解释\n工作总体平稳。各项任务按期完成。\n今后继续努力。通路、通车全面实现。` },
    { name: '注释 followed by prose', text: `${BODY}注释\n本届政府五年来始终坚持以人民为中心，各项事业取得了长足进步，群众获得感显著增强。` },
  ])('gives no entries for $name', ({ text }) => {
    expect(findAppendix(text)).toBe(-1);
    expect(importAppendixText(text).entries).toEqual([]);
  });

  it('reads no term out of numbered notes run together on one line (a table cell\'s lines)', () => {
    // 1、…。 is a sentence, and what follows its full stop is the next note, not a definition.
    const notes = '注：1、坐标系统为本市独立坐标系统。　　　　2、L为弧长，R为半径；单位均为米。　　　　3、红线是指口岸区边界。';
    expect(importAppendixText(`| 14\n| 12168.54\n| 104473.58\n${notes}\n|\n扫一扫在手机打开当前页`).entries).toEqual([]);
    expect(importAppendixText(`正文。\n${notes}`).entries).toEqual([]);
    expect(findAppendix(`正文。\n${notes}`)).toBe(-1);
    // A head a full stop ends still reads when its definition opens with a figure, not the next point.
    expect(pairs('名词解释\n1.三清行动。2.5万亩河道、2处垃圾点清理完毕。\n2.两通工程。2条公路通车。')).toEqual([
      ['三清行动', '2.5万亩河道、2处垃圾点清理完毕。'],
      ['两通工程', '2条公路通车。'],
    ]);
  });
});

describe('items that explain several terms', () => {
  it.each([
    {
      name: 'quoted terms, 指 clauses split by ；',
      line: '1.“两新”“两重”：两新指新基建、新城镇；两重指重大工程、重点项目。',
      expected: [['两新', '两新指新基建、新城镇'], ['两重', '两重指重大工程、重点项目。']],
    },
    {
      name: 'terms joined with 、, 为 clauses',
      line: '1.“四旁”、“五边”：四旁为村旁、路旁、水旁、宅旁；五边为山边、水边、路边、村边、田边。',
      expected: [['四旁', '四旁为村旁、路旁、水旁、宅旁'], ['五边', '五边为山边、水边、路边、村边、田边。']],
    },
    {
      name: 'four quoted terms, each clause quoting its term',
      line: '1.“一网办”“一窗办”“一次办”“跨域办”：“一网办”指网上办理；“一窗办”指一个窗口受理；“一次办”指最多跑一次；“跨域办”指异地可办。',
      expected: [
        ['一网办', '“一网办”指网上办理'],
        ['一窗办', '“一窗办”指一个窗口受理'],
        ['一次办', '“一次办”指最多跑一次'],
        ['跨域办', '“跨域办”指异地可办。'],
      ],
    },
    {
      name: 'quoted clauses after a comma',
      line: '1.“危改”“三改”：“危改”即危房改造，“三改”即改厨、改厕、改圈。',
      expected: [['危改', '“危改”即危房改造，'], ['三改', '“三改”即改厨、改厕、改圈。']],
    },
    {
      name: 'an unquoted head listing two terms',
      line: '1.两房两棚、两供两治：两房两棚是指公租房和棚户区改造；两供两治是指供水供气和治污治堵。',
      expected: [['两房两棚', '两房两棚是指公租房和棚户区改造'], ['两供两治', '两供两治是指供水供气和治污治堵。']],
    },
    {
      name: 'terms listed before a space, each explained as a numbered point (not entries run together)',
      line: '1.一湖四环、一湖四片 （1）一湖四环：环湖公路、环湖截污。（2）一湖四片：以滇池为中心建设四城。',
      expected: [['一湖四环', '一湖四环：环湖公路、环湖截污。'], ['一湖四片', '一湖四片：以滇池为中心建设四城。']],
    },
    {
      name: 'one term explained in numbered points: its points stay in its definition',
      line: '1.两环五射 （1）两环：外环线和内环线。（2）五射：五条射线。',
      expected: [['两环五射', '（1）两环：外环线和内环线。（2）五射：五条射线。']],
    },
    {
      name: 'listed kinds of one thing, each part naming it in full',
      line: '1.创投、平行、担保基金：创投基金，专门对初创期企业投资；平行基金，就是在海外和国内分别募集的基金；担保基金，指担保机构共同筹集的资金。',
      expected: [['创投基金', '创投基金，专门对初创期企业投资'], ['平行基金', '平行基金，就是在海外和国内分别募集的基金'], ['担保基金', '担保基金，指担保机构共同筹集的资金。']],
    },
    {
      name: 'a definition that does not take the terms in turn keeps the whole text',
      line: '1.“六稳”“六保”：稳就业、稳金融等六个方面；保居民就业等六个方面。',
      expected: [['六稳', '稳就业、稳金融等六个方面；保居民就业等六个方面。'], ['六保', '稳就业、稳金融等六个方面；保居民就业等六个方面。']],
    },
    {
      name: 'an unquoted head running two terms together, each clause quoting one',
      line: '1.两稳两保：“两稳”指稳岗位、稳物价；“两保”指保民生、保运转。',
      expected: [['两稳', '“两稳”指稳岗位、稳物价'], ['两保', '“两保”指保民生、保运转。']],
    },
    {
      name: 'a run-together head whose clauses name other terms stays whole',
      line: '1.两稳两保：“两稳”指稳岗位、稳物价；“三保”指保民生、保工资、保运转。',
      expected: [['两稳两保', '“两稳”指稳岗位、稳物价；“三保”指保民生、保工资、保运转。']],
    },
    {
      name: 'a run-together head of single characters stays one term (they would match everywhere)',
      line: '1.放管服：“放”即简化审批；“管”即加强监管；“服”即优化服务。',
      expected: [['放管服', '“放”即简化审批；“管”即加强监管；“服”即优化服务。']],
    },
    {
      name: 'terms named only as a list inside the definition keep the whole text',
      line: '1.“三乱”“两违”：“三乱”、“两违”均指违法违规行为。',
      expected: [['三乱', '“三乱”、“两违”均指违法违规行为。'], ['两违', '“三乱”、“两违”均指违法违规行为。']],
    },
  ])('$name', ({ line, expected }) => {
    const result = importAppendixText(`${BODY}名词解释\n${line}`);
    expect(result.entries.map((entry) => [entry.term, entry.definition])).toEqual(expected);
    const ids = result.entries.map((entry) => entry.id);
    for (const entry of result.entries) expect(entry.related ?? []).toEqual(ids.filter((id) => id !== entry.id));
  });

  it.each([
    { terms: ['甲'], definition: '甲指一。' },
    { terms: ['甲', '乙'], definition: '前言。甲指一；乙指二。' },
    { terms: ['甲', '乙'], definition: '乙指二；甲指一。' },
  ])('splitDefinition gives undefined for $terms / $definition', ({ terms, definition }) => {
    expect(splitDefinition(terms, definition)).toBeUndefined();
  });
});
