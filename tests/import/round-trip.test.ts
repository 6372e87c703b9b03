// Seed report → import → validate → build: the imported footnote entries must agree with the
// curated seed glossary on term, items and definition.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileGlossaryPack } from '../../src/core/glossary-compile';
import { validateGlossarySources } from '../../src/core/glossary-validate';
import type { GlossaryFile } from '../../src/core/types';
import { importFootnoteText } from '../../src/import/footnote-text';
import { mergeIntoGlossary } from '../../src/import/glossary-merge';

const seed = readFileSync(new URL('../../sources/chuansha-2020h1.txt', import.meta.url), 'utf8');
const curatedText = readFileSync(new URL('../../glossary/chuansha-2020h1.yaml', import.meta.url), 'utf8');

/** Footnote numbers in the seed body, counted here from the raw markers, not by the importer. */
const footnoteNumbers = [...new Set([...seed.matchAll(/\[footnoteRef:(\d+)\]/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);

describe('seed report round trip', () => {
  const imported = importFootnoteText(seed);
  const yamlText = mergeIntoGlossary(undefined, {
    source: { title: '政府上半年工作情况报告', ...imported.source, kind: 'footnotes' },
    entries: imported.entries,
  }).text;
  const check = validateGlossarySources([{ path: 'glossary/imported-seed.yaml', text: yamlText }]);

  it('imports without problems and the written file validates', () => {
    expect(imported.problems).toEqual([]);
    expect(check.problems).toEqual([]);
  });

  it('builds a pack with one entry per footnote of the seed (19)', () => {
    const file = check.files[0]?.file as GlossaryFile;
    const pack = compileGlossaryPack([{ path: 'glossary/imported-seed.yaml', file }]);
    expect(footnoteNumbers).toHaveLength(19);
    expect(pack.entries.map((entry) => entry.source?.footnote)).toEqual(footnoteNumbers);
  });

  it('agrees with the curated seed glossary on term, items and definition of every footnote', () => {
    const curated = validateGlossarySources([{ path: 'glossary/chuansha-2020h1.yaml', text: curatedText }]).files[0]?.file;
    const pick = (entries: GlossaryFile['entries']) =>
      entries
        .filter((entry) => entry.source?.footnote !== undefined)
        .map((entry) => ({ footnote: entry.source?.footnote, term: entry.term, items: entry.items ?? [], definition: entry.definition }));
    const ours = pick(check.files[0]?.file?.entries ?? []);
    expect(ours).toEqual(pick(curated?.entries ?? []));
  });
});
