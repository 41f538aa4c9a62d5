import type {
  ApiError,
  AuditEntry,
  CallbackRecord,
  CallbackStatus,
  DailyStat,
  EntryCheck,
  EntryInput,
  EntryRevision,
  EntrySummary,
  ExplainResponse,
  FeedbackSummary,
  KbStatus,
  LoginRequest,
  PhrasingAdded,
  StaffAccountSummary,
  StaffMe,
  Lang,
  UnansweredQuestion,
} from '../../server/api/contract.ts';

/** The session ended (idle, signed out elsewhere, account removed): the page shows the sign-in form. */
export class UnauthorizedError extends Error {
  constructor(readonly reason: string, message: string) {
    super(message);
  }
}

/** Any other refusal, with the server's JSON (the `fields` of a 400 name what to fix). */
export class RequestError extends Error {
  constructor(readonly status: number, readonly body: ApiError & Record<string, unknown>, readonly retryAfter: number | null) {
    super(body.error);
  }
}

interface CallOptions {
  method?: string;
  body?: unknown;
  /** Polling: does not keep the session alive (it still ends after 15 idle minutes). */
  background?: boolean;
  etag?: string | null;
}

/**
 * The staff API over the session cookie (HttpOnly: no script can read it).
 * Every request goes to our own origin, so the server's same-origin check
 * always passes for this page and never for another site's.
 */
async function call(path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.background) headers['x-staff-background'] = '1';
  if (options.etag) headers['if-none-match'] = options.etag;
  const res = await fetch(path, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    credentials: 'same-origin',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  if (res.ok || res.status === 304) return res;
  const body = (await res.json().catch(() => ({ error: `HTTP ${res.status}` }))) as ApiError & Record<string, unknown>;
  if (res.status === 401 && path !== '/api/admin/login') throw new UnauthorizedError(String(body.reason ?? 'unknown'), body.error);
  throw new RequestError(res.status, body, Number(res.headers.get('retry-after')) || null);
}

const json = async <T>(path: string, options?: CallOptions): Promise<T> => (await call(path, options)).json() as Promise<T>;
const id = encodeURIComponent;

export const adminApi = {
  me: () => json<StaffMe>('/api/admin/me'),
  login: (request: LoginRequest) => json<StaffMe>('/api/admin/login', { body: request }),
  logout: () => call('/api/admin/logout', { body: {} }),

  /** `rows: null` when nothing changed since `etag`. */
  async callbacks(status: CallbackStatus | 'all', etag: string | null, background: boolean) {
    const res = await call(`/api/admin/callbacks?limit=1000${status === 'all' ? '' : `&status=${status}`}`, { etag, background });
    return { etag: res.headers.get('etag'), rows: res.status === 304 ? null : ((await res.json()) as CallbackRecord[]) };
  },
  setStatus: (callbackId: string, status: CallbackStatus) => json<CallbackRecord>(`/api/admin/callbacks/${id(callbackId)}`, { method: 'PATCH', body: { status } }),
  csv: async (path: string) => (await call(path)).blob(),

  /** `lang`: only questions asked in that language. */
  unanswered: (lang?: Lang) => json<UnansweredQuestion[]>(lang ? `/api/admin/unanswered?lang=${lang}` : '/api/admin/unanswered'),
  feedback: () => json<FeedbackSummary[]>('/api/admin/feedback'),
  stats: () => json<DailyStat[]>('/api/admin/stats'),
  audit: () => json<AuditEntry[]>('/api/admin/audit?limit=500'),
  accounts: () => json<StaffAccountSummary[]>('/api/admin/accounts'),
  removeAccount: (email: string) => call(`/api/admin/accounts/${id(email)}`, { method: 'DELETE' }),

  entries: () => json<Array<EntrySummary & { lastChange: EntryRevision | null }>>('/api/admin/entries'),
  entry: (entryId: string) => json<EntrySummary & { revisions: EntryRevision[] }>(`/api/admin/entries/${id(entryId)}`),
  check: (entryId: string, input: EntryInput) => json<EntryCheck>(`/api/admin/entries/${id(entryId)}/check`, { body: input }),
  save: (entryId: string, input: EntryInput) => json<EntrySummary>(`/api/admin/entries/${id(entryId)}`, { method: 'PUT', body: input }),
  revision: (entryId: string, rev: number) => json<EntryRevision & { source: string }>(`/api/admin/entries/${id(entryId)}/revisions/${rev}`),
  restore: (entryId: string, rev: number) => json<EntrySummary>(`/api/admin/entries/${id(entryId)}/revisions/${rev}/restore`, { body: {} }),
  addPhrasing: (entryId: string, question: string) => json<PhrasingAdded>(`/api/admin/entries/${id(entryId)}/phrasings`, { body: { question } }),
  explain: (question: string) => json<ExplainResponse>('/api/admin/explain', { body: { question } }),
  kbStatus: () => json<KbStatus>('/api/admin/kb/status'),
};

export type AdminApi = typeof adminApi;
