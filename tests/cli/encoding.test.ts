// `import`, `scan` and `missing` read reports in the encodings Chinese offices save them in, and
// refuse binary input with the file name and a reason (non-zero exit), never a silent 0 terms.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli';

const REPORT = '清溪县政府工作报告\n\n各位代表：我们推进“三清”行动和“两通”工程。\n\n名词解释\n1.“三清”行动：清河道、清垃圾、清违建。\n2.“两通”工程：通硬化路、通客车。\n';

/** GB18030 bytes of `text` (Node has no GB encoder; the table below covers the fixture's characters). */
function gb18030(text: string): Uint8Array {
  const bytes: number[] = [];
  const decoder = new TextDecoder('gb18030');
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = GB_CACHE.get(char) ?? findGb(char, decoder);
    bytes.push(...pair);
  }
  return new Uint8Array(bytes);
}

const GB_CACHE = new Map<string, number[]>();
/** Searches the two-byte GBK area for the character (slow, but the fixture is short). */
function findGb(char: string, decoder: TextDecoder): number[] {
  if (GB_CACHE.size === 0) {
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        const decoded = decoder.decode(new Uint8Array([lead, trail]));
        if (!GB_CACHE.has(decoded)) GB_CACHE.set(decoded, [lead, trail]);
      }
    }
  }
  const found = GB_CACHE.get(char);
  if (!found) throw new Error(`no GBK code for ${char}`);
  return found;
}

function utf16le(text: string, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  const view = new DataView(bytes.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, true);
    at = 2;
  }
  for (let i = 0; i < text.length; i += 1, at += 2) view.setUint16(at, text.charCodeAt(i), true);
  return bytes;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pg-encoding-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const html = (charset: string, body: string): string =>
  `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>报告</title></head><body>${body
    .split('\n')
    .map((line) => `<p>${line}</p>`)
    .join('')}</body></html>`;

describe('reading reports in other encodings', () => {
  it.each([
    { name: 'report.txt', what: 'GB18030 text', bytes: () => gb18030(REPORT) },
    { name: 'report.txt', what: 'UTF-16LE with a byte order mark', bytes: () => utf16le(REPORT, true) },
    { name: 'report.txt', what: 'UTF-16LE without a byte order mark', bytes: () => utf16le(REPORT, false) },
    { name: 'report.txt', what: 'UTF-8 with a byte order mark', bytes: () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(REPORT)]) },
    { name: 'report.html', what: 'HTML declaring gbk', bytes: () => gb18030(html('gbk', REPORT)) },
    { name: 'report.html', what: 'HTML with <meta charset="gb2312">', bytes: () => gb18030(`<meta charset="gb2312">${html('gb2312', REPORT)}`) },
  ])('import reads $what', async ({ name, bytes }) => {
    await writeFile(path.join(dir, name), bytes());
    const run = await runCliCaptured(dir, ['import', name, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const entries = JSON.parse(run.stdout) as { term: string; definition: string }[];
    expect(entries.map((entry) => [entry.term, entry.definition])).toEqual([
      ['三清行动', '清河道、清垃圾、清违建。'],
      ['两通工程', '通硬化路、通客车。'],
    ]);
  });

  it('scan reads a GB18030 file and finds a term in it', async () => {
    await writeFile(path.join(dir, 'glossary.yaml'), 'source:\n  title: 测试\n  kind: editorial\nentries:\n  - id: san-qing\n    term: 三清行动\n    aliases: [“三清”行动]\n    definition: 清河道。\n    status: editorial\n');
    await writeFile(path.join(dir, 'report.txt'), gb18030(REPORT));
    const run = await runCliCaptured(dir, ['scan', 'report.txt', '--glossary', 'glossary.yaml', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { files: { matches: { text: string; kind: string }[] }[] };
    expect(out.files[0]?.matches.filter((match) => match.kind === 'term').map((match) => match.text)).toContain('“三清”行动');
  });

  const binary = (): Uint8Array => {
    const bytes = new Uint8Array(600);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 37 + 11) % 256;
    return bytes;
  };
  const png = (): Uint8Array => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);

  it.each([
    { command: 'import', bytes: binary, what: 'binary bytes' },
    { command: 'import', bytes: png, what: 'an image renamed .txt' },
    { command: 'scan', bytes: binary, what: 'binary bytes' },
    { command: 'scan', bytes: png, what: 'an image renamed .txt' },
    { command: 'missing', bytes: png, what: 'an image renamed .txt' },
  ])('$command refuses $what with the file name and a reason', async ({ command, bytes }) => {
    await writeFile(path.join(dir, 'photo.txt'), bytes());
    const run = await runCliCaptured(dir, [command, 'photo.txt']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/photo\.txt.*(二进制|binary|UTF-8)/u);
    expect(run.stderr).not.toContain('名词解释');
  });
});
