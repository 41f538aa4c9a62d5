/**
 * Typed calls to the clinic API. Every call resolves (never throws): network
 * failures come back as `status: 0`, so the UI can always say something kind.
 * No cookies are sent (`credentials: 'omit'`).
 */
import {
  IDEMPOTENCY_HEADER,
  type ApiError,
  type AskResponse,
  type CallbackCreated,
  type CallbackRequest,
  type ConfigResponse,
  type FeedbackRequest,
  type Lang,
} from '../../server/api/contract.ts';

export type Result<T> = { ok: true; data: T } | { ok: false; status: number; error?: ApiError };

export type Api = ReturnType<typeof createApi>;

/** `lang`: the interface language, sent with each question as a hint (the reply follows the question's own language). */
export function createApi(api: string, lang?: Lang) {
  const base = api.replace(/\/+$/, '');
  async function call<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<Result<T>> {
    try {
      const res = await fetch(base + path, {
        method: body === undefined ? 'GET' : 'POST',
        credentials: 'omit',
        headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = await res.json().catch(() => undefined);
      return res.ok ? { ok: true, data: data as T } : { ok: false, status: res.status, error: data as ApiError | undefined };
    } catch {
      return { ok: false, status: 0 };
    }
  }

  return {
    base,
    ask: (question: string) => call<AskResponse>('/api/ask', lang ? { question, lang } : { question }),
    config: () => call<ConfigResponse>(lang ? `/api/config?lang=${lang}` : '/api/config'),
    callback: (request: CallbackRequest, key: string) => call<CallbackCreated>('/api/callback', request, { [IDEMPOTENCY_HEADER]: key }),
    feedback: (request: FeedbackRequest) => call<unknown>('/api/feedback', request),
  };
}
