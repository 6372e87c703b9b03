// The parts of a tooltip for a term with several sources: "另有 N 个来源" and the list it opens,
// 其他地方的用法 when no definition belongs to the page, and the link that reports a wrong
// definition. Kept out of the tooltip's own module so the widget loads them only with the collection.
import { Component } from 'preact';
import type { SenseChoice } from '../core/sense-choice';
import type { GlossaryPack, PackEntry } from '../core/types';
import { formatSource, placeAndYear } from './entry-card';
import type { Strings } from './strings';

/** The words of these views, in the tooltip's language. */
export interface SenseStrings {
  /** The button that opens the other sources of a term: "另有 N 个来源". */
  otherSources: (n: number) => string;
  /** Accessible name of the list the button opens. */
  otherSourcesList: string;
  /** Heading over definitions that belong to other places, never to this page. */
  elsewhere: string;
  /** Why those definitions are not shown as this page's meaning. */
  elsewhereHint: string;
  /** The link that reports a wrong definition to the glossary's keepers. */
  report: string;
  reportSubject: (term: string) => string;
  /** The prefilled message: term, the page's address, the source line. */
  reportBody: (term: string, page: string, source: string) => string;
}

const ZH: SenseStrings = {
  otherSources: (n) => `另有 ${n} 个来源`,
  otherSourcesList: '其他来源的释义',
  elsewhere: '其他地方的用法',
  elsewhereHint: '词库中没有本页所属地方对此词的解释。以下是其他地方的用法，含义可能与本页不同。',
  report: '报告释义有误',
  reportSubject: (term) => `释义有误：${term}`,
  reportBody: (term, page, source) => `术语：${term}\n页面：${page}\n来源：${source}\n\n问题说明：`,
};

const EN: SenseStrings = {
  otherSources: (n) => `${n} other ${n === 1 ? 'source' : 'sources'}`,
  otherSourcesList: 'Definitions from other sources',
  elsewhere: 'How other places use it',
  elsewhereHint: 'The glossary has no definition from the government of this page. These are other places’ meanings and may not be this page’s.',
  report: 'Report a wrong definition',
  reportSubject: (term) => `Wrong definition: ${term}`,
  reportBody: (term, page, source) => `Term: ${term}\nPage: ${page}\nSource: ${source}\n\nWhat is wrong:`,
};

/** These views' words for the tooltip's strings. */
export const senseStrings = (strings: Strings): SenseStrings => (strings.lang === 'en' ? EN : ZH);

/** The styles of these views, added to the tooltip's shadow root with them. */
export const SENSE_STYLES =
  '.pg-root a{color:var(--link);text-decoration:underline}' +
  '.pg-report{white-space:nowrap}' +
  '.pg-others{margin-top:6px}' +
  // The tooltip's sticky foot ends the card unless other sources follow it.
  '.pg-tip .pg-foot:not(:last-child){margin-bottom:0;padding-bottom:4px}' +
  '.pg-root button.pg-more{border:0;background:none;padding:0 2px;color:var(--link);text-decoration:underline}' +
  '.pg-elsewhere{margin-top:6px;font-size:13px;font-weight:700}' +
  '.pg-senses{list-style:none;margin-top:6px}' +
  '.pg-senses:focus-visible{outline:2px solid var(--link);outline-offset:1px}' +
  // Each other source in a box of its own: it must not read as part of the definition above it.
  '.pg-senses>li{display:block;padding:4px 8px 6px;margin-top:6px;border-radius:6px;background:var(--soft)}' +
  '.pg-where{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 8px;font-size:12px;color:var(--muted)}' +
  '.pg-sense{white-space:pre-line}';

const EMAIL = /^(?:mailto:)?([^\s@/?#]+@[^\s@/?#]+\.[^\s@/?#]+)$/i;

/**
 * Where a reader reports a wrong definition: a mailto: link with subject and body, or the pack's
 * web address with the term, the page and the source as query parameters. Undefined when the pack
 * names no contact, or one that is neither an e-mail address nor an http(s) URL (never javascript:).
 */
export function reportHref(contact: string | undefined, fields: { term: string; page: string; source: string }, words: SenseStrings): string | undefined {
  const value = contact?.trim();
  if (!value) return undefined;
  const email = EMAIL.exec(value)?.[1];
  if (email) {
    return `mailto:${email}?subject=${encodeURIComponent(words.reportSubject(fields.term))}&body=${encodeURIComponent(words.reportBody(fields.term, fields.page, fields.source))}`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.searchParams.set('term', fields.term);
  url.searchParams.set('page', fields.page);
  url.searchParams.set('source', fields.source);
  return url.href;
}

/** What a definition says, for a list of senses: its text, else its items. */
const meaningOf = (entry: PackEntry): string => entry.definition ?? entry.items?.join('、') ?? '';

interface ListProps {
  id?: string;
  senses: readonly PackEntry[];
  pack: GlossaryPack;
  strings: Strings;
  label: string;
}

/**
 * Definitions of one term from several sources, each under its place and year (and the 编辑补充
 * label for an editorial one). Focusable, so keyboard users can scroll it and screen readers
 * announce its name.
 */
export function SenseList({ id, senses, pack, strings, label }: ListProps) {
  return (
    <ul class="pg-senses" id={id} aria-label={label} tabIndex={0}>
      {senses.map((sense) => (
        <li key={sense.id}>
          <p class="pg-where">
            <span class="pg-nb">{placeAndYear(pack.documents[sense.doc], strings)}</span>
            {sense.status === 'editorial' && (
              <span class="pg-badge" title={strings.editorialHint} lang={strings.lang}>
                {strings.editorial}
              </span>
            )}
          </p>
          <p class="pg-sense">{meaningOf(sense)}</p>
        </li>
      ))}
    </ul>
  );
}

/** Props of {@link OtherSources}. */
export interface OtherSourcesProps {
  others: readonly PackEntry[];
  pack: GlossaryPack;
  strings: Strings;
  /** Id of the list, for the button's aria-controls. */
  listId: string;
}

/** "另有 N 个来源": a button (aria-expanded) that opens and closes the list of the other sources. */
export class OtherSources extends Component<OtherSourcesProps, { open?: boolean }> {
  override render({ others, pack, strings, listId }: OtherSourcesProps, { open }: { open?: boolean }) {
    if (others.length === 0) return null;
    const words = senseStrings(strings);
    return (
      <div class="pg-others">
        <button type="button" class="pg-more" aria-expanded={open === true} aria-controls={listId} lang={strings.lang} onClick={() => this.setState({ open: !open })}>
          {words.otherSources(others.length)}
        </button>
        {open && <SenseList id={listId} senses={others} pack={pack} strings={strings} label={words.otherSourcesList} />}
      </div>
    );
  }
}

/** The report link of an entry's source, or nothing when the source names no usable contact. */
export function ReportLink({ entry, pack, strings, pageUrl }: { entry: PackEntry; pack: GlossaryPack; strings: Strings; pageUrl: string }) {
  const doc = pack.documents[entry.doc];
  const words = senseStrings(strings);
  const href = reportHref(doc?.contact, { term: entry.term, page: pageUrl, source: formatSource(entry, doc, strings) }, words);
  if (!href) return null;
  return (
    <>
      {' '}
      <a class="pg-report" href={href} target="_blank" rel="noopener noreferrer" lang={strings.lang}>
        {words.report}
      </a>
    </>
  );
}

/** A term none of whose definitions belongs to the page: the others, as other places' usage. */
export function Elsewhere({ term, others, pack, strings, headingId }: { term: string; others: readonly PackEntry[]; pack: GlossaryPack; strings: Strings; headingId: string }) {
  const words = senseStrings(strings);
  return (
    <article class="pg-card" lang="zh-CN">
      <div class="pg-head">
        <h3 class="pg-term" id={headingId}>
          {term}
        </h3>
      </div>
      <h4 class="pg-elsewhere" lang={strings.lang}>
        {words.elsewhere}
      </h4>
      <p class="pg-small" lang={strings.lang}>
        {words.elsewhereHint}
      </p>
      <SenseList senses={others} pack={pack} strings={strings} label={words.elsewhere} />
    </article>
  );
}

/** The views, as one object the tooltip renders with (see TooltipView). */
export const SENSE_VIEWS = { OtherSources, ReportLink, Elsewhere, styles: SENSE_STYLES };
export type SenseViews = typeof SENSE_VIEWS;

/** What the tooltip needs to show a term with several sources: the choice for this page and the views. */
export interface SenseSupport {
  /** Which of the term's definitions this page is shown; undefined to show the matched entry alone. */
  choose(entryId: string): SenseChoice | undefined;
  views: SenseViews;
}
