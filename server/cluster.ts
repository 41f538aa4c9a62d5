/**
 * WORKERS > 1: node:cluster workers sharing the port, for more /api/ask
 * throughput on one machine. Everything that must hold across workers is in
 * the shared SQLite file (rate limits, Idempotency-Key, staff sessions);
 * exactly one worker (the "jobs" worker) runs the background work (webhook
 * outbox delivery, email notice, retention, the knowledge base's last good
 * copy); the others tell it, through the primary, about each callback they
 * store. Every worker watches the knowledge base folder itself, so a change
 * goes live in all of them.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { ServerConfig } from './config.ts';
import type { Notifier } from './notify/notifier.ts';
import { openLimitsDatabase } from './storage/sqlite/limits.ts';
import { openDatabase } from './storage/sqlite/open-database.ts';

/** Primary ↔ worker messages. */
type Message =
  | { type: 'ready'; url: string }
  /** A worker stored a callback: the jobs worker nudges its deliverer and email notice. */
  | { type: 'callback-stored' }
  | { type: 'shutdown' };

const JOBS_ENV = 'CLUSTER_RUNS_JOBS';

/** What a cluster worker's server does differently from a single process. */
export interface ClusterRole {
  /** 1-based, for the access log. */
  worker: number;
  /** Runs the background jobs (exactly one worker does). */
  runsJobs: boolean;
  /** Tells the jobs worker a callback was stored here. */
  announceCallback(): void;
  /** In the jobs worker: called when another worker stored a callback. */
  onCallbackElsewhere(listener: () => void): void;
}

/** True in the process that should fork workers rather than serve. */
export function shouldRunPrimary(config: Pick<ServerConfig, 'workers'>): boolean {
  return cluster.isPrimary && config.workers > 1;
}

/** This process's role when it is a cluster worker, else `null`. */
export function clusterRole(): ClusterRole | null {
  if (!cluster.isWorker) return null;
  const send = (m: Message) => process.send?.(m);
  return {
    worker: cluster.worker!.id,
    runsJobs: process.env[JOBS_ENV] === '1',
    announceCallback: () => send({ type: 'callback-stored' }),
    onCallbackElsewhere(listener) {
      process.on('message', (m: Message) => m.type === 'callback-stored' && listener());
    },
  };
}

/**
 * In a worker: the primary's word to stop. Ctrl+C in a terminal sends SIGINT
 * to every process of the group; the primary alone acts on it, so a worker
 * never takes the primary's message as a second, "stop now", signal.
 */
export function onClusterShutdown(stop: () => void): void {
  process.on('SIGINT', () => undefined);
  process.on('message', (m: Message) => m.type === 'shutdown' && stop());
}

/** In a worker: tells the primary this worker is listening. */
export function announceReady(url: string): void {
  process.send?.({ type: 'ready', url } satisfies Message);
}

/**
 * For a worker without the deliverer: callbacks still queue their
 * notification (in the same transaction) and the jobs worker delivers it,
 * woken by `announceCallback` (sent for every new callback, which the email
 * notice needs too, so nudging here would only send it twice).
 */
export const relayedNotifier: Notifier = { enabled: true, nudge: () => undefined, close: async () => undefined };

export interface PrimaryOptions {
  log?: (message: string) => void;
  /** Called once every worker listens (the "listening" line and startup notes). */
  onListening: (url: string, workers: number) => void;
  /** Wait before replacing a worker that died after it was serving. Default 1 s. */
  restartDelayMs?: number;
}

/**
 * Forks the workers and keeps them running: one that dies while serving is
 * replaced (in its role); one that dies before it ever listened (a bad
 * knowledge base, an unreadable database) stops the whole server with exit
 * code 1, since its siblings would fail the same way. SIGTERM / SIGINT stop
 * every worker gracefully; a second signal kills them.
 */
export async function runPrimary(config: ServerConfig, options: PrimaryOptions): Promise<void> {
  const log = options.log ?? ((m: string) => console.error(m));
  const cores = availableParallelism();
  const count = Math.min(config.workers, cores);
  if (count < config.workers) log(`WORKERS=${config.workers} is more than this machine's ${cores} cores; starting ${count}`);
  // Checked and migrated once here, so workers never race to migrate and a damaged file stops us before forking.
  if (config.databaseUrl === null) {
    openDatabase(config.dataDir).close();
    openLimitsDatabase(config.dataDir).close();
  }

  let stopping = false;
  let listening = false;
  const ready = new Set<Worker>();
  const roles = new Map<Worker, boolean>();
  const fork = (runsJobs: boolean) => {
    const w = cluster.fork({ [JOBS_ENV]: runsJobs ? '1' : '0' });
    roles.set(w, runsJobs);
    w.on('message', (m: Message) => {
      if (m.type === 'ready') {
        ready.add(w);
        if (!listening && ready.size === count) {
          listening = true;
          options.onListening(m.url, count);
        }
      } else if (m.type === 'callback-stored') {
        for (const [other, jobs] of roles) if (jobs && other !== w) other.send(m);
      }
    });
  };

  await new Promise<void>((resolve) => {
    cluster.on('exit', (w, code, signal) => {
      const wasReady = ready.delete(w);
      const runsJobs = roles.get(w) ?? false;
      roles.delete(w);
      if (stopping) {
        if (roles.size === 0) resolve();
        return;
      }
      if (!wasReady) {
        log(`worker ${w.id} stopped before it was serving (${signal ?? `exit code ${code}`}); stopping`);
        stopping = true;
        process.exitCode = 1;
        for (const other of roles.keys()) other.process.kill('SIGKILL');
        if (roles.size === 0) resolve();
        return;
      }
      log(`worker ${w.id} died (${signal ?? `exit code ${code}`}); starting another`);
      setTimeout(() => !stopping && fork(runsJobs), options.restartDelayMs ?? 1000);
    });
    for (let i = 0; i < count; i++) fork(i === 0);

    const stop = (signal: string) => {
      if (stopping) {
        for (const w of roles.keys()) w.process.kill('SIGKILL');
        process.exit(1);
      }
      stopping = true;
      log(`${signal}: shutting down ${roles.size} workers`);
      for (const w of roles.keys()) w.send({ type: 'shutdown' } satisfies Message);
      if (roles.size === 0) resolve();
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}
