// The entries a page (content script or PDF viewer) has asked the background for, and what came
// back, for one glossary: asked in batches after each annotation pass (pg:page-entries), kept as the
// small pack the tooltip UI reads, with each entry's sense choice for the page's place.
import type { SenseChoice } from '../core/sense-choice';
import type { SloganUsage } from '../core/slogan-usage';
import type { GlossaryPack, PackEntry, SourceDocument } from '../core/types';
import type { PageClues } from '../ui/page-clues';
import type { PageEntries, SloganAnswer } from './entries';
import { ENTRY_BATCH } from './messages';
import type { PageSenses } from './page-senses';
import { askBackground } from './respond';

/** What one glossary's entries look like to a page: the ones asked for and those that came back. */
interface KnownEntries {
  hash: string;
  asked: Set<string>;
  entries: Map<string, PackEntry>;
  documents: SourceDocument[];
  choices: PageSenses;
  /** Unknown slogans asked about, and the answers that came (entries.ts sloganAnswer). */
  slogans: Map<string, SloganAnswer | undefined>;
  /** The entries known so far as a pack for the UI; made again after each answer. */
  pack?: GlossaryPack;
}

export interface EntryRequests {
  /** Asks for the entries not asked yet (of the glossary `hash`), in batches. */
  ask(hash: string, entryIds: readonly string[]): void;
  /** The entries known so far, as a pack for the tooltip UI. */
  pack(): GlossaryPack;
  /** The sense of `entryId` this page shows, once the background said it. */
  choose(hash: string, entryId: string): SenseChoice | undefined;
  /** Whether `entryId` is only other places' usage on this page; undefined until the background answers. */
  isElsewhere(entryId: string): boolean | undefined;
  /** What the whole glossary knows about an unknown slogan: asked once, undefined until it comes. */
  slogan(hash: string, text: string): SloganUsage<PackEntry> | undefined;
}

const noEntries = (hash: string): KnownEntries => ({ hash, asked: new Set(), entries: new Map(), documents: [], choices: {}, slogans: new Map() });

/**
 * Definitions on demand: by the time the pointer rests on a term its entry is usually here; until it
 * is, the tooltip says it is loading, and `onAnswer` lets it show the answer when it comes.
 */
export function createEntryRequests(clues: () => PageClues, onAnswer: (senses: PageSenses) => void): EntryRequests {
  let known = noEntries('');
  return {
    ask(hash, entryIds) {
      if (known.hash !== hash) known = noEntries(hash);
      const current = known;
      const missing = [...new Set(entryIds)].filter((id) => !current.asked.has(id));
      for (let at = 0; at < missing.length; at += ENTRY_BATCH) {
        const batch = missing.slice(at, at + ENTRY_BATCH);
        for (const id of batch) current.asked.add(id);
        const forget = (): void => batch.forEach((id) => current.asked.delete(id));
        askBackground<PageEntries>({ type: 'pg:page-entries', clues: clues(), entryIds: batch }).then((answer) => {
          // An answer for another glossary (the background saw a change first) is asked again later.
          if (answer.hash !== current.hash) return forget();
          for (const entry of answer.entries) current.entries.set(entry.id, entry);
          for (const [index, doc] of Object.entries(answer.documents)) current.documents[Number(index)] = doc;
          Object.assign(current.choices, answer.senses);
          current.pack = undefined;
          if (known === current) onAnswer(answer.senses);
        }, forget);
      }
    },
    pack() {
      return (known.pack ??= { schemaVersion: 1, hash: known.hash, documents: known.documents, entries: [...known.entries.values()], variants: {} });
    },
    choose(hash, entryId) {
      if (known.hash !== hash) return undefined;
      const ids = known.choices[entryId];
      if (!ids) return undefined;
      const others = ids.others.map((id) => known.entries.get(id)).filter((entry): entry is PackEntry => entry !== undefined);
      return { shown: ids.shown === undefined ? undefined : known.entries.get(ids.shown), kind: ids.kind, others };
    },
    slogan(hash, text) {
      if (known.hash !== hash) known = noEntries(hash);
      const current = known;
      if (!current.slogans.has(text)) {
        current.slogans.set(text, undefined);
        askBackground<SloganAnswer>({ type: 'pg:slogan-usage', text }).then(
          (answer) => {
            if (answer.hash !== current.hash) return void current.slogans.delete(text);
            for (const entry of answer.entries) current.entries.set(entry.id, entry);
            for (const [index, doc] of Object.entries(answer.documents)) current.documents[Number(index)] = doc;
            current.slogans.set(text, answer);
            current.pack = undefined;
            if (known === current) onAnswer({});
          },
          () => current.slogans.delete(text),
        );
      }
      const answer = current.slogans.get(text);
      if (!answer) return undefined;
      const entries = (ids: string[]): PackEntry[] => ids.flatMap((id) => current.entries.get(id) ?? []);
      return { close: entries(answer.close), otherNumbers: entries(answer.otherNumbers), usedIn: entries(answer.usedIn), usedInCount: answer.usedInCount };
    },
    isElsewhere(entryId) {
      const choice = known.choices[entryId];
      return choice === undefined ? undefined : choice.kind === 'elsewhere';
    },
  };
}
