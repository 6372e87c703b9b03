// Summarises the matches on a page for the popup: known terms with counts (document order of
// first occurrence) and unknown slogans with counts and the text around their first occurrence.
import type { TextMatch } from '../core/types';
import type { PageSlogan, PageTerm } from './messages';

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
