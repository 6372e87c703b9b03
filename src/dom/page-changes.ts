// Mutation handling for the annotator: follows the page's DOM changes, tells them apart from our
// own (wrappers, the UI host), and turns the changed nodes into the blocks the next pass rescans.
import type { RootState } from './match-ranges';
import { contains } from './natives';
import { UI_HOST_ATTRIBUTE, blockOf, isInsideSkipped, type CollectContext } from './text-collect';

/** Above this many changed blocks in one root, rescanning the whole root is cheaper. */
const MAX_BLOCKS = 200;

/** Work for a pass: a block of a root, or the whole root. */
export interface WorkItem {
  state: RootState;
  /** Walk start; undefined means the whole root. */
  block?: Node;
}

/** What changed in the page since the last pass. */
export interface PageChanges {
  /** Whether DOM changes are followed at all. */
  readonly observing: boolean;
  /** Follows changes under a root's node. */
  observe(node: Node): void;
  /**
   * Runs `change` (which may wrap or unwrap) so that the observer does not report it back to us:
   * records queued before it are the page's and are kept; those it causes are dropped.
   */
  ours(change: () => void): void;
  /** Has the next pass rescan a whole root. */
  rescanRoot(state: RootState): void;
  /** The work the changes so far call for; forgets them. */
  take(): WorkItem[];
  disconnect(): void;
}

/** The parts of the annotator that page changes are read against. */
export interface ChangeContext {
  doc: Document;
  /** Follow changes at all (the `observe` option). */
  enabled: boolean;
  /** Wrap mode: our own wrapping changes the DOM, and must not be reported back. */
  wrap: boolean;
  collect: CollectContext;
  /** The root a connected node belongs to. */
  stateFor(target: Node): RootState | undefined;
  /** Where a root's walk starts. */
  walkStart(state: RootState): Node | undefined;
  /** Called when a change calls for a pass. */
  onChange(): void;
}

/** Starts following the page's changes (the observer is made, roots are added with `observe`). */
export function createPageChanges(context: ChangeContext): PageChanges {
  const pendingTargets = new Set<Node>();
  const fullRescans = new Set<RootState>();
  let stopped = false;
  const MutationObserverCtor = context.doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  const observer =
    !context.enabled || typeof MutationObserverCtor !== 'function'
      ? undefined
      : new MutationObserverCtor((records) => absorb(records));

  function absorb(records: readonly MutationRecord[]): void {
    if (stopped) return;
    let any = false;
    for (const record of records) {
      if (record.type === 'childList' && onlyOurs(record)) continue;
      pendingTargets.add(record.target);
      any = true;
    }
    if (any) context.onChange();
  }

  function take(): WorkItem[] {
    const blocks = new Map<RootState, Node[]>();
    for (const target of pendingTargets) {
      const state = context.stateFor(target);
      if (!state) continue;
      const start = context.walkStart(state);
      if (!start) continue;
      if (!contains(start, target)) {
        if (target === state.node || target === state.doc.documentElement) fullRescans.add(state);
        continue;
      }
      if (fullRescans.has(state)) continue;
      const block = blockOf(target, start);
      if (block !== start && isInsideSkipped(block, start, context.collect)) continue;
      const list = blocks.get(state) ?? [];
      list.push(block);
      blocks.set(state, list);
    }
    pendingTargets.clear();
    const items: WorkItem[] = [];
    for (const state of fullRescans) items.push({ state });
    for (const [state, list] of blocks) {
      if (fullRescans.has(state)) continue;
      if (list.length > MAX_BLOCKS) {
        items.push({ state });
        continue;
      }
      for (const block of outermost(list)) items.push({ state, block });
    }
    fullRescans.clear();
    return items;
  }

  return {
    observing: observer !== undefined,
    observe(node) {
      observer?.observe(node, { childList: true, characterData: true, subtree: true });
    },
    ours(change) {
      if (!context.wrap || !observer) {
        change();
        return;
      }
      absorb(observer.takeRecords());
      try {
        change();
      } finally {
        observer.takeRecords();
      }
    },
    rescanRoot: (state) => fullRescans.add(state),
    take,
    disconnect() {
      stopped = true;
      observer?.disconnect();
    },
  };
}

function onlyOurs(record: MutationRecord): boolean {
  const ours = (node: Node): boolean => node.nodeType === 1 && (node as Element).hasAttribute(UI_HOST_ATTRIBUTE);
  if (record.addedNodes.length + record.removedNodes.length === 0) return false;
  for (const node of record.addedNodes) if (!ours(node)) return false;
  for (const node of record.removedNodes) if (!ours(node)) return false;
  return true;
}

/** Keeps only blocks not inside another block of the list. */
function outermost(blocks: Node[]): Node[] {
  const unique = [...new Set(blocks)];
  return unique.filter((block) => !unique.some((other) => other !== block && contains(other, block)));
}
