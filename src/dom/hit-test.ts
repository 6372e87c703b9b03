// Finds the shown match under a point (through same-origin iframes and open shadow roots) or
// around a node, for the tooltip controller's hover, tap and focus handling.
import type { Held, PageMatch, RootState } from './match-ranges';
import { WRAPPER_TAG } from './text-collect';

/** What hit testing reads of the annotator's shown matches. */
export interface MatchIndex {
  /** Wrap mode: matches are found through their wrappers. */
  wrap: boolean;
  /**
   * Shown matches covering a text node: the match itself where it is the node's only one (most
   * nodes: no array per node on a page of thousands of matches), else a list (see {@link matchesOn}).
   */
  byNode: ReadonlyMap<Node, PageMatch | readonly PageMatch[]>;
  /** Wrap mode: shown matches by their wrappers' data-pg-id (empty in highlight mode). */
  byId: ReadonlyMap<number, PageMatch>;
  held: ReadonlyMap<PageMatch, Held>;
  /** The annotated roots (the caret APIs look into shadow roots only when told). */
  roots: readonly RootState[];
}

/** The shown matches covering `node`, in the order they were shown. */
export function matchesOn(index: Pick<MatchIndex, 'byNode'>, node: Node): readonly PageMatch[] {
  const found = index.byNode.get(node);
  return found === undefined ? [] : Array.isArray(found) ? found : [found as PageMatch];
}

/** The match under a point in `doc`'s client coordinates, or undefined (never throws). */
export function matchAtPoint(index: MatchIndex, doc: Document, x: number, y: number): PageMatch | undefined {
  try {
    return hitTest(index, doc, x, y, 0);
  } catch {
    return undefined;
  }
}

/** Wrap mode: the match whose wrapper holds `node`. */
export function matchForWrapper(index: MatchIndex, node: Node): PageMatch | undefined {
  let current: Node | null = node;
  while (current && !(current.nodeType === 1 && (current as Element).localName === WRAPPER_TAG)) {
    current = current.parentNode;
  }
  if (!current) return undefined;
  return index.byId.get(Number((current as Element).getAttribute('data-pg-id')));
}

function hitTest(index: MatchIndex, doc: Document, x: number, y: number, depth: number): PageMatch | undefined {
  const { wrap } = index;
  let element = doc.elementFromPoint(x, y);
  if (element && element.localName === 'iframe' && depth < 8) {
    const frame = element as HTMLIFrameElement;
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument;
    } catch {
      inner = null;
    }
    if (!inner) return undefined;
    const box = frame.getBoundingClientRect();
    return hitTest(index, inner, x - box.left - frame.clientLeft, y - box.top - frame.clientTop, depth + 1);
  }
  // Into the open shadow roots there (the document's answer stops at their hosts).
  for (let level = 0; element?.shadowRoot && level < 8; level++) {
    const inner: Element | null = element.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === element) break;
    element = inner;
  }
  if (wrap && element) {
    const hit = matchForWrapper(index, element);
    if (hit) return hit;
  }
  // The text directly inside the element under the point, then the text the caret APIs name
  // (deeper down, e.g. under a pointer-events: none child). Firefox's caret API (and the
  // shadow-root lookup this replaced) now and then found no term on a page with frames and a
  // shadow root: 3 failed runs in 8 of the hostile-page e2e file.
  for (let child = element?.firstChild; child; child = child.nextSibling) {
    for (const match of matchesOn(index, child)) if (containsPoint(match.range, x, y)) return match;
  }
  const shadowRoots = index.roots
    .filter((state) => state.scope.nodeType !== 9 && state.doc === doc)
    .map((state) => state.scope as ShadowRoot);
  const caret = caretAt(doc, x, y, shadowRoots);
  if (caret) {
    const wrapped = wrap ? matchForWrapper(index, caret.node) : undefined;
    if (wrapped && containsPoint(wrapped.range, x, y)) return wrapped;
    for (const match of matchesOn(index, caret.node)) {
      if (aroundCaret(index.held.get(match), caret) && containsPoint(match.range, x, y)) return match;
    }
  }
  return undefined;
}

function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): { node: Node; offset: number } | undefined {
  const withOptions = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof withOptions.caretPositionFromPoint === 'function') {
    const position = withOptions.caretPositionFromPoint(x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  if (typeof withOptions.caretRangeFromPoint === 'function') {
    const range = withOptions.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
  }
  return undefined;
}

/** Whether a caret position lies within a match's text (ends included). */
function aroundCaret(info: Held | undefined, caret: { node: Node; offset: number }): boolean {
  const bounds = info?.bounds;
  if (!bounds) return false;
  if (caret.node === bounds.startContainer && caret.offset < bounds.startOffset) return false;
  return !(caret.node === bounds.endContainer && caret.offset > bounds.endOffset);
}

function containsPoint(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const rect = rects[i] as DOMRect;
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
