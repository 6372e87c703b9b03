// A term never runs across two separately quoted phrases (“六稳”“六保”) unless its own form does,
// nor into a quoted phrase from outside it (企业“上云上平台”: the phrase is the term).
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
      entry('onto-cloud', '企业上云'),
      entry('platform', '上云上平台'),
      entry('plan', '省委1+1+9工作部署'),
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
    // A match that runs into a quoted phrase and ends inside it gives way to what the phrase holds.
    { text: '推动企业“上云上平台”。', expected: [['platform', '上云上平台']] },
    { text: '推动企业「上云上平台」。', expected: [['platform', '上云上平台']] },
    { text: '推动企业“上云上平台', expected: [['platform', '上云上平台']] },
    // Where the phrase closes inside the match or right after it, the match stands.
    { text: '推动企业“上云”。', expected: [['onto-cloud', '企业“上云”']] },
    { text: '推动企业上云上平台。', expected: [['onto-cloud', '企业上云']] },
    { text: '落实省委“1+1+9”工作部署。', expected: [['plan', '省委“1+1+9”工作部署']] },
    // Quotes that open and close alike are left alone.
    { text: '推动企业"上云上平台"。', expected: [['onto-cloud', '企业"上云']] },
  ])('$text', ({ text, expected }) => {
    expect(terms(text)).toEqual(expected);
  });
});
