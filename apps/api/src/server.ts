import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** TCP port; 0 picks a free one. */
  port?: number;
}

/** A running server. */
export interface RunningServer {
  host: string;
  port: number;
  /** Stops accepting connections and resolves once open requests have finished. */
  close(): Promise<void>;
}

/**
 * Serves an app over HTTP on Node.js.
 *
 * @example const server = await startServer(createApp({ store }), { port: 8787 });
 */
export function startServer(app: Hono, options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: host, port: options.port ?? 8787 },
      (info) => {
        resolve({
          host,
          port: info.port,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()));
              if ('closeIdleConnections' in server) server.closeIdleConnections();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
