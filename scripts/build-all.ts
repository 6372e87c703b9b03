// `npm run build`: the glossary, the widget, the three extension builds and the demo site, one step
// after another; stops at the first failing step and says which one.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDemoSite } from '../demo/site';
import { writeEmbedFile } from './embed-snippet';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

interface Step {
  name: string;
  /** Command and arguments, or a function for in-process steps. */
  run: string[] | (() => void);
  /** What the step produces, printed after it succeeds. */
  outputs: string[];
}

/** The YAML files directly in glossary/ (relative paths, sorted): the widget's own glossary. */
function townGlossaryFiles(): string[] {
  return readdirSync(join(root, 'glossary'))
    .filter((name) => /\.ya?ml$/u.test(name))
    .sort()
    .map((name) => `glossary/${name}`);
}

/** The build steps; `skipExtensions` leaves out the three WXT builds. */
export function buildSteps(skipExtensions = false): Step[] {
  const steps: Step[] = [
    {
      name: '命令行 CLI',
      run: [bin('tsx'), join(root, 'scripts', 'build-cli.ts')],
      outputs: ['dist/cli/policy-glossary.mjs'],
    },
    {
      // The town's own glossary for the widget: the files at the top of glossary/ (the seed report's
      // footnotes and the editorial entries), not the national collection below it.
      name: '术语表 glossary (网页组件 widget)',
      run: [process.execPath, join(root, 'bin', 'policy-glossary.mjs'), 'build', '--out', 'dist/widget', ...townGlossaryFiles()],
      outputs: ['dist/widget/glossary.json'],
    },
    {
      // Every government's 名词解释 (glossary/collection) and the national editorial entries
      // (glossary/national), which the widget adds with data-collection.
      name: '全国术语集 collection',
      run: [process.execPath, join(root, 'bin', 'policy-glossary.mjs'), 'build', '--out', 'dist/widget', '--name', 'collection', 'glossary/collection', 'glossary/national'],
      outputs: ['dist/widget/collection.json'],
    },
    {
      name: '网页组件 widget',
      run: [bin('vite'), 'build', '--config', 'vite.widget.config.ts', '--logLevel', 'warn'],
      outputs: [
        'dist/widget/policy-glossary.js',
        'dist/widget/policy-glossary.mjs',
        'dist/widget/policy-glossary-reading.mjs',
        'dist/widget/policy-glossary-ui.mjs',
        'dist/widget/policy-glossary-panel.mjs',
        'dist/widget/policy-glossary-fuzzy.mjs',
        'dist/widget/policy-glossary-collection.mjs',
        'dist/widget/policy-glossary-definitions.mjs',
      ],
    },
    {
      name: '嵌入代码 embed snippet (SRI)',
      run: () => void writeEmbedFile(join(root, 'dist', 'widget')),
      outputs: ['dist/widget/embed.html'],
    },
    {
      name: 'npm 包 library (core) + types',
      run: [bin('tsx'), join(root, 'scripts', 'build-package.ts'), '--lib-only'],
      outputs: ['dist/lib/core.mjs', 'dist/types/widget/index.d.ts', 'dist/types/package/core.d.ts'],
    },
  ];
  if (!skipExtensions) {
    steps.push(
      { name: '扩展 Chrome MV3', run: [bin('wxt'), 'build'], outputs: ['.output/chrome-mv3'] },
      { name: '扩展 Firefox MV2', run: [bin('wxt'), 'build', '-b', 'firefox', '--mv2'], outputs: ['.output/firefox-mv2'] },
      { name: '扩展 Firefox MV3', run: [bin('wxt'), 'build', '-b', 'firefox', '--mv3'], outputs: ['.output/firefox-mv3'] },
    );
  }
  steps.push({
    name: '演示站点 demo site',
    run: () => void writeDemoSite(join(root, 'dist', 'demo')),
    outputs: ['dist/demo/index.html', 'dist/demo/terms.html', 'dist/demo/esm.html'],
  });
  return steps;
}

const sizeOf = (path: string): number =>
  statSync(path).isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : statSync(path).size;

/** Runs every step; throws an Error naming the failed step. */
export function buildAll(options: { skipExtensions?: boolean } = {}): void {
  for (const step of buildSteps(options.skipExtensions)) {
    const started = Date.now();
    process.stdout.write(`▶ ${step.name} …\n`);
    if (typeof step.run === 'function') {
      step.run();
    } else {
      const [command, ...args] = step.run;
      // A production build whoever runs it: under vitest (NODE_ENV=test) Vite and WXT would bundle
      // the JSX dev runtime with absolute source paths (the release test's rebuild made CI's content
      // script 40.6 KB where a plain build is 39.9).
      const result = spawnSync(command!, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
      if (result.error) throw new Error(`构建失败 build failed at "${step.name}": ${result.error.message}`);
      if (result.status !== 0) {
        const shown = step.run.map((arg) => (arg.startsWith(root) ? relative(root, arg) : basename(arg))).join(' ');
        throw new Error(`构建失败 build failed at "${step.name}" (${shown} exited with ${result.status})`);
      }
    }
    for (const output of step.outputs) {
      const path = join(root, output);
      if (!existsSync(path)) throw new Error(`构建失败 build failed at "${step.name}": ${output} was not written`);
    }
    const outputs = step.outputs.map((o) => `${o} (${(sizeOf(join(root, o)) / 1024).toFixed(1)} KB)`).join(', ');
    process.stdout.write(`✔ ${step.name}  ${((Date.now() - started) / 1000).toFixed(1)} s → ${outputs}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildAll({ skipExtensions: process.argv.includes('--skip-ext') });
    process.stdout.write(`\n全部构建完成 build complete:\n  ${join(root, 'dist')}\n  ${join(root, '.output')}\n`);
  } catch (error) {
    process.stderr.write(`\n${(error as Error).message}\n`);
    process.exit(1);
  }
}
