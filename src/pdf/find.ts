// Find in document: searches each page's text ignoring whitespace and case (PDF text layers put
// spaces and line breaks where the print had none), returning hits as offsets into the page text.

/** One occurrence of the query: page number (1-based) and its span in that page's text. */
export interface FindHit {
  page: number;
  start: number;
  end: number;
}

/** Text without whitespace, lower-cased, and where each of its characters came from. */
interface Folded {
  text: string;
  /** `origin[i]` is the offset in the original text of folded character `i`. */
  origin: number[];
}

const SPACE = /\s/;

function fold(text: string): Folded {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (SPACE.test(ch)) continue;
    out += ch.toLowerCase();
    origin.push(i);
  }
  return { text: out, origin };
}

/** The query as searched: whitespace removed, lower-cased; empty means "no search". */
export function foldQuery(query: string): string {
  return fold(query).text;
}

/** Every occurrence of `query` in one page's `text`, in order; overlapping hits are not counted twice. */
export function findInPage(text: string, query: string, page: number): FindHit[] {
  const needle = foldQuery(query);
  if (!needle) return [];
  const folded = fold(text);
  const hits: FindHit[] = [];
  let from = 0;
  for (;;) {
    const at = folded.text.indexOf(needle, from);
    if (at < 0) break;
    const last = folded.origin[at + needle.length - 1] as number;
    hits.push({ page, start: folded.origin[at] as number, end: last + 1 });
    from = at + needle.length;
  }
  return hits;
}

/** Every occurrence of `query` in the pages' texts (`texts[0]` is page 1), in reading order. */
export function findInDocument(texts: readonly string[], query: string): FindHit[] {
  return texts.flatMap((text, i) => findInPage(text, query, i + 1));
}

/** Index of the first hit at or after `page` (wrapping to the first hit), or -1 with no hits. */
export function firstHitFrom(hits: readonly FindHit[], page: number): number {
  if (hits.length === 0) return -1;
  const at = hits.findIndex((hit) => hit.page >= page);
  return at < 0 ? 0 : at;
}
