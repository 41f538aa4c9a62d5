import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnServer, waitHealthy } from './support/spawn.ts';
import { root, tempDir } from './support/start.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('startup checks', () => {
  it('refuses an invalid knowledge base, listing its problems, with exit code 1', async () => {
    const kb = tempDir('bad-kb');
    const data = tempDir('data');
    dirs.push(kb, data);
    cpSync(join(root, 'knowledge', 'base'), kb, { recursive: true });
    writeFileSync(join(kb, 'entries', 'broken-entry.md'), '---\nid: wrong-id\ntitle: 3\n---\nBody.\n');
    const p = spawnServer({ PORT: '0', DATA_DIR: data, KNOWLEDGE_DIR: kb });
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toContain(`knowledge base ${kb} is invalid`);
    expect(p.stderr()).toContain('broken-entry.md');
    expect(p.stdout()).not.toMatch(/listening/);
  });

  it('refuses a knowledge base over its size limits, naming the file and the limit', async () => {
    const kb = tempDir('huge-kb');
    const data = tempDir('data');
    dirs.push(kb, data);
    cpSync(join(root, 'knowledge', 'base'), kb, { recursive: true });
    writeFileSync(join(kb, 'entries', 'huge.md'), `---\nid: huge\n---\n${'x'.repeat(2 * 1024 * 1024)}\n`);
    const p = spawnServer({ PORT: '0', DATA_DIR: data, KNOWLEDGE_DIR: kb });
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toContain('entries/huge.md: is 2 MB, over the limit of 64 KB per entry');
  });

  it('says at start which sites may embed the chat and how staff sign in', async () => {
    const data = tempDir('data');
    dirs.push(data);
    const port = String(await freePort());
    const p = spawnServer({ PORT: port, DATA_DIR: data, ALLOWED_ORIGINS: 'https://www.clinic.example' });
    try {
      await waitHealthy(p);
      await expect.poll(() => p.stdout()).toContain('staff page');
      expect(p.stdout()).toContain(`listening on http://127.0.0.1:${port}`);
      expect(p.stdout()).toContain("sites allowed to embed the chat (ALLOWED_ORIGINS), now: this server's own pages and https://www.clinic.example");
      expect(p.stdout()).toContain(`staff page http://127.0.0.1:${port}/admin: staff sign in with their own accounts; make the first with "npm run staff -- add`);
      expect(p.stdout()).toContain('ADMIN_TOKEN is not set');
    } finally {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  });

  it('names every bad setting and exits 1', async () => {
    const p = spawnServer({ PORT: 'eighty', RATE_LIMIT_PER_MINUTE: '-5', ADMIN_TOKEN: 'short', CALLBACK_WEBHOOK_URL: 'ftp://x' });
    expect(await p.exited).toBe(1);
    for (const name of ['PORT', 'RATE_LIMIT_PER_MINUTE', 'ADMIN_TOKEN', 'CALLBACK_WEBHOOK_URL']) {
      expect(p.stderr()).toContain(`${name}:`);
    }
  });

  it.each([['aaaaaaaaaaaaaaaa'], ['   ']])('refuses the weak staff token %j, saying how to make a good one', async (token) => {
    const data = tempDir('data');
    dirs.push(data);
    const p = spawnServer({ PORT: '0', DATA_DIR: data, ADMIN_TOKEN: token });
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toMatch(/ADMIN_TOKEN: .*openssl rand -hex 32/);
    expect(p.stdout()).not.toMatch(/listening/);
  });
});
