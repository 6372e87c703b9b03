// The "add to my glossary" draft handed from a page's tooltip to the options page's entry form.
import type { EntryDraft } from './messages';
import { localItem } from './storage-item';

const draftItem = localItem<EntryDraft | null>('entryDraft', null);

/** Keeps a draft for the options page to prefill its entry form with. */
export function saveEntryDraft(draft: EntryDraft): Promise<void> {
  return draftItem.setValue(draft);
}

/** Returns the pending draft and forgets it, so it prefills the form only once. */
export async function takeEntryDraft(): Promise<EntryDraft | null> {
  const draft = await draftItem.getValue();
  if (draft) await draftItem.removeValue();
  return draft;
}
