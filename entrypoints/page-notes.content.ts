import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPageNotes } from '../src/extension/page-notes-content';
import { BUNDLED_SITE_PATTERNS } from '../src/extension/sites';

// A page that republishes a report with its 名词解释 or footnotes explains its terms in its own
// words: the background reads them (src/extension/page-notes.ts).
export default defineContentScript({
  // And local files in Chromium builds (wxt.config.ts).
  matches: [...BUNDLED_SITE_PATTERNS],
  runAt: 'document_idle',
  // Frames too: a report in a frame of another origin (src/extension/frames.ts).
  allFrames: true,
  main: (ctx) => runPageNotes(ctx),
});
