import type { MiddlewareHandler } from 'hono';

export interface AccessLogOptions {
  /** Receives one JSON line per request. Default: stdout, batched per event-loop turn. */
  write?: (line: string) => void;
  /** Monotonic ms clock. Default performance.now. */
  now?: () => number;
  /** The cluster worker serving (WORKERS > 1), so a slow or failing worker can be told apart. */
  worker?: number;
}

export interface AccessLogLine {
  time: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  worker?: number;
}

/**
 * Collects lines and writes them once per event-loop turn. Writes to stdout
 * are synchronous syscalls in Node (files and pipes alike); under load one
 * write now carries the lines of many requests.
 */
export function batchedWriter(stream: { write(chunk: string): unknown } = process.stdout): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    const chunk = pending.join('');
    pending = [];
    stream.write(chunk);
  };
  return (line) => {
    if (pending.push(`${line}\n`) === 1) setImmediate(flush);
  };
}

/**
 * One structured JSON line per request: time, method, path, status, ms
 * (and, in a cluster, the worker).
 * Never the query string, headers or body: callback requests carry
 * health-related personal data, and query strings are where people paste it.
 *
 * @example
 * app.use(accessLog({ write: (line) => logStream.write(line + '\n') }))
 */
export function accessLog(options: AccessLogOptions = {}): MiddlewareHandler {
  const write = options.write ?? batchedWriter();
  const now = options.now ?? (() => performance.now());
  return async function accessLog(c, next) {
    const start = now();
    await next();
    const line: AccessLogLine = {
      time: new Date().toISOString(),
      method: c.req.method,
      path: c.req.path.slice(0, 200),
      status: c.res.status,
      ms: Math.round((now() - start) * 100) / 100,
      ...(options.worker === undefined ? {} : { worker: options.worker }),
    };
    write(JSON.stringify(line));
  };
}
