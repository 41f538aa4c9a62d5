import { Hono } from 'hono';
import { createHash, randomUUID } from 'node:crypto';
import { IDEMPOTENCY_HEADER, type CallbackCreated } from '../api/contract.ts';
import type { AppDeps } from '../deps.ts';
import { newCallbackRef } from '../callback-ref.ts';
import { HttpError } from '../http/json-error.ts';
import { readJsonObject } from '../http/read-json.ts';
import { callbackSchema, isHoneypotFilled, type ValidCallback } from '../validation/callback.ts';
import { parseOr400 } from '../validation/parse.ts';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * A retry is recognised by its key together with the request's content, and
 * only this hash is stored. Someone who learns or guesses another visitor's
 * key gets nothing back without also sending that visitor's exact details;
 * sending other details with it simply stores a new request.
 */
function idempotencyHash(key: string, cb: ValidCallback): string {
  return createHash('sha256')
    .update(JSON.stringify([key, cb.name, cb.phone, cb.preferredTime, cb.message]))
    .digest('hex');
}

/** `POST /api/callback`: stores a callback request and queues the staff notification. */
export function callbackApi({ storage, notifier, clock, onNewCallback }: AppDeps): Hono {
  const app = new Hono();

  app.post('/api/callback', async (c) => {
    const body = await readJsonObject(c);
    // Bots get the same answer as people, so they cannot learn to skip the field.
    if (isHoneypotFilled(body)) return c.json({ id: randomUUID(), ref: newCallbackRef() } satisfies CallbackCreated, 201);

    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key !== undefined && !KEY_PATTERN.test(key)) {
      throw new HttpError(400, {
        error: 'invalid request',
        fields: { [IDEMPOTENCY_HEADER]: 'must be 1 to 200 visible ASCII characters' },
      });
    }
    const callback = parseOr400(callbackSchema, body, 'please check the highlighted fields');
    const stored = await storage.createCallback({
      ...callback,
      id: randomUUID(),
      createdAt: clock.now(),
      idempotencyHash: key === undefined ? null : idempotencyHash(key, callback),
      notify: notifier.enabled,
    });
    if (stored.replayed) c.header('Idempotent-Replayed', 'true');
    else {
      if (notifier.enabled) notifier.nudge();
      onNewCallback();
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ id: stored.id, ref: stored.ref } satisfies CallbackCreated, 201);
  });

  return app;
}
