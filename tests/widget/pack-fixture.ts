// A small compiled glossary pack written for the widget tests (three official terms, one editorial,
// one with hostile text), in the shape `policy-glossary build` produces.
import type { GlossaryPack, PackEntry } from '../../src/core/types';

const entry = (fields: Omit<PackEntry, 'doc' | 'status'> & Partial<Pick<PackEntry, 'doc' | 'status'>>): PackEntry => ({
  doc: 0,
  status: 'official',
  ...fields,
});

/** Definition of 六稳 as the tests expect to read it in a tooltip or panel. */
export const LIU_WEN_DEFINITION = '稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。';

/** Text of a hostile entry's definition: must show as text, never become markup. */
export const HOSTILE_DEFINITION = '<img src=x onerror="window.__pwned=1">定义</script>{{x}}';

/** The fixture pack (hash is not meaningful: parsePack checks shape, not content). */
export function fixturePack(): GlossaryPack {
  return {
    schemaVersion: 1,
    hash: '0'.repeat(64),
    documents: [
      { title: '测试工作报告', issuer: '测试镇人民政府', date: '2020-08-18', kind: 'footnotes' },
      { title: '编辑部补充词条', kind: 'editorial' },
    ],
    entries: [
      entry({
        id: 'liu-wen',
        term: '六稳',
        aliases: ['“六稳”'],
        items: ['稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期'],
        definition: LIU_WEN_DEFINITION,
        source: { footnote: 1 },
        related: ['liu-bao'],
        tags: ['经济'],
        forms: ['六稳', '“六稳”'],
        keys: ['liuwen', 'lw'],
      }),
      entry({
        id: 'liu-bao',
        term: '六保',
        items: ['保居民就业', '保基本民生', '保市场主体', '保粮食能源安全', '保产业链供应链稳定', '保基层运转'],
        definition: '保居民就业、保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转。',
        source: { footnote: 2 },
        tags: ['经济'],
        forms: ['六保'],
        keys: ['liubao', 'lb'],
      }),
      entry({
        id: 'san-zhong-yi-da',
        term: '三重一大',
        items: ['重大事项决策', '重要干部任免', '重大项目安排', '大额资金使用'],
        definition: '重大事项决策、重要干部任免、重大项目安排和大额资金使用。',
        source: { footnote: 16 },
        tags: ['党建'],
        forms: ['三重一大'],
        keys: ['sanzhongyida', 'szyd'],
      }),
      entry({
        id: 'hostile',
        term: '测试词',
        definition: HOSTILE_DEFINITION,
        tags: ['测试'],
        forms: ['测试词'],
        keys: ['ceshici', 'csc'],
        doc: 1,
        status: 'editorial',
      }),
    ],
    variants: { 穩: '稳' },
  };
}
