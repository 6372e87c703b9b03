// Summarises the matches on a page for the popup: known terms with counts (document order of
// first occurrence) and unknown slogans with counts and the text around their first occurrence.
import type { TextMatch } from '../core/types';
import type { PageReport, PageSlogan, PageTerm } from './messages';

/** Characters of context shown on each side of an unknown slogan. */
const CONTEXT_CHARS = 20;

/** A match plus the text of the block it was found in, when known. */
export interface ReportMatch extends TextMatch {
  /** Text around the match; `start`/`end` index into it when given. */
  context?: string;
}

/** Counts terms by entry and unknown slogans by text. */
export function summariseMatches(matches: readonly ReportMatch[]): { terms: PageTerm[]; slogans: PageSlogan[] } {
  const terms = new Map<string, PageTerm>();
  const slogans = new Map<string, PageSlogan>();
  for (const match of matches) {
    if (match.kind === 'unknown-slogan') {
      const known = slogans.get(match.text);
      if (known) known.count += 1;
      else slogans.set(match.text, { text: match.text, count: 1, context: contextOf(match) });
    } else if (match.entryId) {
      const known = terms.get(match.entryId);
      if (known) known.count += 1;
      else terms.set(match.entryId, { entryId: match.entryId, term: match.term ?? match.text, count: 1 });
    }
  }
  return { terms: [...terms.values()], slogans: [...slogans.values()] };
}

function contextOf(match: ReportMatch): string {
  if (match.context === undefined) return match.text;
  const from = Math.max(0, match.start - CONTEXT_CHARS);
  const to = Math.min(match.context.length, match.end + CONTEXT_CHARS);
  return `${from > 0 ? '…' : ''}${match.context.slice(from, to).replace(/\s+/g, ' ').trim()}${to < match.context.length ? '…' : ''}`;
}

/**
 * The top page's report with those of its frames that read their own text (a report framed from
 * another government host): counts added up by entry and by slogan, each listed once, in the top
 * page's order and then each frame's; a term or slogan first found in a frame names that frame
 * (`frameId`), where the popup shows it, and a slogan names that frame's page too (`pageUrl`),
 * the document a stub for it comes from. Still scanning while any of them is.
 */
export function mergeFrameReports(top: PageReport, frames: ReadonlyMap<number, PageReport>): PageReport {
  const own = [...frames].filter(([, report]) => report.active);
  if (own.length === 0) return top;
  const terms = countedBy(top.terms, (term) => term.entryId);
  const slogans = countedBy(top.slogans, (slogan) => slogan.text);
  for (const [frameId, report] of own) {
    terms.add(report.terms, { frameId });
    slogans.add(report.slogans, { frameId, pageUrl: report.url });
  }
  return { ...top, scanning: top.scanning || own.some(([, report]) => report.scanning), terms: terms.list(), slogans: slogans.list() };
}

/** Counted items (terms, slogans) by `key`, starting from the top page's: another's count adds to the same key's, a new key takes `where` (its frame). */
function countedBy<T extends { count: number }>(first: readonly T[], key: (item: T) => string) {
  const byKey = new Map<string, T>(first.map((item) => [key(item), { ...item }]));
  return {
    add(items: readonly T[], where: Partial<T>): void {
      for (const item of items) {
        const known = byKey.get(key(item));
        if (known) known.count += item.count;
        else byKey.set(key(item), { ...item, ...where });
      }
    },
    list: (): T[] => [...byKey.values()],
  };
}
