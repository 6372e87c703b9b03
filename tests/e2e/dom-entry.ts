// Bundle entry for real-browser tests of the DOM layer: exposes it without the extension or widget.
import { createMatcher } from '../../src/core/matcher';
import { HIGHLIGHT_NAMES, createAnnotator } from '../../src/dom/annotator';
import { createViewportRegistry } from '../../src/dom/viewport';
import { createFakeMatcher } from '../dom/fake-matcher';

(globalThis as Record<string, unknown>).__pgDom = { createAnnotator, createMatcher, createFakeMatcher, createViewportRegistry, HIGHLIGHT_NAMES };
