import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pick, seededRandom, withTypo } from './random.ts';
import { spawnServer } from './spawn-server.ts';

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface LoadOptions {
  root: string;
  questions: string[];
  seconds: number;
  rounds: number;
  connections: number;
}

function fire(url: string, name: string, questions: string[], seconds: number, connections: number): Promise<LoadResult> {
  const rand = seededRandom(42);
  // Half the questions carry a one-letter typo, as visitors type on phones.
  const nextBody = () => {
    const q = pick(rand, questions);
    return JSON.stringify({ question: rand() < 0.5 ? withTypo(q, rand) : q });
  };
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/api/ask',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: nextBody() }),
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          name,
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors,
        });
      },
    );
  });
}

/**
 * `/api/ask` of the real production bundle against a bare Hono endpoint,
 * alternating runs so machine noise hits both alike; reports each side's best
 * round.
 */
export async function measureAskLoad(opts: LoadOptions): Promise<{ bare: LoadResult; ask: LoadResult }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  const bare = await spawnServer(['--import', 'tsx', join(opts.root, 'build/bench/servers/bare-hono.ts')]);
  const ask = await spawnServer([join(opts.root, 'dist/server/main.js')], {
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const best: { bare?: LoadResult; ask?: LoadResult } = {};
  const keepBest = (key: 'bare' | 'ask', r: LoadResult) => {
    if (!best[key] || r.requestsPerSecond > best[key]!.requestsPerSecond) best[key] = r;
  };
  try {
    // A short warm-up lets both JITs settle before anything is counted.
    await fire(bare.url, 'warm-up', opts.questions, 1, opts.connections);
    await fire(ask.url, 'warm-up', opts.questions, 1, opts.connections);
    for (let round = 0; round < opts.rounds; round++) {
      keepBest('bare', await fire(bare.url, 'bare Hono', opts.questions, opts.seconds, opts.connections));
      keepBest('ask', await fire(ask.url, '/api/ask', opts.questions, opts.seconds, opts.connections));
    }
  } finally {
    await Promise.all([bare.stop(), ask.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { bare: best.bare!, ask: best.ask! };
}
