// The compiled pack, after a trip through JSON (as storage.local keeps it), finds exactly what the
// matcher built from the glossary finds: on hand-written rows and on random glossaries and texts.
import { describe, expect, it } from 'vitest';
import { compilePack, isCompiledPack, loadCompiledMatcher, sameMatcherInput, type CompiledPack } from '../../src/core/compiled-pack';
import { createFuzzyResolver } from '../../src/core/fuzzy';
import { createBaseMatcher, type MatcherGlossary } from '../../src/core/matcher-base';
import type { TextMatch } from '../../src/core/types';
import { seededRandom } from '../support/random';

const glossary: MatcherGlossary & { hash: string } = {
  hash: 'h1',
  variants: { 穩: '稳' },
  entries: [
    { id: 'liu-wen', term: '六稳', forms: ['六稳', '“六稳”'] },
    { id: 'liu-bao', term: '六保', forms: ['六保'] },
    { id: 'compound', term: '六稳六保', forms: ['六稳六保', '“六稳”“六保”'] },
    { id: 'san-hui', term: '三会一代理', forms: ['三会一代理', '“三会一代理”制度'] },
    { id: 'san-xiang', term: '三项', forms: ['“三项”工作'] },
    { id: 'fifteen', term: '15分钟服务圈', forms: ['十五分钟服务圈'] },
    { id: 'san-wen', term: '三问三登记', forms: ['三问三登记'] },
    // Claims a form another entry has first: never reported for it.
    { id: 'late', term: '六保', forms: ['六保'] },
  ],
};

const roundTrip = (compiled: CompiledPack): CompiledPack => JSON.parse(JSON.stringify(compiled)) as CompiledPack;
const shown = (matches: TextMatch[]) => matches.map((m) => `${m.start}-${m.end}:${m.text}:${m.kind}:${m.entryId ?? ''}`);

describe('compilePack / loadCompiledMatcher', () => {
  const compiled = roundTrip(compilePack(glossary));
  const plain = createBaseMatcher(glossary, { fuzzy: createFuzzyResolver });
  const loaded = loadCompiledMatcher(compiled, { fuzzy: createFuzzyResolver });

  it.each([
    // [name, text, entry ids expected in order]
    ['a term', '做好“六稳”工作', ['liu-wen']],
    ['a traditional variant', '做好六穩工作', ['liu-wen']],
    ['two quoted terms stay two', '“六稳”和“六保”', ['liu-wen', 'liu-bao']],
    ['a compound whose own form joins quotes stays one', '“六稳”“六保”', ['compound']],
    ['a glued suffix', '落实“三会一代理”制度', ['san-hui']],
    ['an alias suffix', '抓好“三项”工作', ['san-xiang']],
    ['numerals fold', '建设十五分钟服务圈', ['fifteen']],
    ['a near miss resolves', '落实“三问三登计”', ['san-wen']],
    ['the first entry keeps a shared form', '完成六保任务', ['liu-bao']],
    // Negative rows: nothing of ours.
    ['inside a longer number', '115分钟服务圈', []],
    ['plain text', '今年以来经济稳步恢复', []],
    ['empty', '', []],
  ])('%s', (_name, text, ids) => {
    const found = loaded.scan(text);
    expect(found.flatMap((m) => (m.entryId ? [m.entryId] : []))).toEqual(ids);
    expect(shown(found)).toEqual(shown(plain.scan(text)));
  });

  it('keeps the hash and entry count, and is recognised after JSON', () => {
    expect(compiled.hash).toBe('h1');
    expect(compiled.entries).toBe(glossary.entries.length);
    expect(isCompiledPack(compiled)).toBe(true);
    expect(isCompiledPack({ ...compiled, version: 0 })).toBe(false);
    expect(isCompiledPack(null)).toBe(false);
    expect(isCompiledPack(glossary)).toBe(false);
    // A version-1 value (table and base64 arrays, no data string) is compiled again.
    expect(isCompiledPack({ version: 1, hash: 'h1', entries: 8, table: {}, automaton: {} })).toBe(false);
  });

  it('is the same JSON for the same glossary (the build\'s file is reproducible), and keeps its hash when copied', () => {
    expect(JSON.stringify(compilePack(glossary))).toBe(JSON.stringify(compiled));
    // The extension stores the build's compiled matcher under the merged pack's hash.
    const text = '落实“三问三登计”，做好六穩和“六保”，抓好“三项”工作';
    expect(shown(loadCompiledMatcher({ ...compiled, hash: 'merged' }, { fuzzy: createFuzzyResolver }).scan(text))).toEqual(shown(plain.scan(text)));
  });

  /** The compiled pack with its binary data changed by `edit`. */
  const withData = (edit: (bytes: Uint8Array) => Uint8Array): CompiledPack => {
    const bytes = Uint8Array.from(atob(compiled.data), (c) => c.charCodeAt(0));
    const edited = edit(bytes);
    return { ...compiled, data: btoa(String.fromCharCode(...edited)) };
  };
  it.each([
    ['empty', withData(() => new Uint8Array(0)), /not a compiled glossary matcher/],
    ['JSON text', withData(() => new TextEncoder().encode('{"version":2}')), /not a compiled glossary matcher/],
    ['of another version', withData((b) => { new DataView(b.buffer).setUint32(4, 99, true); return b; }), /version 99/],
    ['cut short', withData((b) => b.subarray(0, 400)), /truncated/],
  ])('rejects data that is %s', (_name, pack, message) => {
    expect(() => loadCompiledMatcher(pack)).toThrow(message);
  });

  it.each([
    ['the same entries and variants', glossary, true],
    ['copies of the entries', { ...glossary, entries: glossary.entries.map((e) => ({ ...e, forms: [...e.forms] })) }, true],
    ['an entry fewer', { ...glossary, entries: glossary.entries.slice(1) }, false],
    ['entries in another order', { ...glossary, entries: [...glossary.entries].reverse() }, false],
    ['a form more', { ...glossary, entries: glossary.entries.map((e, i) => (i === 0 ? { ...e, forms: [...e.forms, '六个稳'] } : e)) }, false],
    ['another term', { ...glossary, entries: glossary.entries.map((e, i) => (i === 1 ? { ...e, term: '六个保' } : e)) }, false],
    ['another variant', { ...glossary, variants: { 穩: '隐' } }, false],
    ['a definition that makes a term a layout part', { ...glossary, entries: glossary.entries.map((e, i) => (i === 0 ? { ...e, definition: `“${e.term}”即稳就业。` } : e)) }, false],
    ['another definition that does not (negative)', { ...glossary, entries: glossary.entries.map((e, i) => (i === 0 ? { ...e, definition: '稳就业、稳金融。' } : e)) }, true],
    ['no variants', { ...glossary, variants: undefined }, false],
  ])('sameMatcherInput: %s → %s', (_name, other, same) => {
    expect(sameMatcherInput(glossary, other)).toBe(same);
  });

  it('finds what the plain matcher finds on random glossaries and texts', () => {
    const random = seededRandom(17);
    // Few characters, so forms overlap, share prefixes and meet quotes, numerals and Latin words.
    const chars = '六稳保三会一代理五大十2０aB“”「」制度工作 \n穩';
    const pick = (length: number) => Array.from({ length }, () => chars[Math.floor(random() * chars.length)]).join('');
    let matched = 0;
    for (let round = 0; round < 30; round++) {
      const entries = Array.from({ length: 1 + Math.floor(random() * 30) }, (_, i) => {
        const term = pick(1 + Math.floor(random() * 5));
        return { id: `e${i}`, term, forms: random() < 0.5 ? [term, pick(2 + Math.floor(random() * 4))] : [term] };
      });
      const source = { hash: `r${round}`, variants: { 穩: '稳' }, entries };
      const unknown = random() < 0.5;
      const plainMatcher = createBaseMatcher(source, { slogans: unknown, fuzzy: createFuzzyResolver });
      const compiledMatcher = loadCompiledMatcher(roundTrip(compilePack(source)), { slogans: unknown, fuzzy: createFuzzyResolver });
      for (let t = 0; t < 10; t++) {
        const text = pick(Math.floor(random() * 80));
        matched += plainMatcher.scan(text).length;
        expect(shown(compiledMatcher.scan(text)), `round ${round}: ${JSON.stringify(text)}`).toEqual(shown(plainMatcher.scan(text)));
      }
    }
    // The inputs do meet the glossaries: the comparison is not of empty lists.
    expect(matched).toBeGreaterThan(100);
  }, 60_000);
});
