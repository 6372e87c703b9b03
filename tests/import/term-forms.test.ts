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
  ])('$head', ({ head, forms }) => {
    expect(readTermForms(head)).toEqual(forms);
  });
});
