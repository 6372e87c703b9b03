// Popup, this site: whether the extension runs here, and the switch for it.
import { LOCAL_FILES, type SiteState } from '../sites';
import type { ExtensionStrings } from '../strings';

/**
 * How the extension stands on the popup's page: a SiteState, or 'no-file-access' for a local file
 * where the browser runs no content script (Chromium's switch off, or Firefox).
 */
export type PopupSiteState = SiteState | 'no-file-access';

/** Props of {@link SiteSection}. */
export interface SiteSectionProps {
  t: ExtensionStrings;
  state: PopupSiteState | undefined;
  host: string | undefined;
  message: string | undefined;
  onToggle: (disabled: boolean) => void;
  onEnable: () => void;
  /** Opens the browser's page for the extension's details (where Chromium's file-access switch is); absent in Firefox, which has none. */
  onOpenDetails?: () => void;
}

/** The site line and its one button. */
export function SiteSection({ t, state, host = '', message, onToggle, onEnable, onOpenDetails }: SiteSectionProps) {
  const local = host === LOCAL_FILES;
  const line = siteLine(t, state, local ? t.localFiles : host, onOpenDetails !== undefined);
  return (
    <section class="pg-site" aria-live="polite">
      <div class="pg-row pg-site-row">
        <p class="pg-status" data-site-state={state}>
          {line}
        </p>
        <div class="pg-row">
          {state === 'on' && (
            <button type="button" onClick={() => onToggle(true)}>
              {local ? t.turnOffLocalFiles : t.turnOffSite}
            </button>
          )}
          {state === 'off-site' && (
            <button type="button" onClick={() => onToggle(false)}>
              {local ? t.turnOnLocalFiles : t.turnOnSite}
            </button>
          )}
          {state === 'no-file-access' && onOpenDetails && (
            <button type="button" data-action="open-details" onClick={onOpenDetails}>
              {t.openExtensionDetails}
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

/**
 * What the site line says in `state` about `site` (a host, or 本地文件); `detailsPage`: the browser
 * has a page with the extension's file-access switch (Chromium).
 */
function siteLine(t: ExtensionStrings, state: PopupSiteState | undefined, site: string, detailsPage: boolean): string {
  switch (state) {
    case 'on':
      return t.siteOn(site);
    case 'off-site':
      return t.siteOffSite(site);
    case 'not-enabled':
      return t.siteNotEnabled(site);
    case 'off-global':
      return t.siteOffGlobal;
    case 'no-file-access':
      return detailsPage ? t.noFileAccess : t.noFileAccessFirefox;
    default:
      return t.siteUnsupported;
  }
}
