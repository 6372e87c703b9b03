// Text as PDFs encode it, made readable: look-alike CJK characters (Kangxi radicals and the like,
// see core/cjk-lookalikes.ts) replaced by their unified ideographs.
import { unifyCjk } from '../core/cjk-lookalikes';

/** One page's text as the viewer reads it: its text items joined (what its text layer shows). */
export function pageText(items: readonly object[]): string {
  return unifyCjk(items.map((item) => ('str' in item && typeof item.str === 'string' ? item.str : '')).join(''));
}
