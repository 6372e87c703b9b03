// The tooltip: a shadow-root host that page CSS cannot reach, and the view it shows for one match
// (a known entry with related-term navigation, a fuzzy "did you mean", or an unknown slogan).
import { Component } from 'preact';
import { COUNT_CHARS } from '../core/numerals';
import type { SloganUsage } from '../core/slogan-usage';
import type { GlossaryPack, PackEntry, TextMatch } from '../core/types';
import { UI_HOST_ATTRIBUTE } from './annotator-contract';
import { EntryCard, findEntry, placeAndYear } from './entry-card';
import type { SenseSupport } from './sense-views';
import type { Strings } from './strings';
import { adoptStyles, themeClass } from './styles';
import type { Theme } from './styles';

export type { Theme } from './styles';

/** Tag name of the tooltip host: a custom-element name, so no page rule aimed at ordinary tags hits it. */
export const TOOLTIP_HOST_TAG = 'policy-glossary-ui';

/** Options of {@link mountTooltipHost}. */
export interface TooltipHostOptions {
  document?: Document;
  strings: Strings;
  theme?: Theme;
  /** The tooltip's CSS (styles.ts TOOLTIP_STYLES), or its promise: see GlossaryUIOptions.styles. */
  styles: string | Promise<string>;
}

/** The mounted host: render into `mount`; `destroy()` removes everything. */
export interface TooltipHost {
  host: HTMLElement;
  shadowRoot: ShadowRoot;
  /** The themed root element inside the shadow root that views render into. */
  mount: HTMLElement;
  /** Re-attaches the host if the page removed it. */
  attach(): void;
  destroy(): void;
}

/**
 * Creates the tooltip host at the end of `<html>` (outside `<body>`, whose styles and transforms
 * pages change most): an open shadow root with the stylesheet and one themed root element.
 */
export function mountTooltipHost({ document: doc = document, strings, theme, styles }: TooltipHostOptions): TooltipHost {
  const host = doc.createElement(TOOLTIP_HOST_TAG);
  host.setAttribute(UI_HOST_ATTRIBUTE, '');
  const shadowRoot = host.attachShadow({ mode: 'open' });
  if (typeof styles === 'string') adoptStyles(shadowRoot, styles);
  // Arriving later, it goes before the sheets added meanwhile (the sense views'), which build on it.
  else void styles.then((css) => adoptStyles(shadowRoot, css, true));
  const mount = doc.createElement('div');
  mount.className = themeClass(theme);
  mount.lang = strings.lang;
  shadowRoot.append(mount);
  const attach = () => {
    if (!host.isConnected) doc.documentElement.append(host);
  };
  attach();
  return { host, shadowRoot, mount, attach, destroy: () => host.remove() };
}

/** Props of {@link TooltipView}. */
export interface TooltipViewProps {
  match: TextMatch;
  pack: GlossaryPack;
  strings: Strings;
  /** `true` when opened by keyboard or tap: a dialog that takes focus; otherwise a hover tooltip. */
  dialog: boolean;
  /** Id of the element naming the tooltip (`aria-labelledby`). */
  titleId: string;
  onClose: () => void;
  /** Offered for unknown slogans; without it the add button is not shown. */
  onAddToGlossary?: (match: TextMatch) => void;
  /** Offered for unknown slogans: opens the glossary search with the slogan's words. */
  onSearch?: (text: string) => void;
  /**
   * Which of the term's definitions this page is shown, and the views for the others; without it,
   * or when it answers nothing, the matched entry is shown alone. Its views are passed in rather
   * than imported, so the widget's tooltip chunk carries them only when the collection is used.
   */
  senses?: SenseSupport;
  /** The page's address, for the report link of sources that name a contact. */
  pageUrl?: string;
  /** For an unknown slogan: what the glossary knows about it; undefined while it is on its way. */
  usage?: SloganUsage<PackEntry>;
}

/** What the tooltip shows for one match; related terms open in place, with a way back. */
export class TooltipView extends Component<TooltipViewProps, { trail: string[] }> {
  override state = { trail: [] as string[] };

  override render({ match, pack, strings, dialog, titleId, onClose, onAddToGlossary, onSearch, senses, pageUrl = '', usage }: TooltipViewProps, { trail }: { trail: string[] }) {
    const found = findEntry(pack, trail[trail.length - 1] ?? match.entryId);
    const choice = found && senses?.choose(found.id);
    const entry = choice ? choice.shown : found;
    const views = senses?.views;
    const loading = !found && match.kind !== 'unknown-slogan';
    return (
      <div class="pg-tip" role={dialog ? 'dialog' : 'tooltip'} aria-labelledby={titleId} tabIndex={-1}>
        <button type="button" class="pg-x" aria-label={strings.close} title={strings.close} onClick={onClose}>
          ×
        </button>
        {trail.length > 0 && (
          <div class="pg-bar">
            <button type="button" onClick={() => this.setState({ trail: trail.slice(0, -1) })}>
              ← {strings.back}
            </button>
          </div>
        )}
        {found && match.kind === 'fuzzy' && trail.length === 0 && <p class="pg-maybe">{strings.maybe(found.term)}</p>}
        {entry ? (
          <EntryCard
            key={entry.id}
            entry={entry}
            pack={pack}
            strings={strings}
            headingId={titleId}
            others={views && choice && <views.OtherSources others={choice.others} pack={pack} strings={strings} listId={`${titleId}-others`} />}
            report={views && <views.ReportLink entry={entry} pack={pack} strings={strings} pageUrl={pageUrl} />}
            onShowEntry={(next) => this.setState({ trail: [...trail, next] })}
          />
        ) : found && views && choice ? (
          // No definition belongs to this page's place: the others are shown as theirs, not as its meaning.
          <views.Elsewhere term={found.term} others={choice.others} pack={pack} strings={strings} headingId={titleId} />
        ) : (
          // A glossary term whose entry has not arrived yet (definitions load on demand) says it is
          // loading: never "not in the glossary", nor another entry's meaning.
          <div class="pg-unknown" lang="zh-CN" aria-busy={loading}>
            <h3 class="pg-term" id={titleId}>
              {match.text}
            </h3>
            <p class="pg-small" lang={strings.lang}>
              {loading ? strings.loadingEntry : hasNumeral(match.text) ? strings.unknownWhat : strings.unknownCoinedWhat}
            </p>
            {!loading && usage && <Usage usage={usage} pack={pack} strings={strings} titleId={titleId} onShow={(id) => this.setState({ trail: [...trail, id] })} />}
            {!loading && onAddToGlossary && (
              <button type="button" lang={strings.lang} data-action="add-to-glossary" onClick={() => onAddToGlossary(match)}>
                {strings.addToGlossary}
              </button>
            )}
            {!loading && onSearch && (
              <button type="button" lang={strings.lang} data-action="search-glossary" onClick={() => onSearch(bareText(match.text))}>
                {strings.searchGlossary}
              </button>
            )}
          </div>
        )}
      </div>
    );
  }
}

interface UsageProps {
  usage: SloganUsage<PackEntry>;
  pack: GlossaryPack;
  strings: Strings;
  titleId: string;
  onShow: (id: string) => void;
}

/**
 * What the glossary knows about an unknown slogan: similar terms (same numeral, a shared
 * character), the same words numbered otherwise in other places, and the definitions that use it
 * (or that none does). Each names its place and year and opens in place: other terms, never shown
 * as this slogan's meaning.
 */
function Usage({ usage, pack, strings, titleId, onShow }: UsageProps) {
  const list = (name: string, heading: string, entries: readonly PackEntry[], where: boolean) =>
    entries.length > 0 && (
      <div class="pg-close" data-list={name}>
        <p class="pg-small" id={`${titleId}-${name}`} lang={strings.lang}>
          {heading}
        </p>
        <ul aria-labelledby={`${titleId}-${name}`} class={where ? 'pg-placed' : undefined}>
          {entries.map((entry) => (
            <li key={entry.id}>
              <button type="button" class="pg-link" onClick={() => onShow(entry.id)}>
                {entry.term}
              </button>
              {where && <span class="pg-at pg-nb">{placeAndYear(pack.documents[entry.doc], strings)}</span>}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <>
      {list('close-terms', strings.closeTerms, usage.close, false)}
      {list('other-numbers', strings.otherNumbers, usage.otherNumbers, true)}
      {list('used-in', strings.usedIn(usage.usedInCount), usage.usedIn, true)}
      {usage.usedInCount === 0 && (
        <p class="pg-small" data-field="used-nowhere" lang={strings.lang}>
          {strings.usedNowhere}
        </p>
      )}
    </>
  );
}

/** A slogan's words without its quote marks. */
const bareText = (text: string): string => text.replace(/[“”「」‘’"']/g, '');

/**
 * Whether an unknown term counts something (十大攻坚, 1+N, 稳就业六大行动: a numbered slogan), unlike a
 * coinage (无废城市, 人工智能+; 5G+: a digit before a Latin letter names a technology, 5G, 4K, 3D;
 * 美丽四川·宜居乡村, 对标竞进、争创一流: a numeral inside a word counts nothing): a digit, or a
 * counting numeral that opens the name or one of its parts, or comes before a measure (大, 个 …).
 */
const NUMBERED = new RegExp(`[0-9０-９](?![A-Za-zＡ-Ｚａ-ｚ])|(?:^|[、·・•+＋“”"\\s])[${COUNT_CHARS}]|[${COUNT_CHARS}][大个项条类]`, 'u');
const hasNumeral = (text: string): boolean => NUMBERED.test(text);
