// Where the viewer gets its glossary and its page's senses: kept in one place so that a change in
// how the extension stores its data (the merged pack in storage.local today) touches only this file.
import type { SenseChoice } from '../core/sense-choice';
import type { GlossaryPack, PackEntry } from '../core/types';
import { getMergedPack } from '../extension/merged-pack';
import type { PageSenses } from '../extension/page-senses';
import { askBackground } from '../extension/respond';
import { findEntry } from '../ui/entry-card';
import type { PageClues } from '../ui/page-clues';

/** The merged glossary, the same one content scripts use; null before the background built it. */
export async function loadViewerPack(): Promise<GlossaryPack | null> {
  return (await getMergedPack()) ?? (await askBackground<GlossaryPack | null>({ type: 'pg:get-pack' }).catch(() => null));
}

/**
 * Which definition of a term this document shows, from the background's place rules (as on web
 * pages: the PDF's host, title and opening text are its clues). Until it answers, a term several
 * sources define shows as other places' usage, never one of them as this document's meaning.
 */
export function createSenseChooser(pack: GlossaryPack, clues: () => PageClues, onAnswer: () => void) {
  const asked = new Set<string>();
  const choices: PageSenses = {};
  let byTerm: Map<string, PackEntry[]> | undefined;
  return {
    ask(entryIds: readonly string[]): void {
      const fresh = [...new Set(entryIds)].filter((id) => !asked.has(id));
      if (fresh.length === 0) return;
      fresh.forEach((id) => asked.add(id));
      askBackground<PageSenses>({ type: 'pg:page-senses', clues: clues(), entryIds: fresh }).then(
        (answer) => {
          Object.assign(choices, answer);
          onAnswer();
        },
        () => fresh.forEach((id) => asked.delete(id)),
      );
    },
    choose(entryId: string): SenseChoice | undefined {
      const ids = choices[entryId];
      if (ids) {
        const others = ids.others.map((id) => findEntry(pack, id)).filter((entry): entry is PackEntry => entry !== undefined);
        return { shown: findEntry(pack, ids.shown), kind: ids.kind, others };
      }
      if (!byTerm) {
        byTerm = new Map();
        for (const entry of pack.entries) {
          const list = byTerm.get(entry.term);
          if (list) list.push(entry);
          else byTerm.set(entry.term, [entry]);
        }
      }
      const same = byTerm.get(findEntry(pack, entryId)?.term ?? '') ?? [];
      return same.length > 1 ? { kind: 'elsewhere', others: same } : undefined;
    },
  };
}
