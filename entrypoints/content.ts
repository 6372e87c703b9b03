import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../src/extension/content';
import { BUNDLED_SITE_PATTERNS } from '../src/extension/sites';

export default defineContentScript({
  // And local files in Chromium builds (wxt.config.ts).
  matches: [...BUNDLED_SITE_PATTERNS],
  runAt: 'document_idle',
  // Frames too: a report in a frame of another origin (src/extension/frames.ts).
  allFrames: true,
  main: (ctx) => runContentScript(ctx),
});
