// Options shared by every importer.

/** Options for the importers. */
export interface ImportOptions {
  /** Ids other glossary files already use; imported entries get different ones. */
  reservedIds?: Iterable<string>;
}
