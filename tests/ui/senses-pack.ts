// A small pack for the many-sources tooltip, written for these tests: 九个一批 defined differently
// by two cities of one province, 六稳 by the central government and by the editors, and the few
// divisions they need. Used by the UI unit tests and the extension and widget end-to-end tests.
import { hashPackContent } from '../../src/core/glossary-hash';
import type { Division } from '../../src/core/places';
import type { GlossaryPack, PackEntry } from '../../src/core/types';

/** Two cities of 湖南省 that define 九个一批, and a third that does not. */
export const DIVISIONS: Division[] = [
  { code: '430000', name: '湖南省', level: 'province' },
  { code: '430100', name: '长沙市', level: 'city', parent: '430000' },
  { code: '430200', name: '株洲市', level: 'city', parent: '430000' },
  { code: '430300', name: '湘潭市', level: 'city', parent: '430000' },
];

export const CHANGSHA_MEANING = '每年谋划一批重大项目、引进一批龙头企业、培育一批创新平台、建设一批产业园区、储备一批专业人才。';
export const ZHUZHOU_MEANING = '集中开工一批、竣工投产一批、签约落地一批、谋划储备一批、争取上报一批项目。';
export const CENTRAL_MEANING = '做好就业、金融、外贸、外资、投资、预期六个方面的稳定工作（测试用表述）。';
export const EDITORIAL_MEANING = '六个方面的稳定工作（编者概括）。';

const entry = (fields: Pick<PackEntry, 'id' | 'term' | 'doc'> & Partial<PackEntry>): PackEntry => ({
  status: 'official',
  forms: [fields.term, ...(fields.aliases ?? [])],
  keys: [],
  ...fields,
});

/** The pack, with a real content hash so the extension's importer accepts it. */
export function sensesPack(): GlossaryPack {
  const content: Omit<GlossaryPack, 'hash'> = {
    schemaVersion: 1,
    documents: [
      {
        title: '2021年长沙市政府工作报告',
        issuer: '长沙市人民政府',
        kind: '名词解释',
        region: { code: '430100', name: '长沙市', level: 'city' },
        year: 2021,
        contact: 'glossary@changsha.example.cn',
      },
      {
        title: '2022年株洲市政府工作报告',
        issuer: '株洲市人民政府',
        date: '2022-01-06',
        kind: 'footnotes',
        region: { code: '430200', name: '株洲市', level: 'city' },
        year: 2022,
        contact: 'https://www.zhuzhou.example.cn/feedback',
      },
      { title: '2023年国务院政府工作报告', kind: '名词解释', region: { code: '000000', name: '中央', level: 'central' }, year: 2023 },
      { title: '编者补充', kind: 'editorial' },
    ],
    entries: [
      entry({ id: 'changsha-2021-jiu-ge-yi-pi', term: '九个一批', aliases: ['“九个一批”'], doc: 0, definition: CHANGSHA_MEANING, source: { appendix: 3 } }),
      entry({ id: 'zhuzhou-2022-jiu-ge-yi-pi', term: '九个一批', aliases: ['“九个一批”'], doc: 1, definition: ZHUZHOU_MEANING, source: { footnote: 16 } }),
      entry({ id: 'central-2023-liu-wen', term: '六稳', doc: 2, definition: CENTRAL_MEANING, source: { appendix: 1 } }),
      entry({ id: 'editorial-liu-wen', term: '六稳', doc: 3, definition: EDITORIAL_MEANING, status: 'editorial' }),
    ],
    variants: {},
  };
  return { ...content, hash: hashPackContent(content) } as GlossaryPack;
}
