// The Node built-ins on the path of a command's start (main, scan, the glossary and its caches),
// taken with process.getBuiltinModule rather than imported. An ES import of a built-in builds its
// module namespace, reading every export: node:fs's `promises` getter alone loads fs/promises and
// Node's streams (about forty internal modules). Imported, node:fs, url, path, buffer and module
// cost `scan` 11–13 ms of its start on the project's machine; taken this way, 0.1 ms.
// (process.getBuiltinModule: Node 20.16 and later; package.json asks for 20.19.)
const fs = process.getBuiltinModule('node:fs');
const path = process.getBuiltinModule('node:path');
const url = process.getBuiltinModule('node:url');
const buffer = process.getBuiltinModule('node:buffer');

export const { close, existsSync, fstat, open, read, readdirSync, readFile, readFileSync, rename, stat, statSync, writeFile } = fs;
export const { dirname, extname, join, relative, resolve, sep } = path;
export const { fileURLToPath } = url;
export const { isAscii, isUtf8, transcode } = buffer;
