import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves a Hono app on an ephemeral loopback port, so tests speak real HTTP. */
export function serveOnLoopback(app: Pick<Hono, 'fetch'>): Promise<Served> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise((done) => {
            (server as Server).close(() => done());
            (server as Server).closeAllConnections();
          }),
      });
    });
  });
}
