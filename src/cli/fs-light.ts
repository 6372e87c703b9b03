// The few asynchronous file calls the CLI's start makes (read the ready matcher, list and stat
// glossary files, read a document), as promises over node:fs's callback functions. Not
// node:fs/promises: importing it loads Node's whole streams stack (about twenty internal modules,
// a tenth of `scan`'s start-up on a one-line file), which none of these calls use.
import type { Stats } from 'node:fs';
import { close, fstat, open, read, readFile as readFileWithCallback, rename as renameWithCallback, stat as statWithCallback, writeFile as writeFileWithCallback } from './builtins';

type Callback<T> = (error: NodeJS.ErrnoException | null, value: T) => void;

/** A promise of what a node:fs callback function gives. */
function promised<T>(call: (done: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => call((error, value) => (error ? reject(error) : resolve(value))));
}

/** fs/promises readFile: a file's bytes, or its text in `encoding`. */
export function readFile(path: string): Promise<Buffer>;
export function readFile(path: string, encoding: BufferEncoding): Promise<string>;
export function readFile(path: string, encoding?: BufferEncoding): Promise<Buffer | string> {
  return encoding === undefined ? promised<Buffer>((done) => readFileWithCallback(path, done)) : promised<string>((done) => readFileWithCallback(path, encoding, done));
}

/** fs/promises writeFile. */
export const writeFile = (path: string, data: string | Uint8Array): Promise<void> => promised<void>((done) => writeFileWithCallback(path, data, (error) => done(error, undefined)));

/** fs/promises rename. */
export const rename = (from: string, to: string): Promise<void> => promised<void>((done) => renameWithCallback(from, to, (error) => done(error, undefined)));

/** fs/promises stat. */
export const stat = (path: string): Promise<Stats> => promised<Stats>((done) => statWithCallback(path, done));

/** An open file, with the calls of fs/promises' FileHandle that the CLI uses. */
export interface LightFileHandle {
  stat(): Promise<Stats>;
  /** Reads `length` bytes at file position `position` into `buffer` at `offset`. */
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

/** fs/promises open, for reading. */
export async function openForReading(path: string): Promise<LightFileHandle> {
  const fd = await promised<number>((done) => open(path, 'r', done));
  return {
    stat: () => promised<Stats>((done) => fstat(fd, done)),
    read: (buffer, offset, length, position) => promised<number>((done) => read(fd, buffer, offset, length, position, done)).then((bytesRead) => ({ bytesRead })),
    close: () => promised<void>((done) => close(fd, (error) => done(error, undefined))),
  };
}
