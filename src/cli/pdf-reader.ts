// Reads a PDF's text in Node with pdf.js (its legacy build, which runs on Node 20). Loaded only for
// a .pdf file: pdf.js is a megabyte of code the other commands never need.
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdfDocument, type PdfOpening } from '../import/pdf-document';
import type { PdfText } from '../import/pdf-layout';
import { existsSync, resolve } from './builtins';
import { DEFAULT_CACHE_DIR } from './glossary-files';

/** pdf.js's character maps for PDFs whose fonts use a predefined CJK encoding: copied beside the compiled CLI, else the package's. */
function cMapDirectory(): string {
  const beside = resolve(DEFAULT_CACHE_DIR, 'pdf-cmaps');
  return `${existsSync(beside) ? beside : resolve(DEFAULT_CACHE_DIR, '../../node_modules/pdfjs-dist/cmaps')}/`;
}

/** The drawing classes pdf.js's display layer makes one of as it loads; reading text never draws. */
class NotDrawn {}

/**
 * pdf.js for reading text in Node. Loading, it looks for the native canvas package to draw with
 * (not installed with this package) and builds a DOMMatrix: stand-ins keep it from failing, and its
 * warnings about the package are held back so that they never mix into a command's output.
 */
async function loadPdfjs(): Promise<typeof Pdfjs> {
  const host = globalThis as Record<string, unknown>;
  for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) host[name] ??= NotDrawn;
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith('Warning: Cannot load "@napi-rs/canvas"'))) log(...args);
  };
  try {
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    console.log = log;
  }
}

/** Starts pdf.js opening the PDF `bytes` (its loading task, for pdf-document.ts or pdf-import.ts). */
export async function openPdf(bytes: Uint8Array): Promise<PdfOpening> {
  const pdfjs = await loadPdfjs();
  // The worker's code runs in this thread: a compiled CLI has no worker file beside pdf.js.
  const host = globalThis as { pdfjsWorker?: unknown };
  host.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  return pdfjs.getDocument({
    // pdf.js takes the buffer over; the caller's bytes stay as they were.
    data: bytes.slice(),
    cMapUrl: cMapDirectory(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
}

/**
 * The text of the PDF `bytes`. Throws DocumentTextError (naming the file) for bytes that are no
 * PDF, a password-protected PDF and a scanned one (pages without a text layer).
 */
export async function readPdfText(bytes: Uint8Array, fileName: string): Promise<PdfText> {
  return readPdfDocument(await openPdf(bytes), fileName);
}
