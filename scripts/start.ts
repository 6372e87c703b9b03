// `npm start`: builds everything, then serves dist/ on localhost (the demo pages under the strict
// CSP they must survive) and says where the unpacked extensions are. Ctrl-C stops it.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CSP } from '../demo/site';
import { buildAll } from './build-all';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = join(root, 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves the files under `folder`; HTML pages get the strict CSP header. */
export function createStaticServer(folder: string): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/demo/index.html' });
      res.end();
      return;
    }
    let path = resolve(folder, `.${decodeURIComponent(url.pathname)}`);
    if (path !== folder && !path.startsWith(folder + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到 not found');
      return;
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-cache',
      ...(type.startsWith('text/html') ? { 'content-security-policy': DEMO_CSP } : {}),
    });
    createReadStream(path).pipe(res);
  });
}

/** Listens on `port`, or the next free one when it is taken. */
async function listen(server: Server, port: number, attempts = 20): Promise<number> {
  for (let candidate = port; candidate < port + attempts; candidate += 1) {
    const ok = await new Promise<boolean>((done, fail) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE') done(false);
        else fail(error);
      };
      const onListening = () => {
        server.off('error', onError);
        done(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(candidate, '127.0.0.1');
    });
    if (ok) return (server.address() as AddressInfo).port;
  }
  throw new Error(`端口 ${port}–${port + attempts - 1} 都被占用 all ports in use`);
}

async function main(): Promise<void> {
  // --no-build serves what the last build wrote (quick restarts while editing the demo).
  if (!process.argv.includes('--no-build')) buildAll();
  const server = createStaticServer(dist);
  const port = await listen(server, Number(process.env.PORT ?? 5173));
  const base = `http://127.0.0.1:${port}`;
  const out = (name: string) => join(root, '.output', name);
  process.stdout.write(`
政策术语助手 演示站点 Policy Glossary demo (严格 CSP strict CSP: ${DEMO_CSP})
  政府工作报告 report page:   ${base}/demo/index.html
  术语解释 glossary page:     ${base}/demo/terms.html
  ES 模块 ES-module page:     ${base}/demo/esm.html
  组件 widget:                ${base}/widget/policy-glossary.js  (+ glossary.json)

浏览器扩展 unpacked extensions:
  Chrome:  ${out('chrome-mv3')}
           chrome://extensions → 开发者模式 Developer mode → 加载已解压的扩展程序 Load unpacked → 选择上面的文件夹
  Firefox: ${out('firefox-mv2')}  (MV3: ${out('firefox-mv3')})
           about:debugging#/runtime/this-firefox → 临时载入附加组件 Load Temporary Add-on → 选择文件夹中的 manifest.json

按 Ctrl-C 停止 press Ctrl-C to stop.
`);
  const stop = () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: Error) => {
    process.stderr.write(`\n${error.message}\n`);
    process.exit(1);
  });
}
