// Which URLs are PDFs, and the viewer's address for one: shared by the link control, the popup and
// the viewer itself. Pure functions (no browser API), so they are tested in isolation.

/** Path of the viewer page inside the extension. */
export const VIEWER_PATH = '/viewer.html';

/** Query parameter that carries the PDF's address. */
const FILE_PARAM = 'file';

/**
 * True for an http(s) URL whose path ends in .pdf (any case), the way government sites link their
 * documents (…/P020230118.pdf, …/download.pdf?id=3). Fragments and queries do not matter.
 */
export function isPdfUrl(url: string | undefined, base?: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return /\.pdf$/i.test(decodePath(parsed.pathname));
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The viewer's URL for `pdfUrl`, under the extension's `origin` (e.g. chrome-extension://id). */
export function viewerUrl(origin: string, pdfUrl: string): string {
  return `${origin.replace(/\/$/, '')}${VIEWER_PATH}?${FILE_PARAM}=${encodeURIComponent(pdfUrl)}`;
}

/** The PDF's address from the viewer's query string, or undefined when missing or not http(s). */
export function pdfUrlFromSearch(search: string): string | undefined {
  const file = new URLSearchParams(search).get(FILE_PARAM);
  if (!file) return undefined;
  try {
    const parsed = new URL(file);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A short name for the document: the last path segment, decoded ("报告.pdf"), else the host. */
export function pdfFileName(pdfUrl: string): string {
  try {
    const parsed = new URL(pdfUrl);
    const last = parsed.pathname.split('/').filter(Boolean).pop();
    return last ? decodePath(last) : parsed.hostname;
  } catch {
    return pdfUrl;
  }
}

/** Enough of the first page for the issuing government's name (as ui/page-clues.ts FOOTER_CHARS). */
const FIRST_PAGE_CHARS = 4000;

/**
 * What a PDF says about the government it belongs to, for the page-place rule (core/page-place.ts):
 * the PDF's own host (www.pudong.gov.cn), never the viewer's extension page; its file name as the
 * title (the viewer's tab title adds the product's name); the start of its first page, where a
 * report names its government (上海市浦东新区人民政府).
 */
export function pdfClues(pdfUrl: string, firstPageText: string): { host: string; title: string; footerText: string } {
  let host = '';
  try {
    host = new URL(pdfUrl).hostname;
  } catch {
    // An address the viewer could not open has no place; the text may still name one.
  }
  return { host, title: pdfFileName(pdfUrl), footerText: firstPageText.slice(0, FIRST_PAGE_CHARS) };
}
