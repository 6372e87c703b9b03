// The page-place rescan shared by the content script and the PDF viewer: once the background's
// sense choices say a term is only other places' usage while a term quoted inside it is not, one
// more annotation pass narrows it (core/match-context.ts preferPlaceMeaning via readForPage).
import { quotedInnerTerms } from '../core/match-context';
import type { TextMatch } from '../core/types';
import type { EntryRequests } from './entry-requests';
import type { PageSenses } from './page-senses';

/** What the rescan needs of an annotation session (src/dom/annotator.ts Annotator has it). */
export interface RescanSession {
  /** The glossary the session reads, for asking the inner terms' entries. */
  hash: string;
  annotator: {
    /** Settles when the first full pass is done. */
    readonly ready: Promise<void>;
    matches(): readonly TextMatch[];
    rescan(): Promise<void>;
  };
}

export interface PlaceRescanOptions {
  /** The current session (undefined when none): a session replaced meanwhile is left alone. */
  session: () => RescanSession | undefined;
  /** The matcher's raw scan for the current session (before readForPage), undefined when none. */
  raw: () => ((text: string) => TextMatch[]) | undefined;
  /** Where the page's choices are kept and more are asked for. */
  entries: Pick<EntryRequests, 'ask' | 'isElsewhere'>;
  /** Called after each narrowing rescan (the viewer lists the document's terms again). */
  onRescanned?: () => void;
}

/** An opening quote mark: only a match that holds one may narrow to the quoted term. */
const HAS_QUOTE = /[“‘「『]/u;

/**
 * Returns what to call with each answer of the background (`createEntryRequests`' onAnswer). A
 * pass drawn before the sense choices came may hold a term that turns out to be only other places'
 * usage with a quoted term inside it (“六稳”工作): the quoted terms' choices are asked for, and once
 * they are known one more pass narrows it. Only matches with quotes inside can change, so most
 * answers rescan nothing.
 */
export function createPlaceRescan(options: PlaceRescanOptions): (senses: PageSenses) => void {
  const { entries } = options;
  let rescanQueued = false;
  let recheck: PageSenses | undefined;
  const rescanForPlace = (senses: PageSenses): void => {
    const current = options.session();
    if (!current) return;
    // Checked once the session's first pass is done: an answer that comes while it runs may find
    // only part of the page in `matches()`, yet the blocks already read were read without it.
    void current.annotator.ready.then(() => {
      const raw = options.raw();
      if (options.session() !== current || !raw) return;
      // One rescan at a time; an answer that comes during it is checked again after it.
      if (rescanQueued) {
        recheck = { ...recheck, ...senses };
        return;
      }
      let narrowable = false;
      for (const m of current.annotator.matches()) {
        if (m.entryId === undefined || !HAS_QUOTE.test(m.text) || entries.isElsewhere(m.entryId) !== true) continue;
        const inner = quotedInnerTerms(m, raw).map((t) => t.entryId!);
        const unknown = inner.filter((id) => entries.isElsewhere(id) === undefined);
        if (unknown.length > 0) entries.ask(current.hash, unknown);
        if (senses[m.entryId] !== undefined || inner.some((id) => senses[id] !== undefined)) narrowable ||= inner.some((id) => entries.isElsewhere(id) === false);
      }
      if (!narrowable) return;
      rescanQueued = true;
      void current.annotator
        .rescan()
        .then(() => {
          if (options.session() === current) options.onRescanned?.();
        })
        .finally(() => {
          rescanQueued = false;
          const again = recheck;
          recheck = undefined;
          if (again) rescanForPlace(again);
        });
    });
  };
  return rescanForPlace;
}
