// The content script's work on one page: reads settings and the merged glossary's compiled matcher
// from storage (nothing is built at page load, and nothing is loaded on a page without Chinese),
// highlights terms (src/dom) and mounts the tooltip UI (src/ui) while the site is on, asks the
// background for the entries it found (definitions on demand), answers the popup, and tears
// everything down when switched off or when the extension reloads.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadCompiledMatcher, type CompiledPack } from '../core/compiled-pack';
import { createFuzzyResolver } from '../core/fuzzy';
import { readForPage } from '../core/match-context';
import type { Matcher } from '../core/matcher-base';
import type { TextMatch } from '../core/types';
import { createAnnotator, type Annotator, type PageMatch } from '../dom/annotator';
import { READS_ITSELF } from '../dom/frame-mark';
import { createViewportRegistry } from '../dom/viewport';
import { mountGlossaryUI, type GlossaryUI } from '../ui/controller';
import { SENSE_VIEWS } from '../ui/sense-views';
import { createStrings } from '../ui/strings';
import { isContentRequest, type ContentRequest, type FrameReport, type PageReport } from './messages';
import { summariseMatches, type ReportMatch } from './page-report';
import { askBackground } from './respond';
import { loadSettings, localeFor, watchSettings, type ExtensionSettings } from './settings';
import { revealFromKey } from '../ui/shortcut';
import { pageIsOn } from './sites';
import { getCompiledPack, watchCompiledPack } from './merged-pack';
import { pageClues } from '../ui/page-clues';
import { createEntryRequests } from './entry-requests';
import { createPlaceRescan } from './place-rescan';
import { whenChineseText } from './chinese-text';
import { followedByParent, minimumChinese } from './frames';

const BLOCK_SELECTOR = 'p,li,td,th,dd,dt,h1,h2,h3,h4,h5,h6,blockquote,figcaption,caption,article,section,div';

interface Session {
  hash: string;
  settingsKey: string;
  annotator: Annotator;
  ui: GlossaryUI;
  /** Density 'hover': the reader asked for every match to be drawn. */
  revealed: boolean;
}

/**
 * Runs the extension on the current page until `ctx` is invalidated. A second injection (the
 * popup turning a site on, an extension update) invalidates the earlier context, so one runs.
 */
export async function runContentScript(ctx: ContentScriptContext): Promise<void> {
  if (followedByParent(window)) return;
  let settings = await loadSettings();
  if (ctx.isInvalid) return;
  // undefined until loaded: the compiled matcher is read only once the site is on and the page
  // has Chinese text. Once a matcher is built from it, only its hash is kept (`released`): its
  // strings are a megabyte or more of heap, and the rare rebuild (the slogan setting changed)
  // reads it again.
  let compiled: CompiledPack | null | undefined;
  let loading = false;
  let matcher: { hash: string; slogans: boolean; raw: (text: string) => TextMatch[]; matcher: Matcher } | undefined;
  let session: Session | undefined;
  // Definitions come from the background (entries.ts) for the terms found on the page, with the
  // sense choice for the page's place, after each annotation pass (entry-requests.ts).
  const clues = pageClues(document);
  // A tooltip opened while an answer was on its way shows it now; an answer may also narrow a
  // term to the quoted term inside it for the page's place (`rescanForPlace`).
  const entries = createEntryRequests(
    () => clues,
    (senses) => {
      rescanForPlace(senses);
      session?.ui.refresh();
    },
  );
  /** The page's place rule on a match (core/match-context.ts preferPlaceMeaning): undefined until the background answers. */
  const isElsewhere = (entryId: string): boolean | undefined => entries.isElsewhere(entryId);
  const rescanForPlace = createPlaceRescan({ session: () => session, raw: () => matcher?.raw, entries });
  let scanning = false;
  // Where the mouse rests in the page (undefined once it leaves): a glossary or settings change
  // rebuilds the session under a pointer that does not move, and the term it rests on opens again.
  let resting: { x: number; y: number } | undefined;
  const onPointer = (event: PointerEvent): void => {
    if (event.type === 'pointerout') {
      if (event.relatedTarget === null) resting = undefined;
    } else if (event.pointerType !== 'touch' && event.view === window) {
      resting = { x: event.clientX, y: event.clientY };
    }
  };
  for (const type of ['pointermove', 'pointerout'] as const) window.addEventListener(type, onPointer, { capture: true, passive: true });

  const stop = (): void => {
    session?.ui.destroy();
    session?.annotator.destroy();
    session = undefined;
  };

  const chinese = whenChineseText(document, minimumChinese(window));
  // Reads the compiled matcher once the page has Chinese text, then applies again.
  const load = (): void => {
    if (loading) return;
    loading = true;
    void chinese.ready
      .then(async () => (await getCompiledPack()) ?? (await askBackground<CompiledPack | null>({ type: 'pg:get-compiled' })))
      .finally(() => (loading = false))
      .then((loaded) => {
        if (ctx.isInvalid) return;
        // A change that arrived meanwhile is newer than what was read.
        if (compiled === undefined) compiled = loaded;
        apply();
      })
      .catch((error: unknown) => console.warn('[policy-glossary]', error));
  };

  const apply = (): void => {
    const on = pageIsOn(settings, location.href);
    if (on && compiled === undefined) return load();
    const pack = compiled;
    const settingsKey = JSON.stringify([settings.highlightStyle, settings.hoverDelay, settings.unknownSlogans, settings.theme, settings.language, settings.density]);
    if (session && on && session.hash === pack?.hash && session.settingsKey === settingsKey) return;
    if (on && pack && released(pack) && (matcher?.hash !== pack.hash || matcher.slogans !== settings.unknownSlogans)) {
      compiled = undefined;
      return load();
    }
    const restarted = session !== undefined;
    stop();
    if (!on || !pack) return;
    // A same-origin iframe began while its page had no Chinese text; the page's script reads it now.
    if (followedByParent(window)) return;
    // Else its page's script, starting later, leaves it to this one (src/dom/annotator.ts).
    if (window !== window.top) document.documentElement.setAttribute(READS_ITSELF, '');
    const next = start(pack, settings, settingsKey);
    session = next;
    if (compiled === pack) compiled = release(pack);
    if (restarted) {
      void next.annotator.ready.then(() => {
        const match = resting && session === next ? next.annotator.matchAtPoint(resting.x, resting.y) : undefined;
        if (match) next.ui.open(match, 'hover');
      });
    }
  };

  // The tooltip's CSS, asked of the background once (ui/controller.ts GlossaryUIOptions.styles); a
  // failed answer is not kept, so the next session (a settings change, a new pack) asks again.
  let styles: Promise<string> | undefined;

  const start = (pack: CompiledPack, current: ExtensionSettings, settingsKey: string): Session => {
    const { hash } = pack;
    if (matcher?.hash !== hash || matcher.slogans !== current.unknownSlogans) {
      const loaded = loadCompiledMatcher(pack, { slogans: current.unknownSlogans, fuzzy: createFuzzyResolver });
      // Read as the widget and `scan --region` read (core/match-context.ts): a term's meaning stays
      // off text that names something else (两基 inside “两高地、两基地、一屏障”), and a term only
      // other places define gives way to a quoted term inside it that this page's place defines,
      // once the background's sense choices say so (see `rescanForPlace`, run on each answer).
      matcher = { hash, slogans: current.unknownSlogans, raw: (text) => loaded.scan(text), matcher: { scan: (text) => readForPage(text, (part) => loaded.scan(part), isElsewhere) } };
    }
    scanning = true;
    const annotator = createAnnotator({
      root: document,
      matcher: matcher.matcher,
      unknownSlogans: current.unknownSlogans,
      firstOccurrenceOnly: current.density === 'first',
      // 'hover': nothing drawn but the active match (hover, keyboard); Alt+Shift+↓ draws them all.
      style: current.density === 'hover' ? 'off' : current.highlightStyle,
      viewport: createViewportRegistry,
      onUpdate: (matches) => {
        scanning = false;
        entries.ask(hash, matches.flatMap((m) => (m.entryId ? [m.entryId] : [])));
      },
    });
    const ui = mountGlossaryUI({
      annotator,
      pack: { current: () => entries.pack(), request: (ids) => entries.ask(hash, ids) },
      sloganUsage: (text) => entries.slogan(hash, text),
      strings: createStrings(localeFor(current.language, browser.i18n.getUILanguage())),
      hoverDelay: current.hoverDelay,
      theme: current.theme,
      styles: (styles ??= askBackground<string>({ type: 'pg:styles' }).catch(() => ((styles = undefined), ''))),
      senses: { choose: (entryId) => entries.choose(hash, entryId), views: SENSE_VIEWS },
      onSearch: (text) => void askBackground({ type: 'pg:open-search', text }),
      onAddToGlossary: (match: TextMatch) => {
        void askBackground({ type: 'pg:open-entry-form', draft: { term: match.text, kind: match.kind, pageUrl: location.href, context: contextOf(match as PageMatch).context } });
      },
    });
    return { hash, settingsKey, annotator, ui, revealed: false };
  };

  // Density 'hover': Alt+Shift+↓ draws every match, and again hides them.
  const onKey = (event: KeyboardEvent): void => {
    if (!session || settings.density !== 'hover' || !revealFromKey(event)) return;
    event.preventDefault();
    session.revealed = !session.revealed;
    session.annotator.setHighlightStyle(session.revealed ? settings.highlightStyle : 'off');
  };
  window.addEventListener('keydown', onKey, true);

  const report = (): PageReport => {
    const active = session !== undefined;
    const matches = session ? session.annotator.matches().map(contextOf) : [];
    return { url: location.href, active, scanning: active && scanning, ...summariseMatches(matches) };
  };

  const answer = async (request: Exclude<ContentRequest, { type: 'pg:report-frames' }>): Promise<unknown> => {
    if (request.type === 'pg:report') {
      await session?.annotator.ready;
      return report();
    }
    if (!session) return false;
    await session.annotator.ready;
    const target = session.annotator
      .matches()
      .find((m) => (request.type === 'pg:show-entry' ? m.entryId === request.entryId && m.kind !== 'unknown-slogan' : m.kind === 'unknown-slogan' && m.text === request.text));
    if (!target) return false;
    target.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    session.annotator.setActive(target);
    session.ui.open(target, 'keyboard');
    return true;
  };

  const listener = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): boolean => {
    if (!isContentRequest(message)) return false;
    if (message.type === 'pg:report-frames') {
      // A frame reading its own text sends its report to the popup, which knows the frame from the
      // message's sender; no answer here (the first answer to a request sent to all frames is the
      // only one delivered). The top page answers pg:report.
      if (window !== window.top && session) {
        void session.annotator.ready
          .then(() => browser.runtime.sendMessage({ type: 'pg:frame-report', report: report() } satisfies FrameReport))
          .catch(() => undefined);
      }
      return false;
    }
    answer(message).then(
      (ok) => sendResponse({ ok }),
      (error: unknown) => sendResponse({ error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);

  const unwatchSettings = watchSettings((next) => {
    settings = next;
    apply();
  });
  const unwatchPack = watchCompiledPack((next) => {
    // Before the first read there is nothing to replace: the read gets the newest.
    if (compiled === undefined && !loading) return;
    compiled = next;
    apply();
  });
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(listener);
    unwatchSettings();
    unwatchPack();
    chinese.cancel();
    window.removeEventListener('keydown', onKey, true);
    for (const type of ['pointermove', 'pointerout'] as const) window.removeEventListener(type, onPointer, { capture: true });
    stop();
  });
  apply();
}

/** The compiled pack without its data, once a matcher was built from it (see `compiled`). */
const release = (pack: CompiledPack): CompiledPack => ({ ...pack, data: '', strings: '', keys: '' });
const released = (pack: CompiledPack): boolean => pack.data === '';

/** The match with the text of its block, for the popup's context line and the entry form. */
function contextOf(match: PageMatch): ReportMatch {
  const element = match.range.startContainer.parentElement;
  const text = (element?.closest(BLOCK_SELECTOR) ?? element)?.textContent ?? '';
  const start = text.indexOf(match.text);
  if (start < 0) return { ...match, context: undefined };
  return { ...match, start, end: start + match.text.length, context: text };
}
