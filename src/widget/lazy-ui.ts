// The tooltip UI of one annotated root, mounted from the UI chunk on the reader's first attempt to
// open a tooltip; that first tooltip then opens as if the UI had been there all along.
import type { SloganUsage } from '../core/slogan-usage';
import { PACK_SCHEMA_VERSION, type GlossaryPack, type PackEntry } from '../core/types';
import type { SenseSupport } from '../ui/sense-views';
import type { Annotator, PageMatch } from '../dom/annotator';
import { cancelTimer, now, startTimer } from '../dom/natives';
import type { ChunkLoader, UIChunk } from './chunks';
import { watchIntent, type Intent } from './intent';
import type { WidgetTheme } from './options';

/** Milliseconds the pointer rests on a term before its tooltip opens (the controller's default). */
const HOVER_DELAY = 300;

type GlossaryUI = ReturnType<(typeof UIChunk)['mountGlossaryUI']>;

/** Options of {@link mountLazyUI}. */
export interface LazyUIOptions {
  doc: Document;
  annotator: Annotator;
  /** The pack, or how to get it (the definitions chunk): the tooltip shows a loading state until it comes. */
  pack: GlossaryPack | (() => Promise<GlossaryPack>);
  /** Sense choice and views for a pack with the collection. */
  senses?: SenseSupport;
  locale: string;
  theme: WidgetTheme;
  chunks: ChunkLoader;
  /** Reports a failure to load the UI chunk. */
  onError(error: unknown): void;
}

/** What the tooltip reads before the definitions came. */
const NO_ENTRIES: GlossaryPack = { schemaVersion: PACK_SCHEMA_VERSION, hash: '', documents: [], entries: [], variants: {} };

/** Watches for intent, then loads and mounts the tooltip UI; `destroy()` works in every state. */
export function mountLazyUI({ doc, annotator, pack, senses, locale, theme, chunks, onError }: LazyUIOptions): { destroy(): void } {
  let ui: GlossaryUI | undefined;
  let loading = false;
  let destroyed = false;
  let latest: Intent | undefined;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;

  const reveal = (match: PageMatch) => (match.element ?? match.range.startContainer.parentElement)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });

  const replay = (shown: GlossaryUI, intent: Intent) => {
    if (intent.via === 'hover') {
      // The hover delay counts from when the pointer reached the term, not from when the UI loaded.
      hoverTimer = startTimer(() => {
        hoverTimer = undefined;
        const pointer = watch.pointer();
        watch.stop();
        if (pointer && annotator.matchAtPoint(pointer.x, pointer.y)?.id === intent.match.id) shown.open(intent.match, 'hover');
      }, Math.max(0, HOVER_DELAY - (now() - intent.at)));
      return;
    }
    watch.stop();
    if (intent.via === 'focus') {
      if (doc.activeElement === intent.match.element) shown.open(intent.match, 'focus');
    } else if (intent.via === 'keyboard') {
      const match = intent.direction === 1 ? annotator.next() : annotator.previous();
      if (match) {
        reveal(match);
        shown.open(match, 'keyboard');
      }
    } else {
      shown.open(intent.match, 'tap');
    }
  };

  // Definitions from the definitions chunk, asked for with the UI chunk: whichever comes last, a
  // tooltip opened before them shows its loading state and is drawn again when they come. A failed
  // check is the widget's to report (it takes the highlights away).
  let known = typeof pack === 'function' ? undefined : pack;
  const source = typeof pack === 'function' ? { current: () => known ?? NO_ENTRIES, request: () => {} } : pack;

  // An unknown slogan's usage comes with the fuzzy chunk (loaded on pages with unknown slogans),
  // read over the definitions once they came; until both are here the tooltip claims nothing.
  let usageMaker: ((pack: GlossaryPack) => (text: string) => SloganUsage<PackEntry>) | undefined;
  let usageIn: { pack: GlossaryPack; read: (text: string) => SloganUsage<PackEntry> } | undefined;
  let usageLoading = false;
  const sloganUsage = (text: string): SloganUsage<PackEntry> | undefined => {
    if (usageMaker) {
      if (!known) return undefined;
      if (usageIn?.pack !== known) usageIn = { pack: known, read: usageMaker(known) };
      return usageIn.read(text);
    }
    if (!usageLoading) {
      usageLoading = true;
      chunks.fuzzy().then(
        (chunk) => {
          usageMaker = chunk.createSloganUsage;
          if (!destroyed) ui?.refresh();
        },
        (error: unknown) => onError(error),
      );
    }
    return undefined;
  };

  const load = () => {
    loading = true;
    if (typeof pack === 'function') {
      pack().then(
        (loaded) => {
          known = loaded;
          if (!destroyed) ui?.refresh();
        },
        () => {},
      );
    }
    chunks.ui().then(
      (chunk) => {
        if (destroyed) return;
        const shown = chunk.mountGlossaryUI({ annotator, pack: source, senses, strings: chunk.createStrings(locale), theme, styles: chunk.TOOLTIP_STYLES, hoverDelay: HOVER_DELAY, sloganUsage });
        ui = shown;
        if (latest) replay(shown, latest);
      },
      (error: unknown) => {
        watch.stop();
        if (!destroyed) onError(error);
      },
    );
  };

  const watch = watchIntent(doc, annotator, (intent) => {
    if (ui) return;
    latest = intent;
    if (!loading) load();
  });

  return {
    destroy() {
      destroyed = true;
      cancelTimer(hoverTimer);
      watch.stop();
      ui?.destroy();
      ui = undefined;
    },
  };
}
