import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { startTestServer, tempDir, validCallback, type TestServer } from './support/start.ts';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => postgres.stop());

// Two app instances on one store stand in for cluster workers (one SQLite file) and for replicas
// (one PostgreSQL database): the limit is the store's, not each process's.
const stores = [
  { name: 'sharedLimits on one SQLite file', start: (dataDir: string, env: Record<string, string>) => startTestServer({ dataDir, env, config: { sharedLimits: true } }) },
  { name: 'replicas on one PostgreSQL database', start: (_: string, env: Record<string, string>) => startTestServer({ env }) },
];

describe.each(stores)('shared rate limits ($name)', ({ name, start }) => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const dataDir = tempDir('shared-limits');
    const env = { RATE_LIMIT_PER_MINUTE: '20', CALLBACK_LIMIT_PER_10_MINUTES: '3', TRUST_PROXY: '1' };
    const database: Record<string, string> = name.includes('PostgreSQL') ? { DATABASE_URL: await postgres.createDatabase('limits') } : {};
    a = await start(dataDir, { ...env, ...database });
    b = await start(dataDir, { ...env, ...database });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('lets one client 20 questions a minute in all, however they are spread over two instances', async () => {
    // Windows are whole clock minutes: start right after one begins if this one is nearly over.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 10_000) await new Promise((r) => setTimeout(r, left + 50));
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await (i % 2 ? a : b).postJson('/api/ask', { question: 'what is a medial branch block' }, { 'x-forwarded-for': '198.51.100.1' });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });

  it('holds the callback limit across instances, and a rejected form does not use it up', async () => {
    const statuses: number[] = [];
    const from = { 'x-forwarded-for': '198.51.100.2' };
    for (let i = 0; i < 3; i++) statuses.push((await a.postJson('/api/callback', { ...validCallback, phone: '12' }, from)).status);
    for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? a : b).postJson('/api/callback', validCallback, from)).status);
    expect(statuses).toEqual([400, 400, 400, 201, 201, 201, 429, 429, 429]);
  });
});

describe('without sharedLimits', () => {
  it('counts in each process (the fast default for one process)', async () => {
    const dataDir = tempDir('own-limits');
    const env = { RATE_LIMIT_PER_MINUTE: '2' };
    const a = await startTestServer({ dataDir, env });
    const b = await startTestServer({ dataDir, env });
    try {
      const statuses = [];
      for (const s of [a, a, b, b, a]) statuses.push((await s.postJson('/api/ask', { question: 'hello' })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
