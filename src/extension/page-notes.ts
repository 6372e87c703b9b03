// The background's side of a page's own explanations: a government page that republishes a report
// with its 名词解释 appendix or its footnotes explains its terms in its own words. The page-notes
// content script sends the page's markup when its text looks like it has such notes; the report
// importer (src/import, the same as `policy-glossary import` and the options page's report import)
// reads them, and they are kept as a pack of their own (kind 'page', listed and removable on the
// options page) whose document is the page: on that page its entries are shown first
// (page-senses.ts), and other pages of the same government get them by the place rules.
import type { GlossaryEntry, SourceDocument } from '../core/types';
import { htmlToText, importHtml } from '../import/html';
import type { PageClues } from '../ui/page-clues';
import { documentPack, withHash } from './merge';
import { REPORT_HEAD_CHARS } from '../import/report-place';
import { placeOfPageReport } from './place-lookup';
import { loadSettings, pageKey } from './settings';
import { pageIsOn } from './sites';
import { listPacks, savePack } from './store';

/** What the page-notes content script sends: the page body's markup, its title and its place clues. */
export interface PageNotesRequest {
  type: 'pg:page-notes';
  html: string;
  title: string;
  clues: PageClues;
  /**
   * The address of the page whose script reads this frame's text, when the notes come from a
   * same-origin iframe (src/extension/frames.ts readingWindow): its terms are explained on that page.
   */
  pageUrl?: string;
}

/** What came of a page's notes: how many entries it explains, and whether its pack changed. */
export interface PageNotesOutcome {
  entries: number;
  saved: boolean;
}

/** Pages whose notes are kept; the least recently changed go first. */
export const MAX_PAGE_PACKS = 40;
/** Larger pages are not read (a report with its appendix is well under 2 MB of markup). */
export const MAX_PAGE_HTML = 8_000_000;

/** The pack id of a page's notes. */
export const pagePackId = (url: string): string => `page:${pageKey(url)}`;

/** A short stable hash of `text` (FNV-1a, 32 bits, hex): keeps one page's entry ids apart from another's. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The entries with ids of this page's own (`page-<hash>-<n>`): an imported id such as
 * `san-qing-xing-dong` could be another pack's, which the merge would then replace.
 */
function withPageIds(entries: readonly GlossaryEntry[], page: string): GlossaryEntry[] {
  const prefix = `page-${shortHash(page)}-`;
  const ids = new Map(entries.map((entry, index) => [entry.id, `${prefix}${index + 1}`]));
  return entries.map((entry) => {
    const related = entry.related?.flatMap((id) => ids.get(id) ?? []);
    const { related: _related, ...rest } = entry;
    return { ...rest, id: ids.get(entry.id)!, ...(related && related.length > 0 ? { related } : {}) };
  });
}

/**
 * The address a page's notes are kept under: the sender's, or the page it names (`claimed`, the
 * page a same-origin iframe's text is read on) when that page has the sender's origin (a frame
 * of the same origin can script its parent anyway); never another origin's page.
 */
export function notesPageUrl(claimed: string | undefined, sender: string | undefined): string | undefined {
  if (claimed === undefined || sender === undefined) return sender;
  try {
    return new URL(claimed).origin === new URL(sender).origin ? claimed : sender;
  } catch {
    return sender;
  }
}

/** Pages are read one after another: a restored session opens many at once, and each save rewrites the pack list. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Reads the notes of the page at `url` (the sender's address or its same-origin page, notesPageUrl) and keeps
 * them as that page's pack; nothing on a site the extension is off on, on a hidden page, or when the
 * page explains nothing (a pack an earlier visit kept stays). The pack is written only when it
 * changed, so a page read again costs one import and no rebuild. Calls run one at a time.
 */
export function learnPageNotes(request: PageNotesRequest, url: string | undefined, now = Date.now()): Promise<PageNotesOutcome> {
  return inTurn(() => learn(request, url, now));
}

/** Runs `task` after every one queued before it (pages and PDFs alike): each save rewrites the pack list. */
function inTurn<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

async function learn(request: PageNotesRequest, url: string | undefined, now: number): Promise<PageNotesOutcome> {
  const none: PageNotesOutcome = { entries: 0, saved: false };
  if (!url || request.html.length > MAX_PAGE_HTML) return none;
  const settings = await loadSettings();
  if (!pageIsOn(settings, url)) return none;
  // A page is not known to be a report: its notes need a heading or footnote marks.
  const result = importHtml(request.html, { headedOnly: true });
  const head = htmlToText(request.html.slice(0, REPORT_HEAD_CHARS * 4)).slice(0, REPORT_HEAD_CHARS);
  return keepNotes({ url, source: result.source, entries: result.entries, head, clues: request.clues, pageTitle: request.title, shown: url }, now);
}

/** What the PDF viewer sends: the notes it read in the PDF it shows (pdf-import.ts), and its clues. */
export interface PdfNotesRequest {
  type: 'pg:pdf-notes';
  source: Partial<SourceDocument>;
  entries: GlossaryEntry[];
  /** The start of the PDF's text, where a report names its government (我代表…人民政府, its dateline). */
  head: string;
  clues: PageClues;
  /** The PDF's address, or the name of a file chosen on this computer: what the options page lists. */
  shown: string;
}

/**
 * Keeps the notes the viewer read in a PDF as the pack of the viewer's page at `url` (the sender's
 * address, which names the PDF: viewer.html?file=… or ?local=…), so that the viewer shows them
 * first, as a page's own; only from the extension's own viewer page. Calls run one at a time.
 */
export function learnPdfNotes(request: PdfNotesRequest, url: string | undefined, viewerPage: string, now = Date.now()): Promise<PageNotesOutcome> {
  const none: PageNotesOutcome = { entries: 0, saved: false };
  if (!url || !url.startsWith(viewerPage) || request.entries.length === 0) return Promise.resolve(none);
  const { source, entries, clues, shown } = request;
  return inTurn(() => keepNotes({ url, source, entries, head: request.head.slice(0, REPORT_HEAD_CHARS), clues, pageTitle: clues.title, shown }, now));
}

/** A report's notes read on the page at `url`, and what places them (see keepNotes). */
interface ReadNotes {
  url: string;
  source: Partial<SourceDocument>;
  entries: readonly GlossaryEntry[];
  /** The start of the report's text (REPORT_HEAD_CHARS at most). */
  head: string;
  clues: PageClues;
  /** The page's own title, where the report gives none. */
  pageTitle: string;
  /** The address the options page lists the pack by. */
  shown: string;
}

/**
 * Keeps a report's notes read on the page at `url` as that page's pack, its document the page:
 * placed by the report's own words, else the page's clues. The pack is written only when it changed.
 */
async function keepNotes({ url, source, entries: imported, head, clues, pageTitle, shown }: ReadNotes, now: number): Promise<PageNotesOutcome> {
  if (imported.length === 0) return { entries: 0, saved: false };
  const page = pageKey(url);
  const entries = withPageIds(imported, page);
  const division = await placeOfPageReport(source, head, clues);
  const title = source.title ?? (pageTitle.trim() || page);
  // The report's year as its title gives it (2024年湘潭市政府工作报告), where it states no date.
  const year = source.year ?? (source.date ? undefined : Number(/^\s*(\d{4})年/u.exec(title)?.[1]) || undefined);
  const document: SourceDocument = {
    kind: '名词解释',
    ...source,
    title,
    ...(year ? { year } : {}),
    url: page,
    ...(division ? { region: { code: division.code, name: division.name, level: division.level } } : {}),
  };
  const pack = withHash(documentPack(document, entries));
  const id = pagePackId(url);
  const records = await listPacks();
  const previous = records.find((record) => record.id === id);
  if (previous?.hash === pack.hash) return { entries: pack.entries.length, saved: false };
  const pages = records.filter((record) => record.kind === 'page' && record.id !== id).sort((a, b) => b.updatedAt - a.updatedAt);
  const drop = pages.slice(MAX_PAGE_PACKS - 1).map((record) => record.id);
  await savePack({ id, kind: 'page', name: title, url: shown, enabled: previous?.enabled ?? true }, pack, now, drop);
  return { entries: pack.entries.length, saved: true };
}
