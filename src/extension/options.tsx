// The options page: what the product does, then its sections (词库, 订阅, 从报告导入, 释义来源,
// 我的词条, 显示, 网站), each in src/extension/options/. This file holds the state they share.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { GlossaryEntry } from '../core/types';
import { takeEntryDraft } from './drafts';
import type { EntryFormValue } from './entry-form';
import { mergedEntryIds } from './glossary-access';
import { DisplaySection } from './options/display-section';
import { MyEntriesSection } from './options/my-entries-section';
import { PacksSection } from './options/packs-section';
import { SitesSection } from './options/sites-section';
import { SourceGroupsSection } from './options/source-groups-section';
import { SubscriptionsSection } from './options/subscriptions-section';
import { applyPageStyles } from './page-styles';
import { ReportImport } from './report-import';
import { loadSettings, watchSettings, type ExtensionSettings } from './settings';
import { addUserEntryKeys, getUserEntries, getUserEntryKeys, listPacks, saveUserEntry, sourceGroupCounts, watchStore, type PackRecord } from './store';
import type { SourceGroupCount } from './source-groups';
import { currentStrings, type ExtensionStrings } from './strings';
import { searchKeysFor } from './user-keys';

function Options() {
  const [settings, setSettings] = useState<ExtensionSettings>();
  const [packs, setPacks] = useState<PackRecord[]>([]);
  const [entries, setEntries] = useState<GlossaryEntry[]>([]);
  const [editing, setEditing] = useState<EntryFormValue>();
  const [mergedIds, setMergedIds] = useState<string[]>([]);
  const [groups, setGroups] = useState<SourceGroupCount[]>([]);

  const refresh = async (): Promise<void> => {
    setPacks(await listPacks());
    setEntries(await getUserEntries());
    setMergedIds(await mergedEntryIds());
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
    void loadSettings().then(async (loaded) => {
      setSettings(loaded);
      const draft = await takeEntryDraft();
      if (!draft) return;
      setEditing({ term: draft.term, note: draft.context ? `${currentStrings(loaded.language).fieldContext}：${draft.context}` : '' });
      requestAnimationFrame(() => document.getElementById('entry-form')?.scrollIntoView());
    });
    const unwatchStore = watchStore(() => void refresh());
    const unwatchSettings = watchSettings(setSettings);
    return () => {
      unwatchStore();
      unwatchSettings();
    };
  }, []);

  const t = settings ? currentStrings(settings.language) : undefined;
  useEffect(() => {
    if (t) document.documentElement.lang = t.lang;
  }, [t?.lang]);

  const onSaveEntry = async (entry: GlossaryEntry): Promise<void> => {
    await saveUserEntry(entry, await searchKeysFor([entry], await getUserEntryKeys()));
    setEditing(undefined);
    await refresh();
  };

  if (!settings || !t) return null;
  const reservedIds = [...entries.map((e) => e.id), ...mergedIds];
  return (
    <div class="pg-root pg-auto pg-page pg-options" lang={t.lang}>
      <header>
        <h1>
          {t.appName} · {t.options}
        </h1>
        <p class="pg-lead">
          {t.intro}{' '}
          <a href={browser.runtime.getURL('/welcome.html')} data-action="open-welcome">
            {t.openWelcome}
          </a>
        </p>
        <Contents t={t} />
      </header>
      <PacksSection t={t} packs={packs} onChange={refresh} />
      <SubscriptionsSection t={t} onChange={refresh} />
      <section id="report" aria-labelledby="report-h">
        <h2 id="report-h">{t.reportImportHeading}</h2>
        <ReportImport t={t} reservedIds={reservedIds} onSaved={refresh} />
      </section>
      <SourceGroupsSection t={t} groups={groups} off={settings.disabledGroups} />
      <MyEntriesSection t={t} entries={entries} reservedIds={reservedIds} editing={editing} onEdit={setEditing} onSave={(entry) => void onSaveEntry(entry)} onChange={refresh} />
      <DisplaySection t={t} settings={settings} />
      <SitesSection t={t} settings={settings} />
    </div>
  );
}

/** Links to the sections, so a long page can be crossed in one step. */
function Contents({ t }: { t: ExtensionStrings }) {
  const links: Array<[string, string]> = [
    ['packs', t.packs],
    ['subscriptions', t.subscriptions],
    ['report', t.reportImportHeading],
    ['sources', t.sourceGroups],
    ['mine', t.myEntries],
    ['display', t.appearance],
    ['sites', t.sites],
  ];
  return (
    <nav aria-label={t.options}>
      <ul class="pg-toc">
        {links.map(([id, label]) => (
          <li key={id}>
            <a href={`#${id}`}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Renders the options page into `root`. */
export function mountOptions(root: HTMLElement): void {
  applyPageStyles(root.ownerDocument);
  render(<Options />, root);
}
