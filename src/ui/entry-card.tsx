// One glossary entry as people read it: term, expansion, definition, source, related terms, copy.
// Glossary data is only ever passed to Preact as text children, which Preact escapes.
import { Component, Fragment } from 'preact';
import type { ComponentChildren } from 'preact';
import type { GlossaryPack, PackEntry, SourceDocument } from '../core/types';
import { cancelTimer, startTimer } from '../dom/natives';
import type { Strings } from './strings';

const indexes = new WeakMap<GlossaryPack, Map<string, PackEntry>>();

/** The pack's entry with this id (cached index per pack). */
export function findEntry(pack: GlossaryPack, id: string | undefined): PackEntry | undefined {
  if (id === undefined) return undefined;
  let index = indexes.get(pack);
  if (!index) {
    index = new Map(pack.entries.map((entry) => [entry.id, entry]));
    indexes.set(pack, index);
  }
  return index.get(id);
}

/** One part of a source line; `keep` parts (a place, a date, 脚注 16) never break inside. */
export interface SourcePart {
  text: string;
  keep: boolean;
}

/**
 * Where the entry is explained: the place, "《title》", the date (or the report's year), "脚注 N"…,
 * the parts that are known. The issuer is left out when the place is known: it is that place's
 * government, and the line must stay short enough to read at a glance.
 */
export function sourceParts(entry: PackEntry, doc: SourceDocument | undefined, strings: Strings): SourcePart[] {
  const where = entry.source;
  const when = doc?.date ? strings.date(doc.date) : doc?.year !== undefined ? strings.year(doc.year) : '';
  const parts: SourcePart[] = [
    { text: doc?.region?.name ?? '', keep: true },
    { text: doc?.title ? `《${doc.title}》` : '', keep: false },
    { text: doc?.region ? '' : (doc?.issuer ?? ''), keep: false },
    { text: when, keep: true },
    { text: where?.footnote !== undefined ? strings.footnote(where.footnote) : '', keep: true },
    { text: where?.appendix !== undefined ? strings.appendix(where.appendix) : '', keep: true },
    { text: where?.page !== undefined ? strings.page(where.page) : '', keep: true },
  ];
  return parts.filter((part) => part.text);
}

/** "place · 《title》 · date · 脚注 N", or '' when nothing is known. */
export const formatSource = (entry: PackEntry, doc: SourceDocument | undefined, strings: Strings): string =>
  sourceParts(entry, doc, strings)
    .map((part) => part.text)
    .join(' · ');

/**
 * A source's place and year, the way a list of other sources names it: "株洲市 · 2021年". An
 * editorial source without a place is named by its 编辑补充 label alone.
 */
export function placeAndYear(doc: SourceDocument | undefined, strings: Strings): string {
  const year = doc?.year ?? (doc?.date ? Number(doc.date.slice(0, 4)) : undefined);
  const place = doc?.region?.name ?? (doc?.kind === 'editorial' ? '' : (doc?.issuer ?? doc?.title ?? ''));
  return [place, year !== undefined && Number.isFinite(year) ? strings.year(year) : ''].filter(Boolean).join(' · ');
}

/** The plain text the copy button puts on the clipboard: "term：definition", the items, the source. */
export function formatEntryText(entry: PackEntry, doc: SourceDocument | undefined, strings: Strings): string {
  const lines = [entry.definition ? `${entry.term}：${entry.definition}` : entry.term];
  entry.items?.forEach((item, i) => lines.push(`${i + 1}. ${item}`));
  const source = formatSource(entry, doc, strings);
  if (source) lines.push(strings.sourceLabel + source);
  return lines.join('\n');
}

/**
 * Copies text, via the async Clipboard API or, where that is missing or refused (insecure pages,
 * no user activation in some browsers), a temporary textarea and `execCommand('copy')`.
 */
export async function copyText(text: string, near: Element): Promise<boolean> {
  const doc = near.ownerDocument;
  try {
    await (doc.defaultView ?? window).navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    (near.parentNode ?? doc.body).appendChild(area);
    area.select();
    try {
      return doc.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

/** Props of {@link EntryCard}. */
export interface EntryCardProps {
  entry: PackEntry;
  /** The pack the entry belongs to: its source documents and related entries. */
  pack: GlossaryPack;
  strings: Strings;
  /** Id for the heading, so a surrounding tooltip or dialog can point `aria-labelledby` at it. */
  headingId?: string;
  /** Called when a related term is chosen; without it related terms are listed as plain text. */
  onShowEntry?: (id: string) => void;
  /** Shown after the card's foot (the shown definition's source line): the term's other sources (see sense-views). */
  others?: ComponentChildren;
  /** Shown after the source line: the link that reports a wrong definition (see sense-views). */
  report?: ComponentChildren;
}

/**
 * A glossary entry card. A class rather than hooks: preact/hooks would add 1 KB gzipped to the
 * widget's 20 KB budget for the three pieces of state the UI has.
 */
export class EntryCard extends Component<EntryCardProps, { copied?: boolean }> {
  private timer: ReturnType<typeof setTimeout> | undefined;

  override componentWillUnmount() {
    cancelTimer(this.timer);
  }

  private async copy(button: HTMLButtonElement) {
    const { entry, pack, strings } = this.props;
    const copied = await copyText(formatEntryText(entry, pack.documents[entry.doc], strings), button);
    this.setState({ copied });
    cancelTimer(this.timer);
    this.timer = startTimer(() => this.setState({ copied: undefined }), 2000);
  }

  override render({ entry, pack, strings, headingId, onShowEntry, others, report }: EntryCardProps, { copied }: { copied?: boolean }) {
    const doc = pack.documents[entry.doc];
    const related = (entry.related ?? [])
      .map((id) => findEntry(pack, id))
      .filter((other): other is PackEntry => other !== undefined);
    const source = sourceParts(entry, doc, strings);
    // A Chinese interface shows no English; English readers get the gloss first, as their way into
    // the Chinese text.
    const englishFirst = strings.lang === 'en';
    const english = englishFirst && entry.en && (
      <p class="pg-en" lang="en">
        {entry.en}
      </p>
    );

    return (
      <article class="pg-card" lang="zh-CN">
        <div class="pg-head">
          <h3 class="pg-term" id={headingId}>
            {entry.term}
          </h3>
          {entry.status === 'editorial' && (
            <span class="pg-badge" title={strings.editorialHint} lang={strings.lang}>
              {strings.editorial}
            </span>
          )}
        </div>
        {englishFirst && english}
        {entry.items && entry.items.length > 0 && (
          <ol class="pg-items" aria-label={strings.expansion}>
            {entry.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ol>
        )}
        {entry.itemsNote && <p class="pg-small">{entry.itemsNote}</p>}
        {entry.definition && <p class="pg-def">{entry.definition}</p>}
        {entry.note && (
          <p class="pg-note">
            <span class="pg-label">{strings.note}</span>
            {entry.note}
          </p>
        )}
        {related.length > 0 && (
          <div class="pg-related">
            <span class="pg-label">{strings.related}</span>
            {related.map((other) =>
              onShowEntry ? (
                <button type="button" class="pg-link" key={other.id} onClick={() => onShowEntry(other.id)}>
                  {other.term}
                </button>
              ) : (
                <span key={other.id}>{other.term}</span>
              ),
            )}
          </div>
        )}
        <div class="pg-foot">
          <span class="pg-src">
            {source.length > 0 && strings.sourceLabel}
            {source.map((part, i) => (
              <Fragment key={i}>
                {i > 0 && ' · '}
                <span class={part.keep ? 'pg-nb' : undefined}>{part.text}</span>
              </Fragment>
            ))}
            {report}
          </span>
          <button type="button" class="pg-copy" onClick={(event) => void this.copy(event.currentTarget)} aria-live="polite">
            {copied === undefined ? strings.copy : copied ? strings.copied : strings.copyFailed}
          </button>
        </div>
        {others}
      </article>
    );
  }
}
