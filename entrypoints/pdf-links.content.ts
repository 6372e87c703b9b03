import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPdfLinks } from '../src/extension/pdf-links';
import { BUNDLED_SITE_PATTERNS } from '../src/extension/sites';

// Links to PDFs on government pages get an "open in Policy Glossary" control (issue #20).
export default defineContentScript({
  matches: [...BUNDLED_SITE_PATTERNS],
  runAt: 'document_idle',
  main: (ctx) => runPdfLinks(ctx),
});
