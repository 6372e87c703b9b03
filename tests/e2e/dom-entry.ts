// Bundle entry for real-browser tests of the DOM layer: exposes it without the extension or widget.
import { createMatcher } from '../../src/core/matcher';
import { HIGHLIGHT_NAMES, createAnnotator } from '../../src/dom/annotator';
import { createViewportRegistry } from '../../src/dom/viewport';
import { createFakeMatcher } from '../dom/fake-matcher';

/** The texts an annotator of the whole document finds with a fake matcher of `terms` (one pass, not observing). */
async function matchedTexts(terms: readonly string[]): Promise<string[]> {
  const annotator = createAnnotator({ root: document, matcher: createFakeMatcher(terms), observe: false });
  await annotator.ready;
  const found = annotator.matches().map((m) => m.range.toString());
  annotator.destroy();
  return found;
}

(globalThis as Record<string, unknown>).__pgDom = { createAnnotator, createMatcher, createFakeMatcher, createViewportRegistry, HIGHLIGHT_NAMES, matchedTexts };
