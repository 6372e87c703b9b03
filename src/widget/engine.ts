// Starts the widget for this page: options from the embedding script tag, the engine behind the
// public API, and the <policy-glossary> element. Loaded lazily by index.ts (see there).
import type { ChunkLoader } from './chunks';
import { defineGlossaryElement } from './element';
import { readDataOptions, type WidgetOptions } from './options';
import { createWidget, type Widget } from './widget';

function scriptDefaults(script: Element | null): WidgetOptions {
  if (!(script instanceof HTMLScriptElement)) return {};
  // Default glossary: glossary.json beside the script, wherever the town hosts it.
  return { glossary: new URL('glossary.json', script.src || document.baseURI).href, ...readDataOptions(script) };
}

/**
 * Creates the page's widget from its script tag (null for the ES module) and registers the element;
 * `chunks` loads the lazily used parts.
 */
export function startWidget(script: Element | null, chunks: ChunkLoader): Widget {
  const widget = createWidget(document, scriptDefaults(script), chunks);
  defineGlossaryElement(window, widget, chunks);
  return widget;
}
