/**
 * Thrown by a store that cannot safely take (or serve) data right now: the
 * disk is full or read-only, the file is damaged, or it was deleted under
 * the running server. Routes answer it with 503, never a 201: nothing is
 * acknowledged that might not be kept. `reason` is for operators (health
 * check, log), never shown to visitors.
 */
export class StorageUnavailableError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`storage unavailable: ${reason}`, options);
    this.name = 'StorageUnavailableError';
  }
}

/** What `/healthz` reports about storage. */
export type StorageHealth = { ok: true } | { ok: false; reason: string };
