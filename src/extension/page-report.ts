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
 * (`frameId`), where the popup shows it. Still scanning while any of them is.
 */
export function mergeFrameReports(top: PageReport, frames: ReadonlyMap<number, PageReport>): PageReport {
  const own = [...frames].filter(([, report]) => report.active);
  if (own.length === 0) return top;
  const terms = new Map<string, PageTerm>(top.terms.map((term) => [term.entryId, { ...term }]));
  const slogans = new Map<string, PageSlogan>(top.slogans.map((slogan) => [slogan.text, { ...slogan }]));
  for (const [frameId, report] of own) {
    for (const term of report.terms) {
      const known = terms.get(term.entryId);
      if (known) known.count += term.count;
      else terms.set(term.entryId, { ...term, frameId });
    }
    for (const slogan of report.slogans) {
      const known = slogans.get(slogan.text);
      if (known) known.count += slogan.count;
      else slogans.set(slogan.text, { ...slogan, frameId });
    }
  }
  return { ...top, scanning: top.scanning || own.some(([, report]) => report.scanning), terms: [...terms.values()], slogans: [...slogans.values()] };
}
