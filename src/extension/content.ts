// The content script's work on one page: reads settings and the merged glossary from storage,
// highlights terms (src/dom) and mounts the tooltip UI (src/ui) while the site is on, answers the
// popup, and tears everything down when switched off or when the extension reloads.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createMatcher } from '../core/matcher';
import type { SenseChoice } from '../core/sense-choice';
import type { GlossaryPack, PackEntry, TextMatch } from '../core/types';
import { createAnnotator, type Annotator, type PageMatch } from '../dom/annotator';
import { createViewportRegistry } from '../dom/viewport';
import { mountGlossaryUI, type GlossaryUI } from '../ui/controller';
import { findEntry } from '../ui/entry-card';
import { SENSE_VIEWS } from '../ui/sense-views';
import { createStrings } from '../ui/strings';
import { isContentRequest, type ContentRequest, type PageReport } from './messages';
import { summariseMatches, type ReportMatch } from './page-report';
import { askBackground } from './respond';
import { loadSettings, localeFor, watchSettings, type ExtensionSettings } from './settings';
import { siteState } from './sites';
import { getMergedPack, watchMergedPack } from './merged-pack';
import { pageClues } from '../ui/page-clues';
import type { PageSenses } from './page-senses';

const BLOCK_SELECTOR = 'p,li,td,th,dd,dt,h1,h2,h3,h4,h5,h6,blockquote,figcaption,caption,article,section,div';

interface Session {
  pack: GlossaryPack;
  settingsKey: string;
  annotator: Annotator;
  ui: GlossaryUI;
}

/**
 * Runs the extension on the current page until `ctx` is invalidated. A second injection (the
 * popup turning a site on, an extension update) invalidates the earlier context, so one runs.
 */
export async function runContentScript(ctx: ContentScriptContext): Promise<void> {
  let settings = await loadSettings();
  let pack = (await getMergedPack()) ?? (await askBackground<GlossaryPack | null>({ type: 'pg:get-pack' }));
  if (ctx.isInvalid) return;
  let session: Session | undefined;
  // Which of a term's definitions this page shows depends on the page's place; the background
  // answers for the terms found on the page (see page-senses.ts), after each annotation pass.
  const clues = pageClues(document);
  let senses: { hash: string; asked: Set<string>; choices: PageSenses; byTerm?: Map<string, PackEntry[]> } = { hash: '', asked: new Set(), choices: {} };
  const askSenses = (active: GlossaryPack, matches: readonly PageMatch[]): void => {
    if (senses.hash !== active.hash) senses = { hash: active.hash, asked: new Set(), choices: {} };
    const current = senses;
    const entryIds = [...new Set(matches.flatMap((m) => (m.entryId && !current.asked.has(m.entryId) ? [m.entryId] : [])))];
    if (entryIds.length === 0) return;
    for (const id of entryIds) current.asked.add(id);
    askBackground<PageSenses>({ type: 'pg:page-senses', clues, entryIds }).then(
      (answer) => {
        Object.assign(current.choices, answer);
        // A tooltip opened while the answer was on its way shows it now.
        session?.ui.refresh();
      },
      // Asked again after the next pass; meanwhile the matched entry is shown alone.
      () => entryIds.forEach((id) => current.asked.delete(id)),
    );
  };
  const choose = (active: GlossaryPack, entryId: string): SenseChoice | undefined => {
    if (senses.hash !== active.hash) return undefined;
    const ids = senses.choices[entryId];
    if (ids) {
      const others = ids.others.map((id) => findEntry(active, id)).filter((entry): entry is PackEntry => entry !== undefined);
      return { shown: findEntry(active, ids.shown), kind: ids.kind, others };
    }
    // No answer yet: a term several sources define is shown as other places' usage until the
    // background says which is this page's, never one of them as its meaning.
    if (!senses.byTerm) {
      senses.byTerm = new Map();
      for (const entry of active.entries) {
        const list = senses.byTerm.get(entry.term);
        if (list) list.push(entry);
        else senses.byTerm.set(entry.term, [entry]);
      }
    }
    const same = senses.byTerm.get(findEntry(active, entryId)?.term ?? '') ?? [];
    return same.length > 1 ? { kind: 'elsewhere', others: same } : undefined;
  };
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

  const apply = (): void => {
    const on = pack !== null && siteState(settings, location.href) === 'on';
    const settingsKey = JSON.stringify([settings.highlightStyle, settings.hoverDelay, settings.unknownSlogans, settings.theme, settings.language]);
    if (session && on && session.pack.hash === pack?.hash && session.settingsKey === settingsKey) return;
    const restarted = session !== undefined;
    stop();
    if (!on || !pack) return;
    const next = start(pack, settings, settingsKey);
    session = next;
    if (restarted) {
      void next.annotator.ready.then(() => {
        const match = resting && session === next ? next.annotator.matchAtPoint(resting.x, resting.y) : undefined;
        if (match) next.ui.open(match, 'hover');
      });
    }
  };

  const start = (activePack: GlossaryPack, current: ExtensionSettings, settingsKey: string): Session => {
    const matcher = createMatcher(activePack, { slogans: current.unknownSlogans });
    scanning = true;
    const annotator = createAnnotator({
      root: document,
      matcher,
      unknownSlogans: current.unknownSlogans,
      style: current.highlightStyle,
      viewport: createViewportRegistry,
      onUpdate: (matches) => {
        scanning = false;
        askSenses(activePack, matches);
      },
    });
    const ui = mountGlossaryUI({
      annotator,
      pack: activePack,
      strings: createStrings(localeFor(current.language, browser.i18n.getUILanguage())),
      hoverDelay: current.hoverDelay,
      theme: current.theme,
      senses: { choose: (entryId) => choose(activePack, entryId), views: SENSE_VIEWS },
      onAddToGlossary: (match: TextMatch) => {
        void askBackground({ type: 'pg:open-entry-form', draft: { term: match.text, kind: match.kind, pageUrl: location.href, context: contextOf(match as PageMatch).context } });
      },
    });
    return { pack: activePack, settingsKey, annotator, ui };
  };

  const report = (): PageReport => {
    const active = session !== undefined;
    const matches = session ? session.annotator.matches().map(contextOf) : [];
    return { url: location.href, active, scanning: active && scanning, ...summariseMatches(matches) };
  };

  const answer = async (request: ContentRequest): Promise<unknown> => {
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
  const unwatchPack = watchMergedPack((next) => {
    pack = next;
    apply();
  });
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(listener);
    unwatchSettings();
    unwatchPack();
    for (const type of ['pointermove', 'pointerout'] as const) window.removeEventListener(type, onPointer, { capture: true });
    stop();
  });
  apply();
}

/** The match with the text of its block, for the popup's context line and the entry form. */
function contextOf(match: PageMatch): ReportMatch {
  const element = match.range.startContainer.parentElement;
  const text = (element?.closest(BLOCK_SELECTOR) ?? element)?.textContent ?? '';
  const start = text.indexOf(match.text);
  if (start < 0) return { ...match, context: undefined };
  return { ...match, start, end: start + match.text.length, context: text };
}
