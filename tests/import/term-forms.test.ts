import { describe, expect, it } from 'vitest';
import { readTermForms } from '../../src/import/term-forms';

describe('readTermForms', () => {
  it.each([
    { head: '六稳', forms: [{ term: '六稳', aliases: [] }] },
    { head: '“四送”', forms: [{ term: '四送', aliases: [] }] },
    { head: '**“四送”：**', forms: [{ term: '四送', aliases: [] }] },
    { head: '“两会一评”制度', forms: [{ term: '两会一评', aliases: ['“两会一评”制度'] }] },
    { head: '“三清”行动', forms: [{ term: '三清行动', aliases: ['“三清”行动'] }] },
    { head: '社区“五员”', forms: [{ term: '社区五员', aliases: ['社区“五员”'] }] },
    { head: '惠企“12”条', forms: [{ term: '惠企12条', aliases: ['惠企“12”条'] }] },
    { head: '“两清”“两建”', forms: [{ term: '两清', aliases: [] }, { term: '两建', aliases: [] }] },
    { head: '“口袋公园”和“街角广场”', forms: [{ term: '口袋公园', aliases: [] }, { term: '街角广场', aliases: [] }] },
    { head: '“清河道、建绿道”“通村道、亮村道”', forms: [{ term: '清河道、建绿道', aliases: [] }, { term: '通村道、亮村道', aliases: [] }] },
    { head: '“双评”、“双创”活动', forms: [{ term: '双评、双创活动', aliases: ['“双评”、“双创”活动'] }] },
    { head: '“一核三治，共建共享”', forms: [{ term: '一核三治，共建共享', aliases: [] }] },
    { head: '区域全面经济伙伴关系协定（RCEP）', forms: [{ term: '区域全面经济伙伴关系协定（RCEP）', aliases: ['区域全面经济伙伴关系协定', 'RCEP'] }] },
    { head: '“合格境外有限合伙人”(QFLP)', forms: [{ term: '合格境外有限合伙人(QFLP)', aliases: ['“合格境外有限合伙人”(QFLP)', '合格境外有限合伙人', 'QFLP'] }] },
    { head: 'PPP（政府和社会资本合作）', forms: [{ term: 'PPP（政府和社会资本合作）', aliases: ['PPP', '政府和社会资本合作'] }] },
    { head: '保税物流中心（B型）', forms: [{ term: '保税物流中心（B型）', aliases: [] }] },
    { head: '河（湖）长制', forms: [{ term: '河（湖）长制', aliases: [] }] },
    // A quoted name with its expansion in brackets: the name is the term, the head a form of it.
    { head: '“两新”（大规模设备更新和消费品以旧换新）', forms: [{ term: '两新', aliases: ['两新（大规模设备更新和消费品以旧换新）'] }] },
    { head: '“两通”工程（通路、通车）', forms: [{ term: '两通工程（通路、通车）', aliases: ['“两通”工程（通路、通车）'] }] },
    // An English gloss after the term is its `en`, no part of the term; an abbreviation stays a form.
    { head: '“三清”行动（Three Clean Campaign）', forms: [{ term: '三清行动', aliases: ['“三清”行动'], en: 'Three Clean Campaign' }] },
    { head: '城市大脑 (City Brain)', forms: [{ term: '城市大脑', aliases: [], en: 'City Brain' }] },
    { head: '金融科技（Fintech）', forms: [{ term: '金融科技', aliases: [], en: 'Fintech' }] },
    // A short name the report gives the term is a form of it; one character is none.
    { head: '城市更新行动（简称“更新行动”）', forms: [{ term: '城市更新行动', aliases: ['更新行动'] }] },
    { head: '“粤港澳”大湾区（以下简称大湾区）', forms: [{ term: '粤港澳大湾区', aliases: ['“粤港澳”大湾区', '大湾区'] }] },
    { head: '四送（简称“送”）', forms: [{ term: '四送', aliases: [] }] },
    { head: '不动产投资信托基金（REITs）', forms: [{ term: '不动产投资信托基金（REITs）', aliases: ['不动产投资信托基金', 'REITs'] }] },
  ])('$head', ({ head, forms }) => {
    expect(readTermForms(head)).toEqual(forms);
  });
});
