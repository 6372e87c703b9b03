// What every report importer returns: the document's own details, its entries, and what went wrong.
import type { GlossaryEntry, SourceDocument } from '../core/types';

/** Something the importer could not read as expected; `line` is 1-based in the extracted text. */
export interface ImportProblem {
  severity: 'error' | 'warning';
  message: string;
  line?: number;
}

/** The result of importing one report. */
export interface ImportResult {
  /** Title, issuer, date, url and kind, where the report states them. */
  source: Partial<SourceDocument>;
  entries: GlossaryEntry[];
  problems: ImportProblem[];
  /** The file itself could not be read (damaged, scanned, protected, not what its name says); its error is among the problems. */
  unreadable?: true;
}

/** One explained term as found in a report, before it becomes a glossary entry. */
export interface RawNote {
  /** The explained phrase as the note writes it, e.g. `“三会一代理”制度` or `“六稳”“六保”`. */
  head: string;
  /** The explanation after the colon, verbatim. */
  definition: string;
  /** Footnote or appendix number. */
  number: number;
  /** Forms the body writes at the reference mark (footnotes only). */
  bodyForms?: string[];
  /** 1-based line of the note in the extracted text. */
  line?: number;
}
