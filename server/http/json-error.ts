import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../api/contract.ts';

/** The one shape of every error response: `{"error": "...", ...extra}`. */
export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  extra: Omit<ApiError, 'error'> & Record<string, unknown> = {},
): Response {
  return c.json({ error, ...extra }, status);
}

/** Thrown by request helpers; the app's error handler turns it into a JSON response. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly body: ApiError,
  ) {
    super(body.error);
    this.name = 'HttpError';
  }
}
