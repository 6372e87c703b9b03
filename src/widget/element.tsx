// The <policy-glossary> custom element: a searchable glossary panel for a 术语解释 page, or with
// term="六稳" one entry inline. Rendered in a shadow root whose styles are adopted (CSP-safe).
import { render } from 'preact';
import type { GlossaryPack } from '../core/types';
import { UI_HOST_ATTRIBUTE } from '../ui/annotator-contract';
import { GlossaryPanel, SingleEntry } from '../ui/glossary-panel';
import { createStrings } from '../ui/strings';
import { adoptStyles, PANEL_STYLES } from '../ui/styles';
import type { Theme } from '../ui/tooltip';
import { loadPack } from './load-pack';
import { warn, type WidgetContext } from './widget';

/** The element's tag name. */
export const GLOSSARY_ELEMENT = 'policy-glossary';

/**
 * Registers <policy-glossary> (once per window). Attributes: `term` (show one entry), `glossary`
 * (a pack URL; default the widget's glossary), `locale`, `theme`.
 */
export function defineGlossaryElement(win: Window & typeof globalThis, context: WidgetContext): void {
  if (!win.customElements || win.customElements.get(GLOSSARY_ELEMENT)) return;

  class PolicyGlossaryElement extends win.HTMLElement {
    static observedAttributes = ['term', 'glossary', 'locale', 'theme'];
    private mountPoint: ShadowRoot | undefined;
    private rendering = 0;

    connectedCallback() {
      try {
        this.setAttribute(UI_HOST_ATTRIBUTE, '');
        if (!this.mountPoint) {
          this.mountPoint = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
          adoptStyles(this.mountPoint, PANEL_STYLES);
        }
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
      if (this.mountPoint) render(null, this.mountPoint);
    }

    private async update() {
      const shadow = this.mountPoint;
      if (!shadow) return;
      const mine = ++this.rendering;
      try {
        const source = this.getAttribute('glossary');
        const pack: GlossaryPack = source ? await loadPack(source, this.ownerDocument.baseURI) : await context.pack();
        if (mine !== this.rendering) return;
        const strings = createStrings(this.getAttribute('locale') || context.locale() || this.ownerDocument.documentElement.lang || 'zh-CN');
        const attribute = this.getAttribute('theme');
        const theme: Theme = attribute === 'light' || attribute === 'dark' || attribute === 'auto' ? attribute : (context.theme() ?? 'auto');
        const term = this.getAttribute('term');
        render(
          term ? <SingleEntry pack={pack} strings={strings} term={term} theme={theme} /> : <GlossaryPanel pack={pack} strings={strings} theme={theme} />,
          shadow,
        );
      } catch (error) {
        warn('术语面板无法显示 <policy-glossary> could not render', error);
      }
    }
  }

  win.customElements.define(GLOSSARY_ELEMENT, PolicyGlossaryElement);
}
