import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newCallback } from '../../test/support/new-callback.ts';
import { REF_PATTERN } from '../callback-ref.ts';
import { storeKinds } from '../../test/support/stores.ts';
import type { Storage } from './types.ts';

const callback = newCallback;

// The same promises, kept by every store the server can run on.
describe.each(storeKinds())('storage contract on $name', (kind) => {
  let storage: Storage;
  let again: () => Promise<Storage>;
  const opened: Storage[] = [];
  const another = async () => {
    const s = await again();
    opened.push(s);
    return s;
  };
  beforeAll(() => kind.setup());
  afterAll(() => kind.teardown());
  beforeEach(async () => {
    ({ storage, again } = await kind.fresh());
    opened.push(storage);
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });

  describe('callbacks', () => {
    it('are still there when the store is opened again', async () => {
      const c = callback({ questions: ['can I drive after?'], lang: 'es', preferredTime: 'mornings' });
      const stored = await storage.createCallback(c);
      expect(stored).toEqual({ id: c.id, ref: expect.stringMatching(REF_PATTERN), createdAt: '2026-03-01T10:00:00.000Z', replayed: false });
      const [row] = await (await another()).listCallbacks({ limit: 10 });
      expect(row).toEqual({
        id: c.id,
        ref: stored.ref,
        createdAt: '2026-03-01T10:00:00.000Z',
        name: 'Jane Doe',
        phone: '5551234567',
        preferredTime: 'mornings',
        message: null,
        status: 'new',
        lang: 'es',
        questions: ['can I drive after?'],
        history: [],
      });
    });

    it('returns the first row for a repeated idempotency hash and queues one notification', async () => {
      const first = await storage.createCallback(callback({ idempotencyHash: 'h1', notify: true }));
      const again = await storage.createCallback(callback({ idempotencyHash: 'h1', notify: true }));
      expect(again).toEqual({ ...first, replayed: true });
      expect(await storage.listCallbacks({ limit: 10 })).toHaveLength(1);
      expect(await storage.dueNotifications(new Date('2030-01-01'), 10)).toHaveLength(1);
    });

    it('keeps one row when the same retry reaches two handles at once', async () => {
      const other = await another();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? storage : other).createCallback(callback({ idempotencyHash: 'same', notify: true }))),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(await storage.listCallbacks({ limit: 10 })).toHaveLength(1);
      expect(await storage.dueNotifications(new Date('2030-01-01'), 10)).toHaveLength(1);
    });

    it('queues a notification only when asked', async () => {
      await storage.createCallback(callback());
      expect(await storage.nextNotificationDue()).toBeNull();
      const c = callback({ notify: true });
      await storage.createCallback(c);
      expect(await storage.nextNotificationDue()).toEqual(c.createdAt);
    });

    it('lists newest first, filters, pages without gaps and records status changes', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        // Two share a time: the order between them must still be stable across pages.
        const c = callback({ createdAt: new Date(Date.UTC(2026, 2, 1, 10, Math.min(i, 5))) });
        ids.push(c.id);
        await storage.createCallback(c);
      }
      const newestFirst = (await storage.listCallbacks({ limit: 100 })).map((r) => r.id);
      expect(newestFirst).toHaveLength(7);
      expect(new Set(newestFirst.slice(0, 2))).toEqual(new Set(ids.slice(5)));
      expect(newestFirst.slice(2)).toEqual(ids.slice(0, 5).reverse());
      const pages: string[][] = [];
      for await (const page of storage.callbackPages({ limit: 6 }, 4)) pages.push(page.map((r) => r.id));
      expect(pages.map((p) => p.length)).toEqual([4, 2]);
      expect(pages.flat()).toEqual(newestFirst.slice(0, 6));
      expect((await storage.listCallbacks({ limit: 100, since: '2026-03-01T10:03:00.000Z' })).length).toBe(4);

      const before = await storage.callbacksVersion();
      const updated = await storage.updateCallbackStatus(ids[0]!, 'contacted', new Date('2026-03-02T09:00:00Z'), 'desk@clinic.example');
      expect(updated).toMatchObject({ id: ids[0], status: 'contacted', history: [{ at: '2026-03-02T09:00:00.000Z', by: 'desk@clinic.example', status: 'contacted' }] });
      expect(await storage.callbacksVersion()).not.toBe(before);
      expect((await storage.listCallbacks({ limit: 100, status: 'contacted' })).map((r) => r.id)).toEqual([ids[0]]);
      expect(await storage.updateCallbackStatus('no-such-id', 'closed', new Date(), 'x')).toBeNull();
    });
  });

  describe('outbox', () => {
    it('hides failed notifications until their retry time and drops delivered ones', async () => {
      const c = callback({ notify: true });
      await storage.createCallback(c);
      const [n] = await storage.dueNotifications(c.createdAt, 10);
      expect(n).toMatchObject({ callbackId: c.id, callbackCreatedAt: c.createdAt.toISOString(), attempts: 0 });
      const retryAt = new Date(c.createdAt.getTime() + 5000);
      await storage.markNotificationFailed(n!.id, retryAt, 'HTTP 503');
      expect(await storage.dueNotifications(new Date(retryAt.getTime() - 1), 10)).toEqual([]);
      expect((await storage.dueNotifications(retryAt, 10))[0]?.attempts).toBe(1);
      await storage.markNotificationDelivered(n!.id, retryAt);
      expect(await storage.dueNotifications(new Date('2030-01-01'), 10)).toEqual([]);
      expect(await storage.nextNotificationDue()).toBeNull();
    });
  });

  describe('deleteOlderThan', () => {
    it('deletes old callbacks (with their notifications) and old unanswered wording, keeping newer rows', async () => {
      const old = callback({ createdAt: new Date('2026-01-01T00:00:00Z'), notify: true });
      const recent = callback({ createdAt: new Date('2026-04-01T00:00:00Z') });
      await storage.createCallback(old);
      await storage.createCallback(recent);
      await storage.recordQuestions([
        { at: new Date('2026-01-01T00:00:00Z'), kind: 'fallback', unanswered: { key: 'old', text: 'old' } },
        { at: new Date('2026-04-01T00:00:00Z'), kind: 'fallback', unanswered: { key: 'new', text: 'new' } },
      ]);
      const result = await storage.deleteOlderThan(new Date('2026-02-01T00:00:00Z'));
      expect(result).toEqual({ callbacks: 1, unanswered: 1 });
      expect((await storage.listCallbacks({ limit: 10 })).map((r) => r.id)).toEqual([recent.id]);
      expect((await storage.listUnanswered(10)).map((q) => q.key)).toEqual(['new']);
      expect(await storage.dueNotifications(new Date('2030-01-01'), 10)).toEqual([]);
    });
  });

  describe('analytics', () => {
    it('groups unanswered questions by key with the newest wording, counts feedback and days', async () => {
      await storage.recordQuestions([
        { at: new Date('2026-03-01T10:00:00Z'), kind: 'answer', lang: 'en' },
        { at: new Date('2026-03-01T11:00:00Z'), kind: 'fallback', lang: 'en', unanswered: { key: 'parking', text: 'where do i park' } },
        { at: new Date('2026-03-02T11:00:00Z'), kind: 'fallback', lang: 'en', unanswered: { key: 'parking', text: 'Where can I park?' } },
        { at: new Date('2026-03-02T12:00:00Z'), kind: 'fallback', lang: 'es', unanswered: { key: 'estacionar', text: '¿dónde estaciono?' } },
      ]);
      await storage.recordFeedback('what-is-mbb', false, new Date('2026-03-02T13:00:00Z'), { key: 'cost', text: 'how much' });
      await storage.recordFeedback('what-is-mbb', true, new Date('2026-03-02T13:00:00Z'));
      await storage.createCallback(callback({ createdAt: new Date('2026-03-02T23:59:59Z') }));
      expect(await storage.listUnanswered(10)).toEqual([
        { key: 'parking', count: 2, example: 'Where can I park?', lastAskedAt: '2026-03-02T11:00:00.000Z', entryId: null, lang: 'en' },
        { key: 'cost', count: 1, example: 'how much', lastAskedAt: '2026-03-02T13:00:00.000Z', entryId: 'what-is-mbb', lang: null },
        { key: 'estacionar', count: 1, example: '¿dónde estaciono?', lastAskedAt: '2026-03-02T12:00:00.000Z', entryId: null, lang: 'es' },
      ]);
      expect((await storage.listUnanswered(10, 'es')).map((q) => q.key)).toEqual(['estacionar']);
      expect(await storage.feedbackSummary()).toEqual([{ entryId: 'what-is-mbb', helpful: 1, notHelpful: 1 }]);
      expect(await storage.dailyStats('2026-02-28', '2026-03-02')).toEqual([
        { day: '2026-02-28', questions: 0, callbacks: 0 },
        { day: '2026-03-01', questions: 2, callbacks: 0 },
        { day: '2026-03-02', questions: 2, callbacks: 1 },
      ]);
    });
  });

  describe('accounts and sessions', () => {
    it('finds accounts whatever the case, ends sessions on a reset or removal, and counts failures per key', async () => {
      const at = new Date('2026-03-01T10:00:00Z');
      expect(await storage.saveAccount({ email: 'Desk@Clinic.example', role: 'frontdesk', passwordHash: 'h1', at })).toEqual({ created: true });
      const account = (await storage.findAccount('desk@clinic.example'))!;
      expect(account).toMatchObject({ email: 'Desk@Clinic.example', role: 'frontdesk', passwordHash: 'h1', totpSecret: null, createdAt: '2026-03-01T10:00:00.000Z' });
      await storage.createSession('token-1', account.id, at);
      await storage.touchSession('token-1', new Date('2026-03-01T10:05:00Z'));
      // Another handle (another replica) sees the same session.
      expect(await (await another()).findSession('token-1')).toEqual({ account, createdAt: at, lastSeenAt: new Date('2026-03-01T10:05:00Z') });
      expect(await storage.saveAccount({ email: 'desk@clinic.example', role: 'editor', passwordHash: 'h2', at })).toEqual({ created: false });
      expect(await storage.findSession('token-1')).toBeNull();
      expect(await storage.listAccounts()).toEqual([{ email: 'Desk@Clinic.example', role: 'editor', totp: false, createdAt: '2026-03-01T10:00:00.000Z' }]);

      expect(await storage.setTotpSecret('desk@clinic.example', 'SECRET')).toBe(true);
      expect(await storage.useTotpStep(account.id, 100)).toBe(true);
      expect(await storage.useTotpStep(account.id, 100)).toBe(false);
      expect(await storage.useTotpStep(account.id, 99)).toBe(false);

      await storage.createSession('token-2', account.id, at);
      await storage.createSession('token-3', account.id, new Date('2026-03-01T11:00:00Z'));
      expect(await storage.deleteSessionsIdleSince(new Date('2026-03-01T10:30:00Z'))).toBe(1);
      expect(await storage.removeAccount('DESK@clinic.example')).toBe(true);
      expect(await storage.findSession('token-3')).toBeNull();
      expect(await storage.removeAccount('desk@clinic.example')).toBe(false);

      await storage.recordAuthFailure(['account:a', 'address:1'], at);
      await storage.recordAuthFailure(['account:a'], new Date('2026-03-01T10:01:00Z'));
      expect(await storage.authFailures('account:a', at)).toEqual([at, new Date('2026-03-01T10:01:00Z')]);
      await storage.deleteAuthFailuresBefore(new Date('2026-03-01T10:00:30Z'));
      expect(await storage.authFailures('account:a', new Date(0))).toHaveLength(1);
      await storage.clearAuthFailures('account:a');
      expect(await storage.authFailures('account:a', new Date(0))).toEqual([]);
      expect(await storage.authFailures('address:1', new Date(0))).toEqual([]);
    });
  });

  describe('audit and revisions', () => {
    it('lists audit entries newest first with filters and paging, and purges only past the retention', async () => {
      const old = { at: new Date('2010-01-01T00:00:00Z'), who: 'a@clinic.example', role: 'admin' as const, action: 'callback.view', target: 'c1', detail: null, address: '203.0.113.1' };
      await storage.appendAudit([old, { ...old, at: new Date(), target: 'c2' }, { ...old, at: new Date(), action: 'entry.save', target: 'e1', detail: 'saved' }]);
      const all = await storage.listAudit({ limit: 10 });
      expect(all.map((e) => e.target)).toEqual(['e1', 'c2', 'c1']);
      expect(all[2]).toEqual({ ...old, id: all[2]!.id, at: '2010-01-01T00:00:00.000Z' });
      expect((await storage.listAudit({ limit: 10, action: 'callback.view' })).map((e) => e.target)).toEqual(['c2', 'c1']);
      expect((await storage.listAudit({ limit: 10, before: all[0]!.id })).map((e) => e.target)).toEqual(['c2', 'c1']);
      expect(await storage.purgeAudit(365, new Date())).toBe(1);
      expect((await storage.listAudit({ limit: 10 })).map((e) => e.target)).toEqual(['e1', 'c2']);
    });

    it('keeps every revision of an answer', async () => {
      const first = await storage.addRevision({ entryId: 'what-is-mbb', at: new Date('2026-03-01T10:00:00Z'), who: 'file on disk', note: 'before', source: 'v1' });
      const second = await storage.addRevision({ entryId: 'what-is-mbb', at: new Date('2026-03-01T11:00:00Z'), who: 'ed@clinic.example', note: 'saved', source: 'v2' });
      await storage.addRevision({ entryId: 'driving', at: new Date('2026-03-01T12:00:00Z'), who: 'ed@clinic.example', note: 'created', source: 'd1' });
      expect(second).toBeGreaterThan(first);
      expect(await storage.listRevisions('what-is-mbb')).toEqual([
        { id: second, at: '2026-03-01T11:00:00.000Z', who: 'ed@clinic.example', note: 'saved' },
        { id: first, at: '2026-03-01T10:00:00.000Z', who: 'file on disk', note: 'before' },
      ]);
      expect(await storage.getRevision('what-is-mbb', first)).toMatchObject({ id: first, source: 'v1' });
      expect(await storage.getRevision('driving', first)).toBeNull();
      expect([...(await storage.lastRevisions()).entries()].sort()).toEqual([
        ['driving', expect.objectContaining({ note: 'created' })],
        ['what-is-mbb', { id: second, at: '2026-03-01T11:00:00.000Z', who: 'ed@clinic.example', note: 'saved' }],
      ]);
    });
  });

  describe('limits', () => {
    const minute = 60_000;
    it('counts hits per key in epoch-aligned windows, gives hits back and drops ended windows', async () => {
      const at = new Date('2026-03-01T10:00:30Z');
      expect(await storage.hitLimit('a', minute, at)).toEqual({ count: 1, resetAt: new Date('2026-03-01T10:01:00Z') });
      expect((await storage.hitLimit('a', minute, new Date('2026-03-01T10:00:59.999Z'))).count).toBe(2);
      expect((await storage.hitLimit('b', minute, at)).count).toBe(1);
      // The same key with another window length is another counter.
      expect((await storage.hitLimit('a', 10 * minute, at)).count).toBe(1);
      await storage.releaseLimit('a', minute, new Date('2026-03-01T10:01:00Z'));
      expect((await storage.hitLimit('a', minute, at)).count).toBe(2);
      expect(await storage.hitLimit('a', minute, new Date('2026-03-01T10:01:00Z'))).toEqual({ count: 1, resetAt: new Date('2026-03-01T10:02:00Z') });
      expect(await storage.deleteLimitsBefore(new Date('2026-03-01T10:01:30Z'))).toBe(2);
      expect((await storage.hitLimit('b', minute, at)).count).toBe(1);
    });

    it('never hands out one place twice to two handles on the same store', async () => {
      const other = await another();
      const at = new Date('2026-03-01T10:00:00Z');
      const counts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? storage : other).hitLimit('k', minute, at)));
      expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });
  });

  it('reports itself healthy', async () => {
    expect(await storage.health()).toEqual({ ok: true });
  });
});
