import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAPROXY, startHaproxy } from '../../test/support/haproxy.ts';
import { postgresBin, startPostgres } from '../../test/support/postgres.ts';
import { bestOf, callbackBodies, fire, questionBodies, type Body, type LoadResult } from './http-load.ts';
import { spawnServer, type RunningServer } from './spawn-server.ts';

interface ReplicaLoadOptions {
  root: string;
  questions: string[];
  seconds: number;
  /** Load before anything is counted, per setup. */
  warmUpSeconds: number;
  rounds: number;
  connections: number;
}

export interface ReplicaLoadRow {
  setup: string;
  endpoint: string;
  result: LoadResult;
  /** req/s of bare Hono run the same way (one process direct, or two behind HAProxy). */
  floorRps: number;
}

const SETUPS = {
  bare: 'bare Hono, 1 process',
  bareLb: 'bare Hono, 2 processes behind HAProxy',
  ours: 'ours, 1 replica direct',
  oursLb: 'ours, 2 replicas behind HAProxy',
} as const;
type Setup = keyof typeof SETUPS;
const FLOOR: Record<Setup, Setup> = { bare: 'bare', bareLb: 'bareLb', ours: 'bare', oursLb: 'bareLb' };

/** Why the section cannot run here, or null when PostgreSQL and HAProxy are both installed. */
function missingBinary(): string | null {
  if (postgresBin() === null) return 'PostgreSQL is not installed (apt-get install postgresql)';
  if (HAPROXY === null) return 'HAProxy is not installed (apt-get install haproxy)';
  return null;
}

/**
 * `/api/ask` and `/api/callback` of the production bundle on one PostgreSQL
 * database (DATABASE_URL): one replica reached directly, and that replica
 * plus a second one behind a real HAProxy (round robin), each beside bare
 * Hono run the same way. Rate limits are off (RATE_LIMIT_PER_MINUTE=0, which
 * also lifts the callback limit) and TRUST_PROXY=1 as behind the production
 * proxy, so neither the limits nor the per-address connection cap refuse the
 * load generator's one address. Runs alternate between setups and endpoints;
 * each keeps its best round.
 */
export async function measureReplicaLoad(opts: ReplicaLoadOptions): Promise<ReplicaLoadRow[] | { skipped: string }> {
  const missing = missingBinary();
  if (missing !== null) return { skipped: missing };
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    const started = (s: RunningServer) => {
      cleanups.push(() => s.stop());
      return s;
    };
    const bareScript = ['--import', 'tsx', join(opts.root, 'build/bench/servers/bare-hono.ts')];
    const [postgres, bareA, bareB] = await Promise.all([startPostgres(), spawnServer(bareScript).then(started), spawnServer(bareScript).then(started)]);
    // Stopped last, after the replicas that use it.
    cleanups.unshift(() => postgres.stop());
    const databaseUrl = await postgres.createDatabase('bench_replicas');
    const replica = () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'bench-replica-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, RATE_LIMIT_PER_MINUTE: '0', TRUST_PROXY: '1', WORKERS: '1' };
      return spawnServer([join(opts.root, 'dist/server/main.js')], env).then(started);
    };
    // Replicas start together, as in production: the schema migration lock makes them take turns.
    const [oursA, oursB] = await Promise.all([replica(), replica()]);
    const balancers = await Promise.all([startHaproxy([bareA.url, bareB.url]), startHaproxy([oursA.url, oursB.url])]);
    for (const lb of balancers) cleanups.push(() => lb.stop());
    const urls: Record<Setup, string> = { bare: bareA.url, bareLb: balancers[0].url, ours: oursA.url, oursLb: balancers[1].url };

    const endpoints: Record<string, Body> = { '/api/ask': questionBodies(opts.questions, [], 0), '/api/callback': callbackBodies() };
    const setups = Object.keys(SETUPS) as Setup[];
    // A warm-up lets every JIT and connection pool settle before anything is counted.
    for (const setup of setups) {
      await Promise.all(Object.entries(endpoints).map(([path, body]) => fire(urls[setup], 'warm-up', path, body, opts.warmUpSeconds, opts.connections / 2)));
    }
    const keys = setups.flatMap((setup) => Object.keys(endpoints).map((path) => `${setup} ${path}` as const));
    const best = await bestOf(opts.rounds, keys, (key) => {
      const [setup, path] = key.split(' ') as [Setup, string];
      return fire(urls[setup], SETUPS[setup], path, endpoints[path]!, opts.seconds, opts.connections);
    });
    return keys.map((key) => {
      const [setup, endpoint] = key.split(' ') as [Setup, string];
      return { setup: SETUPS[setup], endpoint, result: best.get(key)!, floorRps: best.get(`${FLOOR[setup]} ${endpoint}`)!.requestsPerSecond };
    });
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}
