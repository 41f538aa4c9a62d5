/**
 * Two real server processes on one PostgreSQL database, each with its own
 * copy of the knowledge base folder (as two machines would have): an answer
 * saved through one replica's staff API is served by the other within
 * seconds, and written into its folder too.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyKnowledgeFolder } from '../../server/knowledge-admin/last-good.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { freePort, spawnServer, waitHealthy, type ServerProcess } from './support/spawn.ts';
import { ADMIN_TOKEN, root, tempDir } from './support/start.ts';

let postgres: TestPostgres;
const replicas: { server: ServerProcess; kbDir: string; dataDir: string }[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  const databaseUrl = await postgres.createDatabase('kb');
  for (let i = 0; i < 2; i++) {
    const dataDir = tempDir(`kb-replica-${i}`);
    const kbDir = join(dataDir, 'kb');
    copyKnowledgeFolder(join(root, 'knowledge', 'base'), kbDir);
    const env = { PORT: String(await freePort()), DATA_DIR: dataDir, KNOWLEDGE_DIR: kbDir, DATABASE_URL: databaseUrl, ADMIN_TOKEN, RATE_LIMIT_PER_MINUTE: '0' };
    replicas.push({ server: spawnServer(env), kbDir, dataDir });
  }
  await Promise.all(replicas.map((r) => waitHealthy(r.server)));
});
afterAll(async () => {
  for (const { server, dataDir } of replicas) {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
  await postgres.stop();
});

const staff = (url: string, path: string, init: RequestInit = {}) =>
  fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...init.headers } });
const ask = async (url: string, question: string) =>
  (await (await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })).json()) as {
    kind: string;
    answer?: { id: string; text: string };
  };

describe('knowledge base across replicas', () => {
  it('serves an answer saved on one replica from the other within seconds, and writes it into its folder', async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const entry = await (await staff(a.server.url, '/api/admin/entries/activity-after')).json();
    const marker = 'Gentle walking the same evening is fine for most people.';
    const saved = await staff(a.server.url, '/api/admin/entries/activity-after', {
      method: 'PUT',
      body: JSON.stringify({ title: entry.title, questions: entry.questions, body: `${marker}\n\n${entry.body}`, tags: entry.tags, related: entry.related, sources: entry.sources }),
    });
    expect(saved.status).toBe(200);
    expect((await ask(a.server.url, 'what activities can I do after the injection')).answer?.text).toContain(marker);

    await expect.poll(async () => (await ask(b.server.url, 'what activities can I do after the injection')).answer?.text ?? '', { timeout: 8000, interval: 200 }).toContain(marker);
    expect(readFileSync(join(b.kbDir, 'entries', 'activity-after.md'), 'utf8')).toContain(marker);
    // The other replica's editor shows the same history.
    const onB = await (await staff(b.server.url, '/api/admin/entries/activity-after')).json();
    expect(onB.revisions.map((r: { who: string }) => r.who)).toEqual(['ADMIN_TOKEN', 'file on disk']);
  });
});
