// The npm package as a user gets it: `npm pack`, installed into an empty folder (no network: it has
// no dependencies), then the command, the two library entry points and their types used from there.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
let work = '';
let app = '';
let tarball = '';

const run = (command: string, args: string[], cwd = app): SpawnSyncReturns<string> =>
  spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

const cli = (...args: string[]) => run(join(app, 'node_modules', '.bin', 'policy-glossary'), args);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pg-package-'));
  // npm test has built everything the package ships; then pack without prepack's rebuild, which would
  // rewrite dist/widget while the browser tests read it. Run alone, build it first.
  const shipped = ['dist/cli/policy-glossary.mjs', 'dist/cli/default-glossary.json', 'dist/widget/policy-glossary.js', 'dist/widget/embed.html', 'dist/lib/core.mjs', 'dist/types/widget/index.d.ts'];
  if (!shipped.every((file) => existsSync(join(root, file)))) {
    const built = run(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'build-package.ts')], root);
    if (built.status !== 0) throw new Error(`build:package failed:\n${built.stdout}\n${built.stderr}`);
  }
  const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', work], root);
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  // prepack's build prints to stdout too: the tarball is the one file npm pack wrote.
  tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz'))!);
  app = join(work, 'app');
  run('mkdir', ['-p', app], work);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'town-site', private: true, type: 'module' }));
  const installed = run('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball]);
  if (installed.status !== 0) throw new Error(`npm install of the tarball failed:\n${installed.stderr}`);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm package', () => {
  it('ships the compiled command, the bundles and the glossary, and no sources or tests', () => {
    const listed = run('tar', ['-tzf', tarball], work).stdout.split('\n');
    for (const file of ['package/bin/policy-glossary.mjs', 'package/dist/cli/policy-glossary.mjs', 'package/dist/cli/default-glossary.json', 'package/dist/lib/core.mjs', 'package/dist/widget/policy-glossary.js', 'package/dist/types/widget/index.d.ts', 'package/glossary/chuansha-2020h1.yaml']) {
      expect(listed).toContain(file);
    }
    expect(listed.filter((file) => /^package\/(src|tests|scripts|node_modules)\//.test(file))).toEqual([]);
    expect(existsSync(join(app, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'tsx'))).toBe(false);
  });

  it.each([
    { args: ['--help'], code: 0, out: '用法 / usage: policy-glossary' },
    { args: ['validate'], code: 0, out: '' },
    { args: ['scan', 'report.txt'], code: 0, out: '六稳' },
    { args: ['frobnicate'], code: 2, out: '' },
    { args: ['scan', 'no-such-file.txt'], code: 2, out: '' },
  ])('policy-glossary $args exits $code', ({ args, code, out }) => {
    writeFileSync(join(app, 'report.txt'), '今年要扎实做好“六稳”工作，全面落实“六保”任务。\n');
    const result = cli(...args);
    expect(result.status, result.stderr).toBe(code);
    expect(result.stdout).toContain(out);
  });

  it('builds the pack and imports a report in the user’s folder', () => {
    const built = cli('build', '--out', 'site');
    expect(built.status, built.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(app, 'site', 'glossary.json'), 'utf8')).entries.length).toBeGreaterThan(0);
    copyFileSync(join(root, 'tests', 'fixtures', 'import', 'footnotes-report.txt'), join(app, 'footnotes.txt'));
    const imported = cli('import', 'footnotes.txt', '--out', 'mine.yaml', '--include-known');
    expect(imported.status, imported.stderr).toBe(0);
    expect(readFileSync(join(app, 'mine.yaml'), 'utf8')).toContain('entries:');
    expect(cli('validate', 'mine.yaml').status).toBe(0);
  });

  it('imports a report published as PDF with the pdf.js it carries (the installed folder has no pdfjs-dist)', () => {
    expect(existsSync(join(app, 'node_modules', 'pdfjs-dist'))).toBe(false);
    copyFileSync(join(root, 'tests', 'fixtures', 'import', 'pdf', 'appendix-report.pdf'), join(app, 'report.pdf'));
    const imported = cli('import', 'report.pdf', '--json');
    expect(imported.status, imported.stderr).toBe(0);
    expect((JSON.parse(imported.stdout) as { term: string }[]).map((entry) => entry.term)).toEqual(['三清行动', '四送', '两会一评', '清溪驿站']);
  });

  it('exports the matcher (policy-glossary/core) and the widget API (policy-glossary/widget)', () => {
    writeFileSync(
      join(app, 'use.mjs'),
      `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createMatcher, parsePack } from 'policy-glossary/core';
import * as widget from 'policy-glossary/widget';
const pack = parsePack(readFileSync(createRequire(import.meta.url).resolve('policy-glossary/glossary.json'), 'utf8'));
const found = createMatcher(pack).scan('扎实做好“六稳”“六保”工作').map((m) => m.text);
console.log(JSON.stringify({ found, api: ['init', 'annotate', 'destroy'].map((name) => typeof widget[name]) }));
`,
    );
    const result = run(process.execPath, ['use.mjs']);
    expect(result.status, result.stderr).toBe(0);
    const { found, api } = JSON.parse(result.stdout) as { found: string[]; api: string[] };
    expect(found.join(' ')).toContain('六稳');
    expect(found.join(' ')).toContain('六保');
    expect(api).toEqual(['function', 'function', 'function']);
  });

  it.each([
    { name: 'right use', code: `import { init, destroy } from 'policy-glossary/widget';\nimport { createMatcher, type GlossaryPack } from 'policy-glossary/core';\ndeclare const pack: GlossaryPack;\nvoid init({ root: '#report' });\ndestroy();\nconst n: number = createMatcher(pack).scan('六稳').length;\nvoid n;\n`, ok: true },
    { name: 'wrong option type', code: `import { init } from 'policy-glossary/widget';\nvoid init({ root: 42 });\n`, ok: false },
    { name: 'name that is not exported', code: `import { nothingLikeThis } from 'policy-glossary/core';\nvoid nothingLikeThis;\n`, ok: false },
  ])('types (as a bundler-based site resolves them): $name type-checks = $ok', ({ code, ok }) => {
    writeFileSync(join(app, 'use.ts'), code);
    const result = run(join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '--strict', '--skipLibCheck', '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022', '--lib', 'es2023,dom', '--types', 'node', '--typeRoots', join(root, 'node_modules', '@types'), 'use.ts']);
    expect(result.status === 0, result.stdout).toBe(ok);
  });

  it('embed.html pins the shipped widget script by its SHA-384', () => {
    const widgetDir = join(app, 'node_modules', 'policy-glossary', 'dist', 'widget');
    const snippet = readFileSync(join(widgetDir, 'embed.html'), 'utf8');
    const digest = createHash('sha384').update(readFileSync(join(widgetDir, 'policy-glossary.js'))).digest('base64');
    expect(snippet).toContain(`integrity="sha384-${digest}"`);
    const glossary = /data-glossary="[^"]*\/(glossary\.[0-9a-f]{8}\.json)"/.exec(snippet)?.[1];
    expect(glossary).toBeDefined();
    expect(readFileSync(join(widgetDir, glossary!))).toEqual(readFileSync(join(widgetDir, 'glossary.json')));
  });
});
