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

/**
 * True for a file: URL whose path ends in .pdf: a PDF from this computer in the browser's own viewer
 * (Chromium shows file:///…/报告.pdf in a tab). The viewer does not read it by its address (see
 * `pdfUrlFromSearch`): the reader chooses the file, by its name (`localViewerUrl`).
 */
export function isLocalPdfUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' && /\.pdf$/i.test(decodePath(parsed.pathname));
  } catch {
    return false;
  }
}

/** Query parameter naming the local file the reader is asked to choose (a name, never read). */
const LOCAL_PARAM = 'local';

/**
 * The viewer's URL for choosing a PDF on this computer, under the extension's `origin`; `name` (a
 * file's name, 报告.pdf) names the file to choose; `handoff`, the key of that file's bytes when the
 * viewer before has them (a PDF chosen while it showed another, handoff.ts).
 */
export function localViewerUrl(origin: string, name?: string, handoff?: string): string {
  const page = `${origin.replace(/\/$/, '')}${VIEWER_PATH}`;
  if (!name) return page;
  const named = `${page}?${LOCAL_PARAM}=${encodeURIComponent(name)}`;
  return handoff ? `${named}&${HANDOFF_PARAM}=${encodeURIComponent(handoff)}` : named;
}

/** Query parameter with the key of a file handed to this viewer page by the one before (handoff.ts). */
const HANDOFF_PARAM = 'handoff';

/** The key of the file the viewer before this one handed over (a key, never an address), if any. */
export function handoffFromSearch(search: string): string | undefined {
  const key = new URLSearchParams(search).get(HANDOFF_PARAM)?.trim();
  return key && /^[\w-]{1,64}$/.test(key) ? key : undefined;
}

/** The name of the local file the viewer's query string asks the reader to choose, if any. */
export function localPdfName(search: string): string | undefined {
  const name = new URLSearchParams(search).get(LOCAL_PARAM)?.trim();
  return name ? name.slice(0, 200) : undefined;
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
 * the PDF's own host (www.pudong.gov.cn), never the viewer's extension page, and none for a file
 * chosen on this computer (`pdfUrl` undefined); its file name as the title (the viewer's tab title
 * adds the product's name); the start of its first page, where a report names its government
 * (上海市浦东新区人民政府).
 */
export function pdfClues(pdfUrl: string | undefined, firstPageText: string, name = pdfFileName(pdfUrl ?? '')): { host: string; title: string; footerText: string } {
  let host = '';
  try {
    host = pdfUrl ? new URL(pdfUrl).hostname : '';
  } catch {
    // An address the viewer could not open has no place; the text may still name one.
  }
  return { host, title: name, footerText: firstPageText.slice(0, FIRST_PAGE_CHARS) };
}
