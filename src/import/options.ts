// Options shared by every importer.

/** Options for the importers. */
export interface ImportOptions {
  /** Ids other glossary files already use; imported entries get different ones. */
  reservedIds?: Iterable<string>;
  /**
   * An appendix needs a heading that names it (名词解释, 注释…): a closing run of numbered
   * `term：definition` lines without one is not read as an appendix. For text not known to be a report
   * (a web page as it is browsed, whose closing 1.加强组织领导：… list is no glossary).
   */
  headedOnly?: boolean;
}
