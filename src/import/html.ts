// Imports a report published as HTML: footnotes as `<sup>` links to a notes list, or else a
// 名词解释 appendix (or `[footnoteRef:N]` markers) in the page's text.
import { Parser } from 'htmlparser2';
import { importAppendixText } from './appendix';
import type { FootnoteText } from './footnote-text';
import { hasFootnoteMarkers, importFootnoteText, importMarkedFootnotes } from './footnote-text';
import type { ImportOptions } from './options';
import type { ImportResult } from './types';

const BLOCKS = new Set([
  'p', 'div', 'li', 'ol', 'ul', 'br', 'tr', 'table', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'pre', 'dd', 'dt', 'dl', 'aside', 'footer', 'header', 'hr', 'title',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head']);

interface SupLinks {
  /** Note element ids in the order the body first links to them. */
  targets: string[];
  /** Ids of the `<sup>` anchors, which the notes link back to. */
  backIds: Set<string>;
}

function findSupLinks(html: string): SupLinks {
  const targets: string[] = [];
  const backIds = new Set<string>();
  let supDepth = 0;
  const parser = new Parser({
    onopentag(name, attribs) {
      if (name === 'sup') supDepth += 1;
      if (supDepth > 0 && name === 'a' && attribs.href?.startsWith('#')) {
        const target = decodeURIComponent(attribs.href.slice(1));
        if (target.length > 0 && !targets.includes(target)) targets.push(target);
        if (attribs.id) backIds.add(attribs.id);
      }
      if (supDepth > 0 && attribs.id) backIds.add(attribs.id);
    },
    onclosetag(name) {
      if (name === 'sup') supDepth = Math.max(0, supDepth - 1);
    },
  });
  parser.write(html);
  parser.end();
  return { targets, backIds };
}

/** The page's text, blocks on their own lines; sup links become `[footnoteRef:N]`, notes are set aside. */
function readPage(html: string, links: SupLinks): { body: string; notes: Map<number, FootnoteText> } {
  const numberOf = new Map(links.targets.map((id, index) => [id, index + 1]));
  const notes = new Map<number, FootnoteText>();
  let body = '';
  let skipDepth = 0;
  let supDepth = 0;
  let supRef: number | undefined;
  let backLinkDepth = 0;
  const noteStack: { tag: string; number: number; depth: number; text: string }[] = [];
  let depth = 0;
  const emit = (text: string): void => {
    const note = noteStack.at(-1);
    if (note) note.text += text;
    else body += text;
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        depth += 1;
        if (SKIPPED.has(name)) skipDepth += 1;
        if (BLOCKS.has(name)) emit('\n');
        const noteNumber = attribs.id === undefined ? undefined : numberOf.get(attribs.id);
        if (noteNumber !== undefined && !notes.has(noteNumber)) noteStack.push({ tag: name, number: noteNumber, depth, text: '' });
        if (name === 'sup') supDepth += 1;
        if (name === 'a' && attribs.href?.startsWith('#')) {
          const target = decodeURIComponent(attribs.href.slice(1));
          if (supDepth > 0 && numberOf.has(target) && noteStack.length === 0) supRef = numberOf.get(target);
          if (links.backIds.has(target) || (noteStack.length > 0 && supDepth > 0)) backLinkDepth += 1;
        }
      },
      ontext(text) {
        if (skipDepth > 0 || backLinkDepth > 0 || supRef !== undefined) return;
        if (noteStack.length > 0 && supDepth > 0) return;
        emit(text);
      },
      onclosetag(name) {
        if (name === 'a' && backLinkDepth > 0) backLinkDepth -= 1;
        if (name === 'sup') {
          supDepth = Math.max(0, supDepth - 1);
          if (supDepth === 0 && supRef !== undefined) {
            emit(`[footnoteRef:${supRef}]`);
            supRef = undefined;
          }
        }
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (BLOCKS.has(name)) emit('\n');
        const note = noteStack.at(-1);
        if (note && note.depth === depth && note.tag === name) {
          noteStack.pop();
          const content = note.text.replace(/\s+/gu, ' ').replace(/^\s*[[(（]?\d+[\])）]?[.、．:：]?\s*/u, '').replace(/\s*[↩↑^]\s*$/u, '').trim();
          notes.set(note.number, { content });
        }
        depth -= 1;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const lines = body.split('\n').map((line) => line.replace(/[ \t\u00a0]+/gu, ' ').trim());
  return { body: lines.filter((line) => line.length > 0).join('\n'), notes };
}

/** The text of an HTML page, block elements on their own lines (for reading a 名词解释 appendix). */
export function htmlToText(html: string): string {
  return readPage(html, { targets: [], backIds: new Set() }).body;
}

/** Entries of an HTML report: `<sup>` footnotes when there are any, else its 名词解释 appendix. */
export function importHtml(html: string, options: ImportOptions = {}): ImportResult {
  const links = findSupLinks(html);
  const page = readPage(html, links);
  if (page.notes.size > 0) return importMarkedFootnotes(page.body, page.notes, options);
  if (hasFootnoteMarkers(page.body)) return importFootnoteText(page.body, options);
  return importAppendixText(page.body, options);
}
