// Popup, how this page is drawn: the density choice and the one-click "hide on this page" (kept
// per page in settings.hiddenPages, and undone from the same place).
import { setPageHidden, updateSettings, type ExtensionSettings } from '../settings';
import type { ExtensionStrings } from '../strings';
import { DensitySelect } from './density-select';

/** The density select and the hide / show-again button of the page in `url`. */
export function PageDisplay({ t, settings, url, hidden }: { t: ExtensionStrings; settings: ExtensionSettings; url: string; hidden: boolean }) {
  const toggle = (): void => void updateSettings((s) => setPageHidden(s, url, !hidden));
  return (
    <section class="pg-page-display" aria-live="polite">
      {hidden ? (
        <p class="pg-status" data-page-hidden="">
          {t.pageHidden}
        </p>
      ) : (
        <DensitySelect t={t} settings={settings} />
      )}
      <button type="button" data-action={hidden ? 'show-page' : 'hide-page'} onClick={toggle}>
        {hidden ? t.showPage : t.hidePage}
      </button>
    </section>
  );
}
