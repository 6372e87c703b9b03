// The second thread of `scan` on a long file (scan-parts.ts): reads the part after the cut with the
// same ready matcher and sends back its reading, as tallies for the summary or as matches for --json.
// Compiled to dist/cli/scan-worker.mjs beside the command (scripts/build-cli.ts).
import { parentPort } from 'node:worker_threads';
import { collectSlogans } from '../core/slogans';
import type { TextMatch } from '../core/types';
import type { StoredMatcher } from './pack-cache';
import { decodeValidUtf8, decodeStored, cliMatcherOfDecoded, readPart } from './scan-parts';
import { tally, type Tallies } from './scan-summary';

/** The part to read: its UTF-8 bytes (clean, no byte order mark), the matcher, what to send back. */
export interface PartJob {
  bytes: Uint8Array;
  compiled: StoredMatcher;
  json: boolean;
  /** The last units of the text before the part, for the context of its first slogans. */
  head: string;
}

/** What the worker sends: first its part's quoted-coinage counts, at the end its reading. */
export type PartMessage = { quoted: Map<string, number> } | { length: number; tallies?: Tallies; matches?: TextMatch[] };

const port = parentPort;
if (port) {
  port.once('message', (job: PartJob) => {
    const text = decodeValidUtf8(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength));
    const collected = collectSlogans(text);
    port.postMessage({ quoted: collected.quoted } satisfies PartMessage);
    // Built while the main thread collects its part's counts.
    const matcher = cliMatcherOfDecoded(decodeStored(job.compiled));
    port.once('message', (elsewhere: Map<string, number>) => {
      const matches = readPart(text, matcher, collected, elsewhere);
      const reply: PartMessage = job.json ? { length: text.length, matches } : { length: text.length, tallies: tally(text, matches, job.head) };
      port.postMessage(reply);
    });
  });
}
