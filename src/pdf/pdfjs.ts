// pdf.js set up for the extension: its worker, CJK character maps, standard fonts and image
// decoders all come from the extension's own files (wxt.config.ts copies them under pdfjs/), so
// opening a PDF fetches nothing but the PDF.
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import type * as PdfjsLib from './pdfjs-lib';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type { PDFDocumentProxy, PDFPageProxy, PageViewport, TextLayer } from 'pdfjs-dist';

let library: Promise<typeof PdfjsLib> | undefined;

/** pdf.js, loaded once on first use. */
export function pdfjs(): Promise<typeof PdfjsLib> {
  library ??= import('./pdfjs-lib');
  return library;
}

/** Starts loading `source` (a URL or the bytes); `assetBase` is the extension URL of pdfjs/. */
export async function openPdf(source: string | Uint8Array, assetBase: string): Promise<PDFDocumentLoadingTask> {
  const { GlobalWorkerOptions, getDocument } = await pdfjs();
  GlobalWorkerOptions.workerSrc = workerUrl;
  const base = assetBase.endsWith('/') ? assetBase : `${assetBase}/`;
  return getDocument({
    ...(typeof source === 'string' ? { url: source } : { data: source }),
    cMapUrl: `${base}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${base}standard_fonts/`,
    wasmUrl: `${base}wasm/`,
    // Extension pages forbid eval (CSP); pdf.js would otherwise try it for fonts and log the refusal.
    isEvalSupported: false,
    enableXfa: false,
  });
}

/** What went wrong opening a document, as the viewer explains it. */
export type OpenFailure = { kind: 'password' } | { kind: 'broken' } | { kind: 'status'; status: number } | { kind: 'unreachable' };

/**
 * Classifies an error from pdf.js's loading task. Only a file pdf.js read and rejected is
 * "broken"; anything else (a network error, a refused cross-origin read) is "unreachable".
 */
export function classifyOpenError(error: unknown): OpenFailure {
  const e = error as { name?: string; status?: number } | null;
  const name = e?.name ?? '';
  if (name === 'PasswordException') return { kind: 'password' };
  if (name === 'InvalidPDFException' || name === 'FormatError') return { kind: 'broken' };
  if (typeof e?.status === 'number' && e.status > 0) return { kind: 'status', status: e.status };
  return { kind: 'unreachable' };
}
