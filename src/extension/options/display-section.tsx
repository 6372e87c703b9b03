// Options page, 显示: language, highlight style and density, colours, hover delay, unknown slogans,
// the global switch and the keyboard shortcuts.
import { PdfOption } from '../pdf-controls';
import { HOVER_DELAY_RANGE, updateSettings, type ExtensionSettings, type HighlightStyle, type LanguageSetting } from '../settings';
import { DensitySelect } from '../popup/density-select';
import type { ExtensionStrings } from '../strings';

/** The 显示 section; every change is stored at once and reaches open pages. */
export function DisplaySection({ t, settings }: { t: ExtensionStrings; settings: ExtensionSettings }) {
  // The value is read from the event at once: updateSettings applies its change after an await,
  // when the event's currentTarget is already null.
  const set = (change: Partial<ExtensionSettings>): void => void updateSettings(() => change);
  return (
    <section id="display" aria-labelledby="display-h">
      <h2 id="display-h">{t.appearance}</h2>
      <div class="pg-grid">
        <label>
          {t.language}
          {/* Each language's name in itself, so it can be found whichever language is showing. */}
          <select data-setting="language" value={settings.language} onChange={(e) => set({ language: e.currentTarget.value as LanguageSetting })}>
            <option value="auto">{t.languageAuto}</option>
            <option value="zh-CN" lang="zh-CN">
              中文
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
          <span class="pg-ctx">{t.languageHint}</span>
        </label>
        <label>
          {t.highlightStyle}
          <select value={settings.highlightStyle} onChange={(e) => set({ highlightStyle: e.currentTarget.value as HighlightStyle })}>
            <option value="underline">{t.styleUnderline}</option>
            <option value="background">{t.styleBackground}</option>
            <option value="off">{t.styleNone}</option>
          </select>
          <span class="pg-ctx">{t.highlightStyleHint}</span>
        </label>
        <DensitySelect t={t} settings={settings} hint />
        <label>
          {t.theme}
          <select value={settings.theme} onChange={(e) => set({ theme: e.currentTarget.value as ExtensionSettings['theme'] })}>
            <option value="auto">{t.themeAuto}</option>
            <option value="light">{t.themeLight}</option>
            <option value="dark">{t.themeDark}</option>
          </select>
        </label>
        <label>
          {t.hoverDelay}
          <input
            type="number"
            min={HOVER_DELAY_RANGE.min}
            max={HOVER_DELAY_RANGE.max}
            step={50}
            value={settings.hoverDelay}
            onChange={(e) => set({ hoverDelay: Number(e.currentTarget.value) })}
          />
        </label>
      </div>
      <label>
        <input type="checkbox" checked={settings.unknownSlogans} onChange={(e) => set({ unknownSlogans: e.currentTarget.checked })} />
        {t.unknownSlogans}
      </label>
      <PdfOption settings={settings} />
      <label>
        <input type="checkbox" checked={settings.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
        {t.globalSwitch}
      </label>
      <p class="pg-status">{t.shortcuts}</p>
    </section>
  );
}
