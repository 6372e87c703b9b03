// The glossary as a page section: a search box (typos, variant forms, pinyin) over every entry,
// grouped by tag when nothing is typed; and a single entry shown inline (<policy-glossary term>).
import { Component } from 'preact';
import { createGlossarySearch } from '../core/search';
import type { GlossarySearch } from '../core/search';
import type { GlossaryPack, PackEntry } from '../core/types';
import { EntryCard, findEntry } from './entry-card';
import type { Strings } from './strings';
import { themeClass } from './styles';
import type { Theme } from './styles';

/** Props of {@link GlossaryPanel}. */
export interface GlossaryPanelProps {
  pack: GlossaryPack;
  strings: Strings;
  theme?: Theme;
  /** Initial search text. */
  query?: string;
}

/** Entries grouped by their first tag, in pack order; untagged entries last. */
export function groupByTag(entries: readonly PackEntry[], untagged: string): Array<[string, PackEntry[]]> {
  const groups = new Map<string, PackEntry[]>();
  for (const entry of entries) {
    const tag = entry.tags?.[0] ?? '';
    const group = groups.get(tag);
    if (group) group.push(entry);
    else groups.set(tag, [entry]);
  }
  const other = groups.get('');
  groups.delete('');
  const result = [...groups];
  if (other) result.push([untagged, other]);
  return result;
}

function EntryList({ entries, pack, strings, onShowEntry }: { entries: PackEntry[]; pack: GlossaryPack; strings: Strings; onShowEntry: (id: string) => void }) {
  return (
    <ul class="pg-list">
      {entries.map((entry) => (
        <li key={entry.id}>
          <EntryCard entry={entry} pack={pack} strings={strings} headingId={`pg-entry-${entry.id}`} onShowEntry={onShowEntry} />
        </li>
      ))}
    </ul>
  );
}

/** The searchable glossary: every entry as a card, the best matches first while searching. */
export class GlossaryPanel extends Component<GlossaryPanelProps, { query: string }> {
  override state = { query: this.props.query ?? '' };
  /** Built on first use and again only when the pack changes: building indexes every entry. */
  private index: { pack: GlossaryPack; search: GlossarySearch; groups: Array<[string, PackEntry[]]> } | undefined;

  private indexFor(pack: GlossaryPack, untagged: string) {
    if (this.index?.pack !== pack) this.index = { pack, search: createGlossarySearch(pack), groups: groupByTag(pack.entries, untagged) };
    return this.index;
  }

  override render({ pack, strings, theme }: GlossaryPanelProps, { query }: { query: string }) {
    const { search, groups } = this.indexFor(pack, strings.untagged);
    const text = query.trim();
    const results = text ? search.search(text, 50).map((result) => result.entry) : undefined;
    const showEntry = (id: string) => {
      const entry = findEntry(pack, id);
      if (entry) this.setState({ query: entry.term });
    };

    return (
      <div class={themeClass(theme)} lang={strings.lang}>
        <section class="pg-panel">
          <input
            type="search"
            class="pg-search"
            aria-label={strings.searchLabel}
            placeholder={strings.searchPlaceholder}
            value={query}
            onInput={(event) => this.setState({ query: event.currentTarget.value })}
          />
          <p class="pg-count" role="status">
            {results && results.length === 0 ? strings.noResults(text) : strings.entryCount(results ? results.length : pack.entries.length)}
          </p>
          {results ? (
            <EntryList entries={results} pack={pack} strings={strings} onShowEntry={showEntry} />
          ) : (
            groups.map(([tag, entries]) => (
              <section key={tag} aria-label={tag}>
                <h2 class="pg-group">{tag}</h2>
                <EntryList entries={entries} pack={pack} strings={strings} onShowEntry={showEntry} />
              </section>
            ))
          )}
        </section>
      </div>
    );
  }
}

/** Props of {@link SingleEntry}. */
export interface SingleEntryProps {
  pack: GlossaryPack;
  strings: Strings;
  /** The entry's term, one of its forms, or its id. */
  term: string;
  theme?: Theme;
}

/** One entry inline, found by term, form or id; a "not in the glossary" note otherwise. */
export function SingleEntry({ pack, strings, term, theme }: SingleEntryProps) {
  const wanted = term.trim();
  const entry = pack.entries.find((e) => e.term === wanted || e.id === wanted || e.forms.includes(wanted));
  return (
    <div class={themeClass(theme)} lang={strings.lang}>
      <div class="pg-single">
        {entry ? (
          <EntryCard entry={entry} pack={pack} strings={strings} />
        ) : (
          <div class="pg-unknown" lang="zh-CN">
            <h3 class="pg-term">{wanted}</h3>
            <p class="pg-small" lang={strings.lang}>
              {strings.notInGlossary}
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
