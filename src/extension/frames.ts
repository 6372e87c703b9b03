// Which frames run the content script's own reading. The script runs in every frame of a page it
// matches: a report republished in a frame of another origin (a site's 信息公开 subdomain in its
// portal's page) has no other way to be read. A frame in an iframe of a same-origin page is left to
// that page's script, whose annotator follows same-origin iframes (src/dom/annotator.ts), so its
// text is read once; a <frame> of a frameset, which the annotator does not follow, reads its own.
import { READS_ITSELF } from '../dom/frame-mark';
import { hasChineseText } from './chinese-text';

/**
 * Chinese characters a frame of its own must have before its script loads the glossary: a report,
 * a notice or an article has hundreds; a search box, a badge or a hotline widget framed from another
 * government host has a few words, and would otherwise cost a matcher (about 6 MB) each.
 */
export const FRAME_MIN_CHINESE = 50;

/** Chinese characters this window must have before its script starts: one for a page, more for a frame. */
export const minimumChinese = (win: Window): number => (win === win.top ? 1 : FRAME_MIN_CHINESE);

/** Whether the page's own script reads this frame's text (see the module comment). */
export function followedByParent(win: Window): boolean {
  if (win === win.top) return false;
  let holder: Element | null;
  try {
    // null when the parent is of another origin.
    holder = win.frameElement;
  } catch {
    return false;
  }
  if (!holder || holder.localName !== 'iframe') return false;
  // A frame that began reading itself (its page had no Chinese then) goes on doing so: the page's
  // script leaves a frame so marked alone (src/dom/annotator.ts).
  if (win.document.documentElement?.hasAttribute(READS_ITSELF)) return false;
  // The parent's script starts once its page has Chinese text: before that, nothing reads this one.
  const parent = holder.ownerDocument;
  return hasChineseText(parent);
}

/**
 * The window whose script reads this one's text: itself, or for a same-origin iframe followed by its
 * parent the nearest ancestor that reads its own (where its terms are explained).
 */
export function readingWindow(win: Window): Window {
  let current = win;
  while (followedByParent(current)) current = current.parent;
  return current;
}
