// The form for the user's own entries ("add to my glossary" from a tooltip opens it prefilled).
import { useState } from 'preact/hooks';
import type { GlossaryEntry } from '../core/types';
import { createSlugger } from '../import/slug';
import type { ExtensionStrings } from './strings';

/** The form's fields as the user types them (lists one item per line). */
export interface EntryFormValue {
  /** Set when editing an existing entry. */
  id?: string;
  term: string;
  aliases?: string;
  items?: string;
  definition?: string;
  en?: string;
  note?: string;
}

const lines = (text: string | undefined): string[] | undefined => {
  const list = (text ?? '').split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  return list.length > 0 ? list : undefined;
};

const optional = (text: string | undefined): string | undefined => (text?.trim() ? text.trim() : undefined);

/**
 * Turns the form into an entry. Editing keeps the fields the form does not show (tags, related,
 * source…) from `base`; a new entry gets a pinyin id unique among `existingIds`.
 */
export function formToEntry(value: EntryFormValue, base: GlossaryEntry | undefined, existingIds: readonly string[]): GlossaryEntry {
  const term = value.term.trim();
  if (!term) throw new Error('请填写术语 / The term is required');
  const entry: GlossaryEntry = {
    ...base,
    id: base?.id ?? value.id ?? createSlugger(existingIds)(term),
    term,
    aliases: lines(value.aliases),
    items: lines(value.items),
    definition: optional(value.definition),
    en: optional(value.en),
    note: optional(value.note),
    status: base?.status ?? 'editorial',
  };
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as GlossaryEntry;
}

/** Props of {@link EntryForm}. */
export interface EntryFormProps {
  t: ExtensionStrings;
  initial: EntryFormValue;
  base?: GlossaryEntry;
  existingIds: readonly string[];
  onSave: (entry: GlossaryEntry) => void;
  onCancel: () => void;
}

/** Add/edit form for one of the user's entries. */
export function EntryForm({ t, initial, base, existingIds, onSave, onCancel }: EntryFormProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string>();
  const field = (key: keyof EntryFormValue, label: string, multiline = false) => (
    <label>
      {label}
      {multiline ? (
        <textarea name={key} rows={3} value={value[key] ?? ''} onInput={(e) => setValue({ ...value, [key]: e.currentTarget.value })} />
      ) : (
        <input type="text" name={key} value={value[key] ?? ''} onInput={(e) => setValue({ ...value, [key]: e.currentTarget.value })} />
      )}
    </label>
  );
  const submit = (event: Event): void => {
    event.preventDefault();
    try {
      onSave(formToEntry(value, base, existingIds));
    } catch {
      setError(t.termRequired);
    }
  };
  return (
    <form id="entry-form" class="pg-result" onSubmit={submit}>
      <h2>{initial.id ? t.editEntry : t.addEntry}</h2>
      {field('term', t.fieldTerm)}
      {field('aliases', t.fieldAliases, true)}
      {field('items', t.fieldItems, true)}
      {field('definition', t.fieldDefinition, true)}
      {field('en', t.fieldEn)}
      {field('note', t.fieldNote, true)}
      {error && <p class="pg-status pg-error" role="alert">{error}</p>}
      <div class="pg-row" style="margin-top:8px">
        <button type="submit" class="pg-primary">{t.save}</button>
        <button type="button" onClick={onCancel}>{t.cancel}</button>
      </div>
    </form>
  );
}
