// The widget's engine behind window.PolicyGlossary: loads the pack, annotates roots with the shared
// DOM layer and mounts the shared tooltip UI, and never lets an error escape into the host page.
import { createMatcher, type Matcher } from '../core/matcher';
import type { GlossaryPack } from '../core/types';
import { createAnnotator, type Annotator, type PageMatch } from '../dom/annotator';
import { mountGlossaryUI } from '../ui/controller';
import { createStrings } from '../ui/strings';
import { loadPack } from './load-pack';
import { ANNOTATED_EVENT, type AnnotatedDetail } from './event';
import { excludeList, type WidgetOptions } from './options';

export { ANNOTATED_EVENT, type AnnotatedDetail };

/** The public API, `window.PolicyGlossary`. */
export interface Widget {
  /**
   * Loads the glossary and annotates the root; replaces any earlier init. Resolves with the first
   * pass's counts, or undefined (after a console warning) when the glossary could not be used.
   */
  init(options?: WidgetOptions): Promise<AnnotatedDetail | undefined>;
  /** Annotates `root` (an element or selector; default the init root), e.g. after content was replaced. */
  annotate(root?: Element | string): Promise<AnnotatedDetail | undefined>;
  /** Removes every mark, tooltip and listener; the page is as it was before init. */
  destroy(): void;
}

/** What the custom element needs from the widget: the pack and the UI settings in force. */
export interface WidgetContext {
  /** The pack of the latest init (waits for the first one). */
  pack(): Promise<GlossaryPack>;
  locale(): string | undefined;
  theme(): WidgetOptions['theme'];
}

interface Session {
  root: Element;
  annotator: Annotator;
  ui: { destroy(): void };
  /** Counts of the latest pass. */
  readonly latest: AnnotatedDetail;
}

/** Logs a real problem for the page's developers; the only output the widget ever produces. */
export function warn(message: string, error?: unknown): void {
  try {
    console.warn(`[policy-glossary] ${message}`, ...(error === undefined ? [] : [error instanceof Error ? error.message : error]));
  } catch {
    // A page that broke console.warn gets no diagnostics, but no exception either.
  }
}

function countMatches(matches: readonly PageMatch[]): { matches: number; unknown: number } {
  let unknown = 0;
  for (const match of matches) if (match.kind === 'unknown-slogan') unknown += 1;
  return { matches: matches.length - unknown, unknown };
}

/** Creates the widget for `doc`; `defaults` are the script tag's options (init's options win). */
export function createWidget(doc: Document, defaults: WidgetOptions = {}): Widget & WidgetContext {
  let options: WidgetOptions = { ...defaults };
  let current: { pack: GlossaryPack; matcher: Matcher } | undefined;
  let sessions: Session[] = [];
  /** Bumped by init and destroy, so a slow glossary load never mounts after a newer call. */
  let generation = 0;
  let resolveFirstPack: (pack: GlossaryPack) => void = () => {};
  const firstPack = new Promise<GlossaryPack>((resolve) => (resolveFirstPack = resolve));

  const resolveRoot = (root: Element | string | undefined): Element | undefined => {
    if (root === undefined) return doc.body ?? undefined;
    if (typeof root !== 'string') return root;
    const found = doc.querySelector(root);
    if (!found) warn(`找不到要标注的元素 root "${root}" not found`);
    return found ?? undefined;
  };

  const teardown = (session: Session) => {
    try {
      session.ui.destroy();
    } finally {
      session.annotator.destroy();
    }
  };

  const annotateRoot = async (root: Element, active: { pack: GlossaryPack; matcher: Matcher }) => {
    const existing = sessions.find((s) => s.root === root || s.root.contains(root));
    if (existing) {
      await existing.annotator.rescan();
      return existing.latest;
    }
    // A root around earlier roots takes their place, so no text is annotated twice.
    for (const inner of sessions.filter((s) => root.contains(s.root))) teardown(inner);
    sessions = sessions.filter((s) => !root.contains(s.root));
    let latest: AnnotatedDetail = { matches: 0, unknown: 0, ms: 0, root };
    const annotator = createAnnotator({
      root,
      matcher: active.matcher,
      exclude: excludeList(options.exclude),
      firstOccurrenceOnly: options.firstOnly === true,
      unknownSlogans: options.unknown !== false,
      mode: options.mode === 'highlight' ? undefined : 'wrap',
      onUpdate: (matches, stats) => {
        latest = { ...countMatches(matches), ms: stats.ms, root };
        try {
          doc.dispatchEvent(new CustomEvent(ANNOTATED_EVENT, { detail: latest }));
        } catch (error) {
          warn('annotated 事件处理出错 an annotated-event listener threw', error);
        }
      },
    });
    const strings = createStrings(options.locale || doc.documentElement.lang || 'zh-CN');
    const ui = mountGlossaryUI({ annotator, pack: active.pack, strings, theme: options.theme ?? 'auto' });
    sessions.push({ root, annotator, ui, get latest() { return latest; } });
    await annotator.ready;
    return latest;
  };

  const destroyAll = () => {
    const old = sessions;
    sessions = [];
    for (const session of old) {
      try {
        teardown(session);
      } catch (error) {
        warn('清理时出错 error while removing the annotations', error);
      }
    }
  };

  return {
    async init(next = {}) {
      try {
        destroyAll();
        const mine = ++generation;
        options = { ...defaults, ...next };
        const pack = await loadPack(options.glossary ?? 'glossary.json', doc.baseURI);
        if (mine !== generation) return undefined;
        current = { pack, matcher: createMatcher(pack) };
        resolveFirstPack(pack);
        const root = resolveRoot(options.root);
        return root ? await annotateRoot(root, current) : undefined;
      } catch (error) {
        warn('初始化失败 init failed', error);
        return undefined;
      }
    },
    async annotate(root) {
      try {
        if (!current) {
          warn('请先调用 init() call init() first');
          return undefined;
        }
        const element = resolveRoot(root ?? options.root);
        return element ? await annotateRoot(element, current) : undefined;
      } catch (error) {
        warn('标注失败 annotate failed', error);
        return undefined;
      }
    },
    destroy() {
      generation += 1;
      destroyAll();
      current = undefined;
    },
    pack: () => (current ? Promise.resolve(current.pack) : firstPack),
    locale: () => options.locale,
    theme: () => options.theme,
  };
}
