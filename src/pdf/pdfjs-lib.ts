// pdf.js itself, loaded by pdfjs.ts with a dynamic import: the viewer's page and messages show
// before the 400 KB library has been parsed, and pdf.js is a chunk of its own (chunks/pdfjs-lib-*),
// which tells its work from ours in a profile (bench/browser/pdf.ts) and in the store review.
export { GlobalWorkerOptions, TextLayer, getDocument } from 'pdfjs-dist';
