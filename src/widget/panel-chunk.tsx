// The panel chunk (policy-glossary-panel.mjs): renders <policy-glossary> (the searchable glossary
// panel with fuse.js, or one entry inline), loaded only on pages that contain that element.
import { render } from 'preact';
import type { GlossaryPack } from '../core/types';
import { GlossaryPanel, SingleEntry } from '../ui/glossary-panel';
import { createStrings } from '../ui/strings';
import { adoptStyles, PANEL_STYLES, type Theme } from '../ui/styles';

/** What one <policy-glossary> element shows. */
export interface PanelProps {
  pack: GlossaryPack;
  locale: string;
  theme: Theme;
  /** Show only this entry (term, form or id); the whole searchable panel when null. */
  term: string | null;
}

const styled = new WeakSet<ShadowRoot>();

/** Renders (or re-renders) the element's content into its shadow root, styles adopted once (CSP-safe). */
export function renderPanel(shadow: ShadowRoot, { pack, locale, theme, term }: PanelProps): void {
  if (!styled.has(shadow)) {
    adoptStyles(shadow, PANEL_STYLES);
    styled.add(shadow);
  }
  const strings = createStrings(locale);
  render(
    term ? <SingleEntry pack={pack} strings={strings} term={term} theme={theme} /> : <GlossaryPanel pack={pack} strings={strings} theme={theme} />,
    shadow,
  );
}

/** Unmounts what {@link renderPanel} rendered. */
export function clearPanel(shadow: ShadowRoot): void {
  render(null, shadow);
}
