// Imports a report published as HTML: footnotes as `<sup>` links to a notes list (also as Word's
// "save as web page" writes them), or else a 名词解释 appendix (or `[footnoteRef:N]` markers) in
// the page's text.
import { Parser } from 'htmlparser2';
import type { FootnoteText } from './footnote-text';
import { hasFootnoteMarkers, importFootnoteText, importMarkedFootnotes } from './footnote-text';
import type { ImportOptions } from './options';
import { withBoldHeads } from './appendix';
import { BEFORE_BOLD_HEAD } from './appendix-heads';
import { supNoteMark } from './marks';
import { importAppendixOrFootnotes } from './plain-footnotes';
import type { ImportResult } from './types';

const BLOCKS = new Set([
  'p', 'div', 'li', 'ol', 'ul', 'br', 'tr', 'table', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'pre', 'dd', 'dt', 'dl', 'aside', 'footer', 'header', 'hr', 'title',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head']);

const INLINE = new Set(['a', 'span', 'sup', 'sub', 'b', 'i', 'em', 'strong', 'font', 'small', 'u']);
/** Word's "save as web page" footnote links: href="#_ftn1" in the body, name="_ftn1" in the note. */
const WORD_FOOTNOTE = /^_?ftn\d+$/iu;

interface FootnoteLinks {
  /** Note element ids (or anchor names) in the order the body first links to them. */
  targets: string[];
  /** Ids and names of the body's reference anchors, which the notes link back to. */
  backIds: Set<string>;
}

function hrefTarget(href: string | undefined): string | undefined {
  if (!href?.startsWith('#') || href.length < 2) return undefined;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

/** Footnote links: `<sup><a href="#n1">`, `<a href="#n1"><sup>`, or Word's `<a href="#_ftn1">`. */
function findFootnoteLinks(html: string): FootnoteLinks {
  const targets: string[] = [];
  const backIds = new Set<string>();
  let supDepth = 0;
  let link: { target: string; id?: string } | undefined;
  const register = (target: string, id: string | undefined): void => {
    if (!targets.includes(target)) targets.push(target);
    if (id) backIds.add(id);
  };
  const parser = new Parser({
    onopentag(name, attribs) {
      if (name === 'sup') {
        supDepth += 1;
        if (link) register(link.target, link.id);
      }
      if (name !== 'a') return;
      const target = hrefTarget(attribs.href);
      const id = attribs.id ?? attribs.name;
      link = target === undefined ? undefined : { target, id };
      if (target !== undefined && (supDepth > 0 || WORD_FOOTNOTE.test(target))) register(target, id);
    },
    onclosetag(name) {
      if (name === 'sup') supDepth = Math.max(0, supDepth - 1);
      if (name === 'a') link = undefined;
    },
  });
  parser.write(html);
  parser.end();
  return { targets: targets.filter((target) => !backIds.has(target)), backIds };
}

interface OpenElement {
  tag: string;
  depth: number;
}

/** A page's text: its body, the body with bold heads marked, its notes and title. */
interface PageText {
  body: string;
  /**
   * The body with `**` around a bold run that opens its line (`<li><strong>三清行动</strong>清河道…`):
   * where a head without a colon ends, for the appendix reader.
   */
  boldMarked: string;
  notes: Map<number, FootnoteText>;
  title?: string;
}

/** The page's text, blocks on their own lines; footnote links become `[footnoteRef:N]`, notes are set aside. */
/**
 * Whether an element sets its text in bold: `<strong>`, `<b>`, or a style that says so (`<span
 * style="font-weight:bold">`, as Word's HTML and web editors write it).
 */
function isBold(name: string, attribs: Readonly<Record<string, string>>): boolean {
  return name === 'strong' || name === 'b' || /(?:^|;)\s*font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b/iu.test(attribs.style ?? '');
}

/** The edge of a paragraph inside a table cell, until the text is put together. */
const CELL_BREAK = '\u2029';
/** Such edges between Chinese characters or full-width punctuation (and the whitespace around them). */
const CELL_BREAK_IN_CHINESE = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’])[ \t\u00a0]*\u2029[\u2029 \t\u00a0]*(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’])/gu;

function readPage(html: string, links: FootnoteLinks): PageText {
  const numberOf = new Map(links.targets.map((id, index) => [id, index + 1]));
  const notes = new Map<number, FootnoteText>();
  const open: OpenElement[] = [];
  let body = '';
  let boldMarked = '';
  /** Depths of the bold elements whose runs are marked in boldMarked. */
  const boldOpen: number[] = [];
  let skipDepth = 0;
  // Table cells open (td, th): see onopentag.
  let cellDepth = 0;
  /** What a block element's edge adds: a line break, or inside a table cell (not its row or table) CELL_BREAK. */
  const blockEdge = (name: string): string => (cellDepth > 0 && name !== 'tr' && name !== 'table' ? CELL_BREAK : '\n');
  let refDepth = 0;
  let pendingRef: number | undefined;
  let backLinkDepth = 0;
  const titles = { h1: '', title: '' };
  let titleTag: 'h1' | 'title' | undefined;
  const noteStack: { tag: string; number: number; depth: number; text: string }[] = [];
  /** Text of the `<sup>` being read (outermost), held until it closes: a note's number becomes its mark (supNoteMark). */
  let sup: { depth: number; text: string } | undefined;
  const emit = (text: string): void => {
    if (sup) {
      sup.text += text;
      return;
    }
    const note = noteStack.at(-1);
    if (note) note.text += text;
    else {
      body += text;
      boldMarked += text;
    }
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const depth = open.length + 1;
        if ((name === 'h1' && titles.h1 === '') || (name === 'title' && titles.title === '')) titleTag = name;
        if (SKIPPED.has(name)) skipDepth += 1;
        // A table's cells stay apart on their row's line (`| 1 | “三清”行动 | 清河道…`), as the
        // appendix reader takes table rows (run together they would read as one phrase); the
        // paragraphs inside a cell stay on that line.
        if (name === 'td' || name === 'th') {
          cellDepth += 1;
          emit(' | ');
        } else if (BLOCKS.has(name)) emit(blockEdge(name));
        const noteNumber = numberOf.get(attribs.id ?? '') ?? numberOf.get(attribs.name ?? '');
        if (noteNumber !== undefined && !notes.has(noteNumber) && noteStack.length === 0) {
          const holder = INLINE.has(name) ? [...open].reverse().find((element) => !INLINE.has(element.tag)) : undefined;
          noteStack.push({ tag: holder?.tag ?? name, number: noteNumber, depth: holder?.depth ?? depth, text: '' });
        }
        open.push({ tag: name, depth });
        if (name === 'sup' && !sup && skipDepth === 0) sup = { depth, text: '' };
        if (isBold(name, attribs) && noteStack.length === 0 && skipDepth === 0 && BEFORE_BOLD_HEAD.test(boldMarked.slice(boldMarked.lastIndexOf('\n') + 1))) {
          boldMarked += '**';
          boldOpen.push(depth);
        }
        if (name === 'a') {
          const target = hrefTarget(attribs.href);
          if (target !== undefined && links.backIds.has(target)) backLinkDepth += 1;
          else if (target !== undefined && numberOf.has(target) && noteStack.length === 0) {
            pendingRef = numberOf.get(target);
            refDepth += 1;
          }
        }
      },
      ontext(text) {
        if (titleTag) titles[titleTag] += text;
        if (skipDepth > 0 || backLinkDepth > 0 || refDepth > 0) return;
        emit(text);
      },
      onclosetag(name) {
        const depth = open.length;
        open.pop();
        if (sup?.depth === depth) {
          const { text } = sup;
          sup = undefined;
          emit(supNoteMark(text, noteStack.at(-1)?.text ?? body) ?? text);
        }
        if (boldOpen.at(-1) === depth) {
          boldOpen.pop();
          boldMarked += '**';
        }
        if (name === titleTag) titleTag = undefined;
        if (name === 'a' && backLinkDepth > 0) backLinkDepth -= 1;
        else if (name === 'a' && refDepth > 0) {
          refDepth -= 1;
          if (refDepth === 0 && pendingRef !== undefined) emit(`[footnoteRef:${pendingRef}]`);
          pendingRef = undefined;
        }
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (name === 'td' || name === 'th') cellDepth = Math.max(0, cellDepth - 1);
        else if (BLOCKS.has(name)) emit(blockEdge(name));
        const note = noteStack.at(-1);
        if (note && note.depth === depth && note.tag === name) {
          noteStack.pop();
          const content = note.text
            .replace(/\s+/gu, ' ')
            .replace(/^\s*[[(（]?\d+[\])）]?[.、．:：]?\s*/u, '')
            .replace(/\s*[↩↑^]\uFE0E?\s*$/u, '')
            .trim();
          notes.set(note.number, { content });
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const text = (raw: string): string =>
    raw
      // Paragraphs inside a cell join on its line: Chinese with nothing between, other text with a space.
      .replace(CELL_BREAK_IN_CHINESE, '')
      .replaceAll(CELL_BREAK, ' ')
      .split('\n')
      .map((line) => line.replace(/[ \t\u00a0]+/gu, ' ').trim())
      .filter((line) => line.length > 0)
      .join('\n');
  const title = (titles.h1.trim() || titles.title.trim()).replace(/\s+/gu, ' ');
  return { body: text(body), boldMarked: text(boldMarked), notes, ...(title ? { title } : {}) };
}

/** The text of an HTML page, block elements on their own lines (for reading a 名词解释 appendix). */
export function htmlToText(html: string): string {
  return readPage(html, { targets: [], backIds: new Set() }).body;
}

function pageImport(page: PageText, options: ImportOptions): ImportResult {
  if (page.notes.size > 0) return importMarkedFootnotes(page.body, page.notes, options);
  if (hasFootnoteMarkers(page.body)) return importFootnoteText(page.body, options);
  return withBoldHeads(importAppendixOrFootnotes(page.body, options), () => (page.boldMarked === page.body ? undefined : page.boldMarked), options);
}

/**
 * Entries of an HTML report: linked footnotes when there are any, else its 名词解释 appendix. The
 * title is the page's first <h1> (else its <title>), since a site's navigation often comes first.
 */
export function importHtml(html: string, options: ImportOptions = {}): ImportResult {
  const page = readPage(html, findFootnoteLinks(html));
  const result = pageImport(page, options);
  return page.title ? { ...result, source: { ...result.source, title: page.title } } : result;
}
