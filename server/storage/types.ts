/**
 * What the routes and background jobs need from a database. Promise-based so
 * a networked store (PostgreSQL) can implement it without touching callers;
 * the SQLite implementation lives in `./sqlite/`.
 */
import type {
  AuditEntry,
  CallbackRecord,
  CallbackStatus,
  DailyStat,
  EntryRevision,
  FeedbackSummary,
  Lang,
  StaffAccountSummary,
  StaffRole,
  UnansweredQuestion,
} from '../api/contract.ts';
import type { StorageHealth } from './errors.ts';

export interface NewCallback {
  id: string;
  createdAt: Date;
  name: string;
  phone: string;
  preferredTime: string | null;
  message: string | null;
  lang?: Lang | null;
  /** Only when the visitor agreed to share them. */
  questions?: string[] | null;
  /** Hash identifying a client retry; a second insert with the same hash returns the first row. */
  idempotencyHash: string | null;
  /** Also queue a staff notification in the same transaction. */
  notify: boolean;
}

export interface StoredCallback {
  id: string;
  /** Short reference for people, unique among stored requests. */
  ref: string;
  createdAt: string;
  /** True when an earlier request with the same idempotency hash already stored it. */
  replayed: boolean;
}

export interface CallbackQuery {
  limit: number;
  status?: CallbackStatus;
  /** ISO timestamp; only callbacks created at or after it. */
  since?: string;
}

export interface CallbackStore {
  /** Resolves only once the row (and its notification) is committed durably. */
  createCallback(callback: NewCallback): Promise<StoredCallback>;
  /** Newest first. */
  listCallbacks(query: CallbackQuery): Promise<CallbackRecord[]>;
  /**
   * The same list as `listCallbacks`, newest first, `pageSize` rows at a
   * time, each page its own short query: a long export never holds the
   * database (or the event loop) while it is written out.
   */
  callbackPages(query: CallbackQuery, pageSize: number): AsyncIterable<CallbackRecord[]>;
  /** `null` when no callback has that id. `by` (email or ADMIN_TOKEN) goes into its status history. */
  updateCallbackStatus(id: string, status: CallbackStatus, at: Date, by: string): Promise<CallbackRecord | null>;
  /** Changes whenever a callback is added, changed or deleted: the inbox's ETag. */
  callbacksVersion(): Promise<string>;
}

export interface PendingNotification {
  id: number;
  callbackId: string;
  callbackCreatedAt: string;
  attempts: number;
}

/** Staff notifications queued with each callback, delivered by a background job. */
export interface OutboxStore {
  /**
   * The notifications due at `now`. A store shared by several processes
   * claims them for a lease (PostgreSQL: see its outbox), so two processes
   * never get the same one while the first may still be sending it.
   */
  dueNotifications(now: Date, limit: number): Promise<PendingNotification[]>;
  markNotificationDelivered(id: number, at: Date): Promise<void>;
  markNotificationFailed(id: number, retryAt: Date, error: string): Promise<void>;
  /** When the earliest undelivered notification is due, or `null` when none is waiting. */
  nextNotificationDue(): Promise<Date | null>;
}

export type QuestionKind = 'answer' | 'fallback' | 'emergency';

export interface QuestionEvent {
  at: Date;
  kind: QuestionKind;
  /** Only for fallbacks, already redacted: staff see what was not answered. */
  unanswered?: { key: string; text: string };
  /** The language the reply was given in. */
  lang?: Lang;
}

export interface AnalyticsStore {
  recordQuestions(events: QuestionEvent[]): Promise<void>;
  /** `lang`: only questions asked in that language. */
  listUnanswered(limit: number, lang?: Lang): Promise<UnansweredQuestion[]>;
  /** `missing` (already redacted) is filed with the unanswered questions, tagged with the entry. */
  recordFeedback(entryId: string, helpful: boolean, at: Date, missing?: { key: string; text: string }): Promise<void>;
  feedbackSummary(): Promise<FeedbackSummary[]>;
  /** One row per UTC day from `sinceDay` (YYYY-MM-DD) on, oldest first, days without activity included. */
  dailyStats(sinceDay: string, untilDay: string): Promise<DailyStat[]>;
}

export interface StaffAccount {
  id: string;
  email: string;
  role: StaffRole;
  passwordHash: string;
  /** Base32 TOTP secret when the account has a second factor. */
  totpSecret: string | null;
  createdAt: string;
}

export interface StaffSession {
  account: StaffAccount;
  createdAt: Date;
  lastSeenAt: Date;
}

/** Staff accounts, their server-side sessions and failed sign-ins. */
export interface AccountStore {
  /** Creates the account or resets its password and role; a reset ends its sessions. */
  saveAccount(account: { email: string; role: StaffRole; passwordHash: string; at: Date }): Promise<{ created: boolean }>;
  findAccount(email: string): Promise<StaffAccount | null>;
  listAccounts(): Promise<StaffAccountSummary[]>;
  /** Deletes the account and every session of it. False when there was none. */
  removeAccount(email: string): Promise<boolean>;
  setTotpSecret(email: string, secret: string | null): Promise<boolean>;
  /** Records a used TOTP time step; false when it (or a later one) was used already (a replay). */
  useTotpStep(accountId: string, step: number): Promise<boolean>;

  createSession(tokenHash: string, accountId: string, at: Date): Promise<void>;
  findSession(tokenHash: string): Promise<StaffSession | null>;
  touchSession(tokenHash: string, at: Date): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of the account, everywhere. */
  deleteSessionsOf(accountId: string): Promise<number>;
  deleteSessionsIdleSince(cutoff: Date): Promise<number>;

  /** One failed sign-in counted against each key (e.g. the account and the address). */
  recordAuthFailure(keys: string[], at: Date): Promise<void>;
  /** Times of the failures against `key` since `since`, oldest first. */
  authFailures(key: string, since: Date): Promise<Date[]>;
  clearAuthFailures(key: string): Promise<void>;
  deleteAuthFailuresBefore(cutoff: Date): Promise<void>;
}

/** An audit entry as written: the store assigns the id. */
export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at: Date };

export interface AuditQuery {
  limit: number;
  /** Only entries with an id below this (paging backwards). */
  before?: number;
  who?: string;
  target?: string;
  action?: string;
}

/** The append-only audit trail: the application can add and read, never change. */
export interface AuditStore {
  appendAudit(entries: NewAuditEntry[]): Promise<void>;
  /** Newest first. */
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;
  /** The retention purge, the only deletion the database allows (and only past `keepDays`). */
  purgeAudit(keepDays: number, now: Date): Promise<number>;
}

/** Every saved version of an answer, viewable and restorable. */
export interface RevisionStore {
  addRevision(revision: { entryId: string; at: Date; who: string; note: string; source: string }): Promise<number>;
  /** Newest first. */
  listRevisions(entryId: string): Promise<EntryRevision[]>;
  getRevision(entryId: string, id: number): Promise<(EntryRevision & { source: string }) | null>;
  /** Last change per entry, for the list. */
  lastRevisions(): Promise<Map<string, EntryRevision>>;
}

export interface PurgeResult {
  callbacks: number;
  unanswered: number;
}

/** Fixed-window counters shared by every process using the store: rate limits that hold across replicas. */
export interface LimitStore {
  /** Counts one hit against `key` in its fixed window of `windowMs` containing `now`; returns the count including this hit and when that window ends. */
  hitLimit(key: string, windowMs: number, now: Date): Promise<{ count: number; resetAt: Date }>;
  /** Gives one hit back to the window ending at `resetAt` (a request that did not count after all). */
  releaseLimit(key: string, windowMs: number, resetAt: Date): Promise<void>;
  /** Drops windows that ended before `cutoff` (the retention job calls it). */
  deleteLimitsBefore(cutoff: Date): Promise<number>;
}

export interface Storage
  extends CallbackStore,
    OutboxStore,
    AnalyticsStore,
    AccountStore,
    AuditStore,
    RevisionStore,
    LimitStore {
  /** Deletes personal data (callbacks, unanswered wording) created before `cutoff`. */
  deleteOlderThan(cutoff: Date): Promise<PurgeResult>;
  /**
   * Whether a callback request could be stored now. Cheap (no write, no
   * fsync) so a load balancer may ask every few seconds.
   */
  health(): Promise<StorageHealth>;
  /**
   * Only on a store that several machines share (PostgreSQL): calls
   * `onChange` soon after any process adds a revision, and after each
   * reconnect (changes may have been missed meanwhile). Returns a stop
   * function. Absent where every process reads the same folder anyway.
   */
  watchRevisions?(onChange: () => void): () => Promise<void>;
  close(): Promise<void>;
}
