// The numeral rules behind the items-count check: which numbers in a term count items.
import { describe, expect, it } from 'vitest';
import { countAnnouncedItems, parseNumeral, toHalfWidthDigits } from '../../src/core/numerals';

describe('parseNumeral', () => {
  it.each([
    ['五', 5], ['十', 10], ['十五', 15], ['二十一', 21], ['一百零八', 108], ['两千', 2000], ['15', 15], ['１５', 15],
    // negatives: codes and juxtaposed numbers are not numerals
    ['十四五', undefined], ['七五', undefined], ['二〇二〇', undefined], ['二百五', undefined], ['三十两', undefined],
    ['', undefined], ['稳', undefined], ['十十', undefined],
  ])('%s → %s', (text, value) => {
    expect(parseNumeral(text)).toBe(value);
  });
});

describe('countAnnouncedItems', () => {
  it.each([
    ['六稳', 6], ['三问三登记', 6], ['三重一大', 4], ['三会一代理', 4], ['四大功能', 4], ['五大倍增行动', 5],
    ['两网融合', 2], ['双随机一公开', 3], ['五位一体', 5], ['稳增长21条', 21], ['十大工程', 10],
    // negatives: no count in these terms
    ['15分钟服务圈', undefined], ['十五分钟服务圈', undefined], ['十四五', undefined], ['七五普法', undefined],
    ['第七次全国人口普查', undefined], ['三年行动计划', undefined], ['十九届二中全会', undefined],
    ['多表合一', undefined], ['家门口', undefined], ['乡村振兴总要求', undefined], ['电动四川行动', undefined],
    // a place name's numeral does not count, the slogan's own numeral still does
    ['四川三大行动', 3],
  ])('%s → %s', (term, count) => {
    expect(countAnnouncedItems(term)).toBe(count);
  });
});

it('toHalfWidthDigits changes only full-width digits', () => {
  expect(toHalfWidthDigits('１５分钟ＡＢ')).toBe('15分钟ＡＢ');
});
