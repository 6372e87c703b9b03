import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formToEntry } from '../../src/extension/entry-form';
import { mergeFrameReports, summariseMatches } from '../../src/extension/page-report';
import type { PageReport } from '../../src/extension/messages';
import { slogansToStubYaml } from '../../src/extension/stubs';
import type { GlossaryEntry } from '../../src/core/types';

describe('formToEntry', () => {
  it('turns lines into lists and drops empty fields', () => {
    expect(formToEntry({ term: ' 两网融合 ', aliases: '“两网融合”\n\n', items: '生活垃圾分类网\n再生资源回收网', definition: '  ' }, undefined, [])).toEqual({
      id: 'liang-wang-rong-he',
      term: '两网融合',
      aliases: ['“两网融合”'],
      items: ['生活垃圾分类网', '再生资源回收网'],
      status: 'editorial',
    });
  });

  it('gives a new entry an id no other entry uses', () => {
    expect(formToEntry({ term: '六稳' }, undefined, ['liu-wen']).id).toBe('liu-wen-2');
  });

  it('keeps the fields the form does not show when editing', () => {
    const base: GlossaryEntry = { id: 'x', term: '五违', tags: ['城管'], related: ['y'], source: { page: 3 }, status: 'official' };
    expect(formToEntry({ id: 'x', term: '五违', definition: '新' }, base, ['x'])).toEqual({ ...base, definition: '新' });
  });

  it.each(['', '   '])('refuses an empty term %j', (term) => {
    expect(() => formToEntry({ term }, undefined, [])).toThrow(/术语/);
  });
});

describe('summariseMatches', () => {
  const context = '今年做好六稳工作，提出“两网融合”要求，继续推进六稳，并推进“两网融合”。';
  it('counts terms by entry and slogans by text, with the first context', () => {
    const at = (text: string, from = 0) => context.indexOf(text, from);
    const { terms, slogans } = summariseMatches([
      { start: at('六稳'), end: at('六稳') + 2, text: '六稳', kind: 'term', entryId: 'liu-wen', term: '六稳', context },
      { start: at('两网融合'), end: at('两网融合') + 4, text: '两网融合', kind: 'unknown-slogan', context },
      { start: 0, end: 2, text: '六穏', kind: 'fuzzy', entryId: 'liu-wen', term: '六稳' },
      { start: 0, end: 4, text: '两网融合', kind: 'unknown-slogan' },
    ]);
    expect(terms).toEqual([{ entryId: 'liu-wen', term: '六稳', count: 2 }]);
    expect(slogans).toEqual([{ text: '两网融合', count: 2, context: `${context.slice(0, at('两网融合') + 4 + 20)}…` }]);
  });

  it('lists nothing for a page without matches', () => {
    expect(summariseMatches([])).toEqual({ terms: [], slogans: [] });
  });
});

describe('mergeFrameReports', () => {
  const top: PageReport = {
    url: 'http://www.pudong.gov.cn/',
    active: true,
    scanning: false,
    terms: [{ entryId: 'liu-wen', term: '六稳', count: 2 }],
    slogans: [{ text: '两网融合', count: 1, context: '推进“两网融合”' }],
  };
  const frame = (report: Partial<PageReport>): PageReport => ({ url: 'http://www.chuansha.gov.cn/r.html', active: true, scanning: false, terms: [], slogans: [], ...report });

  it('adds each frame’s counts, and names the frame of what only a frame holds', () => {
    const frames = new Map([
      [5, frame({ terms: [{ entryId: 'san-zhong-yi-da', term: '三重一大', count: 3 }, { entryId: 'liu-wen', term: '六稳', count: 1 }], slogans: [{ text: '两网融合', count: 2, context: 'x' }, { text: '四个一批', count: 1, context: '落实“四个一批”' }] })],
      [9, frame({ terms: [{ entryId: 'san-zhong-yi-da', term: '三重一大', count: 1 }] })],
    ]);
    const merged = mergeFrameReports(top, frames);
    expect(merged.terms).toEqual([
      { entryId: 'liu-wen', term: '六稳', count: 3 },
      { entryId: 'san-zhong-yi-da', term: '三重一大', count: 4, frameId: 5 },
    ]);
    expect(merged.slogans).toEqual([
      { text: '两网融合', count: 3, context: '推进“两网融合”' },
      { text: '四个一批', count: 1, context: '落实“四个一批”', frameId: 5, pageUrl: 'http://www.chuansha.gov.cn/r.html' },
    ]);
    expect(merged.scanning).toBe(false);
    // The inputs are left as they were.
    expect(top.terms[0]?.count).toBe(2);
  });

  it('is still scanning while a frame is, and leaves out frames that are off', () => {
    expect(mergeFrameReports(top, new Map([[3, frame({ scanning: true })]])).scanning).toBe(true);
    expect(mergeFrameReports(top, new Map([[3, frame({ active: false, scanning: true, terms: [{ entryId: 'x', term: 'X', count: 1 }] })]]))).toEqual(top);
  });
});

describe('slogansToStubYaml', () => {
  it('writes unfinished editorial stubs with ids clear of the glossary’s', () => {
    const yaml = slogansToStubYaml([{ text: '两网融合', count: 2, context: '推进“两网融合”' }], 'http://www.pudong.gov.cn/a.html', null);
    const file = parse(yaml);
    expect(file.source).toMatchObject({ kind: 'editorial', url: 'http://www.pudong.gov.cn/a.html' });
    expect(file.entries).toEqual([
      { id: 'liang-wang-rong-he', term: '两网融合', definition: '', note: '出现 2 次，如：推进“两网融合”', status: 'editorial', unfinished: true },
    ]);
  });

  it('takes as its source the page the slogans were found on: a framed report’s, or the top page’s with the frame named', () => {
    const top = 'http://www.pudong.gov.cn/a.html';
    const framed = 'http://www.chuansha.gov.cn/r.html';
    const onlyFramed = parse(slogansToStubYaml([{ text: '四个一批', count: 1, context: '落实“四个一批”', frameId: 5, pageUrl: framed }], top, null));
    expect(onlyFramed.source).toMatchObject({ title: `网页 ${framed}`, url: framed });
    expect(onlyFramed.entries[0].note).toBe('出现 1 次，如：落实“四个一批”');
    const both = parse(
      slogansToStubYaml([{ text: '两网融合', count: 2, context: '推进“两网融合”' }, { text: '四个一批', count: 1, context: '落实“四个一批”', frameId: 5, pageUrl: framed }], top, null),
    );
    expect(both.source).toMatchObject({ title: `网页 ${top}`, url: top });
    expect(both.entries.map((entry: { note: string }) => entry.note)).toEqual(['出现 2 次，如：推进“两网融合”', `出现 1 次（网页 ${framed}），如：落实“四个一批”`]);
  });
});
