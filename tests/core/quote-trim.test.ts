// The drawn part of a match never includes quote marks (issue: “三重一大”制度 was underlined from
// its opening quote, “六稳” from its first character).
import { describe, expect, it } from 'vitest';
import { highlightSpan } from '../../src/core/quote-trim';

/** The highlighted text of `match` found in `text`. */
const drawn = (text: string, match: string): string => {
  const start = text.indexOf(match);
  const span = highlightSpan(text, start, start + match.length);
  return text.slice(span.start, span.end);
};

describe('highlightSpan', () => {
  it.each([
    { name: 'a quoted term', text: '做好“六稳”工作', match: '“六稳”', expected: '六稳' },
    { name: 'a quoted term with a suffix outside the quotes', text: '执行“三重一大”制度', match: '“三重一大”制度', expected: '三重一大' },
    { name: 'the same suffix pattern, another term', text: '做好“六稳”工作', match: '“六稳”工作', expected: '六稳' },
    { name: 'corner brackets', text: '落实「六保」任务', match: '「六保」', expected: '六保' },
    { name: 'single quotes', text: '推进‘两个健全’', match: '‘两个健全’', expected: '两个健全' },
    { name: 'ASCII quotes', text: '做好"六稳"工作', match: '"六稳"', expected: '六稳' },
    { name: 'only the closing quote in the match', text: '六稳”工作', match: '六稳”', expected: '六稳' },
    { name: 'mismatched quote styles at the edges', text: '”六稳“', match: '”六稳“', expected: '六稳' },
    { name: 'two quoted phrases joined: the quotes between stay', text: '开展“粮袋子”“果篮子”行动', match: '“粮袋子”“果篮子”行动', expected: '粮袋子”“果篮子”行动' },
    { name: 'plain words ending with a quoted phrase: the quoted words', text: '增强“四个意识”，坚定“四个自信”', match: '增强“四个意识”', expected: '四个意识' },
    { name: 'the same with a noun before the quotes', text: '国际贸易“单一窗口”标准版', match: '国际贸易“单一窗口”', expected: '单一窗口' },
    { name: 'the same, corner brackets', text: '增强「四个意识」', match: '增强「四个意识」', expected: '四个意识' },
    // Negative rows: nothing to trim.
    { name: 'a closing quote with no opening one in the match stays outside', text: '推进六稳”工作', match: '推进六稳”', expected: '推进六稳' },
    { name: 'two quoted phrases after plain words: the quotes between stay', text: '开展新“粮袋子”“果篮子”', match: '新“粮袋子”“果篮子”', expected: '新“粮袋子”“果篮子' },
    { name: 'no quotes', text: '做好六稳工作', match: '六稳', expected: '六稳' },
    { name: 'a quote inside without an opening one stays', text: '三重一大”制度', match: '三重一大”制度', expected: '三重一大”制度' },
    { name: 'quote marks only: unchanged, never empty', text: 'a“”b', match: '“”', expected: '“”' },
    { name: 'book-title marks are not quotes', text: '《决定》', match: '《决定》', expected: '《决定》' },
  ])('$name', ({ text, match, expected }) => {
    expect(drawn(text, match)).toBe(expected);
  });

  it('keeps offsets in the whole text, not the match', () => {
    expect(highlightSpan('前文“六稳”', 2, 6)).toEqual({ start: 3, end: 5 });
  });
});
