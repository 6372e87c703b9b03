// Entry of the embeddable widget (policy-glossary.js / .mjs). As a classic <script> it configures
// itself from its own data- attributes and annotates the page; as a module it waits for init().
import { defineGlossaryElement } from './element';
import { readDataOptions, type WidgetOptions } from './options';
import { createWidget, warn, type AnnotatedDetail, type Widget } from './widget';

export type { AnnotatedDetail, Widget, WidgetOptions };
export { ANNOTATED_EVENT } from './widget';

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

function scriptDefaults(): WidgetOptions {
  if (!(script instanceof HTMLScriptElement)) return {};
  // Default glossary: glossary.json beside the script, wherever the town hosts it.
  return { glossary: new URL('glossary.json', script.src || document.baseURI).href, ...readDataOptions(script) };
}

const widget: Widget | undefined =
  running ??
  (() => {
    try {
      if (typeof document === 'undefined') return undefined;
      const created = createWidget(document, scriptDefaults());
      defineGlossaryElement(window, created);
      return created;
    } catch (error) {
      warn('无法启动 could not start', error);
      return undefined;
    }
  })();

/** Loads the glossary and annotates the page; see WidgetOptions. Resolves with the first pass's counts. */
export const init = (options?: WidgetOptions): Promise<AnnotatedDetail | undefined> =>
  widget ? widget.init(options) : Promise.resolve(undefined);

/** Annotates `root` (element or selector; default the init root) again, e.g. after new content. */
export const annotate = (root?: Element | string): Promise<AnnotatedDetail | undefined> =>
  widget ? widget.annotate(root) : Promise.resolve(undefined);

/** Removes all marks, tooltips and listeners, restoring the page. */
export const destroy = (): void => widget?.destroy();

if (widget && !running && script instanceof HTMLScriptElement && !script.hasAttribute('data-manual')) {
  const start = () => void init();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
