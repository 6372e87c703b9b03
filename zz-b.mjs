import { build } from 'esbuild';
await build({ absWorkingDir: '/work/main', entryPoints: { 'zz': 'bench/zz-phases.ts' }, outdir: '/work/main/dist/cli-dev', outExtension: { '.js': '.mjs' }, bundle: true, format: 'esm', platform: 'node', target: 'node20', minify: false, logLevel: 'warning', banner: { js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);" } });
