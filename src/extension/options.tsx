// The options page: glossary packs (bundled, imported files, subscribed URLs) with enable/disable,
// import with line-numbered problems, subscriptions, the user's own entries (form, export, import),
// highlight style, hover delay and the site lists.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../core/types';
import { browser } from 'wxt/browser';
import { PdfOption } from './pdf-controls';
import { downloadText } from './download';
import { takeEntryDraft } from './drafts';
import { EntryForm, type EntryFormValue } from './entry-form';
import { exportUserEntriesYaml, importGlossaryText, importIntoUserEntries, type ImportOutcome } from './import-file';
import { applyPageStyles } from './page-styles';
import { askBackground } from './respond';
import { HOVER_DELAY_RANGE, loadSettings, updateSettings, watchSettings, type ExtensionSettings, type HighlightStyle } from './settings';
import { hostPattern } from './sites';
import {
  addUserEntryKeys,
  deleteUserEntry,
  getUserEntries,
  getUserEntryKeys,
  listPacks,
  removePack,
  rebuildMergedPack,
  saveUserEntry,
  sourceGroupCounts,
  updatePackRecord,
  watchStore,
  type PackRecord,
} from './store';
import { getMergedPack } from './merged-pack';
import { divisionName } from './place-lookup';
import { GROUP_CENTRAL, GROUP_EDITORIAL, GROUP_OTHER, GROUP_USER, type SourceGroupCount } from './source-groups';
import { currentStrings, type ExtensionStrings } from './strings';
import { subscribe } from './subscriptions';
import { ReportImport } from './report-import';
import { searchKeysFor } from './user-keys';

const readFile = (file: File): Promise<string> => file.text();

function Options() {
  const t = currentStrings();
  const [packs, setPacks] = useState<PackRecord[]>([]);
  const [entries, setEntries] = useState<GlossaryEntry[]>([]);
  const [settings, setSettings] = useState<ExtensionSettings>();
  const [importResult, setImportResult] = useState<{ name: string; outcome: ImportOutcome }>();
  const [subscribeUrl, setSubscribeUrl] = useState('');
  const [subscribeStatus, setSubscribeStatus] = useState<{ ok: boolean; text: string }>();
  const [editing, setEditing] = useState<EntryFormValue>();
  const [mergedIds, setMergedIds] = useState<string[]>([]);
  const [groups, setGroups] = useState<SourceGroupCount[]>([]);

  const refresh = async (): Promise<void> => {
    setPacks(await listPacks());
    setEntries(await getUserEntries());
    setMergedIds((await getMergedPack())?.entries.map((e) => e.id) ?? []);
    setGroups(await sourceGroupCounts());
  };

  useEffect(() => {
    void refresh();
    // Entries saved before their pinyin keys were computed get them now.
    void Promise.all([getUserEntries(), getUserEntryKeys()])
      .then(([stored, known]) => searchKeysFor(stored, known))
      .then((keys) => (Object.keys(keys).length > 0 ? addUserEntryKeys(keys) : undefined))
      .catch(() => {
        // Pinyin search of the user's entries is a convenience: without keys they stay searchable in Chinese.
      });
    void loadSettings().then(setSettings);
    void takeEntryDraft().then((draft) => {
      if (draft) {
        setEditing({ term: draft.term, note: draft.context ? `${t.fieldContext}：${draft.context}` : '' });
        requestAnimationFrame(() => document.getElementById('entry-form')?.scrollIntoView());
      }
    });
    const unwatchStore = watchStore(() => void refresh());
    const unwatchSettings = watchSettings(setSettings);
    return () => {
      unwatchStore();
      unwatchSettings();
    };
  }, []);

  const onImport = async (file: File | undefined, target: 'pack' | 'user'): Promise<void> => {
    if (!file) return;
    const text = await readFile(file);
    const outcome = target === 'pack' ? await importGlossaryText(file.name, text) : await importIntoUserEntries(file.name, text);
    setImportResult({ name: file.name, outcome });
    await refresh();
  };

  const onSubscribe = async (): Promise<void> => {
    const url = subscribeUrl.trim();
    try {
      const host = new URL(url).hostname;
      await browser.permissions.request({ origins: [hostPattern(host)] });
      const record = await subscribe(url);
      setSubscribeStatus({ ok: true, text: t.subscribed(record.name) });
      setSubscribeUrl('');
    } catch (error) {
      setSubscribeStatus({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
    await refresh();
  };

  const onSaveEntry = async (entry: GlossaryEntry): Promise<void> => {
    await saveUserEntry(entry, await searchKeysFor([entry], await getUserEntryKeys()));
    setEditing(undefined);
    await refresh();
  };

  if (!settings) return null;
  return (
    <div class="pg-root pg-auto pg-page" lang={t.lang} style="max-width:760px;margin:0 auto">
      <h1>
        {t.appName} · {t.options}
      </h1>
      <p class="pg-status">{t.shortcuts}</p>

      <section>
        <h2>{t.packs}</h2>
        <ul class="pg-plain" data-list="packs">
          {packs.map((pack) => (
            <PackRow key={pack.id} pack={pack} t={t} onChange={refresh} />
          ))}
        </ul>
        <label>
          {t.importFile}
          <input type="file" accept=".yaml,.yml,.json" data-action="import-pack" onChange={(e) => void onImport(e.currentTarget.files?.[0], 'pack')} />
        </label>
        {importResult && <ImportMessage t={t} {...importResult} />}
        <label for="subscribe-url">{t.subscribe}</label>
        <div class="pg-row">
          <input id="subscribe-url" type="url" placeholder={t.subscribePlaceholder} value={subscribeUrl} onInput={(e) => setSubscribeUrl(e.currentTarget.value)} />
          <button type="button" onClick={() => void onSubscribe()} disabled={!subscribeUrl.trim()}>
            {t.subscribeButton}
          </button>
        </div>
        {subscribeStatus && <p class={subscribeStatus.ok ? 'pg-status' : 'pg-status pg-error'}>{subscribeStatus.text}</p>}
        <ReportImport t={t} reservedIds={[...entries.map((e) => e.id), ...mergedIds]} onSaved={refresh} />
      </section>

      <SourceGroups t={t} groups={groups} off={settings.disabledGroups} />

      <section>
        <h2>{t.myEntries}</h2>
        {entries.length === 0 && <p class="pg-status">{t.myEntriesEmpty}</p>}
        <ul class="pg-plain" data-list="user-entries">
          {entries.map((entry) => (
            <li key={entry.id}>
              <span>
                <b>{entry.term}</b> <span class="pg-ctx">{entry.definition}</span>
              </span>
              <span class="pg-row">
                <button type="button" onClick={() => setEditing({ ...entryToForm(entry), id: entry.id })}>
                  {t.edit}
                </button>
                <button type="button" onClick={() => void deleteUserEntry(entry.id).then(refresh)}>
                  {t.remove}
                </button>
              </span>
            </li>
          ))}
        </ul>
        <div class="pg-row" style="margin-top:6px">
          <button type="button" onClick={() => setEditing({ term: '' })}>
            {t.addEntry}
          </button>
          <button type="button" disabled={entries.length === 0} onClick={() => downloadText('my-glossary.yaml', exportUserEntriesYaml(entries), 'application/yaml')}>
            {t.exportMine}
          </button>
          <label style="margin:0">
            {t.importMine}
            <input type="file" accept=".yaml,.yml,.json" data-action="import-user" onChange={(e) => void onImport(e.currentTarget.files?.[0], 'user')} />
          </label>
        </div>
        {editing && (
          <EntryForm
            t={t}
            initial={editing}
            base={entries.find((e) => e.id === editing.id)}
            existingIds={[...entries.map((e) => e.id), ...mergedIds]}
            onSave={(entry) => void onSaveEntry(entry)}
            onCancel={() => setEditing(undefined)}
          />
        )}
      </section>

      <section>
        <h2>{t.appearance}</h2>
        <label>
          {t.highlightStyle}
          <select value={settings.highlightStyle} onChange={(e) => void updateSettings(() => ({ highlightStyle: e.currentTarget.value as HighlightStyle }))}>
            <option value="underline">{t.styleUnderline}</option>
            <option value="background">{t.styleBackground}</option>
            <option value="off">{t.styleNone}</option>
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
            onChange={(e) => void updateSettings(() => ({ hoverDelay: Number(e.currentTarget.value) }))}
          />
        </label>
        <label>
          {t.theme}
          <select value={settings.theme} onChange={(e) => void updateSettings(() => ({ theme: e.currentTarget.value as ExtensionSettings['theme'] }))}>
            <option value="auto">{t.themeAuto}</option>
            <option value="light">{t.themeLight}</option>
            <option value="dark">{t.themeDark}</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={settings.unknownSlogans} onChange={(e) => void updateSettings(() => ({ unknownSlogans: e.currentTarget.checked }))} />
          {t.unknownSlogans}
        </label>
        <PdfOption settings={settings} />
        <label>
          <input type="checkbox" checked={settings.enabled} onChange={(e) => void updateSettings(() => ({ enabled: e.currentTarget.checked }))} />
          {t.globalSwitch}
        </label>
      </section>

      <section>
        <h2>{t.sites}</h2>
        <HostList title={t.enabledHosts} hosts={settings.enabledHosts} t={t} onRemove={(host) => void updateSettings((s) => ({ enabledHosts: s.enabledHosts.filter((h) => h !== host) }))} />
        <HostList title={t.disabledHosts} hosts={settings.disabledHosts} t={t} onRemove={(host) => void updateSettings((s) => ({ disabledHosts: s.disabledHosts.filter((h) => h !== host) }))} />
      </section>
    </div>
  );
}

function PackRow({ pack, t, onChange }: { pack: PackRecord; t: ExtensionStrings; onChange: () => Promise<void> }) {
  const kind = pack.kind === 'bundled' ? t.packBundled : pack.kind === 'file' ? t.packFile : t.packUrl;
  const [busy, setBusy] = useState(false);
  const update = async (): Promise<void> => {
    setBusy(true);
    await askBackground({ type: 'pg:update-subscriptions' }).catch(() => undefined);
    setBusy(false);
    await onChange();
  };
  return (
    <li data-pack-id={pack.id}>
      <span>
        <label style="margin:0;display:inline">
          <input type="checkbox" checked={pack.enabled} aria-label={t.packEnabled} onChange={(e) => void updatePackRecord(pack.id, { enabled: e.currentTarget.checked }).then(onChange)} />
          <b>{pack.kind === 'bundled' ? t.bundledName : pack.name}</b>
        </label>
        <span class="pg-ctx">
          {kind} · {t.packEntries(pack.entries)}
          {pack.checkedAt !== undefined && ` · ${t.checkedAt(new Date(pack.checkedAt).toLocaleString())}`}
        </span>
        {pack.error && <span class="pg-ctx pg-error">{t.updateFailed(pack.error)}</span>}
      </span>
      <span class="pg-row">
        {pack.kind === 'url' && (
          <button type="button" disabled={busy} onClick={() => void update()}>
            {t.updateNow}
          </button>
        )}
        {pack.kind !== 'bundled' && (
          <button type="button" onClick={() => void removePack(pack.id).then(onChange)}>
            {t.remove}
          </button>
        )}
      </span>
    </li>
  );
}

/** The sources of definitions (each province, central, editorial, the user's own) with counts and a switch each. */
function SourceGroups({ t, groups, off }: { t: ExtensionStrings; groups: SourceGroupCount[]; off: string[] }) {
  const [names, setNames] = useState<Record<string, string>>({});
  const provinces = groups.map((g) => g.id).filter((id) => /^\d{6}$/.test(id));
  useEffect(() => {
    void Promise.all(provinces.map(async (code) => [code, await divisionName(code).catch(() => undefined)] as const)).then((found) =>
      setNames(Object.fromEntries(found.filter((pair): pair is readonly [string, string] => pair[1] !== undefined))),
    );
  }, [provinces.join()]);
  const label = (id: string): string =>
    id === GROUP_USER ? t.groupUser : id === GROUP_CENTRAL ? t.groupCentral : id === GROUP_EDITORIAL ? t.groupEditorial : id === GROUP_OTHER ? t.groupOther : (names[id] ?? t.groupProvince(id));
  const toggle = async (id: string, on: boolean) => {
    await updateSettings((s) => ({ disabledGroups: on ? s.disabledGroups.filter((g) => g !== id) : [...s.disabledGroups.filter((g) => g !== id), id] }));
    await rebuildMergedPack();
  };
  return (
    <section>
      <h2>{t.sourceGroups}</h2>
      <p class="pg-status">{t.sourceGroupsHint}</p>
      <ul class="pg-plain" data-list="source-groups">
        {groups.map((group) => (
          <li key={group.id} data-group={group.id}>
            <label style="margin:0;display:inline">
              <input type="checkbox" checked={!off.includes(group.id)} onChange={(e) => void toggle(group.id, e.currentTarget.checked)} />
              <b>{label(group.id)}</b>
            </label>
            <span class="pg-ctx">{t.packEntries(group.entries)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ImportMessage({ t, name, outcome }: { t: ExtensionStrings; name: string; outcome: ImportOutcome }) {
  if (outcome.ok) return <p class="pg-status" role="status">{t.importDone(name, outcome.entries)}</p>;
  return (
    <div role="alert">
      <p class="pg-status pg-error">{t.importFailed(name)}</p>
      <ul class="pg-problems">
        {outcome.problems.map((problem, i) => (
          <li key={i}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}

function HostList({ title, hosts, t, onRemove }: { title: string; hosts: string[]; t: ExtensionStrings; onRemove: (host: string) => void }) {
  return (
    <>
      <h2>{title}</h2>
      {hosts.length === 0 && <p class="pg-status">{t.noHosts}</p>}
      <ul class="pg-plain">
        {hosts.map((host) => (
          <li key={host}>
            <span>{host}</span>
            <button type="button" onClick={() => onRemove(host)}>
              {t.remove}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function entryToForm(entry: GlossaryEntry): EntryFormValue {
  return {
    term: entry.term,
    aliases: entry.aliases?.join('\n'),
    items: entry.items?.join('\n'),
    definition: entry.definition,
    en: entry.en,
    note: entry.note,
  };
}

/** Renders the options page into `root`. */
export function mountOptions(root: HTMLElement): void {
  applyPageStyles(root.ownerDocument);
  document.documentElement.lang = currentStrings().lang;
  render(<Options />, root);
}
