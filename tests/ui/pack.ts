// A small compiled pack written for the UI tests (and the UI's real-browser check): two official
// enumerations, a 名词解释 entry, an editorial one, a hostile one and a very long one.
import type { GlossaryPack, PackEntry } from '../../src/core/types';

const entry = (fields: Omit<PackEntry, 'doc' | 'status' | 'forms' | 'keys'> & Partial<PackEntry>): PackEntry => ({
  doc: 0,
  status: 'official',
  forms: [fields.term, ...(fields.aliases ?? [])],
  keys: [],
  ...fields,
});

/** RIGHT-TO-LEFT OVERRIDE: text after it shows reversed unless it is isolated. */
export const RLO = '\u202e';

/** Markup that must only ever appear as text. */
export const HOSTILE = '<img src=x onerror=alert(1)>';

/** A definition of 10,000 characters: the tooltip must scroll, not grow off the screen. */
export const LONG_DEFINITION = '这是一段很长的释义，用来检查提示框能否滚动。'.repeat(455).slice(0, 10_000);

/** The UI test pack. */
export function uiPack(): GlossaryPack {
  return {
    schemaVersion: 1,
    hash: 'f'.repeat(64),
    documents: [
      { title: '某镇上半年政府工作情况报告', issuer: '某镇人民政府', date: '2020-08-18', kind: 'footnotes' },
      { title: '某区名词解释汇编', date: '2021-03', kind: '名词解释' },
      { title: '编者补充', kind: 'editorial' },
      { title: `${RLO}倒序标题`, date: '2020-01-02', kind: 'footnotes' },
    ],
    entries: [
      entry({
        id: 'liu-wen',
        term: '六稳',
        en: 'six stabilities',
        items: ['稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期'],
        definition: '做好稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期工作。',
        source: { footnote: 1 },
        related: ['liu-bao', 'no-such-entry'],
        tags: ['经济'],
        keys: ['liuwen', 'lw'],
      }),
      entry({
        id: 'liu-bao',
        term: '六保',
        items: ['保居民就业', '保基本民生', '保市场主体', '保粮食能源安全', '保产业链供应链稳定', '保基层运转'],
        definition: '保居民就业、保基本民生、保市场主体等六个方面。',
        source: { footnote: 2 },
        related: ['liu-wen'],
        tags: ['经济'],
        keys: ['liubao', 'lb'],
      }),
      entry({
        id: 'wu-da-bei-zeng',
        doc: 1,
        term: '五大倍增行动',
        definition: '围绕五个领域开展的倍增行动。',
        source: { appendix: 7 },
        tags: ['发展'],
        keys: ['wudabeizengxingdong', 'wdbzxd'],
      }),
      entry({
        id: 'san-hui',
        doc: 2,
        status: 'editorial',
        term: '三会一代理',
        aliases: ['“三会一代理”制度'],
        definition: '编者的概括说明。',
        note: '各地表述不完全相同。',
        keys: ['sanhuiyidaili', 'shydl'],
      }),
      entry({
        id: 'hostile',
        doc: 3,
        source: { footnote: 9 },
        note: `${RLO}注释`,
        term: `坏词${HOSTILE}`,
        definition: `定义${HOSTILE}</script>{{x}}`,
        items: [HOSTILE],
        tags: [HOSTILE],
        keys: [],
      }),
      entry({
        id: 'chang-ci',
        term: '长篇释义',
        definition: LONG_DEFINITION,
        source: { footnote: 19 },
        tags: ['测试'],
        keys: ['changpianshiyi'],
      }),
    ],
    variants: {},
  };
}

