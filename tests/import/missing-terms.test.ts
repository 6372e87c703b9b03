import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMatcher } from '../../src/core/matcher';
import type { GlossaryFile } from '../../src/core/types';
import { findMissingTerms, stubEntry } from '../../src/import/missing-terms';

const glossary = parse(readFileSync(new URL('../fixtures/import/mini-glossary.yaml', import.meta.url), 'utf8')) as GlossaryFile;
const matcher = createMatcher({ entries: glossary.entries.map((entry) => ({ id: entry.id, term: entry.term, forms: [entry.term] })) });
const report = readFileSync(new URL('../fixtures/import/missing-report.txt', import.meta.url), 'utf8');

describe('findMissingTerms', () => {
  const missing = findMissingTerms(report, matcher);
  const byTerm = new Map(missing.map((item) => [item.term, item]));

  it.each([
    { term: '两网融合', kind: 'slogan', count: 2 },
    { term: '双千工程', kind: 'slogan', count: 1 },
    // A quoted coinage used twice is found by the slogan detector's coinage rules (core/coinages.ts).
    { term: '清溪小管家', kind: 'slogan', count: 2 },
  ])('reports $term ($kind) ×$count', ({ term, kind, count }) => {
    expect(byTerm.get(term)).toMatchObject({ kind, count });
  });

  it.each([
    { term: '六稳', why: 'a glossary term' },
    { term: '家门口', why: 'a quoted glossary term' },
    { term: '六灶', why: 'a place name' },
    { term: '三所配套学校', why: 'an ordinary counting phrase' },
  ])('does not report $term ($why)', ({ term }) => {
    expect([...byTerm.keys()].some((key) => key.includes(term))).toBe(false);
  });

  it('orders by count and shows the first use in context', () => {
    expect(missing.slice(0, 2).map((item) => item.term).sort()).toEqual(['两网融合', '清溪小管家']);
    expect(byTerm.get('清溪小管家')?.context).toBe('… 在六灶建设三所配套学校，开展“清溪小管家”志愿活动。 继续推进“两网融合…');
  });

  it('makes a stub: editorial, unfinished, no definition, the first use in the note', () => {
    const item = byTerm.get('清溪小管家');
    expect(item).toBeDefined();
    const stub = stubEntry(item!, 'qing-xi-xiao-guan-jia');
    expect(stub).toEqual({
      id: 'qing-xi-xiao-guan-jia',
      term: '清溪小管家',
      note: expect.stringContaining('开展“清溪小管家”志愿活动'),
      status: 'editorial',
      unfinished: true,
    });
  });
});
