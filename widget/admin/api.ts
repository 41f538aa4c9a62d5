import type {
  CallbackRecord,
  CallbackStatus,
  DailyStat,
  FeedbackSummary,
  UnansweredQuestion,
} from '../../server/api/contract.ts';

/** Thrown for 401 so the page can ask for the token again. */
export class UnauthorizedError extends Error {}

/**
 * Staff API client. The token lives only in memory: a reload asks again, so a
 * shared front-desk computer never keeps it.
 */
export function createAdminApi(token: string) {
  const request = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const res = await fetch(path, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${token}` },
    });
    if (res.status === 401) throw new UnauthorizedError('token refused');
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res;
  };
  const json = async <T>(path: string): Promise<T> => (await request(path)).json() as Promise<T>;

  return {
    callbacks: (status: CallbackStatus | 'all') =>
      json<CallbackRecord[]>(`/api/admin/callbacks?limit=1000${status === 'all' ? '' : `&status=${status}`}`),
    setStatus: (id: string, status: CallbackStatus) =>
      request(`/api/admin/callbacks/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      }),
    csv: async () => (await request('/api/admin/callbacks.csv')).blob(),
    unanswered: () => json<UnansweredQuestion[]>('/api/admin/unanswered'),
    feedback: () => json<FeedbackSummary[]>('/api/admin/feedback'),
    stats: () => json<DailyStat[]>('/api/admin/stats'),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
