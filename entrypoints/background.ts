import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../src/extension/background';
import { startPdfOpener } from '../src/extension/pdf-open';

export default defineBackground(() => {
  startBackground();
  startPdfOpener();
});
