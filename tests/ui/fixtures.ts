// A fake annotator over real DOM ranges, so the UI is tested independently of the page layer.
import { vi } from 'vitest';
import type { GlossaryPack, PackEntry } from '../../src/core/types';
import type { PageMatch, UIAnnotator } from '../../src/ui/annotator-contract';

export { HOSTILE, LONG_DEFINITION, RLO, uiPack } from './pack';

/** A fake annotator over given matches (document order); hit testing is set per test. */
export function fakeAnnotator(matches: PageMatch[]) {
  const at = { match: undefined as PageMatch | undefined };
  const annotator = {
    matches: () => matches,
    matchAtPoint: vi.fn((_x: number, _y: number) => at.match),
    matchForNode: vi.fn((node: Node) => matches.find((m) => m.element !== undefined && m.element.contains(node))),
    next: vi.fn((from?: PageMatch) => (from ? matches[matches.indexOf(from) + 1] : matches[0])),
    previous: vi.fn((from?: PageMatch) => (from ? matches[matches.indexOf(from) - 1] : matches[matches.length - 1])),
    setActive: vi.fn((_match: PageMatch | undefined) => undefined),
  } satisfies UIAnnotator;
  return { annotator, at };
}

/**
 * Puts paragraphs on the page and returns a match for every occurrence of each term, optionally
 * wrapped in a focusable <pg-term> the way the page layer's wrap mode does.
 */
export function pageWithMatches(pack: GlossaryPack, html: string, wrap = false): PageMatch[] {
  document.body.innerHTML = html;
  const matches: PageMatch[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const text of texts) {
    const value = text.data;
    const found: Array<{ start: number; end: number; entry?: PackEntry }> = [];
    for (const e of pack.entries) {
      for (let i = value.indexOf(e.term); i >= 0; i = value.indexOf(e.term, i + 1)) found.push({ start: i, end: i + e.term.length, entry: e });
    }
    for (let i = value.indexOf('十大攻坚'); i >= 0; i = value.indexOf('十大攻坚', i + 1)) found.push({ start: i, end: i + 4 });
    found.sort((a, b) => b.start - a.start);
    for (const f of found) {
      const range = document.createRange();
      let element: HTMLElement | undefined;
      if (wrap) {
        const rest = text.splitText(f.start);
        rest.splitText(f.end - f.start);
        element = document.createElement('pg-term');
        element.tabIndex = 0;
        element.setAttribute('role', 'button');
        rest.replaceWith(element);
        element.append(rest);
        range.selectNodeContents(element);
      } else {
        range.setStart(text, f.start);
        range.setEnd(text, f.end);
      }
      matches.push({
        id: 0,
        range,
        element,
        start: f.start,
        end: f.end,
        text: f.entry ? f.entry.term : '十大攻坚',
        kind: f.entry ? 'term' : 'unknown-slogan',
        entryId: f.entry?.id,
        term: f.entry?.term,
      });
    }
  }
  matches.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  matches.forEach((m, i) => (m.id = i + 1));
  return matches;
}
