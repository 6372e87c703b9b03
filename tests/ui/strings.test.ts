import { describe, expect, it } from 'vitest';
import { createStrings } from '../../src/ui/strings';

describe('createStrings', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh_Hans_CN', 'zh-CN'],
    ['ZH-hk', 'zh-CN'],
    [undefined, 'zh-CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
    ['x-zh', 'en'],
  ])('%s → %s', (locale, lang) => {
    expect(createStrings(locale).lang).toBe(lang);
  });

  it('has every text in both languages, and they differ', () => {
    const zh = createStrings('zh-CN');
    const en = createStrings('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const sample = (value: unknown) => (typeof value === 'function' ? String(value('X')) : String(value));
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
      if (key === 'date') continue;
      expect(sample(zh[key]), key).not.toBe('');
      expect(sample(zh[key]), key).not.toBe(sample(en[key]));
    }
  });

  it.each([
    ['2020-08-18', '2020年8月18日', '2020-08-18'],
    ['2021-03', '2021年3月', '2021-03'],
    ['2019', '2019年', '2019'],
  ])('date %s', (iso, zh, en) => {
    expect(createStrings('zh').date(iso)).toBe(zh);
    expect(createStrings('en').date(iso)).toBe(en);
  });

  it.each([
    ['zh', '脚注 3', '名词解释第 3 条', '来源：'],
    ['en', 'footnote 3', 'glossary appendix no. 3', 'Source: '],
  ])('source labels in %s', (locale, footnote, appendix, label) => {
    const strings = createStrings(locale);
    expect([strings.footnote(3), strings.appendix(3), strings.sourceLabel]).toEqual([footnote, appendix, label]);
  });
});
