// Popup, this site: whether the extension runs here, and the switch for it.
import type { SiteState } from '../sites';
import type { ExtensionStrings } from '../strings';

/** Props of {@link SiteSection}. */
export interface SiteSectionProps {
  t: ExtensionStrings;
  state: SiteState | undefined;
  host: string | undefined;
  message: string | undefined;
  onToggle: (disabled: boolean) => void;
  onEnable: () => void;
}

/** The site line and its one button. */
export function SiteSection({ t, state, host = '', message, onToggle, onEnable }: SiteSectionProps) {
  const line =
    state === 'on' ? t.siteOn(host) : state === 'off-site' ? t.siteOffSite(host) : state === 'not-enabled' ? t.siteNotEnabled(host) : state === 'off-global' ? t.siteOffGlobal : t.siteUnsupported;
  return (
    <section class="pg-site" aria-live="polite">
      <div class="pg-row pg-site-row">
        <p class="pg-status" data-site-state={state}>
          {line}
        </p>
        <div class="pg-row">
          {state === 'on' && (
            <button type="button" onClick={() => onToggle(true)}>
              {t.turnOffSite}
            </button>
          )}
          {state === 'off-site' && (
            <button type="button" onClick={() => onToggle(false)}>
              {t.turnOnSite}
            </button>
          )}
          {state === 'not-enabled' && (
            <button type="button" class="pg-primary" data-action="enable-site" onClick={onEnable}>
              {t.enableSite}
            </button>
          )}
        </div>
      </div>
      {message && <p class="pg-status pg-error">{message}</p>}
    </section>
  );
}
