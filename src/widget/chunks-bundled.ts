// The built widget's lazily loaded parts: ES module files beside the script (policy-glossary-ui.mjs
// and so on), found from the script's own URL, so they load wherever the town hosts the widget and
// under `script-src 'self'`. vite.widget.config.ts puts this module in place of chunks.ts.
import type { ChunkLoader, CollectionChunk, DefinitionsChunk, FuzzyChunk, PanelChunk, ReadingChunk, UIChunk } from './chunks';

// Read while the script runs: document.currentScript is only set then. The IIFE build has no
// import.meta (it compiles to undefined); the ES module build has no current script.
const base: string | undefined = (typeof document === 'undefined' ? undefined : (document.currentScript as HTMLScriptElement | null)?.src) || import.meta.url;

const load = <T>(name: string): Promise<T> => import(/* @vite-ignore */ new URL(`policy-glossary-${name}.mjs`, base).href) as Promise<T>;

/** The chunks of this build. */
export const chunks: ChunkLoader = {
  reading: () => load<typeof ReadingChunk>('reading'),
  ui: () => load<typeof UIChunk>('ui'),
  panel: () => load<typeof PanelChunk>('panel'),
  fuzzy: () => load<typeof FuzzyChunk>('fuzzy'),
  collection: () => load<typeof CollectionChunk>('collection'),
  definitions: () => load<typeof DefinitionsChunk>('definitions'),
};
