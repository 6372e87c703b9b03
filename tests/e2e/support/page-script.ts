// Bundles a module and everything it imports into one classic script, to put into a test or
// benchmark page.
import { build } from 'esbuild';

/** The text of `entry` bundled as one IIFE script. */
export async function pageScript(entry: string): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, format: 'iife', target: 'es2022', write: false, logLevel: 'silent' });
  return result.outputFiles[0]?.text ?? '';
}
