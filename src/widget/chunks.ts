// The widget's lazily loaded parts. From source (tests, dev) they are plain dynamic imports; the
// widget build swaps this module for chunks-bundled.ts, which loads the built chunk files.
import type * as CollectionChunk from './collection';
import type * as DefinitionsChunk from './definitions-chunk';
import type * as FuzzyChunk from './fuzzy-chunk';
import type * as PanelChunk from './panel-chunk';
import type * as ReadingChunk from './reading-chunk';
import type * as UIChunk from './ui-chunk';

export type { CollectionChunk, DefinitionsChunk, FuzzyChunk, PanelChunk, ReadingChunk, UIChunk };

/** Loads each lazily used part of the widget (each at most once; the module system caches). */
export interface ChunkLoader {
  /** The matcher and the page reading, loaded at init beside the glossary. */
  reading(): Promise<typeof ReadingChunk>;
  /** Tooltip UI: Preact and the tooltip controller. */
  ui(): Promise<typeof UIChunk>;
  /** The <policy-glossary> panel with its search (fuse.js). */
  panel(): Promise<typeof PanelChunk>;
  /** Near-miss resolution for the matcher (core/fuzzy.ts). */
  fuzzy(): Promise<typeof FuzzyChunk>;
  /** The collection's loading, merging and sense choice (data-collection). */
  collection(): Promise<typeof CollectionChunk>;
  /** The whole pack's check (parsePack), for definitions (glossary-source.ts). */
  definitions(): Promise<typeof DefinitionsChunk>;
}

/** The chunks of this build. */
export const chunks: ChunkLoader = {
  reading: () => import('./reading-chunk'),
  ui: () => import('./ui-chunk'),
  panel: () => import('./panel-chunk'),
  fuzzy: () => import('./fuzzy-chunk'),
  collection: () => import('./collection'),
  definitions: () => import('./definitions-chunk'),
};
