// A tiny static HTTP server on 127.0.0.1 for end-to-end tests: routes map a path to a body.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  body: string | Buffer;
  type?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  port: number;
  /** URL of `path` under `host` (which the browser resolves to 127.0.0.1). */
  url: (host: string, path: string) => string;
  /** Adds or replaces a route while the server runs. */
  route: (path: string, route: Route) => void;
  close: () => Promise<void>;
}

/** Serves `routes` on 127.0.0.1 on a free port. */
export async function startServer(routes: Record<string, Route> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': route.type ?? 'text/html; charset=utf-8', ...route.headers });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (host, path) => `http://${host}:${port}${path}`,
    route: (path, route) => table.set(path, route),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
