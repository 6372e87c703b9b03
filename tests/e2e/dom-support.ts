// Helpers for the DOM layer's real-browser tests: the layer bundled as one script to inject,
// and the fixture pages under tests/fixtures/pages.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { createAnnotator, Annotator } from '../../src/dom/annotator';
import type { createMatcher } from '../../src/core/matcher';
import type { createFakeMatcher } from '../dom/fake-matcher';
import type { createViewportRegistry } from '../../src/dom/viewport';
import { pageScript } from './support/page-script';

const here = dirname(fileURLToPath(import.meta.url));

/** What the bundle puts on `window.__pgDom`. */
export interface DomBundle {
  createAnnotator: typeof createAnnotator;
  createMatcher: typeof createMatcher;
  createFakeMatcher: typeof createFakeMatcher;
  createViewportRegistry: typeof createViewportRegistry;
  HIGHLIGHT_NAMES: Record<string, string>;
  /** The texts an annotator of the whole document finds with a fake matcher of the terms (one pass). */
  matchedTexts: (terms: readonly string[]) => Promise<string[]>;
}

/** The page-side globals our tests use. */
export type TestWindow = Window & typeof globalThis & { __pgDom: DomBundle; __pg?: Annotator; __pgLongTasks?: number[] };

let bundle: Promise<string> | undefined;

/** src/dom + src/core (and the fake matcher) as one classic script. */
export function domBundle(): Promise<string> {
  bundle ??= pageScript(join(here, 'dom-entry.ts'));
  return bundle;
}

/** Adds the bundle to the page. */
export async function injectDom(page: Page): Promise<void> {
  await page.addScriptTag({ content: await domBundle() });
}

/** A fixture page's HTML. */
export function fixturePage(name: string): string {
  return readFileSync(join(here, '..', 'fixtures', 'pages', name), 'utf8');
}
