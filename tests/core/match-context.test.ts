import { describe, expect, it } from 'vitest';
import { preferPlaceMeaning, readInContext } from '../../src/core/match-context';
import type { TextMatch } from '../../src/core/types';

/** Term matches for `terms` in `text`, each at its first occurrence (after `from`), as a matcher would give them. */
function termMatches(text: string, terms: readonly string[], canonical?: string, quotedOnly?: true): TextMatch[] {
  let from = 0;
  return terms.map((term) => {
    const start = text.indexOf(term, from);
    if (start < 0) throw new Error(`${term} not in ${text}`);
    from = start + term.length;
    return { start, end: start + term.length, text: term, kind: 'term', entryId: term, term: canonical ?? term, ...(quotedOnly ? { quotedOnly } : {}) };
  });
}

// Sentences invented for these tests.
const rows: { name: string; text: string; terms: string[]; canonical?: string; quotedOnly?: true; kept: string[]; flagged?: string[] }[] = [
  // A single character is a word of every sentence.
  { name: 'one character, outside quotes', text: '各部门简政放权，提高效率。', terms: ['放'], kept: [], flagged: [] },
  { name: 'one character inside a quoted numbered coinage', text: '全市“三新”产业集聚发展。', terms: ['三'], kept: [], flagged: ['三新'] },
  { name: 'two characters stay (negative)', text: '深化放管服改革。', terms: ['放管服'], kept: ['放管服'] },
  // A term of numerals only, found as numerals written otherwise (the matcher reads 15 and 十五 as 一五).
  { name: 'a Chinese-numeral term read in a quantity', text: '全年投资增长15%。', terms: ['15'], canonical: '一五', kept: [], flagged: [] },
  { name: 'a full-width quantity', text: '新建站点３０个。', terms: ['３０'], canonical: '三零', kept: [], flagged: [] },
  { name: 'a digit term read in a run of Chinese numerals', text: '实施“一二三四五”总体战略。', terms: ['一二三四五'], canonical: '12345', kept: [], flagged: ['一二三四五'] },
  { name: 'a digit-string term read in a place-value numeral', text: '市第十五届人大会议召开。', terms: ['十五'], canonical: '一五', kept: [], flagged: [] },
  { name: 'a full-width digit term read in half-width digits (negative)', text: '拨打12345热线。', terms: ['12345'], canonical: '１２３４５', kept: ['12345'] },
  { name: 'the Chinese-numeral term as written (negative)', text: '建设“一五”实验区。', terms: ['一五'], canonical: '一五', kept: ['一五'] },
  { name: 'a digit term as written (negative)', text: '拨打12345热线反映问题。', terms: ['12345'], canonical: '12345', kept: ['12345'] },
  { name: 'a counted slogan in digits with words (negative)', text: '推进“7个一批”项目。', terms: ['7个一批'], canonical: '七个一批', kept: ['7个一批'] },
  // A digit after a decimal point is a section number or a fraction (the matcher skips the space after it).
  { name: 'a sub-section number before a heading', text: '2.2　地方应急机构及其职责', terms: ['2　地'], canonical: '两地', kept: [], flagged: [] },
  { name: 'a third-level section number, full-width point', text: '5．2．1　建立加工网络', terms: ['1　建'], canonical: '一建', kept: [], flagged: [] },
  { name: 'a count after a full stop of the sentence (negative)', text: '完成任务。7个一批项目开工。', terms: ['7个一批'], canonical: '七个一批', kept: ['7个一批'] },
  // The digits of a licence plate are a code, not the hotline nor a count.
  { name: 'a plate with a middle dot, quoted', text: '如“渝·12345消防”表示车辆归属消防部门。', terms: ['12345'], kept: [], flagged: [] },
  { name: 'a plate with a letter', text: '车牌为川A12345的车辆。', terms: ['12345'], kept: [], flagged: [] },
  { name: 'a numbered policy after a province’s one-character name (negative)', text: '新36条政策全面落实。', terms: ['36条'], kept: ['36条'] },
  { name: 'the hotline after a middle dot (negative)', text: '拨打市民热线·12345反映。', terms: ['12345'], kept: ['12345'] },
  { name: 'the hotline after a city name and a middle dot (negative)', text: '欢迎拨打北京·12345热线。', terms: ['12345'], kept: ['12345'] },
  // A numeral right after 第 is an ordinal, never a numbered term.
  { name: 'an ordinal read as a numbered term', text: '加快城市第二水源建设。', terms: ['二水'], canonical: '两水', kept: [], flagged: [] },
  { name: 'an ordinal in digits', text: '考评获全省第4名。', terms: ['4名'], canonical: '四名工程', kept: [], flagged: [] },
  { name: 'a numbered term after another word (negative)', text: '统筹推进两水共治。', terms: ['两水'], kept: ['两水'] },
  // A two-character term written with a Chinese numeral, found as a digit and a character: a count.
  { name: 'a count of people', text: '涌现省级劳模3名。', terms: ['3名'], canonical: '三名', kept: [], flagged: [] },
  { name: 'a count in brackets', text: '规划线路：东区（2线）、西区（3线）。', terms: ['2线'], canonical: '两线', kept: [], flagged: [] },
  { name: 'a full-width count', text: '划定３类空间。', terms: ['３类'], canonical: '三类', kept: [], flagged: [] },
  { name: 'a quoted digit form names the term (negative)', text: '“2纵”即南北两条通道。', terms: ['2纵'], canonical: '两纵', kept: ['2纵'] },
  { name: 'a digit form inside a quoted numbered phrase is flagged with the phrase', text: '加快构建“1环9射2纵”高速路网。', terms: ['2纵'], canonical: '两纵', kept: [], flagged: ['1环9射2纵'] },
  { name: 'a term written with digits itself (negative)', text: '实现4G信号全覆盖。', terms: ['4G'], canonical: '4G', kept: ['4G'] },
  { name: 'the two-character term in Chinese numerals (negative)', text: '实施三名工程，培育名师。', terms: ['三名'], kept: ['三名'] },
  { name: 'a longer term written with a digit (negative)', text: '做强4大支柱产业。', terms: ['4大支柱产业'], canonical: '四大支柱产业', kept: ['4大支柱产业'] },
  { name: 'a term that holds 第 itself (negative)', text: '选派驻村第一书记。', terms: ['第一书记'], kept: ['第一书记'] },
  // A two-character term that begins inside one word and ends inside the next (the runtime's word segmenter).
  { name: 'a term across two words', text: '这些成就是人民群众创造的。', terms: ['众创'], kept: [], flagged: [] },
  { name: 'a term inside one longer word', text: '外贸进出口成倍增长。', terms: ['倍增'], kept: [], flagged: [] },
  { name: 'the term as a word of its own (negative)', text: '新建一批众创空间。', terms: ['众创'], kept: ['众创'] },
  { name: 'the term cut at one end only (negative)', text: '推动外贸倍增计划。', terms: ['倍增'], kept: ['倍增'] },
  { name: 'a term the segmenter reads character by character (negative)', text: '落实三医联动改革。', terms: ['三医'], kept: ['三医'] },
  // A part of a numbered layout (quotedOnly: defined “一心”即…) is a name only in quotes.
  { name: 'a layout part in an idiom', text: '全市上下团结一心、砥砺前行。', terms: ['一心'], quotedOnly: true, kept: [], flagged: [] },
  { name: 'a layout part as a plain word', text: '新增三级医院2家。', terms: ['三级'], quotedOnly: true, kept: [], flagged: [] },
  { name: 'a layout part in an unquoted chain', text: '构建一心两翼三带发展格局。', terms: ['一心'], quotedOnly: true, kept: [], flagged: ['一心两翼'] },
  { name: 'a layout part quoted whole (negative)', text: '提升“一心”能级。', terms: ['一心'], quotedOnly: true, kept: ['一心'] },
  { name: 'a layout part as an item of a quoted list (negative)', text: '加快“一核、一心、两翼”建设。', terms: ['一心'], quotedOnly: true, kept: ['一心'] },
  { name: 'a layout part with its quotes in the match (negative)', text: '推进“三级”规划编制。', terms: ['“三级”'], canonical: '三级', quotedOnly: true, kept: ['“三级”'] },
  { name: 'the same word, a term not so marked (negative)', text: '全市上下团结一心。', terms: ['一心'], kept: ['一心'] },
  // Inside a longer quoted phrase.
  { name: 'part of an item of a quoted list', text: '努力建设“两高地、两基地、一屏障”。', terms: ['两基'], kept: [], flagged: ['两高地、两基地、一屏障'] },
  { name: 'a whole item of a quoted list (negative)', text: '聚焦“一中心、一城、一区”建设。', terms: ['一城'], kept: ['一城'] },
  { name: 'a quoted phrase with a glued generic word (negative)', text: '深化“三医联动改革”，改善服务。', terms: ['三医联动'], kept: ['三医联动'] },
  { name: 'a place-qualified coinage', text: '实施“滨江女性六大行动”，完善服务。', terms: ['六大行动'], kept: [], flagged: ['滨江女性六大行动'] },
  { name: 'a match that spans the quotes (negative)', text: '支持“双一流”建设计划。', terms: ['“双一流”建设'], kept: ['“双一流”建设'] },
  { name: 'the whole quoted phrase (negative)', text: '落实“六稳”工作。', terms: ['六稳'], kept: ['六稳'] },
  // A term that cuts a quoted name (the matcher ignores quotes).
  { name: 'begins inside the quotes, ends outside', text: '推进村道“单改双”提升工程。', terms: ['双”提升'], kept: [], flagged: ['单改双'] },
  { name: 'begins outside the quotes, ends inside', text: '全面完成提升“改双行道”任务。', terms: ['提升“改双'], kept: [], flagged: ['改双行道'] },
  { name: 'the quoted name and a glued word (negative)', text: '实施“双百”工程。', terms: ['双百”工程'], kept: ['双百”工程'] },
  { name: 'a word and the quoted name (negative)', text: '深化宅基地“三权分置”改革。', terms: ['宅基地“三权分置”'], kept: ['宅基地“三权分置”'] },
  // Chains of numbered words.
  { name: 'the tail of a chain', text: '推进农村供水三同五化，保障安全。', terms: ['五化'], kept: [], flagged: ['五化'] },
  { name: 'the head of a chain', text: '村村实现五通五有，群众满意。', terms: ['五通'], kept: [], flagged: ['五通五有'] },
  { name: 'a numeral right before', text: '统筹十三个一批项目。', terms: ['三个一批'], kept: [], flagged: ['三个一批'] },
  { name: 'two terms side by side (negative)', text: '扎实做好六稳六保工作。', terms: ['六稳', '六保'], kept: ['六稳', '六保'] },
  { name: 'two terms joined by a word (negative)', text: '再谈六稳和六保。', terms: ['六稳', '六保'], kept: ['六稳', '六保'] },
  { name: 'a plan code before, not a chain (negative)', text: '十四五时期三大工程全面开工。', terms: ['三大工程'], kept: ['三大工程'] },
  { name: 'ordinary words before (negative)', text: '全面推进三医联动，改善服务。', terms: ['三医联动'], kept: ['三医联动'] },
  { name: 'an unnumbered term is no chain link (negative)', text: '建设无废城市三年行动。', terms: ['无废城市'], kept: ['无废城市'] },
  { name: 'a numeral inside a word before the term, not a chain (negative)', text: '进一步落实三项制度。', terms: ['三项制度'], kept: ['三项制度'] },
  { name: 'a word ending in a numeral before the term, not a chain (negative)', text: '统一实施三项制度。', terms: ['三项制度'], kept: ['三项制度'] },
  { name: 'a point numbered 六是 before the term, not a chain (negative)', text: '六是三大攻坚战成效明显。', terms: ['三大攻坚战'], kept: ['三大攻坚战'] },
  { name: 'a count in digits before the term, not a chain (negative)', text: '新增3家三甲医院。', terms: ['三甲'], kept: ['三甲'] },
  { name: 'a numeral alone, then a word, then the term', text: '打造四中心一枢纽。', terms: ['一枢纽'], kept: [], flagged: ['四中心一枢纽'] },
  { name: 'a word with a numeral before a quoted term, not a chain (negative)', text: '新建项目一律执行“两个先进”审查标准。', terms: ['“两个先进”审查标准'], kept: ['“两个先进”审查标准'] },
  { name: 'a count of items before a quoted term, not a chain (negative)', text: '培育一批“两高四新”企业。', terms: ['“两高四新”企业'], kept: ['“两高四新”企业'] },
  { name: 'a quoted term with a numeral after it, not a chain (negative)', text: '回顾“十三五”时期三年来的变化。', terms: ['“十三五”时期'], kept: ['“十三五”时期'] },
  { name: 'a numeral inside a word after the term, not a chain (negative)', text: '政府部门的一般性支出一律压减。', terms: ['一般性支出'], kept: ['一般性支出'] },
  { name: 'a count in digits after the term, not a chain (negative)', text: '力争完成七通一平1万亩以上。', terms: ['七通一平'], kept: ['七通一平'] },
  // A term found by its stem, named by the text with another programme noun.
  { name: 'stem of a 工程, named 责任', text: '严格落实“五个一”责任，强化调度。', terms: ['五个一'], canonical: '五个一工程', kept: [], flagged: ['五个一'] },
  { name: 'stem of a 工程, named 机制, unquoted', text: '建立三同步机制，压实责任。', terms: ['三同步'], canonical: '三同步工程', kept: [], flagged: ['三同步机制'] },
  { name: 'stem with its own noun (negative)', text: '实施“五个一”工程，繁荣创作。', terms: ['五个一'], canonical: '五个一工程', kept: ['五个一'] },
  { name: 'stem with a noun of the same kind (negative)', text: '开展“三清”行动计划。', terms: ['三清'], canonical: '三清行动', kept: ['三清'] },
  { name: 'stem glued to 建设, said of any programme (negative)', text: '推进“五个一”建设。', terms: ['五个一'], canonical: '五个一工程', kept: ['五个一'] },
  { name: 'stem followed by no programme noun (negative)', text: '落实“五个一”要求。', terms: ['五个一'], canonical: '五个一工程', kept: ['五个一'] },
  { name: 'a term without a suffix, then a programme noun (negative)', text: '落实“六稳”机制。', terms: ['六稳'], kept: ['六稳'] },
  { name: 'another list of the same count, joined by 和', text: '推进十大重点改革和民生实事。', terms: ['十大重点'], canonical: '十大重点工程', kept: [], flagged: ['十大重点改革'] },
  { name: 'a noun of the same kind at the end (negative)', text: '开展河湖“清四乱”行动。', terms: ['清四乱'], canonical: '清四乱专项行动', kept: ['清四乱'] },
  { name: 'a noun that begins a longer word (negative)', text: '对接“双十”战略性产业集群。', terms: ['双十'], canonical: '双十工程', kept: ['双十'] },
  { name: 'an unnumbered stem (negative)', text: '落实“东数西算”战略，加快建设。', terms: ['东数西算'], canonical: '东数西算工程', kept: ['东数西算'] },
];

describe('readInContext', () => {
  it.each(rows)('$name', ({ text, terms, canonical, quotedOnly, kept, flagged }) => {
    const out = readInContext(text, termMatches(text, terms, canonical, quotedOnly));
    expect(out.filter((m) => m.kind === 'term').map((m) => m.text)).toEqual(kept);
    if (flagged) {
      const unknown = out.filter((m) => m.kind === 'unknown-slogan').map((m) => m.text.replace(/[“”]/gu, ''));
      expect(unknown).toEqual(flagged);
    }
    // Still sorted and non-overlapping, with offsets into the text.
    for (const [i, match] of out.entries()) {
      expect(text.slice(match.start, match.end)).toBe(match.text);
      if (i > 0) expect(match.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
    }
  });

  it('passes matches that are not terms through unchanged', () => {
    const text = '落实“五个一”责任和四个意识。';
    const slogan: TextMatch = { start: 3, end: 6, text: '五个一', kind: 'unknown-slogan' };
    const fuzzy: TextMatch = { start: 10, end: 14, text: '四个意识', kind: 'fuzzy', entryId: 'x', term: '四个意思', score: 0.2 };
    expect(readInContext(text, [slogan, fuzzy])).toEqual([slogan, fuzzy]);
  });

  it('does not let a flag run over a neighbouring match', () => {
    const text = '推进“健康滨江数智大脑”建设。';
    const matches: TextMatch[] = [
      { start: 3, end: 7, text: '健康滨江', kind: 'term', entryId: 'a', term: '健康滨江' },
      { start: 7, end: 11, text: '数智大脑', kind: 'term', entryId: 'b', term: '数智大脑' },
    ];
    const out = readInContext(text, matches);
    expect(out.some((m) => m.kind === 'term')).toBe(false);
    for (const [i, match] of out.entries()) if (i > 0) expect(match.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
  });
});

describe('preferPlaceMeaning', () => {
  // An invented glossary: which terms exist, and which have only other places' meaning for this page.
  const terms = ['“六稳”工作', '六稳', '三个一批', '三个一', '双安双创', '双创', '“四早”要求', '四早', '企业“上云', '上云'];
  const elsewhere = new Set(['“六稳”工作', '三个一批', '双安双创', '“四早”要求', '企业“上云', '四早']);
  /** Whole-text matcher of the invented glossary (enough for the quoted names it is asked about). */
  const scan = (text: string): TextMatch[] => (terms.includes(text) ? [{ start: 0, end: text.length, text, kind: 'term', entryId: text, term: text }] : []);
  const at = (text: string, term: string): TextMatch => {
    const start = text.indexOf(term);
    return { start, end: start + term.length, text: term, kind: 'term', entryId: term, term };
  };
  const rows: { name: string; text: string; term: string; expected: string }[] = [
    { name: 'narrowed to the quoted term the page has a meaning for', text: '稳步落实“六稳”工作。', term: '“六稳”工作', expected: '六稳' },
    { name: 'the quoted term is also only elsewhere (negative)', text: '落实“四早”要求。', term: '“四早”要求', expected: '“四早”要求' },
    { name: 'an unquoted fragment is not taken (negative)', text: '统筹三个一批项目。', term: '三个一批', expected: '三个一批' },
    { name: 'a chained fragment is not taken (negative)', text: '开展双安双创活动。', term: '双安双创', expected: '双安双创' },
    { name: 'a quote left open inside the match is not taken (negative)', text: '推动企业“上云”。', term: '企业“上云', expected: '企业“上云' },
    { name: 'a match with the page’s own meaning stays (negative)', text: '做好六稳工作。', term: '六稳', expected: '六稳' },
  ];
  it.each(rows)('$name', ({ text, term, expected }) => {
    const [out] = preferPlaceMeaning([at(text, term)], scan, (id) => elsewhere.has(id));
    expect(out!.text).toBe(expected);
    expect(out!.entryId).toBe(expected);
    expect(text.slice(out!.start, out!.end)).toBe(out!.text);
  });
});
