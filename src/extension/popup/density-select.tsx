// The highlight density choice (every occurrence / the first of each term / none until hovered),
// shared by the popup and the options page's 显示 section.
import { updateSettings, type Density, type ExtensionSettings } from '../settings';
import type { ExtensionStrings } from '../strings';

/** A labelled select; the change is stored at once and reaches open pages. */
export function DensitySelect({ t, settings, hint = false }: { t: ExtensionStrings; settings: ExtensionSettings; hint?: boolean }) {
  return (
    <label class="pg-density">
      {t.density}
      <select
        data-setting="density"
        value={settings.density}
        onChange={(e) => {
          // Read now: updateSettings applies the change after an await, when currentTarget is null.
          const density = e.currentTarget.value as Density;
          void updateSettings(() => ({ density }));
        }}
      >
        <option value="all">{t.densityAll}</option>
        <option value="first">{t.densityFirst}</option>
        <option value="hover">{t.densityHover}</option>
      </select>
      {hint && <span class="pg-ctx">{t.densityHint}</span>}
    </label>
  );
}
