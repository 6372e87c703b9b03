// The page-notes content script: on a government page whose text looks like it carries its own
// 名词解释 appendix or footnotes (a report republished with them), sends the page body's markup to
// the background, which reads them with the report importer and keeps them as the page's own
// explanations (page-notes.ts). Kept apart from the main content script, whose size budget has no
// room: this one adds no work to a page without such words, and the main script picks the new
// entries up when the background stores the rebuilt matcher.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { APPENDIX_KINDS, APPENDIX_NAMES } from '../import/appendix-words';
import { supNoteMark } from '../import/marks';
import { pageClues } from '../ui/page-clues';
import { whenChineseText } from './chinese-text';
import { readingWindow } from './frames';
import type { PageNotesRequest } from './page-notes';
import { askBackground } from './respond';
import { loadSettings } from './settings';
import { pageIsOn } from './sites';

/** `words` (`|` between them) as a pattern that also takes them set with letter spacing (`名 词 解 释`). */
const spaced = (words: string): string =>
  words
    .split('|')
    .map((word) => [...word].join('\\s*'))
    .join('|');

/**
 * Words and marks without which a page has no notes the importer reads: the appendix's heading words
 * (import/appendix-heads.ts HEADING_WORD: 名词解释, 词语的解释, 术语说明, 注释, 附注, 知识链接, 注：…, also letter-spaced) and
 * footnote marks (①, [1], ［1］, [ii], 【注1】, 注1). A superset: the importer decides.
 */
export const PAGE_NOTES_HINT = new RegExp(
  `(?:${spaced(APPENDIX_NAMES)})\\s*的?\\s*(?:${spaced(APPENDIX_KINDS)})|${spaced('注释|注解|释义|附注|术语表|知识链接|小知识')}|注[：:0-9０-９①-⑳]|[①-⑳⑴-⒇]|[[［]\\s*(?:\\d{1,3}|[ivxlIVXL]{1,7})\\s*[\\]］]|[【〔［]\\s*注`,
  'u',
);

/**
 * Characters of the page's text looked at for the hint, from its end: an appendix or the notes close a
 * page (a footnote's mark is in the body, the note itself at the end). Reading the whole text of a
 * 700,000-character report page took 35 ms; this is a few milliseconds on any page.
 */
export const TAIL_CHARS = 60_000;

/** The last `chars` characters (about: whole text nodes) of the text under `root`, in document order. */
export function tailText(root: Node, chars = TAIL_CHARS): string {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.lastChild());
  const parts: string[] = [];
  let length = 0;
  for (let node: Node | null = walker.currentNode; node && node !== root && length < chars; node = walker.previousNode()) {
    const data = (node as Text).data ?? '';
    parts.push(data);
    length += data.length;
  }
  return parts.reverse().join('');
}

/**
 * Whether `root` has a superscript that is a note's number (`<sup>1</sup>`, `<sup>[1]</sup>`) and no
 * exponent (m<sup>2</sup>): a footnote mark the text alone does not show (import/html.ts reads it).
 */
export const hasNoteSup = (root: Element): boolean =>
  [...root.getElementsByTagName('sup')].some((sup) => supNoteMark(sup.textContent ?? '', sup.previousSibling?.textContent ?? '') !== undefined);

/** Waits after the page's first Chinese text before looking again, for pages that fill in later. */
const SECOND_LOOK_MS = 3000;

/** Sends the page's markup to the background once its text has the hint (looked at twice at most). */
export async function runPageNotes(ctx: ContentScriptContext, doc: Document = document, secondLookMs = SECOND_LOOK_MS): Promise<void> {
  const chinese = whenChineseText(doc);
  ctx.onInvalidated(chinese.cancel);
  await chinese.ready;
  for (let look = 0; look < 2; look += 1) {
    if (look > 0) await new Promise<void>((resolve) => ctx.setTimeout(() => resolve(), secondLookMs));
    const body = doc.body;
    if (ctx.isInvalid || !body) return;
    if (!PAGE_NOTES_HINT.test(tailText(body)) && !hasNoteSup(body)) continue;
    // Where the reader turned the extension off, the page is not read (the background checks again).
    const settings = await loadSettings();
    if (!pageIsOn(settings, doc.location?.href ?? '')) return;
    const request: PageNotesRequest = { type: 'pg:page-notes', html: body.innerHTML, title: doc.title, clues: pageClues(doc) };
    // A same-origin iframe's text is read, and its terms explained, on its parent page: its notes are that page's.
    const view = doc.defaultView;
    const reader = view ? readingWindow(view) : undefined;
    if (reader && reader !== view) request.pageUrl = reader.location.href;
    await askBackground(request).catch((error: unknown) => console.warn('[policy-glossary] page notes', error));
    return;
  }
}
