// Popup, this page: its terms (chips with counts; a click scrolls the page to the first occurrence
// and opens its tooltip) and its unknown slogans (with context and stub export).
import type { PageReport } from '../messages';
import type { ExtensionStrings } from '../strings';

/** A request that scrolls the page to a match and opens its tooltip. */
export type ShowRequest = { type: 'pg:show-entry'; entryId: string } | { type: 'pg:show-slogan'; text: string };

/** Props of {@link PageTerms}. */
export interface PageTermsProps {
  t: ExtensionStrings;
  report: PageReport | 'unavailable' | undefined;
  /** `frameId`: the frame the term or slogan was first found in, when not the top page. */
  onShow: (request: ShowRequest, frameId?: number) => void;
  onExport: () => void;
}

/** The page's terms and unknown slogans. */
export function PageTerms({ t, report: r, onShow, onExport }: PageTermsProps) {
  if (r === undefined) return <p class="pg-status">{t.scanning}</p>;
  if (r === 'unavailable' || !r.active) return <p class="pg-status">{r === 'unavailable' ? t.pageNotReady : t.scanning}</p>;
  return (
    <>
      <section aria-labelledby="terms-h">
        <h2 id="terms-h">
          {t.termsOnPage}
          {r.scanning && <span class="pg-count"> {t.scanning}</span>}
        </h2>
        {r.terms.length === 0 && <p class="pg-status">{t.noTermsOnPage}</p>}
        <ul class="pg-chips" data-list="terms">
          {r.terms.map((term) => (
            <li key={term.entryId}>
              <button type="button" class="pg-chip" data-entry-id={term.entryId} onClick={() => onShow({ type: 'pg:show-entry', entryId: term.entryId }, term.frameId)}>
                {term.term}
                <span class="pg-count">{t.count(term.count)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="slogans-h">
        <h2 id="slogans-h">{t.slogansOnPage}</h2>
        {r.slogans.length === 0 ? <p class="pg-status">{t.noSlogans}</p> : <p class="pg-ctx">{t.unknownHint}</p>}
        <ul class="pg-plain" data-list="slogans">
          {r.slogans.map((slogan) => (
            <li key={slogan.text}>
              <span>
                <button type="button" class="pg-termbtn" onClick={() => onShow({ type: 'pg:show-slogan', text: slogan.text }, slogan.frameId)}>
                  {slogan.text}
                </button>
                <span class="pg-ctx">{slogan.context}</span>
              </span>
              <span class="pg-count">{t.count(slogan.count)}</span>
            </li>
          ))}
        </ul>
        {r.slogans.length > 0 && (
          <button type="button" data-action="export-stubs" onClick={onExport}>
            {t.exportStubs}
          </button>
        )}
      </section>
    </>
  );
}
