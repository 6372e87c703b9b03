// Reads an OFD document (GB/T 33190, 版式文档: what 数科, 书生 and 福昕 OFD readers open, and what many
// 公文 systems and government sites publish beside or instead of a PDF). An OFD is a zip: OFD.xml
// names the document's root (Document.xml), which lists its pages; each page's Content.xml places
// text objects on the page in millimetres, y downward. Every horizontal text object becomes a text
// run as pdf.js gives one from a PDF, and the runs go through the PDF layout (pdf-layout.ts): lines,
// paragraphs, the page's number and running head dropped, raised footnote marks and the notes at
// each page's foot. Templates (a page's running furniture), annotations, signatures and seals are
// not read; a page of images only (a scanned OFD) has no text.
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { DocumentTextError, xmlDeclaredEncoding } from './decode';
import { BROKEN_OFD } from './file-kinds';
import { layoutPdfText, type PdfText, type PdfTextRun } from './pdf-layout';
import { importPdfText } from './pdf-import';
import type { ImportOptions } from './options';
import type { ImportResult } from './types';

/** Points per millimetre: the layout's measures are a PDF's, where the runs' sizes are in points. */
const PT_PER_MM = 72 / 25.4;
/** An A4 page's height (mm), where neither the page nor the document gives one. */
const A4_HEIGHT = 297;
/** A step between two characters of one text code wider than this many character sizes starts a new run (a table's next cell). */
const RUN_GAP = 1.5;
/** Wide characters (CJK and full-width forms), which advance a whole character size where no DeltaX says otherwise. */
const WIDE = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018\u2019\u201c\u201d\u2014\u2026]/u;

/** Why an OFD is not read as a report (DocumentTextError's reason, or an import problem). */
export class OfdError extends Error {}

/** A part of the package as text: UTF-8, or the encoding its XML declaration names (GB2312, GBK …). */
function partText(bytes: Uint8Array): string {
  const declared = xmlDeclaredEncoding(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared && !/^utf-?8$/iu.test(declared) ? declared : 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

/** An element's name without its namespace prefix (`ofd:TextCode` → `TextCode`). */
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Numbers of an ST_Array (`0 0 210 297`); DeltaX's `g N V` (N copies of V) expanded. */
export function ofdNumbers(value: string | undefined): number[] {
  const tokens = (value ?? '').trim().split(/[\s,]+/u).filter(Boolean);
  const numbers: number[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i] === 'g' && i + 2 < tokens.length) {
      const count = Math.min(100_000, Math.max(0, Math.floor(Number(tokens[i + 1]))));
      const step = Number(tokens[i + 2]);
      for (let k = 0; k < count; k += 1) numbers.push(step);
      i += 2;
    } else numbers.push(Number(tokens[i]));
  }
  return numbers.map((number) => (Number.isFinite(number) ? number : 0));
}

/** A path in the package, `reference` read from the part `from` (absolute from the package's root, else from the part's folder). */
function resolvePath(reference: string, from: string): string {
  const path = reference.trim().replace(/\\/gu, '/');
  const base = path.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

/** The package's parts by path (lowercased: writers differ in the case of their own part names). */
type Parts = Map<string, Uint8Array>;

function partAt(parts: Parts, path: string): Uint8Array | undefined {
  return parts.get(path.toLowerCase());
}

/** The elements of an XML part, as open/close events (enough for the few structures read here). */
function walkXml(xml: string, handlers: { open?(name: string, attributes: Record<string, string>): void; text?(text: string): void; close?(name: string): void }): void {
  const parser = new Parser(
    {
      onopentag: (name, attributes) => handlers.open?.(local(name), attributes),
      ontext: (text) => handlers.text?.(text),
      onclosetag: (name) => handlers.close?.(local(name)),
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

/** The first DocRoot of OFD.xml: the document's root part. */
function documentRoot(parts: Parts): string | undefined {
  const entry = partAt(parts, 'OFD.xml');
  if (!entry) return undefined;
  let inRoot = false;
  let root = '';
  let found: string | undefined;
  walkXml(partText(entry), {
    open: (name) => {
      if (name === 'DocRoot' && found === undefined) inRoot = true;
    },
    text: (text) => {
      if (inRoot) root += text;
    },
    close: (name) => {
      if (name === 'DocRoot' && inRoot) {
        inRoot = false;
        found = root.trim();
      }
    },
  });
  return found ? resolvePath(found, 'OFD.xml') : undefined;
}

/** The pages Document.xml lists, in order (as written: BaseLoc an attribute or, in some writers, a child), and the document's page height (mm) when it gives one. */
function documentPages(xml: string): { pages: string[]; height?: number } {
  const pages: string[] = [];
  let height: number | undefined;
  // The element whose text is being read: a page's BaseLoc child, or the document's page box.
  let reading: 'page' | 'box' | undefined;
  let read = '';
  let inPage = false;
  let inPageArea = false;
  walkXml(xml, {
    open: (name, attributes) => {
      if (name === 'Page') {
        inPage = true;
        if (attributes.BaseLoc) pages.push(attributes.BaseLoc);
      } else if (name === 'BaseLoc' && inPage) reading = 'page';
      else if (name === 'PageArea') inPageArea = true;
      else if (name === 'PhysicalBox' && inPageArea) reading = 'box';
      read = '';
    },
    text: (text) => {
      if (reading) read += text;
    },
    close: (name) => {
      if (reading === 'page' && name === 'BaseLoc') pages.push(read.trim());
      else if (reading === 'box' && name === 'PhysicalBox') {
        const [, , , h] = ofdNumbers(read);
        if (h !== undefined && h > 0) height ??= h;
      }
      if (name === 'BaseLoc' || name === 'PhysicalBox') reading = undefined;
      if (name === 'Page') inPage = false;
      else if (name === 'PageArea') inPageArea = false;
    },
  });
  return { pages, ...(height === undefined ? {} : { height }) };
}

/**
 * The part a reference names, read from the part `from`: relative to `from`'s folder as the
 * standard has it, else (as some writers mean it) from the package's root.
 */
function partFor(parts: Parts, reference: string, from: string): Uint8Array | undefined {
  return partAt(parts, resolvePath(reference, from)) ?? partAt(parts, resolvePath(reference, ''));
}

/** A text object being read: where its codes are placed from. */
interface TextObject {
  /** Boundary's top left (mm). */
  left: number;
  top: number;
  /** CTM (a b c d e f), identity when absent. */
  ctm: number[];
  size: number;
  /** Not horizontal left-to-right text (rotated, mirrored, or set in another reading direction). */
  skipped: boolean;
  /** Where the last code ended (the object's own coordinates), for a code without X or Y. */
  x: number;
  y: number;
}

/** A run placed on the page in millimetres, y downward (turned into PDF units once the page's height is known). */
type PlacedRun = PdfTextRun;

/** How far a character advances where DeltaX does not say: a wide one its size, another half. */
const advance = (character: string, size: number): number => (WIDE.test(character) ? size : size / 2);

/** A text code as read: where it starts (absent: where the last one ended) and its steps. */
interface Code {
  x?: number;
  y?: number;
  deltaX: number[];
  deltaY: number[];
}

/**
 * The runs of one text code: its characters placed at X, Y and the DeltaX (and DeltaY) steps from
 * there, mapped by the object's CTM onto the page, cut where a step leaves a gap (a table's next
 * cell), goes back, or moves to another line (some writers set several lines in one code). A code
 * whose every step goes down a column (vertical text) gives none.
 */
function codeRuns(object: TextObject, code: Code, text: string): PlacedRun[] {
  const [a, , , d, e, f] = object.ctm as [number, number, number, number, number, number];
  const characters = [...text.replace(/[\r\n]/gu, '')];
  // Each character's place (the object's coordinates).
  const xs: number[] = [];
  const ys: number[] = [];
  let x = code.x ?? object.x;
  let y = code.y ?? object.y;
  characters.forEach((character, i) => {
    xs.push(x);
    ys.push(y);
    // Where DeltaX is not given a character advances by its width (a writer that leaves it out
    // relies on the font's metrics).
    x += i < characters.length - 1 ? (code.deltaX[i] ?? advance(character, object.size)) : advance(character, object.size);
    if (i < characters.length - 1) y += code.deltaY[i] ?? 0;
  });
  object.x = x;
  object.y = y;
  // Steps down and none across (DeltaY without DeltaX, or DeltaX steps of 0): a column.
  const down = ys.some((at) => at !== ys[0]);
  const column = characters.length > 1 && down && (code.deltaX.length === 0 || xs.every((at) => Math.abs(at - xs[0]!) < 1e-6));
  if (column) return [];
  const runs: PlacedRun[] = [];
  let first = 0;
  for (let i = 1; i <= characters.length; i += 1) {
    if (i < characters.length) {
      const step = xs[i]! - xs[i - 1]!;
      if (step >= 0 && step <= RUN_GAP * object.size && Math.abs(ys[i]! - ys[i - 1]!) < 0.05 * object.size) continue;
    }
    const end = xs[i - 1]! + advance(characters[i - 1]!, object.size);
    runs.push({ text: characters.slice(first, i).join(''), x: object.left + a * xs[first]! + e, y: object.top + d * ys[first]! + f, width: a * (end - xs[first]!), size: object.size * d });
    first = i;
  }
  return runs;
}

/** A page's content part read into text runs (PDF units: points, y upward from the page's foot). */
function pageRuns(xml: string, documentHeight: number): PdfTextRun[] {
  const placed: PlacedRun[] = [];
  let height = documentHeight;
  const objects: TextObject[] = [];
  let code: Code | undefined;
  let codeText = '';
  let inArea = false;
  let inBox = false;
  let box = '';
  walkXml(xml, {
    open: (name, attributes) => {
      if (name === 'Area') inArea = true;
      else if (name === 'PhysicalBox' && inArea) {
        inBox = true;
        box = '';
      } else if (name === 'TextObject') {
        const [left = 0, top = 0] = ofdNumbers(attributes.Boundary);
        const given = ofdNumbers(attributes.CTM);
        const ctm = given.length === 6 ? given : [1, 0, 0, 1, 0, 0];
        const [a, b, c, d] = ctm as [number, number, number, number];
        const size = Number(attributes.Size);
        const turned = (Number(attributes.ReadDirection ?? 0) || 0) !== 0 || (Number(attributes.CharDirection ?? 0) || 0) !== 0;
        objects.push({
          left,
          top,
          ctm,
          size: Number.isFinite(size) && size > 0 ? size : 0,
          skipped: turned || Math.abs(b) > 1e-3 * Math.abs(a) || Math.abs(c) > 1e-3 * Math.abs(d) || !(a > 0) || !(d > 0),
          x: 0,
          y: 0,
        });
      } else if (name === 'TextCode' && objects.length > 0) {
        const x = Number(attributes.X ?? Number.NaN);
        const y = Number(attributes.Y ?? Number.NaN);
        code = { ...(Number.isFinite(x) ? { x } : {}), ...(Number.isFinite(y) ? { y } : {}), deltaX: ofdNumbers(attributes.DeltaX), deltaY: ofdNumbers(attributes.DeltaY) };
        codeText = '';
      }
    },
    text: (text) => {
      if (inBox) box += text;
      else if (code) codeText += text;
    },
    close: (name) => {
      if (name === 'PhysicalBox' && inBox) {
        inBox = false;
        const [, , , h] = ofdNumbers(box);
        if (h !== undefined && h > 0) height = h;
      } else if (name === 'Area') inArea = false;
      else if (name === 'TextCode' && code) {
        const object = objects[objects.length - 1]!;
        if (!object.skipped && object.size > 0) placed.push(...codeRuns(object, code, codeText));
        code = undefined;
      } else if (name === 'TextObject') objects.pop();
    },
  });
  return placed.map((run) => ({ text: run.text, x: run.x * PT_PER_MM, y: (height - run.y) * PT_PER_MM, width: run.width * PT_PER_MM, size: run.size * PT_PER_MM }));
}

/**
 * The text of an OFD file laid out as a PDF's is (pdf-layout.ts). Throws OfdError when the bytes are
 * no OFD package (no zip, no OFD.xml or no document root in it) or its pages hold no text.
 */
export function readOfd(bytes: Uint8Array): PdfText {
  let parts: Parts;
  try {
    parts = new Map(Object.entries(unzipSync(bytes, { filter: (file) => /\.xml$/iu.test(file.name) })).map(([name, data]) => [name.replace(/\\/gu, '/').replace(/^\//u, '').toLowerCase(), data]));
  } catch {
    throw new OfdError(BROKEN_OFD);
  }
  const root = documentRoot(parts);
  const document = root === undefined ? undefined : partAt(parts, root);
  if (root === undefined || !document) throw new OfdError(BROKEN_OFD);
  const { pages, height } = documentPages(partText(document));
  const text = layoutPdfText(
    pages.map((page) => {
      const content = partFor(parts, page, root);
      return content ? pageRuns(partText(content), height ?? A4_HEIGHT) : [];
    }),
  );
  if (text.pagesWithText === 0) {
    throw new OfdError(`OFD 的 ${text.pages} 页都没有文字（可能是扫描件，请先做文字识别 OCR）/ none of the OFD's ${text.pages} pages has text (a scan? run OCR on it first)`);
  }
  return text;
}

/** The body text of an OFD file (its footnotes left out, as a PDF's body). Throws DocumentTextError naming `fileName` when it cannot be read. */
export function ofdBodyText(bytes: Uint8Array, fileName: string): string {
  try {
    return readOfd(bytes).body;
  } catch (error) {
    if (error instanceof OfdError) throw new DocumentTextError(fileName, error.message);
    throw error;
  }
}

/** Entries of an OFD report: as a PDF's (its 名词解释 appendix, else the footnotes at its pages' feet), problems placed by page. */
export function importOfd(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  let text: PdfText;
  try {
    text = readOfd(bytes);
  } catch (error) {
    if (!(error instanceof OfdError)) throw error;
    return { source: {}, entries: [], problems: [{ severity: 'error', message: error.message }], unreadable: true };
  }
  return importPdfText(text, options);
}
