#!/usr/bin/env node
// The `policy-glossary` command: runs the CLI compiled to plain JavaScript in dist/cli (written by
// `npm run build:cli`, which `npm install` in a checkout, `npm run build` and `npm pack` run). No
// TypeScript compiler at run time. In a development checkout without the compiled file it falls back
// to the sources through tsx and says so; anywhere else it says how to build.
// Built-ins taken, not imported: an ES import of node:fs builds its whole namespace, loading
// fs/promises and Node's streams (src/cli/builtins.ts).
if (typeof process.getBuiltinModule !== 'function') {
  process.stderr.write(`policy-glossary: 需要 Node.js 20.19 或更新版本，当前为 ${process.version} / needs Node.js 20.19 or later, this is ${process.version}\n`);
  process.exit(1);
}
const { existsSync } = process.getBuiltinModule('node:fs');
const { fileURLToPath } = process.getBuiltinModule('node:url');

const compiled = new URL('../dist/cli/policy-glossary.mjs', import.meta.url);
const source = new URL('../src/cli/main.ts', import.meta.url);
const io = {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

let runCli;
if (existsSync(fileURLToPath(compiled))) {
  ({ runCli } = await import(compiled.href));
} else if (existsSync(fileURLToPath(source)) && existsSync(fileURLToPath(new URL('../node_modules/tsx', import.meta.url)))) {
  process.stderr.write('policy-glossary: 未编译，从源码运行（较慢）；npm run build:cli 可编译 / not compiled, running from source through tsx; npm run build:cli compiles it\n');
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import(source.href));
} else {
  process.stderr.write(
    `policy-glossary: 找不到编译后的命令 ${fileURLToPath(compiled)} / the compiled command is missing.\n` +
      '在项目目录运行 run in the project folder: npm run build:cli\n',
  );
  process.exit(1);
}
process.exitCode = await runCli(process.argv.slice(2), io);
