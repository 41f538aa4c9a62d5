/**
 * What the routes and background jobs need from a database. Promise-based so
 * a networked store (PostgreSQL) can implement it without touching callers;
 * the SQLite implementation lives in `./sqlite/`.
 */
import type {
  CallbackRecord,
  CallbackStatus,
  DailyStat,
  FeedbackSummary,
  UnansweredQuestion,
} from '../api/contract.ts';

export interface NewCallback {
  id: string;
  createdAt: Date;
  name: string;
  phone: string;
  preferredTime: string | null;
  message: string | null;
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
  /** `null` when no callback has that id. */
  updateCallbackStatus(id: string, status: CallbackStatus, at: Date): Promise<CallbackRecord | null>;
}

export interface PendingNotification {
  id: number;
  callbackId: string;
  callbackCreatedAt: string;
  attempts: number;
}

/** Staff notifications queued with each callback, delivered by a background job. */
export interface OutboxStore {
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
}

export interface AnalyticsStore {
  recordQuestions(events: QuestionEvent[]): Promise<void>;
  listUnanswered(limit: number): Promise<UnansweredQuestion[]>;
  /** `missing` (already redacted) is filed with the unanswered questions, tagged with the entry. */
  recordFeedback(entryId: string, helpful: boolean, at: Date, missing?: { key: string; text: string }): Promise<void>;
  feedbackSummary(): Promise<FeedbackSummary[]>;
  /** One row per UTC day from `sinceDay` (YYYY-MM-DD) on, oldest first, days without activity included. */
  dailyStats(sinceDay: string, untilDay: string): Promise<DailyStat[]>;
}

export interface PurgeResult {
  callbacks: number;
  unanswered: number;
}

export interface Storage extends CallbackStore, OutboxStore, AnalyticsStore {
  /** Deletes personal data (callbacks, unanswered wording) created before `cutoff`. */
  deleteOlderThan(cutoff: Date): Promise<PurgeResult>;
  close(): Promise<void>;
}
