import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/storage/sqlite/open-database.ts';
import { startTestServer } from './support/start.ts';

it('answers a storage failure with a bare 500 JSON, keeping the details in the server log', async () => {
  const server = await startTestServer();
  try {
    // Damage the schema from outside, as a bad manual edit or restore would.
    const db = new Database(join(server.dataDir, DATABASE_FILE));
    db.exec('DROP TABLE feedback');
    db.close();

    const res = await server.postJson('/api/feedback', { entryId: 'what-is-mbb', helpful: true });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal error' });
    expect(server.errorLog.join('\n')).toMatch(/POST \/api\/feedback failed: .*no such table: feedback/);
  } finally {
    await server.close();
  }
});
