import type { Context } from 'hono';
import { HttpError } from './json-error.ts';

/**
 * The request body parsed as a JSON object, or a 400. Size and content type
 * were already checked by middleware. JSON.parse keeps `__proto__` as a plain
 * own key (it never changes the prototype), and the schemas copy only known
 * fields, so hostile keys go nowhere.
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new HttpError(400, { error: 'body is not valid JSON' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, { error: 'body must be a JSON object' });
  }
  return body as Record<string, unknown>;
}
