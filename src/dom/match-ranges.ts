// Range building for the annotator: which of the matcher's matches in a text segment are kept,
// where each one lies in the page's text nodes, and the caller-facing match built over that.
import { highlightSpan } from '../core/quote-trim';
import type { TextMatch } from '../core/types';
import type { TextSegment } from './text-collect';

export type Scope = Document | ShadowRoot;

/** A match in the page (what the annotator's callers see of it). */
export interface PageMatch extends TextMatch {
  /** Unique for the annotator's lifetime (also `data-pg-id` on wrap-mode elements). */
  id: number;
  /** The matched text (in wrap mode: around the wrappers). */
  range: Range;
  /** Wrap mode: the first wrapper, the element keyboard users focus. */
  element?: HTMLElement;
  /**
   * Held for the pointer, the tooltip and the active mark, but not drawn nor among the annotator's
   * `matches()` (a later occurrence under firstOccurrenceOnly, or one in the site's furniture).
   */
  quiet?: boolean;
}

/** One annotated root: the option's root, a shadow root or a same-origin frame's document. */
export interface RootState {
  /** What is observed and walked: a document, a shadow root, or the option's root element. */
  node: Node;
  scope: Scope;
  doc: Document;
  /** Shown matches of this root, in document order. */
  matches: PageMatch[];
  /** The document's StaticRange constructor, where it has one (looked up once, not per match). */
  StaticRange?: typeof StaticRange;
}

/** What we keep about a shown match besides what callers see. */
export interface Held {
  state: RootState;
  /**
   * Highlight mode: where the text is, as a StaticRange where available. Live Ranges would make
   * every DOM change the page makes pay for each of our thousands of matches; changed text is
   * rescanned anyway.
   */
  bounds?: AbstractRange;
  /**
   * Highlight mode: the text nodes the match covers (hit testing goes caret node → match): the
   * node itself when it is one (most matches; no array each), else the list.
   */
  nodes: Text | readonly Text[];
  /** Wrap mode: the wrappers, in document order. */
  wrappers?: HTMLElement[];
}

/**
 * A caller-facing match: `range` is made on each read, so callers get a correct live Range. A
 * class rather than an object literal with a getter: thousands are made per page, and literals
 * with accessors are built slowly and kept in slow dictionary form.
 */
export class AnnotatedMatch implements PageMatch {
  // Copied from the TextMatch in the constructor.
  declare start: number;
  declare end: number;
  declare text: string;
  declare kind: TextMatch['kind'];
  declare entryId?: string;
  declare term?: string;
  declare score?: number;
  id: number;
  declare element?: HTMLElement;
  declare quiet?: boolean;
  readonly #info: Held;

  constructor(match: TextMatch, id: number, info: Held) {
    Object.assign(this, match);
    this.id = id;
    const element = info.wrappers?.[0];
    if (element) this.element = element;
    this.#info = info;
  }

  get range(): Range {
    return liveRange(this.#info);
  }
}

function liveRange(info: Held): Range {
  const range = info.state.doc.createRange();
  try {
    const first = info.wrappers?.[0];
    const last = info.wrappers?.[info.wrappers.length - 1];
    if (first && last) {
      // Inside the wrappers, on their text, as in highlight mode (startContainer is a Text).
      const end = last.lastChild ?? last;
      range.setStart(first.firstChild ?? first, 0);
      range.setEnd(end, end.nodeType === 3 ? (end as Text).length : end.childNodes.length);
    } else if (info.bounds) {
      range.setStart(info.bounds.startContainer, info.bounds.startOffset);
      range.setEnd(info.bounds.endContainer, info.bounds.endOffset);
    }
  } catch {
    // The page changed this text since the scan; a rescan of it is already queued.
  }
  return range;
}

/**
 * What counts as one occurrence for `firstOccurrenceOnly`: the term as written, quote marks aside.
 * Not the entry: with the national collection one term has entries from many places, and the
 * same 无废城市 read in two contexts was drawn twice on a real www.gov.cn page.
 */
export function occurrenceKey(match: TextMatch): string {
  return `t:${match.text.replace(/[“”「」‘’"']/g, '')}`;
}

/** Which matches of a segment are shown; see AnnotatorOptions. */
export interface MatchSelection {
  keepUnknown: boolean;
  firstOnly: boolean;
  /** Occurrence keys already shown on the page. */
  shown: ReadonlyMap<string, number>;
  /**
   * With `firstOnly`: where repeated occurrences go instead of being dropped (kept among the
   * matches, in order, and added here): held for the pointer and the tooltip, not drawn.
   */
  repeats?: Set<TextMatch>;
  /**
   * With `repeats`: matches that go there even as a term's first occurrence, without taking its
   * place (a term in the site's menu: the article's own first occurrence is the one drawn).
   */
  aside?: (match: TextMatch) => boolean;
}

/**
 * The matcher's matches that are shown, in order: no overlaps, none outside the text, unknown
 * slogans and repeated occurrences dropped (or set apart, `repeats`) as the selection says.
 */
export function selectMatches(raw: readonly TextMatch[], textLength: number, selection: MatchSelection): TextMatch[] {
  let lastEnd = 0;
  const kept: TextMatch[] = [];
  const keys = new Set<string>();
  for (const match of raw) {
    if (!selection.keepUnknown && match.kind === 'unknown-slogan') continue;
    if (match.start < lastEnd || match.end <= match.start || match.end > textLength) continue;
    if (selection.firstOnly) {
      const key = occurrenceKey(match);
      if (selection.shown.has(key) || keys.has(key)) {
        if (!selection.repeats) continue;
        selection.repeats.add(match);
      } else if (selection.repeats && selection.aside?.(match)) selection.repeats.add(match);
      else keys.add(key);
    }
    kept.push(match);
    lastEnd = match.end;
  }
  return kept;
}

/** The text node where a match begins. */
export const startNode = (segment: TextSegment, match: TextMatch): Text => locate(segment, match.start, false)[0];

/** Highlight mode: where a kept match lies in the segment's text nodes. */
export function heldFor(state: RootState, segment: TextSegment, match: TextMatch): Held {
  // The drawn part never includes quote marks (core/quote-trim.ts).
  const drawn = highlightSpan(segment.text, match.start, match.end);
  const start = locate(segment, drawn.start, false);
  const end = locate(segment, drawn.end, true);
  return {
    state,
    bounds: staticBounds(state, [start[0], start[1]], [end[0], end[1]]),
    nodes: start[2] === end[2] ? start[0] : segment.nodes.slice(start[2], end[2] + 1),
  };
}

/** Maps a segment offset to a text node position; an end offset stays in the node it ends. */
function locate(segment: TextSegment, offset: number, isEnd: boolean): [Text, number, number] {
  const { nodes, starts } = segment;
  let low = 0;
  let high = nodes.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = starts[mid] as number;
    if (start < offset || (!isEnd && start === offset)) low = mid;
    else high = mid - 1;
  }
  const node = nodes[low] as Text;
  return [node, offset - (starts[low] as number), low];
}

function staticBounds(state: RootState, start: [Text, number], end: [Text, number]): AbstractRange {
  const init = { startContainer: start[0], startOffset: start[1], endContainer: end[0], endOffset: end[1] };
  if (state.StaticRange) return new state.StaticRange(init);
  const range = state.doc.createRange();
  range.setStart(start[0], start[1]);
  range.setEnd(end[0], end[1]);
  return range;
}

/** The text nodes a held match covers (see {@link Held.nodes}). */
export function nodesOf(info: Held): readonly Text[] {
  return Array.isArray(info.nodes) ? info.nodes : [info.nodes as Text];
}

/** Where a match starts, as a (node, offset) point. */
export function startPoint(info: Held | undefined): [Node, number] | undefined {
  const first = info?.wrappers?.[0];
  if (first) return [first, 0];
  return info?.bounds ? [info.bounds.startContainer, info.bounds.startOffset] : undefined;
}

/**
 * `list` (in document order) with `found` (in document order, all within one walked block) put
 * where the first of them belongs.
 */
export function insertInOrder(
  list: readonly PageMatch[],
  found: readonly PageMatch[],
  doc: Document,
  pointOf: (match: PageMatch) => [Node, number] | undefined,
): PageMatch[] {
  const first = found[0];
  if (!first) return list as PageMatch[];
  const firstPoint = pointOf(first);
  if (!firstPoint) return list as PageMatch[];
  const probe = doc.createRange();
  probe.setStart(firstPoint[0], firstPoint[1]);
  probe.collapse(true);
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isBefore(probe, pointOf(list[mid] as PageMatch))) low = mid + 1;
    else high = mid;
  }
  return [...list.slice(0, low), ...found, ...list.slice(low)];
}

/** Whether `point` comes before the collapsed `probe`; points that cannot be compared do not. */
function isBefore(probe: Range, point: [Node, number] | undefined): boolean {
  if (!point) return false;
  try {
    return probe.comparePoint(point[0], point[1]) < 0;
  } catch {
    return false;
  }
}

/** Whether a match's text is still in the page where we found it. */
export function isIntact(info: Held | undefined): boolean {
  if (!info) return false;
  if (info.wrappers) return info.wrappers.every((wrapper) => wrapper.isConnected);
  const bounds = info.bounds;
  if (!bounds || bounds.collapsed) return false;
  const fits = (node: Node, offset: number): boolean =>
    node.isConnected && (node.nodeType !== 3 || offset <= (node as Text).length);
  return fits(bounds.startContainer, bounds.startOffset) && fits(bounds.endContainer, bounds.endOffset);
}
