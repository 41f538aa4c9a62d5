import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pick, seededRandom, withTypo } from './random.ts';
import { spawnServer, type RunningServer } from './spawn-server.ts';

export interface LoadResult {
  name: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  p999: number;
  non2xx: number;
  errors: number;
}

interface LoadOptions {
  root: string;
  questions: string[];
  /** Questions the server falls back on, for the fallback-heavy mix. */
  offTopic: string[];
  seconds: number;
  rounds: number;
  /** Connection counts to measure at, e.g. [32, 128]. */
  connections: number[];
  /** Cluster workers for the cluster rows. */
  workers: number;
}

/** One server under test, and the bare Hono floor it is compared with. */
interface Target {
  name: string;
  server: RunningServer;
  floor: string;
}

export interface AskLoadReport {
  /** Every server at every connection count, each with its floor's req/s. */
  throughput: { result: LoadResult; floorRps: number }[];
  /** The production server with about 20% of questions falling back (question log on the measured path). */
  fallbackMix: LoadResult[];
  /** /api/ask at the first connection count, alone and while clients post callbacks back to back. */
  callbackBurst: { name: string; quiet: LoadResult; burst: LoadResult; callbacksPerSecond: number }[];
  /** How many of the off-topic questions really fell back (the rest are left out of the mix). */
  offTopicUsed: number;
}

export type Body = () => string;

/** Visitor questions, half with a one-letter typo as people type on phones; `fallbackShare` of them off topic. */
export function questionBodies(questions: string[], offTopic: string[], fallbackShare: number): Body {
  const rand = seededRandom(42);
  return () => {
    if (rand() < fallbackShare) return JSON.stringify({ question: pick(rand, offTopic) });
    const q = pick(rand, questions);
    return JSON.stringify({ question: rand() < 0.5 ? withTypo(q, rand) : q });
  };
}

/** Valid callback requests (server/validation/callback.ts), each a new visitor; no Idempotency-Key, so each is stored. */
export function callbackBodies(): Body {
  let n = 0;
  return () =>
    JSON.stringify({ name: `Bench Visitor ${n++}`, phone: '(555) 123-4567', preferredTime: 'mornings', message: 'Please call about the block.', consent: true });
}

/** `connections` clients POST `nextBody()` to `path` back to back for `seconds`. */
export function fire(url: string, name: string, path: string, nextBody: Body, seconds: number, connections: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path,
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: nextBody() }),
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          name,
          connections,
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          p999: result.latency.p99_9,
          non2xx: result.non2xx,
          errors: result.errors,
        });
      },
    );
  });
}

/** Runs `measure` once per round for every key, alternating keys, and keeps each key's best round (by req/s). */
export async function bestOf<K extends string>(rounds: number, keys: K[], measure: (key: K) => Promise<LoadResult>): Promise<Map<K, LoadResult>> {
  const best = new Map<K, LoadResult>();
  for (let round = 0; round < rounds; round++) {
    for (const key of keys) {
      const r = await measure(key);
      if (!best.has(key) || r.requestsPerSecond > best.get(key)!.requestsPerSecond) best.set(key, r);
    }
  }
  return best;
}

async function fallbackQuestions(url: string, candidates: string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const question of candidates) {
    const res = await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    if (((await res.json()) as { kind: string }).kind === 'fallback') kept.push(question);
  }
  return kept;
}

/**
 * `/api/ask` of the real production bundle, single process and in cluster
 * mode, each beside bare Hono run the same way; all four servers run in
 * their own processes for the whole measurement and runs alternate between
 * them so machine noise hits all alike; each keeps its best round.
 */
export async function measureAskLoad(opts: LoadOptions): Promise<AskLoadReport> {
  const dataDirs = [mkdtempSync(join(tmpdir(), 'bench-data-')), mkdtempSync(join(tmpdir(), 'bench-data-'))];
  const bareScript = ['--import', 'tsx', join(opts.root, 'build/bench/servers/bare-hono.ts')];
  const main = [join(opts.root, 'dist/server/main.js')];
  // Rate limits off so the load generator is not refused; behind a proxy as in production
  // (TRUST_PROXY), so the per-address cap of 64 connections does not refuse 128 from one address.
  const askEnv = (dataDir: string, workers: number) => ({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', TRUST_PROXY: '1', WORKERS: String(workers) });
  const cluster = `${opts.workers} workers`;
  const servers = {
    bare: await spawnServer(bareScript),
    bareCluster: await spawnServer(bareScript, { WORKERS: String(opts.workers) }),
    ask: await spawnServer(main, askEnv(dataDirs[0]!, 1)),
    askCluster: await spawnServer(main, askEnv(dataDirs[1]!, opts.workers)),
  };
  const targets: Record<keyof typeof servers, Target> = {
    bare: { name: 'bare Hono, 1 process', server: servers.bare, floor: 'bare' },
    bareCluster: { name: `bare Hono, ${cluster}`, server: servers.bareCluster, floor: 'bareCluster' },
    ask: { name: '/api/ask, 1 process', server: servers.ask, floor: 'bare' },
    askCluster: { name: `/api/ask, ${cluster}`, server: servers.askCluster, floor: 'bareCluster' },
  };
  const keys = Object.keys(targets) as (keyof typeof servers)[];
  const first = opts.connections[0]!;
  try {
    const offTopic = await fallbackQuestions(servers.ask.url, opts.offTopic);
    if (offTopic.length === 0) throw new Error('bench: none of OFF_TOPIC_QUESTIONS falls back any more; add some that do');
    const usual = questionBodies(opts.questions, offTopic, 0);
    // A warm-up lets every JIT settle (and every cluster worker start) before anything is counted.
    for (const key of keys) await fire(targets[key].server.url, 'warm-up', '/api/ask', usual, 2, first);

    const throughput: AskLoadReport['throughput'] = [];
    for (const connections of opts.connections) {
      const best = await bestOf(opts.rounds, keys, (key) => fire(targets[key].server.url, targets[key].name, '/api/ask', usual, opts.seconds, connections));
      for (const key of keys) throughput.push({ result: best.get(key)!, floorRps: best.get(targets[key].floor as typeof key)!.requestsPerSecond });
    }

    const mixed = questionBodies(opts.questions, offTopic, 0.2);
    const askKeys = ['ask', 'askCluster'] as const;
    const fallbackBest = await bestOf(opts.rounds, [...askKeys], (key) =>
      fire(targets[key].server.url, `${targets[key].name}, 20% fallbacks`, '/api/ask', mixed, opts.seconds, first),
    );

    // Eight clients post callbacks back to back (each a durable commit) while /api/ask is measured.
    const callbackBurst: AskLoadReport['callbackBurst'] = [];
    for (const key of askKeys) {
      const { url } = targets[key].server;
      let callbacksPerSecond = 0;
      const runs = await bestOf(opts.rounds, ['quiet', 'burst'] as const, async (mode) => {
        if (mode === 'quiet') return fire(url, targets[key].name, '/api/ask', usual, opts.seconds, first);
        const [ask, callbacks] = await Promise.all([
          fire(url, targets[key].name, '/api/ask', usual, opts.seconds, first),
          fire(url, 'callbacks', '/api/callback', callbackBodies(), opts.seconds, 8),
        ]);
        callbacksPerSecond = Math.max(callbacksPerSecond, callbacks.requestsPerSecond);
        return ask;
      });
      callbackBurst.push({ name: targets[key].name, quiet: runs.get('quiet')!, burst: runs.get('burst')!, callbacksPerSecond });
    }
    return { throughput, fallbackMix: [...fallbackBest.values()], callbackBurst, offTopicUsed: offTopic.length };
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
}
