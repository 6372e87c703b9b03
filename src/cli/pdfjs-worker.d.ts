// pdf.js's worker module, imported by pdf-reader.ts to run in the CLI's own thread: the package
// ships no types for it; pdf.js only looks for its WorkerMessageHandler.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
