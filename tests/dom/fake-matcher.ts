// A stand-in for the core matcher in DOM tests: plain substring search over a few terms, plus
// "unknown slogans" for any 三X一Y pattern, with the same TextMatch interface and a call log.
import type { TextMatch } from '../../src/core/types';

/** A matcher that finds `terms` (id = `id-<term>`) and logs every string it is asked to scan. */
export function createFakeMatcher(terms: readonly string[], slogans = /三[^\s，。、]一[^\s，。、]/g) {
  const calls: string[] = [];
  return {
    calls,
    scan(text: string): TextMatch[] {
      calls.push(text);
      const found: TextMatch[] = [];
      for (const term of terms) {
        for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
          found.push({ start: at, end: at + term.length, text: term, kind: 'term', entryId: `id-${term}`, term });
        }
      }
      for (const m of text.matchAll(slogans)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        if (!found.some((f) => f.start < end && start < f.end)) {
          found.push({ start, end, text: m[0], kind: 'unknown-slogan' });
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}
