// What the UI needs of the page layer (src/dom/annotator.ts): the controller only hit-tests,
// walks and marks matches, so tests can drive it with a small fake.
import type { Annotator } from '../dom/annotator';

export { UI_HOST_ATTRIBUTE } from '../dom/annotator';
export type { PageMatch } from '../dom/annotator';

/** The part of the annotator the UI controller uses. */
export type UIAnnotator = Pick<Annotator, 'matches' | 'matchAtPoint' | 'matchForNode' | 'next' | 'previous' | 'setActive'>;
