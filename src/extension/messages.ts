// Messages between the popup/options pages, the background and the content script.
import type { GlossaryPack, MatchKind } from '../core/types';
import type { PageClues } from '../ui/page-clues';
import type { PageNotesRequest, PdfNotesRequest } from './page-notes';

/** One glossary term found on the page, with how often it occurs. */
export interface PageTerm {
  entryId: string;
  term: string;
  count: number;
  /** The frame of its first occurrence, when not the top page (the popup's merge, page-report.ts). */
  frameId?: number;
}

/** One numbered slogan the glossary does not know, with its count and first context. */
export interface PageSlogan {
  text: string;
  count: number;
  context: string;
  /** As PageTerm's. */
  frameId?: number;
  /** The address of that frame's page (a report framed from another government host), when `frameId` is set. */
  pageUrl?: string;
}

/** What the content script reports about its page. */
export interface PageReport {
  url: string;
  /** False while the extension is off on this page (the script is loaded but idle). */
  active: boolean;
  /** Still scanning: the lists below may grow. */
  scanning: boolean;
  terms: PageTerm[];
  slogans: PageSlogan[];
}

/** Requests the content script answers (sent with tabs.sendMessage). */
export type ContentRequest =
  | { type: 'pg:report' }
  /**
   * Sent to every frame of a tab: each frame that reads its own text (a report framed from another
   * government host, a frameset's <frame>; src/extension/frames.ts) answers with a FrameReport sent
   * to the popup, which learns from the sender which frame it is. The top page answers pg:report.
   */
  | { type: 'pg:report-frames' }
  | { type: 'pg:show-entry'; entryId: string }
  | { type: 'pg:show-slogan'; text: string };

/** Requests the background answers (sent with runtime.sendMessage). */
export type BackgroundRequest =
  | { type: 'pg:get-pack' }
  | { type: 'pg:enable-host'; host: string; tabId?: number }
  | { type: 'pg:sync-hosts' }
  | { type: 'pg:update-subscriptions' }
  | { type: 'pg:open-entry-form'; draft: EntryDraft }
  /** The glossary search (the popup opened as a page) with `text` typed in. */
  | { type: 'pg:open-search'; text: string }
  | { type: 'pg:page-senses'; clues: PageClues; entryIds: string[] }
  /** The entries a page found, with documents, related entries and sense choices (entries.ts). */
  | { type: 'pg:page-entries'; clues: PageClues; entryIds: string[] }
  /** The merged pack's compiled matcher, compiled first if storage lacks it. */
  | { type: 'pg:get-compiled' }
  /** The tooltip's CSS (ui/styles.ts TOOLTIP_STYLES), kept out of the content script. */
  | { type: 'pg:styles' }
  /** What the whole glossary knows about an unknown slogan (entries.ts sloganAnswer). */
  | { type: 'pg:slogan-usage'; text: string }
  /** The page's own 名词解释 or footnotes, to keep as its pack (page-notes.ts). */
  | PageNotesRequest
  /** The notes the PDF viewer read in its PDF, kept as its page's pack (page-notes.ts). */
  | PdfNotesRequest;

/** Most entries one pg:page-entries request may ask for: a page asks in batches, the ones it found first first. */
export const ENTRY_BATCH = 400;

/** A prefilled "add to my glossary" form. */
export interface EntryDraft {
  term: string;
  kind?: MatchKind;
  context?: string;
  pageUrl?: string;
}

/** The background's answer to pg:get-pack. */
export type PackResponse = GlossaryPack | null;

/** A frame's report, sent by its content script to the popup in answer to pg:report-frames. */
export interface FrameReport {
  type: 'pg:frame-report';
  report: PageReport;
}

/** True when `value` is a frame's report. */
export function isFrameReport(value: unknown): value is FrameReport {
  return (value as { type?: unknown } | null)?.type === 'pg:frame-report' && typeof (value as { report?: unknown }).report === 'object';
}

/** True when `value` is one of our content-script requests. */
export function isContentRequest(value: unknown): value is ContentRequest {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'pg:report' || type === 'pg:report-frames' || type === 'pg:show-entry' || type === 'pg:show-slogan';
}

/** True when `value` is one of our background requests. */
export function isBackgroundRequest(value: unknown): value is BackgroundRequest {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof type === 'string' && ['pg:get-pack', 'pg:enable-host', 'pg:sync-hosts', 'pg:update-subscriptions', 'pg:open-entry-form', 'pg:open-search', 'pg:page-senses', 'pg:page-entries', 'pg:get-compiled', 'pg:slogan-usage', 'pg:page-notes', 'pg:pdf-notes', 'pg:styles'].includes(type);
}
