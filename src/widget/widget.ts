// The widget's engine behind window.PolicyGlossary: loads the pack's matcher part and, beside it, the
// reading chunk (the matcher itself), annotates roots with the shared DOM layer, brings in the tooltip
// UI, the definitions' check and fuzzy matching only when needed (chunks.ts), and never lets an error
// escape into the host page.
import type { Matcher, MatcherGlossary } from '../core/matcher-base';
import type { GlossaryPack } from '../core/types';
import type { SenseSupport } from '../ui/sense-views';
import { createAnnotator, type Annotator, type PageMatch } from '../dom/annotator';
import { chunks as builtChunks, type ChunkLoader, type ReadingChunk } from './chunks';
import { mountLazyUI } from './lazy-ui';
import { loadGlossarySource } from './glossary-source';
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

/** A pack's matcher: fuzzy-free at first, upgraded in place once the page shows it is needed. */
interface PackMatcher extends Matcher {
  /** Resolves when near misses are resolved (at once when no slogan candidate was seen yet). */
  settled(): Promise<void>;
}

/**
 * The matcher for `pack`: the base matcher until a scan meets a numbered slogan the glossary does
 * not have word for word; then the fuzzy chunk loads, the full matcher (the same resolver the
 * extension and CLI use) takes over and `onUpgrade` rescans. Pages without such slogans never
 * load the fuzzy chunk.
 */
function createPackMatcher(
  { createBaseMatcher, readForPage }: typeof ReadingChunk,
  pack: MatcherGlossary,
  chunks: ChunkLoader,
  onUpgrade: () => Promise<void>,
  senses?: SenseSupport,
): PackMatcher {
  let active: Matcher = createBaseMatcher(pack);
  let upgrade: Promise<void> | undefined;
  const start = () =>
    (upgrade ??= chunks.fuzzy().then(
      (chunk) => {
        active = createBaseMatcher(pack, { fuzzy: chunk.createFuzzyResolver });
        return onUpgrade();
      },
      (error: unknown) => warn('无法加载模糊匹配 could not load fuzzy matching', error),
    ));
  return {
    scan(text) {
      // Read as the extension and `scan --region` read (core/match-context.ts); with the
      // collection, the town's place decides which quoted term inside a longer one is shown.
      const found = readForPage(text, (part) => active.scan(part), senses && ((id) => senses.choose(id)?.kind === 'elsewhere'));
      if (!upgrade && found.some((match) => match.kind === 'unknown-slogan')) void start();
      return found;
    },
    settled: () => upgrade ?? Promise.resolve(),
  };
}

/** The glossary in force: the pack (with the collection, when asked for), its matcher and sense support. */
interface Active {
  /** The whole pack, with definitions: at once with the collection, else from the definitions chunk. */
  pack: GlossaryPack | (() => Promise<GlossaryPack>);
  /** The town's own glossary, which its <policy-glossary> panel lists. */
  own(): Promise<GlossaryPack>;
  matcher: PackMatcher;
  senses?: SenseSupport;
}

/**
 * Creates the widget for `doc`; `defaults` are the script tag's options (init's options win).
 * `chunks` loads the lazily used parts (default: those of this build).
 */
export function createWidget(doc: Document, defaults: WidgetOptions = {}, chunks: ChunkLoader = builtChunks): Widget & WidgetContext {
  let options: WidgetOptions = { ...defaults };
  let current: Active | undefined;
  let sessions: Session[] = [];
  /** Bumped by init and destroy, so a slow glossary load never mounts after a newer call. */
  let generation = 0;
  let resolveFirstPack: (own: () => Promise<GlossaryPack>) => void = () => {};
  const firstPack = new Promise<() => Promise<GlossaryPack>>((resolve) => (resolveFirstPack = resolve));

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

  const annotateRoot = async (root: Element, active: Active) => {
    const existing = sessions.find((s) => s.root === root || s.root.contains(root));
    if (existing) {
      await existing.annotator.rescan();
      await active.matcher.settled();
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
    const ui = mountLazyUI({
      doc,
      annotator,
      pack: active.pack,
      senses: active.senses,
      locale: options.locale || doc.documentElement.lang || 'zh-CN',
      theme: options.theme ?? 'auto',
      chunks,
      onError: (error) => warn('无法加载提示框 could not load the tooltips', error),
    });
    sessions.push({ root, annotator, ui, get latest() { return latest; } });
    await annotator.ready;
    // When the pass met unknown slogans, the counts to report are those after fuzzy resolution.
    await active.matcher.settled();
    return latest;
  };

  /** Rescans every root with the upgraded matcher, once each root's first pass is done. */
  const rescanAll = async () => {
    const mine = generation;
    await Promise.all(sessions.map((session) => session.annotator.ready));
    if (mine !== generation) return;
    await Promise.all(sessions.map((session) => session.annotator.rescan()));
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
        // The matcher loads while the glossary does; its failure is reported once the glossary's is not.
        const reading = chunks.reading();
        reading.catch(() => {});
        const source = await loadGlossarySource(options.glossary ?? 'glossary.json', doc.baseURI, chunks);
        // Definitions that turn out not to be a valid pack take the highlights away again: nothing
        // of a glossary that failed its check stays on the page.
        const own = (): Promise<GlossaryPack> =>
          source.full().catch((error: unknown) => {
            if (mine === generation && !failed) {
              failed = true;
              warn('术语表无效 the glossary is not valid', error);
              destroyAll();
            }
            throw error;
          });
        let failed = false;
        let matchable: MatcherGlossary = source.matchable;
        let pack: Active['pack'] = own;
        let senses: SenseSupport | undefined;
        if (options.collection !== undefined) {
          try {
            const merged = await (await chunks.collection()).loadCollection(await own(), options.collection, options.region, doc.baseURI);
            ({ pack, senses } = merged);
            matchable = merged.pack;
          } catch (error) {
            if (failed) return undefined;
            warn('合集', error);
          }
        }
        let reader: typeof ReadingChunk;
        try {
          reader = await reading;
        } catch (error) {
          if (mine === generation) {
            warn('无法加载术语识别 could not load the term reading', error);
            // The <policy-glossary> panel needs no matcher: it still lists the glossary.
            resolveFirstPack(own);
          }
          return undefined;
        }
        if (mine !== generation) return undefined;
        current = { pack, own, senses, matcher: createPackMatcher(reader, matchable, chunks, rescanAll, senses) };
        resolveFirstPack(own);
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
    pack: () => (current ? current.own() : firstPack.then((own) => own())),
    locale: () => options.locale,
    theme: () => options.theme,
  };
}
