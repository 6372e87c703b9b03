// Popup, search: the first thing in the popup and focused when it opens; each result shows its
// term, place and a one-line definition, and opens its full card in place.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { GlossaryPack, PackEntry } from '../../core/types';
import { EntryCard } from '../../ui/entry-card';
import type { Strings } from '../../ui/strings';
import type { GlossarySearchAccess } from '../glossary-access';
import type { ExtensionStrings } from '../strings';

/** Results shown at most; the options page's search goes further. */
const RESULT_LIMIT = 8;

/** One line summing up an entry: its definition, or else its items (separated by ；, since an item may contain 、). */
export function oneLine(entry: Pick<PackEntry, 'definition' | 'items'>): string {
  return (entry.definition ?? entry.items?.join('；') ?? '').replace(/\s+/g, ' ').trim();
}

/** The place an entry's document belongs to, for telling apart one term's several definitions. */
const placeOf = (pack: GlossaryPack, entry: PackEntry): string | undefined => pack.documents[entry.doc]?.region?.name;

/** Props of {@link SearchSection}. */
export interface SearchSectionProps {
  t: ExtensionStrings;
  ui: Strings;
  access: GlossarySearchAccess | undefined;
  /** The query to start with (`?q=` when the popup is opened as a page). */
  initialQuery?: string;
}

/** The glossary search at the top of the popup. */
export function SearchSection({ t, ui, access, initialQuery = '' }: SearchSectionProps) {
  const [query, setQuery] = useState(initialQuery);
  const [open, setOpen] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // A popup opens with the page's focus elsewhere: put it where the user will type.
    input.current?.focus();
  }, []);
  const q = query.trim();
  const results = access && q ? access.search.search(q, RESULT_LIMIT) : [];
  return (
    <section class="pg-search" aria-label={t.search}>
      <input
        ref={input}
        type="search"
        placeholder={t.searchPlaceholder}
        aria-label={t.search}
        aria-describedby="search-hint"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <span id="search-hint" class="pg-offscreen">
        {t.popupSearchHint}
      </span>
      {q && access && results.length === 0 && <p class="pg-status">{t.noResults}</p>}
      {results.length > 0 && (
        <ul class="pg-plain pg-results" data-list="search">
          {results.map(({ entry }) => {
            const place = access && placeOf(access.pack, entry);
            return (
              <li key={entry.id} data-entry-id={entry.id}>
                <button type="button" class="pg-result-btn" aria-expanded={open === entry.id} onClick={() => setOpen(open === entry.id ? undefined : entry.id)}>
                  <span class="pg-result-term">
                    {entry.term}
                    {place && <span class="pg-count"> · {place}</span>}
                  </span>
                  <span class="pg-result-def" data-field="definition">
                    {oneLine(entry)}
                  </span>
                </button>
                {open === entry.id && access && <EntryCard entry={entry} pack={access.pack} strings={ui} headingId={`e-${entry.id}`} onShowEntry={setOpen} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
