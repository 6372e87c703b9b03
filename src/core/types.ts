// The glossary's data model: what a glossary file holds, what `build` compiles into the
// pack that the extension and widget load, and what the matcher returns.

/** Whether an entry comes from a government document or was written by the project. */
export type EntryStatus = 'official' | 'editorial';

/** How the source document explains its terms. */
export type SourceKind = 'footnotes' | '名词解释' | 'editorial';

/** Administrative level of a government; `central` is the State Council and its ministries. */
export type PlaceLevel = 'central' | 'province' | 'city' | 'county' | 'town';

/** The GB/T 2260 code used for the central government (not a division of its own). */
export const CENTRAL_CODE = '000000';

/** The administrative division whose government issued a document. */
export interface SourceRegion {
  /** GB/T 2260 six-digit code (430000 湖南省, 431100 永州市); `CENTRAL_CODE` for central. */
  code: string;
  /** The name as the dataset writes it: 永州市, 黔东南苗族侗族自治州. */
  name: string;
  level: PlaceLevel;
}

/** The `source` block of a glossary file: the document its entries come from. */
export interface SourceDocument {
  title: string;
  issuer?: string;
  /** ISO date (YYYY-MM-DD), or YYYY-MM / YYYY when only that is known. */
  date?: string;
  kind: SourceKind;
  url?: string;
  /** The issuing government's division, so a page of that place is shown this definition first. */
  region?: SourceRegion;
  /** The year of the report (of the congress session it was given at). */
  year?: number;
  /** Where a reader reports a wrong definition: a URL or an e-mail address. */
  contact?: string;
}

/** Where in the file's source document an entry is explained. */
export interface EntrySource {
  footnote?: number;
  appendix?: number;
  page?: number;
}

/** One term as a glossary file stores it. */
export interface GlossaryEntry {
  /** Stable ASCII slug, unique across all glossary files (e.g. `liu-wen`). */
  id: string;
  /** Canonical form: 六稳, 三会一代理, 15分钟服务圈. */
  term: string;
  /** Other forms the text uses: “三会一代理”制度, 十五分钟服务圈. */
  aliases?: string[];
  /** Ordered expansion of an enumeration: 稳就业, 稳金融, … */
  items?: string[];
  /** Why `items` does not match the numerals of the term, when it does not. */
  itemsNote?: string;
  /** For an official entry, the source document's own text, verbatim. */
  definition?: string;
  source?: EntrySource;
  /** Ids of related entries. */
  related?: string[];
  tags?: string[];
  /** English gloss. */
  en?: string;
  note?: string;
  status: EntryStatus;
  /** A stub written by `missing --stub`: `validate` warns, `build` leaves it out. */
  unfinished?: boolean;
}

/** One glossary file (YAML) under glossary/. */
export interface GlossaryFile {
  source: SourceDocument;
  entries: GlossaryEntry[];
  /** Terms `policy-glossary import` has added (kept by the import: a deleted entry listed here is not added back). */
  imported?: string[];
}

/** Version of the compiled pack format; bumped on any incompatible change. */
export const PACK_SCHEMA_VERSION = 1;

/** An entry in the compiled pack: the file entry plus everything precomputed at build time. */
export interface PackEntry extends GlossaryEntry {
  /** Index into `GlossaryPack.documents`. */
  doc: number;
  /** Every surface form to match: the term and its aliases, deduplicated, term first, then forms derived at build time (senses.ts derivedForms: “三高四新”战略 → 三高四新). */
  forms: string[];
  /** Search keys: pinyin of each form (full, no tones, no spaces) and its initials. */
  keys: string[];
}

/** The compiled glossary (`glossary.json`) that the extension and widget load. */
export interface GlossaryPack {
  schemaVersion: typeof PACK_SCHEMA_VERSION;
  /** SHA-256 (hex) of the pack's content without this field. */
  hash: string;
  documents: SourceDocument[];
  entries: PackEntry[];
  /**
   * Traditional → simplified characters, only for the characters the glossary's own forms use
   * (so 六穩 matches 六稳 without shipping a full conversion table).
   */
  variants: Record<string, string>;
}

/** What the matcher needs of an entry; a `PackEntry` satisfies it. */
export interface MatchableEntry {
  id: string;
  term: string;
  forms: string[];
  /** Read only to tell a part of a numbered layout (“一心”即…, see matcher-base.ts `partEntry`). */
  definition?: string;
}

/** What kind of thing a match is. */
export type MatchKind = 'term' | 'fuzzy' | 'unknown-slogan';

/** One match in a text. Offsets are UTF-16 code units of the scanned string, end exclusive. */
export interface TextMatch {
  start: number;
  end: number;
  /** The original text between start and end. */
  text: string;
  kind: MatchKind;
  entryId?: string;
  term?: string;
  /** For `fuzzy`: 0 (identical) … 1 (unrelated), as fuse.js scores. */
  score?: number;
  /**
   * For `term`: its form is a name only in quotes (a part of a numbered layout, “一心”即…; see
   * matcher-base.ts `partEntry`), which reading in context (match-context.ts) drops elsewhere.
   */
  quotedOnly?: true;
}
