// The event the widget fires on `document` after every annotation pass, and what it carries.

/** Name of the event fired on `document` after every annotation pass. */
export const ANNOTATED_EVENT = 'policy-glossary:annotated';

/** `detail` of the `policy-glossary:annotated` event. */
export interface AnnotatedDetail {
  /** Glossary terms marked under the root (exact and fuzzy matches). */
  matches: number;
  /** Numbered slogans marked that the glossary does not have. */
  unknown: number;
  /** Duration of the pass in milliseconds. */
  ms: number;
  /** The annotated root. */
  root: Element;
}
