/**
 * Every size, count and time limit of the HTTP service, declared once. The
 * server enforces them, the widget and staff page size their inputs by
 * them, and the README's "Running in production" section lists them.
 * (The knowledge-base folder's own limits live with its format, in
 * `knowledge/load/limits.ts`.)
 */

/** Field lengths, in characters as people count them (code points). */
export const FIELD_LIMITS = {
  question: 500,
  name: 100,
  /** Raw phone input; 7 to 15 digits once spaces and dashes are dropped. */
  phone: 40,
  preferredTime: 100,
  message: 500,
} as const;

/** Largest JSON request body: a callback with a note and 10 shared questions is under 16 KB even in emoji. */
export const MAX_BODY_BYTES = 32 * 1024;
/** An answer saved from the staff editor (20 000 characters of body, plus phrasings and sources). */
export const MAX_ENTRY_BYTES = 256 * 1024;

/**
 * Connection limits. A stalled or trickling client is closed within about
 * 15 s: headers must arrive in 10 s, the whole request in 15 s, and an idle
 * keep-alive connection is closed after 5 s. Node checks the header and
 * request deadlines every `checkIntervalMs`.
 */
export const CONNECTION_LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  /** A response the client stops reading is dropped after this much silence. */
  idleSocketTimeoutMs: 30_000,
  checkIntervalMs: 1_000,
  /**
   * Open connections one client address may hold when the server is exposed
   * directly (`TRUST_PROXY=0`). A browser opens at most 6 per host; a whole
   * clinic office behind one NAT address stays far below this.
   */
  perAddress: 64,
  /** Largest request head (request line and headers); Node's default is 16 KiB. */
  maxHeaderBytes: 16 * 1024,
} as const;
export type ConnectionLimits = { [K in keyof typeof CONNECTION_LIMITS]: number };

/** Failed staff authentications per client address before 429 (token now, sign-in later). */
export const AUTH_FAILURE_LIMITS = {
  maxFailures: 10,
  windowMs: 10 * 60_000,
  /** Most addresses tracked at once; the oldest window is dropped beyond it. */
  maxKeys: 10_000,
} as const;

/** What `ADMIN_TOKEN` must have to be accepted at start. */
export const ADMIN_TOKEN_RULES = {
  minLength: 16,
  minDistinctCharacters: 8,
  /** At most this share of the token may continue a run (aaaa, abcd, 1234). */
  maxRunShare: 0.5,
} as const;

/** The CSV export reads and writes this many rows per event-loop turn. */
export const CSV_EXPORT_PAGE_ROWS = 500;

/** Storage health: below this much free space in DATA_DIR, `/healthz` fails before writes do. */
export const MIN_FREE_DISK_BYTES = 16 * 1024 * 1024;

/** Repeated failures of one kind are logged at most this often, with a count of the ones skipped. */
export const ERROR_LOG_LIMITS = {
  linesPerWindow: 5,
  windowMs: 60_000,
} as const;

/**
 * Staff webhook delivery. Each batch is sent at once, so one batch takes at
 * most one timeout; a claimed batch's lease (how long other replicas leave
 * it alone) is twice that plus a second, so a slow receiver is never sent
 * the same notification by two replicas, and a killed replica's batch is
 * retried by another within the lease.
 */
export const WEBHOOK_DELIVERY = {
  batchSize: 10,
  /** Default per-request timeout (WEBHOOK_TIMEOUT_SECONDS). */
  timeoutMs: 10_000,
} as const;

/** How long a replica keeps the notifications it claimed, for a per-request timeout. */
export const outboxLeaseMs = (timeoutMs: number) => 2 * timeoutMs + 1_000;

/** Questions a visitor may share with a callback request. */
export const SHARED_QUESTIONS = {
  /** The most recent questions of the chat that are sent. */
  maxCount: 10,
  /** Same as a question to /api/ask. */
  maxLength: FIELD_LIMITS.question,
} as const;

/** Staff sign-in. */
export const STAFF_PASSWORD = { minLength: 12, maxLength: 200 } as const;

/** An answer edited in the browser. */
export const ENTRY_LIMITS = {
  titleMax: 200,
  questionMax: 300,
  // The bundled entries carry 30-45 phrasings each.
  questionsMax: 100,
  bodyMax: 20_000,
  tagsMax: 30,
  relatedMax: 12,
  sourcesMax: 12,
} as const;

/**
 * WORKERS: at most this many cluster workers are accepted, and never more
 * than the machine's cores are started (more only adds contention for them).
 */
export const MAX_WORKERS = 64;
