// Where the viewer gets its glossary: the compiled matcher the content scripts read (storage.local,
// or the background compiles it), and definitions on demand (pg:page-entries), so a PDF reads its
// terms exactly as a web page does and never loads the 3.4 MB merged pack. Kept in one place so
// that a change in how the extension stores its data touches only this file.
import { loadAutomaton } from '../core/automaton';
import { decodeCompiledPack, type CompiledPack } from '../core/compiled-pack';
import { createFuzzyResolver } from '../core/fuzzy';
import { matcherFromTable, type Matcher } from '../core/matcher-base';
import { getCompiledPack, watchCompiledPack } from '../extension/merged-pack';
import { askBackground } from '../extension/respond';

export { createEntryRequests } from '../extension/entry-requests';

/** The merged glossary's compiled matcher; null before the background built it. */
export async function loadViewerGlossary(): Promise<CompiledPack | null> {
  return (await getCompiledPack()) ?? (await askBackground<CompiledPack | null>({ type: 'pg:get-compiled' }).catch(() => null));
}

/** Calls `listener` when the glossary changes (an import, a subscription, a source group turned off). */
export const watchViewerGlossary = (listener: (pack: CompiledPack | null) => void): (() => void) => watchCompiledPack(listener);

/**
 * The raw matcher pages use (src/extension/content.ts), near misses resolved; the viewer reads its
 * matches as pages do, through core/match-context.ts readForPage with the page's place rule. Loaded
 * as core/compiled-pack.ts loadCompiledMatcher loads it, in steps with `pause()` between them: for
 * the 7,000-entry collection the automaton and the term tables each take tens of milliseconds in a
 * freshly opened page, and together they made a task over 50 ms. Resolves to null when `current()`
 * says the pack was replaced meanwhile.
 */
export async function loadViewerMatcher(pack: CompiledPack, slogans: boolean, pause: () => Promise<void>, current: () => boolean): Promise<Matcher | null> {
  const { table, automaton: data, forms } = decodeCompiledPack(pack);
  await pause();
  if (!current()) return null;
  const automaton = loadAutomaton(data);
  await pause();
  if (!current()) return null;
  return matcherFromTable(table, { slogans, fuzzy: createFuzzyResolver }, automaton, forms);
}
