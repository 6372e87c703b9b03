// What a page says about the government it belongs to — host name, title, footer text such as
// 主办单位：XX市人民政府 — read for core's page-place rule by the extension's content script and the
// widget's collection chunk.
import type { PageFacts } from '../core/page-place';
import type { Division } from '../core/places';

/**
 * What a page says about the government it belongs to (the footer text at most FOOTER_CHARS; the
 * 网站标识码 of its `<meta name="SiteIDCode">`, where it has one; the comment just before its
 * `<html>`, where a copy saved to disk names the address it was saved from).
 */
export type PageClues = Required<Pick<PageFacts, 'host' | 'title' | 'footerText'>> & Pick<PageFacts, 'siteCode' | 'saved'>;

/** The page's division first, then its parents, nearest first (empty when unknown). */
export interface PagePlace {
  chain: Division[];
}

/** Enough footer text for the 主办单位/版权所有/ICP lines, little enough to send on every page. */
export const FOOTER_CHARS = 4000;

const FOOTER_SELECTOR = 'footer,[role="contentinfo"],[id*="foot" i],[class*="foot" i],[id*="bottom" i],[class*="bottom" i]';

/**
 * Reads the clues from `doc`: the footer-like elements' text, or when a page has none, the end of
 * its body text (government sites put the issuing office there).
 */
export function pageClues(doc: Document): PageClues {
  const parts: string[] = [];
  let length = 0;
  for (const element of Array.from(doc.querySelectorAll(FOOTER_SELECTOR)).reverse()) {
    if (parts.some((part) => part.includes(element.textContent ?? ''))) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    parts.push(text);
    length += text.length;
    if (length >= FOOTER_CHARS) break;
  }
  const footer = parts.length > 0 ? parts.join(' ') : (doc.body?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(-FOOTER_CHARS);
  // As the standard names it (a site writing it otherwise still shows the code in its footer).
  return {
    // A page without a host (a file): its base address's, which is where a page saved as one file
    // (MHTML) was served, or a <base href> a saved copy kept; else '' (`saved` may tell).
    host: doc.location?.hostname || new URL(doc.baseURI).hostname,
    title: doc.title,
    footerText: footer.slice(0, FOOTER_CHARS),
    siteCode: doc.querySelector<HTMLMetaElement>('meta[name=SiteIDCode]')?.content,
    // The node before <html>: savers write their comment there (after the doctype; the parser keeps
    // no white space there). Null for a doctype; a comment there is a line or two.
    saved: doc.documentElement.previousSibling?.nodeValue,
  };
}
