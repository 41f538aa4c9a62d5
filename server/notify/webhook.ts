import { createHmac } from 'node:crypto';
import { WEBHOOK_DELIVERY } from '../api/limits.ts';
import type { Clock } from '../clock.ts';
import type { OutboxStore, PendingNotification } from '../storage/types.ts';
import type { Notifier } from './notifier.ts';

export interface WebhookOptions {
  url: string;
  /**
   * Signs each delivery: `Webhook-Signature: sha256=<hex HMAC of "<Webhook-Timestamp>.<body>">`.
   * The timestamp inside the signature lets a receiver refuse replays. `null` = unsigned.
   */
  secret?: string | null;
  /** Link to the staff inbox, included in each notification. */
  inboxUrl: string;
  outbox: OutboxStore;
  clock: Clock;
  /** First retry delay; doubles per failed attempt. Default 1 s. */
  retryBaseMs?: number;
  /** Longest delay between retries. Default 5 min. */
  retryMaxMs?: number;
  /** Per-request timeout. Default WEBHOOK_DELIVERY.timeoutMs (10 s). */
  timeoutMs?: number;
  /** Safety-net poll when nothing is scheduled. Default 60 s. */
  pollMs?: number;
  log?: (message: string) => void;
}

/**
 * What a receiver gets. Deliberately no name, phone or message: webhooks land
 * in chat tools, email relays and logs outside the clinic's control, and
 * callback requests are health-related personal data. Staff follow the link
 * and read the request in the token-protected inbox.
 */
export interface WebhookPayload {
  type: 'callback.created';
  callbackId: string;
  createdAt: string;
  inbox: string;
}

/**
 * Delivers queued notifications from the outbox (written in the callback's own
 * transaction), retrying with capped exponential backoff until the receiver
 * answers 2xx. State lives in the database, so a restart resumes where the
 * last process stopped and a receiver that is down loses nothing.
 */
export function startWebhookDeliverer(options: WebhookOptions): Notifier {
  const { url, inboxUrl, outbox, clock } = options;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const retryMaxMs = options.retryMaxMs ?? 300_000;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_DELIVERY.timeoutMs;
  const batch = WEBHOOK_DELIVERY.batchSize;
  const pollMs = options.pollMs ?? 60_000;
  const log = options.log ?? ((m: string) => console.error(m));

  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const deliver = async (n: PendingNotification): Promise<void> => {
    const payload: WebhookPayload = {
      type: 'callback.created',
      callbackId: n.callbackId,
      createdAt: n.callbackCreatedAt,
      inbox: inboxUrl,
    };
    const body = JSON.stringify(payload);
    // Delivery is at least once (a process may die between the receiver's 2xx and recording it):
    // the id stays the same across retries, so a receiver can drop a repeat.
    const headers: Record<string, string> = { 'content-type': 'application/json', 'webhook-id': String(n.id) };
    if (options.secret) {
      const timestamp = String(Math.floor(clock.now().getTime() / 1000));
      headers['webhook-timestamp'] = timestamp;
      headers['webhook-signature'] = `sha256=${createHmac('sha256', options.secret).update(`${timestamp}.${body}`).digest('hex')}`;
    }
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers,
        body,
        // A redirect would re-send the signed payload to wherever it points; a 3xx is a failed delivery instead.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(res.status >= 300 && res.status < 400 ? `HTTP ${res.status} redirect, not followed` : `HTTP ${res.status}`);
      await outbox.markNotificationDelivered(n.id, clock.now());
    } catch (error) {
      const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(n.attempts, 30));
      await outbox.markNotificationFailed(n.id, new Date(clock.now().getTime() + delay), (error as Error).message);
      log(`webhook: notification ${n.id} failed (attempt ${n.attempts + 1}), retrying in ${delay} ms`);
    }
  };

  const schedule = async () => {
    if (closed) return;
    const due = await outbox.nextNotificationDue();
    const wait = due === null ? pollMs : Math.max(0, Math.min(pollMs, due.getTime() - clock.now().getTime()));
    clearTimeout(timer);
    timer = setTimeout(run, wait).unref();
  };

  const runOnce = async () => {
    do {
      again = false;
      for (;;) {
        if (closed) return;
        // A batch is claimed together (a lease, with a shared store) and sent together, so it fits in one timeout.
        const due = await outbox.dueNotifications(clock.now(), batch);
        await Promise.all(due.map(deliver));
        if (due.length < batch) break;
      }
    } while (again && !closed);
    await schedule();
  };

  function run(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .catch((error: Error) => {
        log(`webhook: delivery loop failed: ${error.message}`);
        timer = setTimeout(run, retryBaseMs).unref();
      })
      .finally(() => {
        running = null;
      });
  }

  run();
  return {
    enabled: true,
    nudge: run,
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
