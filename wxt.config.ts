import { defineConfig } from 'wxt';

// WXT configuration for the browser extension (Chrome MV3, Firefox MV2/MV3).
// Auto-imports are off: every module imports what it uses, so the layer rules stay checkable.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
  },
});
