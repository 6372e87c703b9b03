// Splits a subtree's text into segments: runs of text nodes that read as one piece of text.
// Inline elements (<b>六</b>稳) do not break a run; blocks, <br>, table cells and skipped elements do,
// but for a <br> that ends a long line inside a sentence (a report pasted from a PDF line by line).
import { contains } from './natives';

/** Elements carrying this attribute are our own UI (tooltips, panels): never scanned. */
export const UI_HOST_ATTRIBUTE = 'data-policy-glossary-ui';

/** The element name wrap mode uses for a highlighted piece of text. */
export const WRAPPER_TAG = 'pg-term';

// Decided by tag name rather than computed style: getComputedStyle on every element would cost a
// style recalculation per node on big pages, and these elements are inline in every UA stylesheet.
const INLINE_TAGS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'ruby', 's', 'samp', 'small', 'span', 'strike',
  'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', WRAPPER_TAG,
]);

// Not prose a reader reads as running text, or text the user is editing.
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup',
  'datalist', 'button', 'code', 'pre', 'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'video',
  'audio', 'canvas', 'head', 'title', 'rt', 'rp',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Consecutive text nodes read as one string; `starts[i]` is where `nodes[i]` begins in `text`. A
 * line break in `text` between two nodes stands for a <br> the run went on over (WRAPPED_LINE_MIN):
 * no node owns it.
 */
export interface TextSegment {
  nodes: Text[];
  starts: number[];
  text: string;
}

/** What the walk needs from its caller: extra skip rules and where nested documents are reported. */
export interface CollectContext {
  /** Extra skip rule (the annotator's `exclude` selectors). */
  excluded?: (element: Element) => boolean;
  /** An open shadow root was found on an element inside the walk. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** An iframe was found inside the walk. */
  onFrame?: (frame: HTMLIFrameElement) => void;
}

// Whether `element` keeps the text around it in the same run.
function isInline(element: Element): boolean {
  return INLINE_TAGS.has(element.localName);
}

// Whether `element` and everything inside it is left alone.
function isSkipped(element: Element, context?: CollectContext): boolean {
  if (SKIPPED_TAGS.has(element.localName)) return true;
  if (element.hasAttribute(UI_HOST_ATTRIBUTE)) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return context?.excluded?.(element) ?? false;
}

/**
 * The node after `node` and its contents in document order: the next sibling of the nearest of
 * `node` and its ancestors that has one, not leaving `root` (null: the whole tree).
 */
export function nextOutside(node: Node, root: Node | null): Node | null {
  let current: Node | null = node;
  while (current && current !== root && !current.nextSibling) current = current.parentNode;
  return current && current !== root ? current.nextSibling : null;
}

/** The nearest ancestor (or self) that is not inline, stopping at `stop`. */
export function blockOf(node: Node, stop: Node): Node {
  let current: Node | null = node.nodeType === TEXT_NODE ? node.parentNode : node;
  while (current && current !== stop && current.nodeType === ELEMENT_NODE && isInline(current as Element)) {
    current = current.parentNode;
  }
  return current ?? stop;
}

/** Whether `node` or one of its ancestors below `stop` is skipped. */
export function isInsideSkipped(node: Node, stop: Node, context?: CollectContext): boolean {
  let current: Node | null = node.nodeType === TEXT_NODE ? node.parentNode : node;
  while (current && current !== stop) {
    if (current.nodeType === ELEMENT_NODE && isSkipped(current as Element, context)) return true;
    current = current.parentNode;
  }
  return false;
}

const TICK_EVERY = 256;

/**
 * Characters of a line, ended by a <br> inside a sentence (a Chinese character last), from which the
 * line is taken for one a PDF's layout wrapped: the run goes on over the break, the segment's text
 * holding a line break there (`…工作总\n基调`), which the matcher reads through and no text node owns.
 * A PDF's line is 20–40 characters; a short line (`六<br>稳`, a list's item) still ends the run.
 */
const WRAPPED_LINE_MIN = 15;

/**
 * Walks the descendants of `start` in document order and yields its text segments. Also yields
 * `null` every few hundred nodes so the caller can check its time budget and pause; if `start`
 * no longer contains the walk's position after a pause (the page moved things), the walk ends
 * early, and the caller's MutationObserver is what brings the changed part back.
 */
export function* collectSegments(start: Node, context: CollectContext = {}): Generator<TextSegment | null> {
  if (start.nodeType === ELEMENT_NODE) {
    const element = start as Element;
    if (element.localName === 'iframe') context.onFrame?.(element as HTMLIFrameElement);
    else reportNested(element, context);
  }
  let nodes: Text[] = [];
  let starts: number[] = [];
  let parts: string[] = [];
  let length = 0;
  // Where the run's current line began (after a <br> the run went on over).
  let lineStart = 0;
  const take = (): TextSegment | undefined => {
    if (nodes.length === 0) return undefined;
    const segment = { nodes, starts, text: parts.length === 1 ? (parts[0] as string) : parts.join('') };
    nodes = [];
    starts = [];
    parts = [];
    length = 0;
    lineStart = 0;
    return segment;
  };
  /** Whether a <br> here ends a line a PDF's layout wrapped (WRAPPED_LINE_MIN): the run goes on. */
  const wraps = (): boolean => length - lineStart >= WRAPPED_LINE_MIN && CJK.test(parts[parts.length - 1]?.slice(-1) ?? '');

  let node: Node | null = start.firstChild;
  let visited = 0;
  while (node) {
    if (++visited % TICK_EVERY === 0) {
      yield null;
      if (!contains(start, node)) return;
    }
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        nodes.push(node as Text);
        starts.push(length);
        parts.push(data);
        length += data.length;
      }
    } else if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      const skipped = isSkipped(element, context);
      if (element.localName === 'br' && wraps()) {
        parts.push('\n');
        length += 1;
        lineStart = length;
      } else if (skipped || !isInline(element)) {
        const segment = take();
        if (segment) {
          yield segment;
          if (!contains(start, node)) return;
        }
      }
      if (skipped) {
        if (element.localName === 'iframe') context.onFrame?.(element as HTMLIFrameElement);
      } else {
        reportNested(element, context);
        descend = element.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Next node in document order, leaving finished elements (a finished block ends the run).
    while (node && node !== start) {
      const next: Node | null = node.nextSibling;
      if (next) {
        node = next;
        break;
      }
      node = node.parentNode;
      if (!node || node === start) {
        node = null;
        break;
      }
      if (node.nodeType === ELEMENT_NODE && !isInline(node as Element)) {
        const segment = take();
        if (segment) {
          yield segment;
          if (!contains(start, node)) return;
        }
      }
    }
  }
  const last = take();
  if (last) yield last;
}

function reportNested(element: Element, context: CollectContext): void {
  const shadow = element.shadowRoot;
  if (shadow) context.onShadowRoot?.(shadow);
}

/** Chinese characters (CJK unified ideographs, extension A, compatibility ideographs). */
export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Whether `root` may have Chinese text to scan: a text node with Chinese in it (`root` itself, or
 * inside it or in an open shadow root inside it), or an iframe (its document is scanned on its
 * own). Stops at the first one.
 */
export function mayHaveChinese(root: Node): boolean {
  let node: Node | null = root;
  while (node) {
    if (node.nodeType === 3) {
      if (CJK.test((node as Text).data)) return true;
    } else {
      const shadow = node.nodeType === 1 ? (node as Element).shadowRoot : null;
      if ((node as Element).localName === 'iframe' || (shadow && mayHaveChinese(shadow))) return true;
    }
    if (node.nodeType !== 3 && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    node = nextOutside(node, root);
  }
  return false;
}
