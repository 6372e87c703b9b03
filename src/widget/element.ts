// The <policy-glossary> custom element: a searchable glossary panel for a 术语解释 page, or with
// term="六稳" one entry inline. Defined by the main script; what it shows comes from the panel chunk,
// which is downloaded only when such an element is on the page.
import type { GlossaryPack } from '../core/types';
import { UI_HOST_ATTRIBUTE } from '../dom/annotator';
import type { ChunkLoader, PanelChunk } from './chunks';
import { loadGlossarySource } from './glossary-source';
import { warn, type WidgetContext } from './widget';

/** The element's tag name. */
export const GLOSSARY_ELEMENT = 'policy-glossary';

/**
 * Registers <policy-glossary> (once per window). Attributes: `term` (show one entry), `glossary`
 * (a pack URL; default the widget's glossary), `locale`, `theme`. `chunks.panel` supplies the panel.
 */
export function defineGlossaryElement(win: Window & typeof globalThis, context: WidgetContext, chunks: Pick<ChunkLoader, 'panel' | 'definitions'>): void {
  if (!win.customElements || win.customElements.get(GLOSSARY_ELEMENT)) return;

  class PolicyGlossaryElement extends win.HTMLElement {
    static observedAttributes = ['term', 'glossary', 'locale', 'theme'];
    private mountPoint: ShadowRoot | undefined;
    private panel: typeof PanelChunk | undefined;
    private rendering = 0;

    connectedCallback() {
      try {
        this.setAttribute(UI_HOST_ATTRIBUTE, '');
        this.mountPoint ??= this.shadowRoot ?? this.attachShadow({ mode: 'open' });
        void this.update();
      } catch (error) {
        warn('术语面板出错 <policy-glossary> failed', error);
      }
    }

    attributeChangedCallback() {
      if (this.isConnected && this.mountPoint) void this.update();
    }

    disconnectedCallback() {
      this.rendering += 1;
      if (this.mountPoint) this.panel?.clearPanel(this.mountPoint);
    }

    private async update() {
      const shadow = this.mountPoint;
      if (!shadow) return;
      const mine = ++this.rendering;
      try {
        const source = this.getAttribute('glossary');
        const [pack, panel]: [GlossaryPack, typeof PanelChunk] = await Promise.all([
          source ? loadGlossarySource(source, this.ownerDocument.baseURI, chunks).then((glossary) => glossary.full()) : context.pack(),
          chunks.panel(),
        ]);
        if (mine !== this.rendering) return;
        this.panel = panel;
        const attribute = this.getAttribute('theme');
        panel.renderPanel(shadow, {
          pack,
          locale: this.getAttribute('locale') || context.locale() || this.ownerDocument.documentElement.lang || 'zh-CN',
          theme: attribute === 'light' || attribute === 'dark' || attribute === 'auto' ? attribute : (context.theme() ?? 'auto'),
          term: this.getAttribute('term'),
        });
      } catch (error) {
        warn('术语面板无法显示 <policy-glossary> could not render', error);
      }
    }
  }

  win.customElements.define(GLOSSARY_ELEMENT, PolicyGlossaryElement);
}
