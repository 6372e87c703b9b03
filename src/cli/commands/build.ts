// `policy-glossary build [--out DIR] [--name NAME] [paths…]`: validates the glossary and writes the
// compiled pack as DIR/NAME.json (default glossary.json) plus a content-hashed copy; on any error it
// writes nothing.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatProblem } from '../../core/glossary-validate';
import { serializePack } from '../../core/pack';
import { checkGlossaryPaths, DEFAULT_CACHE_DIR, defaultGlossaryNote, displayPath, packFromCheck, USE_PACK_CACHE } from '../glossary-files';
import { writePackCaches } from '../pack-cache';
import type { CliCommand } from '../io';
import { UsageError } from '../io';

const DEFAULT_OUT = 'dist/widget';

const HELP = `用法 / usage: policy-glossary build [--out 目录 DIR] [--name 文件名 NAME] [路径 paths…]

先检查术语表（同 validate），无错误时编译为扩展和网页插件加载的术语包：
DIR/glossary.json 和带内容哈希的副本 DIR/glossary.<hash8>.json（默认 DIR 为 ${DEFAULT_OUT}）。
--name 改变文件名（如 --name collection 写出 collection.json）。
不指定路径时（项目的 glossary/）同时更新本命令的缓存，scan 由此直接读取编译好的匹配器。
有错误时只打印问题，不写任何文件。同样的输入总是得到同样的字节。
Validates the glossary (as validate does), then compiles it into the pack the extension and the
widget load: DIR/glossary.json and a content-hashed copy DIR/glossary.<hash8>.json (default DIR:
${DEFAULT_OUT}); --name NAME writes NAME.json instead (e.g. --name collection). Without paths (the
project's glossary/) it also refreshes this command's caches, so scan reads a ready matcher again.
On any error it prints the problems and writes nothing. Same input, same bytes.
`;

/** Runs `build`. */
export const runBuild: CliCommand = async (args, io) => {
  let out = DEFAULT_OUT;
  let name = 'glossary';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') {
      io.stdout(HELP);
      return 0;
    }
    if (arg === '--out' || arg.startsWith('--out=')) {
      const value = arg === '--out' ? args[++i] : arg.slice('--out='.length);
      if (!value) throw new UsageError('--out 需要一个目录 / --out needs a directory');
      out = value;
    } else if (arg === '--name' || arg.startsWith('--name=')) {
      const value = arg === '--name' ? args[++i] : arg.slice('--name='.length);
      if (!value || !/^[\w.-]+$/u.test(value) || value.startsWith('.')) {
        throw new UsageError('--name 需要一个不含路径的文件名 / --name needs a plain file name');
      }
      name = value.replace(/\.json$/u, '');
    } else if (arg.startsWith('-')) {
      throw new UsageError(`未知选项 "${arg}" / unknown option "${arg}"`);
    } else {
      paths.push(arg);
    }
  }

  const check = await checkGlossaryPaths(paths, io.cwd);
  for (const problem of check.problems) io.stderr(`${formatProblem(problem)}\n`);
  if (check.errorCount > 0) {
    io.stderr(`术语表有 ${check.errorCount} 个错误，未写入任何文件 / ${check.errorCount} error(s): nothing written\n`);
    return 1;
  }

  const pack = await packFromCheck(check);
  const bytes = serializePack(pack);
  const dir = resolve(io.cwd, out);
  await mkdir(dir, { recursive: true });
  const size = Buffer.byteLength(bytes);
  for (const file of [`${name}.json`, `${name}.${pack.hash.slice(0, 8)}.json`]) {
    const target = join(dir, file);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
    io.stdout(`已写入 wrote ${displayPath(target, io.cwd)}：${pack.entries.length} 条词条 entries，${size} 字节 bytes\n`);
  }
  const note = await defaultGlossaryNote(paths, io.cwd, 'build');
  if (note) io.stderr(note);
  if (paths.length === 0 && USE_PACK_CACHE) {
    // The compiled command's caches of the default glossary: without them (or with an older one)
    // scan still works, compiling the YAML on every run, so a folder it may not write is no error.
    try {
      await writePackCaches(pack, DEFAULT_CACHE_DIR);
      io.stdout(`已更新命令的术语缓存 refreshed the command's glossary cache: ${displayPath(DEFAULT_CACHE_DIR, io.cwd)}\n`);
    } catch (error) {
      io.stderr(`未能更新命令的术语缓存（scan 仍可用，但较慢）/ could not refresh the command's glossary cache (scan still works, slower): ${(error as Error).message}\n`);
    }
  }
  return 0;
};
