// Wrap mode (no CSS Highlight API): each match's text pieces go into <pg-term> elements, and
// come out again with the split text nodes merged back, so the page's DOM is restored exactly.
import { WRAPPER_TAG, type TextSegment } from './text-collect';

/** Text nodes we split off an original node; merging them back restores the page's nodes. */
export type SplitRegistry = WeakSet<Text>;

/** What to put on the wrappers of one match. */
export interface WrapTarget {
  start: number;
  end: number;
  id: number;
  kind: string;
}

/**
 * Wraps `target` (offsets into `segment.text`) and returns its wrappers in document order.
 * Callers must wrap a segment's matches last-first: splitting keeps the earlier text in the
 * original node, so offsets of matches before this one stay valid.
 */
export function wrapMatch(segment: TextSegment, target: WrapTarget, split: SplitRegistry): HTMLElement[] {
  const wrappers: HTMLElement[] = [];
  for (let i = segment.nodes.length - 1; i >= 0; i--) {
    const node = segment.nodes[i] as Text;
    const nodeStart = segment.starts[i] as number;
    const nodeEnd = nodeStart + node.length;
    if (nodeStart >= target.end || nodeEnd <= target.start) continue;
    const from = Math.max(target.start - nodeStart, 0);
    const to = Math.min(target.end - nodeStart, node.length);
    if (to < node.length) split.add(node.splitText(to));
    let piece = node;
    if (from > 0) {
      piece = node.splitText(from);
      split.add(piece);
    }
    const doc = piece.ownerDocument;
    const wrapper = doc.createElement(WRAPPER_TAG);
    wrapper.setAttribute('data-pg-id', String(target.id));
    wrapper.setAttribute('data-pg-kind', target.kind);
    piece.parentNode?.insertBefore(wrapper, piece);
    wrapper.appendChild(piece);
    wrappers.unshift(wrapper);
  }
  const first = wrappers[0];
  if (first) {
    // Only the first piece is a tab stop, so a term split over two elements is one stop.
    first.setAttribute('tabindex', '0');
    first.setAttribute('role', 'button');
  }
  return wrappers;
}

/** Takes the wrappers out and merges the text nodes we split back into their originals. */
export function unwrapMatch(wrappers: readonly HTMLElement[], split: SplitRegistry): void {
  for (const wrapper of wrappers) {
    const parent = wrapper.parentNode;
    if (!parent) continue;
    const firstMoved = wrapper.firstChild;
    while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
    wrapper.remove();
    if (!firstMoved) continue;
    const previous = firstMoved.previousSibling;
    mergeSplits(previous && previous.nodeType === 3 ? previous : firstMoved, split);
  }
}

// Starting at a node, folds split-off text nodes into the text node before them.
function mergeSplits(from: Node, split: SplitRegistry): void {
  let current: Node | null = from;
  while (current && current.nodeType === 3) {
    const next: Node | null = current.nextSibling;
    if (split.has(current as Text) && current.previousSibling?.nodeType === 3) {
      const previous = current.previousSibling as Text;
      previous.appendData((current as Text).data);
      split.delete(current as Text);
      (current as Text).remove();
    }
    current = next;
  }
}
