// Entry of the embeddable widget (policy-glossary.js / .mjs). As a classic <script> it configures
// itself from its own data- attributes and annotates the page; as a module it waits for init().
// Everything else is imported lazily, so that even an error while the bundle's modules initialise
// (say, on a page that broke Array.prototype) becomes a console warning instead of a page error.
// The chunk loader is imported at once: it must see this script's URL while the script runs.
import { chunks } from './chunks';
import type { AnnotatedDetail } from './event';
import type { WidgetOptions } from './options';
import type { Widget } from './widget';

export { ANNOTATED_EVENT } from './event';
export type { AnnotatedDetail, Widget, WidgetOptions };

/** Version of the widget's API. */
export const version = '1';

const script = typeof document === 'undefined' ? null : document.currentScript;

/**
 * A copy of the widget that is already running on this page (CMS templates often include a script
 * twice): the new copy hands every call to it instead of annotating the page a second time.
 */
const running = ((): Widget | undefined => {
  const existing = typeof window === 'undefined' ? undefined : (window as { PolicyGlossary?: Partial<Widget> & { version?: unknown } }).PolicyGlossary;
  return existing && existing.version === version && typeof existing.init === 'function' && typeof existing.annotate === 'function' && typeof existing.destroy === 'function'
    ? (existing as Widget)
    : undefined;
})();

let started: Widget | undefined = running;
let starting: Promise<Widget | undefined> | undefined;

const engine = (): Promise<Widget | undefined> =>
  (starting ??= started
    ? Promise.resolve(started)
    : import('./engine')
        .then((module) => (started = typeof document === 'undefined' ? undefined : module.startWidget(script, chunks)))
        .catch((error: unknown) => {
          try {
            console.warn('[policy-glossary] 无法启动 could not start', error instanceof Error ? error.message : error);
          } catch {
            // Nothing left to report with.
          }
          return undefined;
        }));

/** Loads the glossary and annotates the page; see WidgetOptions. Resolves with the first pass's counts. */
export const init = (options?: WidgetOptions): Promise<AnnotatedDetail | undefined> =>
  engine().then((widget) => widget?.init(options));

/** Annotates `root` (element or selector; default the init root) again, e.g. after new content. */
export const annotate = (root?: Element | string): Promise<AnnotatedDetail | undefined> =>
  engine().then((widget) => widget?.annotate(root));

/** Removes all marks, tooltips and listeners, restoring the page (at once when the widget runs). */
export const destroy = (): void => {
  if (started) started.destroy();
  else void engine().then((widget) => widget?.destroy());
};

// script is null outside a browser (server-side rendering imports the module): HTMLScriptElement may not exist there.
if (!running && script !== null && script instanceof HTMLScriptElement && !script.hasAttribute('data-manual')) {
  // The reading chunk starts loading now, while the page may still be parsing; init's import of it
  // gets the same module. A failure is init's to report.
  try {
    chunks.reading().catch(() => undefined);
  } catch {
    // Reported by init.
  }
  const start = () => void init();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
} else if (!running && typeof document !== 'undefined') {
  // The ES module and data-manual: register <policy-glossary> now; it renders once init() ran.
  void engine();
}
