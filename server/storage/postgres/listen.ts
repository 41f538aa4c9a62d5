import pg from 'pg';

export interface ListenOptions {
  url: string;
  channel: string;
  /** Called for each notification, and after each (re)connect: changes may have been missed while away. */
  onChange: () => void;
  log: (message: string) => void;
  /** Longest wait between reconnects. Default 30 s. */
  maxRetryMs?: number;
}

/**
 * Keeps one connection LISTENing on `channel`, reconnecting with backoff
 * when the database goes away. Returns a stop function.
 */
export function listen({ url, channel, onChange, log, maxRetryMs = 30_000 }: ListenOptions): () => Promise<void> {
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;
  let delay = 500;

  const retry = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(connect, delay).unref();
    delay = Math.min(maxRetryMs, delay * 2);
  };

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true, application_name: 'clinic-chat listen' });
    client = c;
    let failed = false;
    const lost = (error?: Error) => {
      if (failed || stopped) return;
      failed = true;
      if (error) log(`database: change feed on ${channel} lost (${error.message}); reconnecting`);
      c.end().catch(() => undefined);
      retry();
    };
    c.on('error', lost);
    c.on('end', () => lost(new Error('connection ended')));
    c.on('notification', (n) => {
      if (n.channel === channel) onChange();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      delay = 500;
      onChange();
    } catch (error) {
      lost(error as Error);
    }
  }

  void connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await client?.end().catch(() => undefined);
  };
}
