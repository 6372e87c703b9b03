// The options page's line for each glossary source: origin, version or date, what it holds.
import { describe, expect, it } from 'vitest';
import { describePack, dayOf } from '../../src/extension/pack-origin';
import { packStats } from '../../src/extension/pack-stats';
import type { PackRecord } from '../../src/extension/store';
import { extensionStrings } from '../../src/extension/strings';

const zh = extensionStrings('zh-CN');
const en = extensionStrings('en');

describe('packStats', () => {
  it.each([
    ['no documents', [], { documents: 0, places: 0 }],
    [
      'places counted once, the newest year from a year or a date',
      [
        { title: 'a', kind: 'footnotes', region: { code: '510100', name: '成都市', level: 'city' }, year: 2021 },
        { title: 'b', kind: 'footnotes', region: { code: '510100', name: '成都市', level: 'city' }, date: '2023-01-15' },
        { title: 'c', kind: 'editorial' },
        { title: 'd', kind: '名词解释', region: { code: '000000', name: '中央', level: 'central' }, year: 2019 },
      ],
      { documents: 4, places: 2, latestYear: 2023 },
    ],
  ] as const)('%s', (_name, documents, expected) => {
    expect(packStats({ documents: documents as never })).toEqual(expected);
  });
});

describe('describePack', () => {
  const base: PackRecord = { id: 'bundled', kind: 'bundled', name: 'glossary.json', enabled: true, entries: 7071, hash: 'h', updatedAt: Date.UTC(2026, 0, 2, 12) };
  const stats = { documents: 249, places: 103, latestYear: 2025 };

  it('the bundled glossary: origin, version, build date, documents and places, newest year, entries', () => {
    const { origin, details } = describePack({ ...base, stats }, zh, { version: '0.1.0', buildDate: '2026-12-04' });
    expect(origin).toBe(zh.bundledFrom);
    expect(details).toEqual(['版本 0.1.0', '构建于 2026-12-04', '收录 249 份文件、103 个地方', '最新文件 2025 年', '7071 条']);
  });

  it('a page’s own notes: the page’s address and the day they were read, in both languages', () => {
    const page = { ...base, id: 'page:https://www.xiangtan.gov.cn/a.html', kind: 'page' as const, name: '2024年湘潭市政府工作报告', url: 'https://www.xiangtan.gov.cn/a.html', entries: 2 };
    const day = dayOf(base.updatedAt);
    expect(describePack({ ...page, stats: { documents: 1, places: 1, latestYear: 2024 } }, zh, { version: '0.1.0' })).toEqual({
      origin: '网页自带的名词解释 · https://www.xiangtan.gov.cn/a.html',
      details: [`读取于 ${day}`, '收录 1 份文件、1 个地方', '最新文件 2024 年', '2 条'],
    });
    expect(describePack(page, en, { version: '0.1.0' })).toEqual({ origin: 'Explained on the page itself · https://www.xiangtan.gov.cn/a.html', details: [`read ${day}`, '2 entries'] });
  });

  it('an imported file: its name and the day it was imported', () => {
    const { origin, details } = describePack({ ...base, id: 'file:a.yaml', kind: 'file', name: 'a.yaml', entries: 1, stats: { documents: 1, places: 0 } }, en, { version: '0.1.0' });
    expect(origin).toBe('Imported file · a.yaml');
    expect(details).toEqual([`imported ${dayOf(base.updatedAt)}`, '1 entry']);
  });

  it('a subscription: its address and when its content last changed', () => {
    const { origin, details } = describePack({ ...base, id: 'url:x', kind: 'url', name: 'x', url: 'https://a.gov.cn/g.json', entries: 2 }, zh, { version: '0.1.0' });
    expect(origin).toBe('订阅 · https://a.gov.cn/g.json');
    expect(details).toEqual([`内容更新于 ${dayOf(base.updatedAt)}`, '2 条']);
  });

  it('a record saved before counts were kept, and no version known: only what is known', () => {
    expect(describePack(base, zh, { version: '' }).details).toEqual(['7071 条']);
  });
});
