// `npx tsx scripts/bench-pdf.ts`: the PDF case of `npm run bench:browser` alone (bench/browser/pdf.ts):
// the viewer on a 200-page PDF against a bare pdf.js viewer. Needs `npm run build:ext`.
import { cpus, loadavg } from 'node:os';
import { runPdfBench } from '../bench/browser/pdf';

console.log(`bench-pdf: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
await runPdfBench();
