// Options page, 我的词条: the user's own entries (add, edit, remove), export to YAML and import
// from a file; the entry form opens prefilled when a tooltip's "add to my glossary" sent a draft.
import { useState } from 'preact/hooks';
import type { GlossaryEntry } from '../../core/types';
import { downloadText } from '../download';
import { EntryForm, type EntryFormValue } from '../entry-form';
import { FileDrop } from '../file-drop';
import { exportUserEntriesYaml, importIntoUserEntries, type ImportOutcome } from '../import-file';
import { deleteUserEntry } from '../store';
import type { ExtensionStrings } from '../strings';
import { ImportMessage } from './packs-section';

/** Props of {@link MyEntriesSection}. */
export interface MyEntriesSectionProps {
  t: ExtensionStrings;
  entries: GlossaryEntry[];
  /** Ids a new entry must not take (the user's and the merged pack's). */
  reservedIds: readonly string[];
  editing: EntryFormValue | undefined;
  onEdit: (value: EntryFormValue | undefined) => void;
  onSave: (entry: GlossaryEntry) => void;
  onChange: () => Promise<void>;
}

/** The 我的词条 section. */
export function MyEntriesSection({ t, entries, reservedIds, editing, onEdit, onSave, onChange }: MyEntriesSectionProps) {
  const [result, setResult] = useState<{ name: string; outcome: ImportOutcome }>();
  const onFile = async (file: File): Promise<void> => {
    setResult({ name: file.name, outcome: await importIntoUserEntries(file.name, await file.text()) });
    await onChange();
  };
  return (
    <section id="mine" aria-labelledby="mine-h">
      <h2 id="mine-h">{t.myEntries}</h2>
      <p class="pg-hint">{t.myEntriesHint}</p>
      {entries.length === 0 && <p class="pg-status">{t.myEntriesEmpty}</p>}
      <ul class="pg-plain" data-list="user-entries">
        {entries.map((entry) => (
          <li key={entry.id}>
            <span>
              <b>{entry.term}</b> <span class="pg-ctx">{entry.definition}</span>
            </span>
            <span class="pg-row">
              <button type="button" onClick={() => onEdit({ ...entryToForm(entry), id: entry.id })}>
                {t.edit}
              </button>
              <button type="button" onClick={() => void deleteUserEntry(entry.id).then(onChange)}>
                {t.remove}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <div class="pg-row pg-gap">
        <button type="button" onClick={() => onEdit({ term: '' })}>
          {t.addEntry}
        </button>
        <button type="button" disabled={entries.length === 0} onClick={() => downloadText('my-glossary.yaml', exportUserEntriesYaml(entries), 'application/yaml')}>
          {t.exportMine}
        </button>
      </div>
      {editing && (
        <EntryForm t={t} initial={editing} base={entries.find((e) => e.id === editing.id)} existingIds={reservedIds} onSave={onSave} onCancel={() => onEdit(undefined)} />
      )}
      <FileDrop t={t} label={t.importMine} accept={['.yaml', '.yml', '.json']} action="import-user" onFile={(file) => void onFile(file)} />
      {result && <ImportMessage t={t} {...result} />}
    </section>
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
