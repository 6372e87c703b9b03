// The whole seed report through its own glossary (the seed footnotes and the editorial entries, not
// the national collection): every body occurrence of its 19 footnoted terms, located from the
// report's own [footnoteRef:N] markers, and a golden file of the full scan. The golden file is written
// by the matcher itself (npm run test:write), so it only catches change; the footnote-mark checks,
// which read the report and not the matcher's output, are the independent truth.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEED_REPORT_PATH, seedParagraphs } from '../../demo/seed-page';
import { loadGlossaryPack } from '../../src/cli/glossary-files';
import { createMatcher } from '../../src/core/matcher';
import type { TextMatch } from '../../src/core/types';

const source = readFileSync(SEED_REPORT_PATH, 'utf8');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pack = await loadGlossaryPack(['glossary/chuansha-2020h1.yaml', 'glossary/editorial.yaml'], ROOT);
const matcher = createMatcher(pack);

// The notes ([N: 、term：definition]) give each footnote's term as the body writes it; removing
// notes and markers gives the body, and each marker's position in it ends a written occurrence.
const notes = new Map([...source.matchAll(/\[(\d+): 、([^：]+)：/g)].map((match) => [Number(match[1]), match[2] ?? '']));
const withoutNotes = source.replace(/\[\d+: [^\]]*\]/g, '').replace(/\[bookmark: [^\]]*\]/g, '');
const markers: Array<{ footnote: number; at: number }> = [];
let body = '';
let last = 0;
for (const marker of withoutNotes.matchAll(/\[footnoteRef:(\d+)\]/g)) {
  body += withoutNotes.slice(last, marker.index);
  markers.push({ footnote: Number(marker[1]), at: body.length });
  last = (marker.index ?? 0) + marker[0].length;
}
body += withoutNotes.slice(last);

function occurrencesOf(term: string): number[] {
  const found: number[] = [];
  for (let at = body.indexOf(term); at !== -1; at = body.indexOf(term, at + term.length)) found.push(at);
  return found;
}

describe('the seed report through the bundled glossary', () => {
  const matches = matcher.scan(body);

  it('has 19 footnotes, each marker right after its term as the note writes it', () => {
    expect(notes.size).toBe(19);
    expect(markers).toHaveLength(19);
    for (const { footnote, at } of markers) {
      const term = notes.get(footnote) ?? '';
      expect(body.slice(0, at).replace(/”$/, '').endsWith(term.replace(/”$/, '')), `${term} before marker ${footnote}`).toBe(true);
    }
  });

  it.each([...Array(19).keys()].map((index) => index + 1))('footnote %i: every body occurrence is found as its entry', (footnote) => {
    const term = notes.get(footnote) ?? '';
    const entry = pack.entries.find((candidate) => candidate.source?.footnote === footnote);
    expect(entry, `an entry with source.footnote ${footnote}`).toBeDefined();
    const occurrences = occurrencesOf(term);
    expect(occurrences.length).toBeGreaterThanOrEqual(1);
    for (const at of occurrences) {
      // Quotes stay outside a bare term (“六稳” → 六稳), so compare the quote-trimmed occurrence.
      const inner = term.replace(/^[“「]/, '').replace(/[”」]$/, '');
      const start = at + term.indexOf(inner);
      const match = matches.find((candidate) => candidate.start <= start && candidate.end >= start + inner.length);
      expect(match, `${term} at ${at}`).toMatchObject({ kind: 'term', entryId: entry?.id });
      // The span is the term, a glossary form of it (“家门口”服务站), or the term with its quotes and a glued suffix.
      const bare = (text: string): string => text.replace(/[“”「」]/g, '');
      const isForm = entry?.forms.some((form) => bare(form) === bare(match?.text ?? '')) ?? false;
      expect(isForm || (match?.text.length ?? 0) - inner.length <= 4, `${match?.text} is ${term} or a form of it`).toBe(true);
    }
  });

  it.each(['六灶', '三所配套学校', '6大类14项', '10大类23项', '十九届二中、三中、四中全会', '四届区委八次全会', '第七次全国人口普查', '三年行动计划', '1-7月', '95535人次'])(
    'flags nothing in %s',
    (negative) => {
      const occurrences = occurrencesOf(negative);
      expect(occurrences.length).toBeGreaterThanOrEqual(1);
      for (const at of occurrences) {
        const touching = matches.filter((match) => match.start < at + negative.length && at < match.end);
        expect(touching).toEqual([]);
      }
    },
  );
});

describe('golden: tests/core/golden/seed-scan.json (regenerate with npm run test:write)', () => {
  it('matches the scan of the seed page body', () => {
    const golden = JSON.parse(readFileSync(new URL('./golden/seed-scan.json', import.meta.url), 'utf8')) as { matches: TextMatch[] };
    expect(matcher.scan(seedParagraphs().join('\n'))).toEqual(golden.matches);
  });
});
