// A term never runs across two separately quoted phrases (“六稳”“六保”) unless its own form does.
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/core/matcher';

const entry = (id: string, term: string, ...aliases: string[]) => ({ id, term, forms: [term, ...aliases] });
const matcher = createMatcher(
  {
    entries: [
      entry('compound', '两稳两保'),
      entry('wen', '两稳'),
      entry('bao', '两保'),
      entry('joined', '“粮袋子”“果篮子”行动'),
    ],
  },
  { slogans: false, fuzzy: false },
);
const terms = (text: string) => matcher.scan(text).map((match) => [match.entryId, match.text]);

describe('terms and quoted phrases', () => {
  it.each([
    { text: '做好“两稳”“两保”工作。', expected: [['wen', '两稳'], ['bao', '两保']] },
    { text: '做好“两稳” “两保”工作。', expected: [['wen', '两稳'], ['bao', '两保']] },
    // any space between the phrases: full-width, no-break, a line break
    { text: '做好“两稳”\u3000“两保”工作。', expected: [['wen', '两稳'], ['bao', '两保']] },
    { text: '做好“两稳”\u00a0「两保」工作。', expected: [['wen', '两稳'], ['bao', '两保']] },
    { text: '做好“两稳”\n“两保”工作。', expected: [['wen', '两稳'], ['bao', '两保']] },
    { text: '做好两稳两保工作。', expected: [['compound', '两稳两保']] },
    { text: '做好“两稳两保”工作。', expected: [['compound', '两稳两保']] },
    { text: '开展“粮袋子”“果篮子”行动。', expected: [['joined', '“粮袋子”“果篮子”行动']] },
  ])('$text', ({ text, expected }) => {
    expect(terms(text)).toEqual(expected);
  });
});
