// The extension's PDF viewer: pdf.js pages rendered lazily near the viewport, each with its text
// layer, annotated by the same annotator and tooltip UI as web pages; toolbar (pages, zoom, find,
// original/download), the document's term list, keyboard shortcuts, and plain messages for
// scanned, broken, password-protected or unreachable documents.
import { browser } from 'wxt/browser';
import type { CompiledPack } from '../core/compiled-pack';
import { readForPage } from '../core/match-context';
import type { Matcher } from '../core/matcher-base';
import type { TextMatch } from '../core/types';
import { createAnnotator, type Annotator, type PageMatch } from '../dom/annotator';
import { createViewportRegistry } from '../dom/viewport';
import { mountGlossaryUI, type GlossaryUI } from '../ui/controller';
import { SENSE_VIEWS } from '../ui/sense-views';
import { createStrings } from '../ui/strings';
import { TOOLTIP_STYLES } from '../ui/styles';
import { loadSettings, localeFor, type ExtensionSettings } from '../extension/settings';
import { hasHostPermission, requestHostPermission } from '../extension/site-access';
import type { EntryRequests } from '../extension/entry-requests';
import { createPlaceRescan, type RescanSession } from '../extension/place-rescan';
import { askBackground } from '../extension/respond';
import { createEntryRequests, loadViewerGlossary, loadViewerMatcher, watchViewerGlossary } from './data';
import { findInDocument, firstHitFrom, foldQuery, type FindHit } from './find';
import { handOffFile, takeHandedOffFile } from './handoff';
import { handoffFromSearch, localPdfName, localViewerUrl, pdfClues, pdfFileName, pdfUrlFromSearch } from './pdf-link';
import { unifyCjk } from '../core/cjk-lookalikes';
import { isPdfFile } from '../import/file-kinds';
import { readPdfNotes } from './pdf-notes';
import { pageText } from './pdf-text';
import { classifyOpenError, openPdf, pdfjs, type PDFDocumentProxy, type PDFPageProxy, type TextLayer } from './pdfjs';
import { viewerStrings, type ViewerStrings } from './strings';

/** Gap between pages and around them, in CSS pixels. */
const PAGE_GAP = 12;
/** Pages this far (in viewport heights) above or below the viewport are rendered ahead of need. */
const RENDER_MARGIN = '150% 0px';
/** The band (a thirtieth of the viewport, a third of the way down) whose page is the current one. */
const CURRENT_BAND = '-32% 0px -65% 0px';
const MIN_SCALE = 0.25;
const MAX_SCALE = 4;
const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];
/** pdf.js sizes pages in points; CSS pixels are 96 per inch against 72 points. */
const PT_TO_PX = 96 / 72;
const FIND_HIGHLIGHT = 'pg-find';
/** A term worth listing: at least two characters, at least one of them a CJK ideograph. */
const LISTABLE = /^(?=.*[\u3400-\u9fff]).{2,}$/su;
const FIND_CURRENT = 'pg-find-current';
/** Longest stretch of our own work in one task before the viewer yields (a frame is 16 ms). */
const SLICE_MS = 8;

interface PageView {
  n: number;
  el: HTMLDivElement;
  canvas: HTMLCanvasElement;
  /** Unscaled page size in CSS pixels (zoom 1), once known (else the first page's). */
  size?: { width: number; height: number };
  proxy?: Promise<PDFPageProxy>;
  /** Scale the canvas shows (0: not drawn). */
  drawnScale: number;
  drawing?: Promise<void>;
  cancelDraw?: () => void;
  textLayer?: TextLayer;
  textScale: number;
  textReady?: Promise<HTMLDivElement | undefined>;
  near: boolean;
}

/** One glossary entry found in the document, with where it occurs (page and offset in its text). */
interface DocTerm {
  entryId: string;
  term: string;
  places: { page: number; start: number }[];
  next: number;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

/**
 * Lets the browser handle input and draw a frame before the caller goes on: scheduler.yield() where
 * there is one (Chromium 129+: the caller resumes ahead of other queued tasks), else a new task.
 */
const nextTask = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/** Mounts the viewer for the PDF named in the page's query string into `app`. */
export async function mountViewer(app: HTMLElement): Promise<void> {
  const settings = await loadSettings();
  // The extension's language setting (options page) before the browser's.
  const locale = localeFor(settings.language, browser.i18n.getUILanguage());
  const s = viewerStrings(locale);
  document.documentElement.lang = s.lang;
  applyTheme(settings.theme);
  const pdfUrl = pdfUrlFromSearch(location.search);
  const chrome = buildChrome(app, s, pdfUrl);
  const open = async (source: PdfSource, data?: Uint8Array): Promise<boolean> => {
    document.title = `${source.name} – ${s.lang === 'zh-CN' ? '政策术语助手' : 'Policy Glossary'}`;
    chrome.showMessage(s.loading, 'info');
    let doc: PDFDocumentProxy;
    try {
      doc = await (await openPdf(data ?? (source.url as string), `${browser.runtime.getURL('/')}pdfjs/`)).promise;
    } catch (error) {
      await explainOpenFailure(chrome, s, source.url, error);
      return false;
    }
    chrome.clearMessage();
    const viewer = new Viewer(doc, source, s, locale, settings, chrome);
    // Pages show at once; terms are marked when the glossary arrives (on a fresh install the
    // background may still be storing the bundled collection), and again when it changes.
    await viewer.start();
    watchViewerGlossary((next) => {
      if (next) {
        chrome.clearMessage();
        void viewer.setPack(next);
      }
    });
    // Not awaited: the document is shown, and another file may be chosen, while the glossary loads.
    void loadViewerGlossary()
      .catch(() => null)
      .then((pack) => {
        if (pack) void viewer.setPack(pack);
        else chrome.showMessage(s.noGlossary, 'info');
      });
    return true;
  };
  const files = watchLocalFiles(chrome, s, pdfUrl ? 'shown' : 'choosing', (name, data) => open({ name }, data));
  if (pdfUrl) {
    await open({ url: pdfUrl, name: pdfFileName(pdfUrl) });
    return;
  }
  // A PDF chosen while the viewer before this one showed another: its bytes, handed over.
  const handoff = handoffFromSearch(location.search);
  const handed = handoff ? await takeHandedOffFile(handoff).catch((error: unknown) => console.warn('[policy-glossary] could not take the handed-off PDF', error)) : undefined;
  if (handed) await files.openChosen(handed.name, handed.data);
  else files.showChooser(localPdfName(location.search));
}

/** The PDF the viewer shows: its address (a file chosen on this computer has none) and its name. */
interface PdfSource {
  url?: string;
  name: string;
}

/** Whether `file` is a PDF by its type or its name (systems leave the type blank, or give another). */
const isChosenPdf = (file: File): boolean => file.type === 'application/pdf' || isPdfFile(file.name);

/** Whether a drag carries files (not text or a link dragged within the page). */
const draggesFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * PDFs on this computer, chosen with a button (the chooser's; the toolbar's 打开 and Ctrl+O) or
 * dropped on the page, and read from their bytes. With no document yet (`choosing`: the viewer
 * opened with no address) the file opens here, and the page's address names it (the background
 * keeps the PDF's own notes by it, and a reload asks for the same file); a file that is not a
 * PDF, or that will not open, says so and the chooser stays for another. While a document is
 * shown (`shown`), the file opens in a new load of the viewer, its bytes handed over (handoff.ts):
 * the document before stays in the tab's history, as when a browser opens a dropped file.
 */
function watchLocalFiles(
  chrome: Chrome,
  s: ViewerStrings,
  initial: 'choosing' | 'shown',
  openHere: (name: string, data: Uint8Array) => Promise<boolean>,
): { showChooser(named: string | undefined): void; openChosen(name: string, data: Uint8Array): Promise<void> } {
  const body = document.body.classList;
  // `opening` while a file is being read or opened: another chosen or dropped meanwhile is not taken.
  let phase: 'choosing' | 'opening' | 'shown' = initial;
  // One file input for the chooser in the message, one beside the toolbar's button.
  const fileInput = (): HTMLInputElement => {
    const input = el('input', { type: 'file', accept: 'application/pdf,.pdf', hidden: true });
    input.addEventListener('change', () => {
      void take(input.files?.[0]);
      // The same file can be chosen again (after a refusal, or to reopen it).
      input.value = '';
    });
    return input;
  };
  const input = fileInput();
  const chooser = el('button', { type: 'button', className: 'pgv-allow pgv-choose', textContent: s.chooseButton });
  const withChooser = (): HTMLElement => el('span', {}, chooser, input);
  chooser.addEventListener('click', () => input.click());
  const toolbarInput = fileInput();
  chrome.buttons.open.after(toolbarInput);
  chrome.buttons.open.addEventListener('click', () => toolbarInput.click());

  const openChosen = async (name: string, data: Uint8Array): Promise<void> => {
    phase = 'opening';
    body.remove('pgv-empty');
    history.replaceState(null, '', localViewerUrl(location.origin, name));
    if (await openHere(name, data)) {
      phase = 'shown';
      return;
    }
    // A file pdf.js refused has its reason shown; the chooser follows it for another.
    phase = 'choosing';
    body.add('pgv-empty');
    chrome.appendToMessage(withChooser());
  };
  const take = async (file: File | undefined): Promise<void> => {
    if (!file || phase === 'opening') return;
    if (!isChosenPdf(file)) {
      if (phase === 'choosing') chrome.showMessage(s.notPdf(file.name), 'error', withChooser());
      else chrome.showMessage(s.notPdf(file.name), 'notice');
      return;
    }
    const was = phase;
    phase = 'opening';
    let data: ArrayBuffer;
    try {
      data = await file.arrayBuffer();
    } catch (error) {
      // Moved or deleted since it was chosen, or not readable.
      console.warn('[policy-glossary] could not read the chosen file', error);
      phase = was;
      chrome.showMessage(s.broken, was === 'choosing' ? 'error' : 'notice', was === 'choosing' ? withChooser() : undefined);
      return;
    }
    if (was === 'choosing') {
      await openChosen(file.name, new Uint8Array(data));
      return;
    }
    try {
      location.assign(localViewerUrl(location.origin, file.name, await handOffFile(file.name, data)));
    } catch (error) {
      console.warn('[policy-glossary] could not hand the PDF to a new viewer page', error);
      phase = 'shown';
      chrome.showMessage(s.cannotSwitch(file.name), 'notice');
    }
  };
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'o') return;
    // Not the browser's own Open File, which would leave the viewer for its plain one.
    event.preventDefault();
    (phase === 'shown' ? toolbarInput : input).click();
  });
  // A file dropped anywhere on the viewer is ours to open, never the browser's to navigate to.
  document.addEventListener('dragover', (event) => {
    if (!draggesFiles(event)) return;
    event.preventDefault();
    if (phase === 'opening') {
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
      return;
    }
    body.add('pgv-dragging');
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', (event) => {
    // Leaving the window, not moving between the page's elements.
    if (event.relatedTarget === null) body.remove('pgv-dragging');
  });
  document.addEventListener('drop', (event) => {
    body.remove('pgv-dragging');
    if (!draggesFiles(event)) return;
    event.preventDefault();
    void take(event.dataTransfer?.files[0]);
  });
  return {
    showChooser(named) {
      body.add('pgv-empty');
      chrome.showMessage(named ? s.chooseNamed(named) : s.chooseFile, 'info', withChooser());
    },
    openChosen,
  };
}

function applyTheme(theme: ExtensionSettings['theme']): void {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

async function explainOpenFailure(chrome: Chrome, s: ViewerStrings, pdfUrl: string | undefined, error: unknown): Promise<void> {
  const failure = classifyOpenError(error);
  console.warn('[policy-glossary] could not open the PDF', error);
  if (failure.kind === 'password') chrome.showMessage(s.password, 'error');
  // A file's bytes pdf.js could not read are a broken file, whatever it threw.
  else if (failure.kind === 'broken' || pdfUrl === undefined) chrome.showMessage(s.broken, 'error');
  else if (failure.kind === 'status') chrome.showMessage(s.notFound(failure.status), 'error');
  else {
    const host = new URL(pdfUrl).hostname;
    const granted = await hasHostPermission(host).catch(() => true);
    if (granted) {
      chrome.showMessage(s.unreachable, 'error');
      return;
    }
    const button = el('button', { type: 'button', className: 'pgv-allow', textContent: s.allowSiteButton });
    button.addEventListener('click', () => {
      void requestHostPermission(host).then((ok) => ok && location.reload());
    });
    chrome.showMessage(s.allowSite(host), 'error', button);
  }
}

/** The toolbar, side panel, message line and page container. */
interface Chrome {
  pagesEl: HTMLElement;
  aside: HTMLElement;
  termList: HTMLElement;
  termStatus: HTMLElement;
  pageInput: HTMLInputElement;
  pageCount: HTMLElement;
  zoomSelect: HTMLSelectElement;
  findInput: HTMLInputElement;
  findCount: HTMLElement;
  buttons: Record<'prev' | 'next' | 'zoomOut' | 'zoomIn' | 'findPrev' | 'findNext' | 'terms' | 'open' | 'download', HTMLButtonElement>;
  showMessage(text: string, kind: 'info' | 'error' | 'notice', extra?: Node): void;
  /** Adds `extra` after the message shown (the chooser after a file's error). */
  appendToMessage(extra: Node): void;
  clearMessage(): void;
  notice: HTMLElement;
}

function buildChrome(app: HTMLElement, s: ViewerStrings, pdfUrl: string | undefined): Chrome {
  const button = (label: string, text: string, shortcut?: string): HTMLButtonElement =>
    el('button', { type: 'button', textContent: text, title: shortcut ? `${label} (${shortcut})` : label, ariaLabel: label });
  const buttons = {
    terms: button(s.terms, s.terms, 'T'),
    prev: button(s.previousPage, '‹', 'P'),
    next: button(s.nextPage, '›', 'N'),
    zoomOut: button(s.zoomOut, '−', '-'),
    zoomIn: button(s.zoomIn, '+', '+'),
    findPrev: button(s.findPrevious, '↑', 'Shift+Enter'),
    findNext: button(s.findNext, '↓', 'Enter'),
    open: button(s.openFileTitle, s.openFile, 'Ctrl+O'),
    download: button(s.download, s.download),
  };
  buttons.terms.setAttribute('aria-expanded', 'false');
  buttons.terms.setAttribute('aria-controls', 'pgv-terms');
  const pageInput = el('input', { type: 'text', inputMode: 'numeric', className: 'pgv-page-input', ariaLabel: s.pageNumber, value: '1' });
  const pageCount = el('span', { className: 'pgv-page-count' });
  const zoomSelect = el('select', { ariaLabel: s.zoom, title: `${s.zoom} (+/−/0)` });
  zoomSelect.append(el('option', { value: 'fit', textContent: s.fitWidth }), ...ZOOM_STEPS.map((z) => el('option', { value: String(z), textContent: `${Math.round(z * 100)}%` })));
  const findInput = el('input', { type: 'search', className: 'pgv-find', placeholder: s.findPlaceholder, ariaLabel: s.find, title: `${s.find} (/, Ctrl+F)` });
  const findCount = el('span', { className: 'pgv-find-count', role: 'status' });
  // A file chosen on this computer has no original to open.
  const original = el('a', { className: 'pgv-link', textContent: s.openOriginal, href: pdfUrl ?? '#', rel: 'noreferrer', hidden: pdfUrl === undefined });
  const help = el('span', { className: 'pgv-help', textContent: '?', title: s.shortcuts, tabIndex: 0, ariaLabel: s.shortcuts });
  const bar = el(
    'header',
    { className: 'pgv-bar', role: 'toolbar' },
    buttons.terms,
    el('span', { className: 'pgv-group' }, buttons.prev, pageInput, pageCount, buttons.next),
    el('span', { className: 'pgv-group' }, buttons.zoomOut, zoomSelect, buttons.zoomIn),
    el('span', { className: 'pgv-group pgv-find-group' }, findInput, buttons.findPrev, buttons.findNext, findCount),
    el('span', { className: 'pgv-group pgv-end' }, original, buttons.open, buttons.download, help),
  );
  const termStatus = el('p', { className: 'pgv-term-status', textContent: s.termsScanning });
  const termList = el('ul', { className: 'pgv-term-list' });
  const aside = el('aside', { id: 'pgv-terms', className: 'pgv-terms', hidden: true, ariaLabel: s.termsHeading }, el('h2', { textContent: s.termsHeading }), termStatus, termList);
  const message = el('div', { className: 'pgv-message', hidden: true });
  const notice = el('div', { className: 'pgv-notice', hidden: true, role: 'status' });
  const pagesEl = el('main', { className: 'pgv-pages', lang: 'zh-CN' });
  app.replaceChildren(bar, aside, el('div', { className: 'pgv-content' }, message, notice, pagesEl));
  return {
    pagesEl,
    aside,
    termList,
    termStatus,
    pageInput,
    pageCount,
    zoomSelect,
    findInput,
    findCount,
    buttons,
    notice,
    showMessage(text, kind, extra) {
      const target = kind === 'notice' ? notice : message;
      target.hidden = false;
      target.className = kind === 'notice' ? 'pgv-notice' : `pgv-message pgv-${kind}`;
      target.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      target.replaceChildren(el('span', { textContent: text }), ...(extra ? [extra] : []));
    },
    appendToMessage(extra) {
      message.append(extra);
    },
    clearMessage() {
      message.hidden = true;
      message.replaceChildren();
    },
  };
}

class Viewer {
  private readonly pages: PageView[] = [];
  private scale = 1;
  private fit = true;
  private baseSize = { width: 816, height: 1056 };
  private pack: CompiledPack | null = null;
  /**
   * The pack's raw matcher, loaded once per pack and shared by the highlights and the term list
   * (loading a 7,000-entry matcher is tens of milliseconds: twice made the viewer's longest task).
   */
  private matcher?: Matcher;
  private annotator?: Annotator;
  /** The annotator with the glossary it reads, for the place rescan (one object per annotator). */
  private session?: RescanSession;
  /**
   * The definitions asked of the background for the terms found, with their sense choices for the
   * PDF's place; an answer may narrow a term to the quoted term inside it, as on web pages.
   */
  private readonly entries: EntryRequests;
  private readonly rescanForPlace: ReturnType<typeof createPlaceRescan>;
  private ui?: GlossaryUI;
  private readonly texts: (string | undefined)[] = [];
  private textsDone?: Promise<string[]>;
  private hits: FindHit[] = [];
  private hitIndex = -1;
  private query = '';
  private terms: DocTerm[] = [];
  private readonly nearObserver: IntersectionObserver;
  private readonly currentObserver: IntersectionObserver;
  private currentPage = 1;
  private readonly matchWaiters = new Set<() => void>();
  /** The PDF's own notes, read once (learnNotes). */
  private notesRead?: Promise<void>;

  constructor(
    private readonly doc: PDFDocumentProxy,
    private readonly source: PdfSource,
    private readonly s: ViewerStrings,
    private readonly locale: string,
    private readonly settings: ExtensionSettings,
    private readonly chrome: Chrome,
  ) {
    this.entries = createEntryRequests(
      () => pdfClues(this.source.url, this.texts[0] ?? '', this.source.name),
      (senses) => {
        this.rescanForPlace(senses);
        this.ui?.refresh();
      },
    );
    this.rescanForPlace = createPlaceRescan({
      session: () => this.session,
      raw: () => {
        const matcher = this.matcher;
        return matcher && ((text) => matcher.scan(text));
      },
      entries: this.entries,
      // The term list reads as the highlights do: list it again with the narrowed terms.
      onRescanned: () => void this.scanDocument(),
    });
    this.nearObserver = new IntersectionObserver((entries) => this.onNear(entries), { rootMargin: RENDER_MARGIN });
    this.currentObserver = new IntersectionObserver((entries) => this.onCurrent(entries), { rootMargin: CURRENT_BAND });
  }

  async start(): Promise<void> {
    const first = await this.doc.getPage(1);
    const view = first.getViewport({ scale: PT_TO_PX });
    this.baseSize = { width: view.width, height: view.height };
    this.scale = this.fitScale();
    this.chrome.pageCount.textContent = this.s.pageCount(this.doc.numPages);
    this.syncZoomSelect();
    const fragment = document.createDocumentFragment();
    for (let n = 1; n <= this.doc.numPages; n += 1) {
      const canvas = el('canvas', { className: 'pgv-canvas' });
      canvas.setAttribute('aria-hidden', 'true');
      const pageEl = el('div', { className: 'pgv-page' }, canvas);
      pageEl.dataset.page = String(n);
      const page: PageView = { n, el: pageEl, canvas, drawnScale: 0, textScale: 0, near: false };
      if (n === 1) {
        page.size = this.baseSize;
        page.proxy = Promise.resolve(first);
      }
      this.sizePage(page);
      this.pages.push(page);
      fragment.append(pageEl);
    }
    this.chrome.pagesEl.append(fragment);
    // The pages may have brought a scrollbar that narrows the view: fit the width again.
    if (this.fit) this.setScale(this.fitScale(), true);
    for (const page of this.pages) this.nearObserver.observe(page.el);
    this.bindControls();
    for (const page of this.pages) this.currentObserver.observe(page.el);
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    window.addEventListener('resize', () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => this.fit && this.setScale(this.fitScale(), true), 150);
    });
    void this.reportEmptyPages();
  }

  /** Starts marking terms (pages already shown are annotated in the first pass) and lists them. */
  async setPack(pack: CompiledPack): Promise<void> {
    if (this.pack?.hash === pack.hash) return;
    this.pack = pack;
    // Loading the matcher (in steps) and starting the annotator each take tasks of their own:
    // together they were the viewer's longest task. With unknown slogans as the settings say: the
    // term list leaves them out, and the other matches do not depend on it (mergeSlogans in
    // core/matcher-base.ts). A newer glossary that came meanwhile loads its own.
    const current = (): boolean => this.pack === pack;
    const matcher = await loadViewerMatcher(pack, this.settings.unknownSlogans, nextTask, current);
    await nextTask();
    if (!matcher || !current()) return;
    this.matcher = matcher;
    this.ui?.destroy();
    this.annotator?.destroy();
    this.startAnnotation();
    void this.scanDocument();
    this.notesRead ??= this.learnNotes();
  }

  /**
   * Hands the PDF's own 名词解释 or footnotes to the background, once its pages' texts are read
   * (pdf-notes.ts): kept as this page's pack, they come back with the next glossary and are shown first.
   */
  private async learnNotes(): Promise<void> {
    const texts = await this.allTexts();
    const clues = pdfClues(this.source.url, texts[0] ?? '', this.source.name);
    const request = await readPdfNotes(this.doc, texts, clues, this.source.url ?? this.source.name, nextTask).catch((error: unknown) => {
      console.warn('[policy-glossary] could not read the PDF’s notes', error);
      return undefined;
    });
    if (request) await askBackground(request).catch(() => undefined);
  }

  // ---- annotation -------------------------------------------------------------------------

  private startAnnotation(): void {
    if (!this.pack || !this.matcher) return;
    const { hash } = this.pack;
    const { entries, matcher } = this;
    this.annotator = createAnnotator({
      root: this.chrome.pagesEl,
      matcher: { scan: (text) => this.read(matcher, text) },
      unknownSlogans: this.settings.unknownSlogans,
      style: this.settings.highlightStyle,
      // Followed by reports alone: the pages' layers keep the layout dirty (viewport.ts).
      viewport: (onChange) => createViewportRegistry(onChange, undefined, false),
      onUpdate: (matches) => {
        entries.ask(hash, matches.flatMap((m) => (m.entryId ? [m.entryId] : [])));
        for (const wake of [...this.matchWaiters]) wake();
      },
    });
    this.ui = mountGlossaryUI({
      annotator: this.annotator,
      pack: { current: () => entries.pack(), request: (ids) => entries.ask(hash, ids) },
      strings: createStrings(this.locale),
      hoverDelay: this.settings.hoverDelay,
      theme: this.settings.theme,
      styles: TOOLTIP_STYLES,
      senses: { choose: (id) => entries.choose(hash, id), views: SENSE_VIEWS },
      sloganUsage: (text) => entries.slogan(hash, text),
      onAddToGlossary: (match: TextMatch) => {
        void askBackground({ type: 'pg:open-entry-form', draft: { term: match.text, kind: match.kind, pageUrl: this.source.url ?? this.source.name } });
      },
    });
    this.session = { hash, annotator: this.annotator };
  }

  /**
   * How the document's text is read, as web pages read theirs (src/extension/content.ts): the raw
   * matcher's matches read in context, and a term only other places define narrowed to a quoted
   * term inside it that has this PDF's place's or the central meaning, once the background said so.
   */
  private read(matcher: Matcher, text: string): TextMatch[] {
    return readForPage(text, (part) => matcher.scan(part), (entryId) => this.entries.isElsewhere(entryId));
  }

  // ---- layout and rendering ----------------------------------------------------------------

  private fitScale(): number {
    const available = Math.max(200, document.documentElement.clientWidth - 2 * PAGE_GAP - (this.chrome.aside.hidden ? 0 : this.chrome.aside.offsetWidth));
    return Math.min(MAX_SCALE, Math.max(MIN_SCALE, available / this.baseSize.width));
  }

  private sizePage(page: PageView): void {
    const size = page.size ?? this.baseSize;
    const width = Math.floor(size.width * this.scale);
    const height = Math.floor(size.height * this.scale);
    const style = page.el.style;
    style.width = `${width}px`;
    style.height = `${height}px`;
    style.setProperty('--scale-factor', String(this.scale * PT_TO_PX));
    style.setProperty('--total-scale-factor', String(this.scale * PT_TO_PX));
  }

  private onNear(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const page = this.pages[Number((entry.target as HTMLElement).dataset.page) - 1];
      if (!page) continue;
      page.near = entry.isIntersecting;
      if (page.near) void this.renderPage(page);
      else this.releaseCanvas(page);
    }
  }

  private proxyOf(page: PageView): Promise<PDFPageProxy> {
    page.proxy ??= this.doc.getPage(page.n);
    return page.proxy;
  }

  /** Draws the page and builds its text layer at the current scale (each only once per scale). */
  private async renderPage(page: PageView): Promise<void> {
    const proxy = await this.proxyOf(page);
    if (!page.size) {
      const view = proxy.getViewport({ scale: PT_TO_PX });
      page.size = { width: view.width, height: view.height };
      this.sizePage(page);
    }
    await Promise.all([this.drawCanvas(page, proxy), this.ensureTextLayer(page)]);
  }

  private async drawCanvas(page: PageView, proxy: PDFPageProxy): Promise<void> {
    if (page.drawnScale === this.scale || !page.near) return;
    page.cancelDraw?.();
    const scale = this.scale;
    const viewport = proxy.getViewport({ scale: scale * PT_TO_PX });
    const ratio = window.devicePixelRatio || 1;
    // A fresh canvas each time: pdf.js refuses to draw on a canvas another render still uses.
    const canvas = el('canvas', { className: 'pgv-canvas' });
    canvas.setAttribute('aria-hidden', 'true');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    const task = proxy.render({ canvas, canvasContext: canvas.getContext('2d') as CanvasRenderingContext2D, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
    page.cancelDraw = () => task.cancel();
    try {
      await task.promise;
    } catch (error) {
      // Cancelled by a zoom or by scrolling away; anything else is worth a line in the console.
      if ((error as { name?: string } | null)?.name !== 'RenderingCancelledException') console.warn('[policy-glossary] drawing page', page.n, error);
      return;
    }
    if (scale !== this.scale) return;
    page.canvas.replaceWith(canvas);
    page.canvas = canvas;
    page.drawnScale = scale;
    page.cancelDraw = undefined;
  }

  private releaseCanvas(page: PageView): void {
    page.cancelDraw?.();
    page.cancelDraw = undefined;
    if (page.drawnScale === 0) return;
    // Far pages give their bitmap back (200 pages of canvases would take gigabytes); the text layer
    // stays, so its terms stay annotated and findable.
    page.canvas.width = 0;
    page.canvas.height = 0;
    page.drawnScale = 0;
  }

  /**
   * The page's text layer, built once (off-document, then added whole, so the annotator sees one
   * finished block) and rescaled on zoom. pdf.js ends lines with <br>, which would split a term
   * wrapped across two lines into two runs of text: they are removed, since Chinese needs no
   * separator between lines.
   */
  private ensureTextLayer(page: PageView): Promise<HTMLDivElement | undefined> {
    if (page.textReady) {
      return page.textReady.then(async (div) => {
        if (div && page.textLayer && page.textScale !== this.scale) {
          const proxy = await this.proxyOf(page);
          page.textScale = this.scale;
          page.textLayer.update({ viewport: proxy.getViewport({ scale: this.scale * PT_TO_PX }) });
        }
        return div;
      });
    }
    page.textReady = (async () => {
      const proxy = await this.proxyOf(page);
      const content = await proxy.getTextContent();
      const div = el('div', { className: 'textLayer' });
      const scale = this.scale;
      const { TextLayer } = await pdfjs();
      const layer = new TextLayer({ textContentSource: content, container: div, viewport: proxy.getViewport({ scale: scale * PT_TO_PX }) });
      await layer.render();
      for (const br of Array.from(div.querySelectorAll('br'))) br.remove();
      unifyLayerText(div);
      page.textLayer = layer;
      page.textScale = scale;
      this.texts[page.n - 1] ??= pageText(content.items);
      page.el.append(div);
      if (this.query) this.paintFindHits();
      return div;
    })().catch((error: unknown) => {
      console.warn('[policy-glossary] text layer of page', page.n, error);
      return undefined;
    });
    return this.ensureTextLayer(page);
  }

  private setScale(next: number, fit = false): void {
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, next));
    this.fit = fit;
    if (Math.abs(scale - this.scale) < 1e-3) {
      this.syncZoomSelect();
      return;
    }
    // Keep the reading position: the same point of the same page stays at the top.
    const anchor = this.pages[this.currentPage - 1];
    const offset = anchor ? (window.scrollY - anchor.el.offsetTop) / anchor.el.offsetHeight : 0;
    this.scale = scale;
    for (const page of this.pages) {
      page.cancelDraw?.();
      page.cancelDraw = undefined;
      this.sizePage(page);
    }
    if (anchor) window.scrollTo({ top: anchor.el.offsetTop + offset * anchor.el.offsetHeight });
    for (const page of this.pages) if (page.near) void this.renderPage(page);
    this.syncZoomSelect();
  }

  private syncZoomSelect(): void {
    const select = this.chrome.zoomSelect;
    const value = this.fit ? 'fit' : String(this.scale);
    let option = Array.from(select.options).find((o) => o.value === value);
    select.querySelector('option[data-custom]')?.remove();
    if (!option) {
      option = el('option', { value, textContent: `${Math.round(this.scale * 100)}%` });
      option.dataset.custom = '';
      select.append(option);
    }
    select.value = value;
  }

  private zoomBy(direction: 1 | -1): void {
    const steps = direction > 0 ? ZOOM_STEPS.filter((z) => z > this.scale + 1e-3) : ZOOM_STEPS.filter((z) => z < this.scale - 1e-3).reverse();
    this.setScale(steps[0] ?? this.scale);
  }

  // ---- navigation -------------------------------------------------------------------------

  /**
   * The current page is the one crossing a thin band a third of the way down the viewport, as an
   * IntersectionObserver reports it after the browser's own layout. Reading the pages' offsetTop on
   * scroll instead forced a layout of the whole document inside our frame callback while text layers
   * were coming in: 60–100 ms, the viewer's longest task of ours while scrolling a 200-page PDF.
   */
  private onCurrent(entries: IntersectionObserverEntry[]): void {
    const crossing = entries.filter((entry) => entry.isIntersecting).pop();
    if (crossing) this.setCurrentPage(Number((crossing.target as HTMLElement).dataset.page));
  }

  private setCurrentPage(n: number): void {
    this.currentPage = n;
    if (document.activeElement !== this.chrome.pageInput) this.chrome.pageInput.value = String(n);
    this.chrome.buttons.prev.disabled = n <= 1;
    this.chrome.buttons.next.disabled = n >= this.pages.length;
  }

  private goToPage(n: number): void {
    const page = this.pages[Math.min(this.pages.length, Math.max(1, Math.round(n))) - 1];
    if (!page) return;
    window.scrollTo({ top: page.el.offsetTop - this.barHeight() - PAGE_GAP / 2 });
    this.setCurrentPage(page.n);
  }

  private barHeight(): number {
    return (document.querySelector('.pgv-bar') as HTMLElement | null)?.offsetHeight ?? 0;
  }

  // ---- controls and shortcuts ---------------------------------------------------------------

  private bindControls(): void {
    const { buttons, pageInput, zoomSelect, findInput } = this.chrome;
    buttons.prev.addEventListener('click', () => this.goToPage(this.currentPage - 1));
    buttons.next.addEventListener('click', () => this.goToPage(this.currentPage + 1));
    pageInput.addEventListener('change', () => {
      const n = Number(pageInput.value);
      if (Number.isFinite(n)) this.goToPage(n);
      else pageInput.value = String(this.currentPage);
    });
    pageInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') pageInput.blur();
    });
    buttons.zoomIn.addEventListener('click', () => this.zoomBy(1));
    buttons.zoomOut.addEventListener('click', () => this.zoomBy(-1));
    zoomSelect.addEventListener('change', () => {
      if (zoomSelect.value === 'fit') this.setScale(this.fitScale(), true);
      else this.setScale(Number(zoomSelect.value));
    });
    let findTimer: ReturnType<typeof setTimeout> | undefined;
    findInput.addEventListener('input', () => {
      clearTimeout(findTimer);
      findTimer = setTimeout(() => void this.find(findInput.value), 200);
    });
    findInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        clearTimeout(findTimer);
        if (foldQuery(findInput.value) !== this.query) void this.find(findInput.value);
        else this.stepHit(event.shiftKey ? -1 : 1);
      } else if (event.key === 'Escape') {
        findInput.value = '';
        void this.find('');
        findInput.blur();
      }
    });
    buttons.findNext.addEventListener('click', () => this.stepHit(1));
    buttons.findPrev.addEventListener('click', () => this.stepHit(-1));
    buttons.terms.addEventListener('click', () => this.toggleTerms());
    buttons.download.addEventListener('click', () => void this.download());
    document.addEventListener('keydown', (event) => this.onKey(event));
    this.setCurrentPage(1);
  }

  private onKey(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      this.chrome.findInput.focus();
      this.chrome.findInput.select();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(input|select|textarea)$/i.test(target.localName))) return;
    if (target?.closest('[data-policy-glossary-ui]')) return;
    const actions: Record<string, () => void> = {
      n: () => this.goToPage(this.currentPage + 1),
      j: () => this.goToPage(this.currentPage + 1),
      p: () => this.goToPage(this.currentPage - 1),
      k: () => this.goToPage(this.currentPage - 1),
      '+': () => this.zoomBy(1),
      '=': () => this.zoomBy(1),
      '-': () => this.zoomBy(-1),
      '0': () => this.setScale(this.fitScale(), true),
      '/': () => this.chrome.findInput.focus(),
      t: () => this.toggleTerms(),
      g: () => this.chrome.pageInput.focus(),
    };
    const action = actions[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  private toggleTerms(): void {
    const { aside, buttons } = this.chrome;
    aside.hidden = !aside.hidden;
    document.body.classList.toggle('pgv-with-terms', !aside.hidden);
    buttons.terms.setAttribute('aria-expanded', String(!aside.hidden));
    if (this.fit) this.setScale(this.fitScale(), true);
  }

  private async download(): Promise<void> {
    const data = await this.doc.getData();
    const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
    const link = el('a', { href: url, download: this.source.name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // ---- the whole document's text: term list, scanned pages, find ---------------------------

  /** Each page's text in order (fetched from the worker one page at a time, yielding in between). */
  private allTexts(): Promise<string[]> {
    this.textsDone ??= (async () => {
      for (let n = 1; n <= this.pages.length; n += 1) {
        if (this.texts[n - 1] === undefined) {
          const content = await (await this.proxyOf(this.pages[n - 1] as PageView)).getTextContent();
          this.texts[n - 1] ??= pageText(content.items);
        }
      }
      return this.texts.map((t) => t ?? '');
    })();
    return this.textsDone;
  }

  /** Says so when pages have no text layer (scans): their terms cannot be explained. */
  private async reportEmptyPages(): Promise<void> {
    const texts = await this.allTexts();
    const empty = texts.filter((t) => t.trim() === '').length;
    if (empty === texts.length) this.chrome.showMessage(this.s.noText, 'notice');
    else if (empty > 0) this.chrome.showMessage(this.s.someNoText(empty, texts.length), 'notice');
  }

  /** Builds the document's term list from every page's text, in slices of at most SLICE_MS. */
  private async scanDocument(): Promise<void> {
    const texts = await this.allTexts();
    const pack = this.pack;
    const matcher = this.matcher;
    if (!pack || !matcher) return;
    // Not in the task that started the annotator (the texts are often all in by then).
    await nextTask();
    if (this.pack !== pack) return;
    const byEntry = new Map<string, DocTerm>();
    let sliceStart = performance.now();
    for (let i = 0; i < texts.length; i += 1) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTask();
        // A newer glossary started its own scan.
        if (this.pack !== pack) return;
        sliceStart = performance.now();
      }
      for (const match of this.read(matcher, texts[i] as string)) {
        // Single characters and bare numbers (立, 管, 15) are items of numbered slogans the
        // collection lists on their own; in running text they are never the term a reader looks for.
        if (!match.entryId || match.kind === 'unknown-slogan' || !LISTABLE.test(match.text)) continue;
        let term = byEntry.get(match.entryId);
        if (!term) {
          term = { entryId: match.entryId, term: match.text, places: [], next: 0 };
          byEntry.set(match.entryId, term);
        }
        term.places.push({ page: i + 1, start: match.start });
      }
    }
    this.terms = [...byEntry.values()];
    this.renderTermList();
  }

  private renderTermList(): void {
    const { termList, termStatus } = this.chrome;
    termStatus.textContent = this.terms.length === 0 ? this.s.termsEmpty : '';
    termStatus.hidden = this.terms.length > 0;
    termList.replaceChildren(
      ...this.terms.map((term) => {
        const button = el('button', { type: 'button', className: 'pgv-term' }, el('span', { className: 'pgv-term-name', textContent: term.term }), el('span', { className: 'pgv-term-count', textContent: this.s.termCount(term.places.length) }));
        button.dataset.entryId = term.entryId;
        button.addEventListener('click', () => void this.showTerm(term));
        return el('li', {}, button);
      }),
    );
  }

  /** Goes to the term's next occurrence (cycling) and opens its tooltip there. */
  private async showTerm(term: DocTerm): Promise<void> {
    const place = term.places[term.next % term.places.length];
    term.next += 1;
    if (!place || !this.annotator || !this.ui) return;
    const page = this.pages[place.page - 1] as PageView;
    const before = term.places.filter((p) => p.page === place.page && p.start < place.start).length;
    this.goToPage(place.page);
    const layer = await this.ensureTextLayer(page);
    if (!layer) return;
    const match = await this.waitForMatch(() => this.annotator?.matches().filter((m) => m.entryId === term.entryId && m.kind !== 'unknown-slogan' && layer.contains(m.range.startContainer))[before]);
    if (!match) return;
    match.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    this.annotator.setActive(match);
    this.ui.open(match, 'keyboard');
  }

  /** Resolves with `probe()`'s match as soon as the annotator has it (or undefined after 10 s). */
  private waitForMatch(probe: () => PageMatch | undefined): Promise<PageMatch | undefined> {
    const found = probe();
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const done = (match: PageMatch | undefined): void => {
        this.matchWaiters.delete(wake);
        clearTimeout(timer);
        resolve(match);
      };
      const wake = (): void => {
        const match = probe();
        if (match) done(match);
      };
      const timer = setTimeout(() => done(probe()), 10_000);
      this.matchWaiters.add(wake);
    });
  }

  private async find(raw: string): Promise<void> {
    const query = foldQuery(raw);
    this.query = query;
    if (!query) {
      this.hits = [];
      this.hitIndex = -1;
      this.chrome.findCount.textContent = '';
      this.paintFindHits();
      return;
    }
    const texts = await this.allTexts();
    if (this.query !== query) return;
    this.hits = findInDocument(texts, raw);
    this.hitIndex = firstHitFrom(this.hits, this.currentPage);
    await this.showHit();
  }

  private stepHit(step: 1 | -1): void {
    if (this.hits.length === 0) return;
    this.hitIndex = (this.hitIndex + step + this.hits.length) % this.hits.length;
    void this.showHit();
  }

  private async showHit(): Promise<void> {
    const { findCount } = this.chrome;
    const hit = this.hits[this.hitIndex];
    findCount.textContent = hit ? this.s.findCount(this.hitIndex + 1, this.hits.length) : this.s.findNone;
    findCount.classList.toggle('pgv-none', !hit);
    if (!hit) {
      this.paintFindHits();
      return;
    }
    const page = this.pages[hit.page - 1] as PageView;
    this.goToPage(hit.page);
    await this.ensureTextLayer(page);
    if (this.hits[this.hitIndex] !== hit) return;
    const range = this.paintFindHits();
    const rect = range?.getBoundingClientRect();
    if (rect && (rect.top < this.barHeight() || rect.bottom > window.innerHeight)) {
      window.scrollBy({ top: rect.top - window.innerHeight / 2 });
    }
  }

  /** Highlights every hit on pages with a text layer; returns the current hit's range. */
  private paintFindHits(): Range | undefined {
    const registry = (CSS as unknown as { highlights?: HighlightRegistry }).highlights;
    if (!registry) return undefined;
    const all = new Highlight();
    const current = new Highlight();
    let currentRange: Range | undefined;
    this.hits.forEach((hit, i) => {
      const layer = this.pages[hit.page - 1]?.el.querySelector('.textLayer');
      if (!layer) return;
      const range = rangeAt(layer, hit.start, hit.end);
      if (!range) return;
      (i === this.hitIndex ? current : all).add(range);
      if (i === this.hitIndex) currentRange = range;
    });
    registry.set(FIND_HIGHLIGHT, all);
    registry.set(FIND_CURRENT, current);
    return currentRange;
  }
}

/** Replaces look-alike CJK characters in the layer's text nodes (see pdf-text.ts). */
function unifyLayerText(layer: Element): void {
  const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const unified = unifyCjk(node.data);
    if (unified !== node.data) node.data = unified;
  }
}

/** A Range over characters [start, end) of `root`'s text (its text nodes in order), if it has them. */
function rangeAt(root: Element, start: number, end: number): Range | undefined {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (!started && start < offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return undefined;
}
