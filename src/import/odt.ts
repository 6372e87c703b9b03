// Reads an OpenDocument text report (.odt, as LibreOffice and WPS 文字 save one): content.xml's
// paragraphs and headings one per line, footnotes and endnotes (text:note, numbered footnotes
// first, then endnotes, as a .doc's are) marked `[footnoteRef:N]` where they are anchored, table
// rows one per line with their cells apart by tabs; then the same importers as a .docx. Deleted
// text of tracked changes and comments are left out.
import { strFromU8, unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { BROKEN_ODT } from './file-kinds';
import { anchorMark, importInlineNoted, numberInlineNotes, type InlineNote } from './inline-notes';
import type { ImportOptions } from './options';
import type { ImportResult } from './types';

/** An .odt report's text: the body with `[footnoteRef:N]` marks, and note N as `footnotes[N - 1]`. */
export interface OdtText {
  body: string;
  footnotes: string[];
}

/** Elements whose text is not the document's: deleted text, comments, a note's own number. */
const SKIPPED = new Set(['text:tracked-changes', 'office:annotation', 'text:note-citation', 'text:sequence-decls', 'office:forms']);

/** The text of an OpenDocument content.xml (exported for tests). */
export function readOdtContent(xml: string): OdtText {
  const body: string[] = [];
  const notes: InlineNote[] = [];
  // The notes being read (a note's body holds paragraphs; notes do not nest, but a stack costs nothing).
  const open: number[] = [];
  let skipDepth = 0;
  let cellDepth = 0;
  // Paragraphs open (text:p, text:h): text outside them is the file's indentation.
  let paragraphDepth = 0;
  // Nothing read yet in the paragraph just opened: its leading white space is the file's.
  let paragraphStart = false;
  let inBody = false;
  const target = (): string[] => (open.length > 0 ? notes[open[open.length - 1]!]!.text : body);
  const endLine = (): void => {
    const text = target();
    if (open.length === 0 && cellDepth > 0) {
      // A cell's paragraphs on one line: run together after Chinese text, else a space.
      const last = text[text.length - 1] ?? '';
      if (!/[\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$/u.test(last)) text.push(' ');
    } else text.push('\n');
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'office:text') inBody = true;
        if (!inBody) return;
        if (skipDepth > 0 || SKIPPED.has(name)) {
          skipDepth += 1;
          return;
        }
        if (name === 'text:p' || name === 'text:h') {
          paragraphDepth += 1;
          paragraphStart = true;
        } else if (name === 'text:s' || name === 'text:tab' || name === 'text:line-break' || name === 'text:note') paragraphStart = false;
        if (name === 'text:note') {
          notes.push({ kind: attribs['text:note-class'] === 'endnote' ? 'end' : 'foot', text: [] });
          target().push(anchorMark(notes.length - 1));
          open.push(notes.length - 1);
        } else if (name === 'text:s') target().push(' '.repeat(Math.max(1, Math.min(100, Number(attribs['text:c'] ?? 1) || 1))));
        else if (name === 'text:tab') target().push('\t');
        else if (name === 'text:line-break') target().push('\n');
        else if (name === 'table:table-cell' || name === 'table:covered-table-cell') cellDepth += 1;
      },
      ontext(text) {
        // Runs of white space in a paragraph are one space (ODF 1.2, 6.1.2); text:s writes more.
        if (!inBody || skipDepth > 0 || paragraphDepth === 0) return;
        const collapsed = text.replace(/[\t\r\n ]+/gu, ' ');
        target().push(paragraphStart ? collapsed.trimStart() : collapsed);
        if (collapsed.trim().length > 0) paragraphStart = false;
      },
      onclosetag(name) {
        if (name === 'office:text') inBody = false;
        if (!inBody) return;
        if (skipDepth > 0) {
          skipDepth -= 1;
          return;
        }
        if (name === 'text:p' || name === 'text:h') {
          paragraphDepth -= 1;
          endLine();
        }
        else if (name === 'text:note') open.pop();
        else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
          cellDepth -= 1;
          if (open.length === 0 && cellDepth === 0) {
            const text = target();
            if (text.length > 0) text[text.length - 1] = text[text.length - 1]!.trimEnd();
            text.push('\t');
          }
        } else if (name === 'table:table-row' && cellDepth === 0 && open.length === 0) body.push('\n');
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();

  return numberInlineNotes(body.join(''), notes);
}

/** The text of an .odt file, or undefined when it is not one (no content.xml in a zip). */
export function readOdt(bytes: Uint8Array): OdtText | undefined {
  try {
    const content = unzipSync(bytes, { filter: (file) => file.name === 'content.xml' })['content.xml'];
    return content ? readOdtContent(strFromU8(content)) : undefined;
  } catch {
    return undefined;
  }
}

/** The body text of an .odt file without note marks; undefined when it is not readable. */
export const odtBodyText = (bytes: Uint8Array): string | undefined => readOdt(bytes)?.body.replace(/\[footnoteRef:\d+\]/gu, '');

/** Entries of an .odt report: its footnotes and endnotes, or without notes the body's 名词解释 appendix. */
export function importOdt(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const odt = readOdt(bytes);
  if (!odt) return { source: {}, entries: [], problems: [{ severity: 'error', message: BROKEN_ODT }], unreadable: true };
  return importInlineNoted(odt, options);
}
