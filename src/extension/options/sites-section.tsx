// Options page, 网站: the other sites the user turned on and the sites turned off, each removable.
import { updateSettings, type ExtensionSettings } from '../settings';
import { LOCAL_FILES } from '../sites';
import type { ExtensionStrings } from '../strings';

/** The 网站 section. */
export function SitesSection({ t, settings }: { t: ExtensionStrings; settings: ExtensionSettings }) {
  return (
    <section id="sites" aria-labelledby="sites-h">
      <h2 id="sites-h">{t.sites}</h2>
      <HostList title={t.enabledHosts} hosts={settings.enabledHosts} t={t} onRemove={(host) => void updateSettings((s) => ({ enabledHosts: s.enabledHosts.filter((h) => h !== host) }))} />
      <HostList title={t.disabledHosts} hosts={settings.disabledHosts} t={t} onRemove={(host) => void updateSettings((s) => ({ disabledHosts: s.disabledHosts.filter((h) => h !== host) }))} />
    </section>
  );
}

function HostList({ title, hosts, t, onRemove }: { title: string; hosts: string[]; t: ExtensionStrings; onRemove: (host: string) => void }) {
  return (
    <>
      <h3>{title}</h3>
      {hosts.length === 0 && <p class="pg-status">{t.noHosts}</p>}
      <ul class="pg-plain">
        {hosts.map((host) => (
          <li key={host}>
            <span>{host === LOCAL_FILES ? t.localFiles : host}</span>
            <button type="button" onClick={() => onRemove(host)}>
              {t.remove}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
