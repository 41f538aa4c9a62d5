/**
 * The HTTP API's request and response shapes, shared by the server (which
 * produces them) and the widget and staff page (which consume them).
 * The public contract (start command, env, embed, HTTP API, errors) is the promise; these types may add fields
 * but must never drop or rename the ones it names.
 */
import type { Care, Trace } from '../../knowledge/decision.ts';
import type { Lang } from '../../knowledge/language/types.ts';

export type { Lang } from '../../knowledge/language/types.ts';

export interface Source {
  title: string;
  url: string;
}

/** A question a visitor can tap to ask next (an entry's title as a question). */
export interface SuggestedQuestion {
  id: string;
  question: string;
}

// ---- POST /api/ask -------------------------------------------------------

export interface AskRequest {
  /** 1-500 characters after trimming. */
  question: string;
  /** The interface language: a hint for short or mixed messages; the reply follows the question's own language. */
  lang?: Lang;
}

export interface AnswerResponse {
  kind: 'answer';
  answer: {
    /** The knowledge entry id (topic key from the knowledge brief). */
    id: string;
    title: string;
    /** Markdown subset: paragraphs, `- ` lists, **bold**, *italic*, [links](https://…). */
    text: string;
    sources: Source[];
  };
  related: SuggestedQuestion[];
  /** 0..1, calibrated: answers are only given above the engine's threshold. */
  confidence: number;
  /** The language the reply is written in. */
  lang: Lang;
}

export interface FallbackResponse {
  kind: 'fallback';
  /** `small-talk`: a greeting, thanks or goodbye, answered in kind. */
  reason: 'not-found' | 'out-of-scope' | 'small-talk';
  message: string;
  /** Up to 3 nearby questions the visitor may have meant. */
  suggestions: SuggestedQuestion[];
  callback: { offered: true; phone: string };
  lang: Lang;
}

export interface EmergencyAction {
  label: string;
  /** Digits for a tel: link, e.g. "911". */
  tel: string;
}

export interface EmergencyResponse {
  kind: 'emergency';
  message: string;
  actions: EmergencyAction[];
  lang: Lang;
  /**
   * Added field: `emergency` (911 first), `crisis` (988 first) or `unsure`: a red flag
   * reported now on weak evidence, so emergency guidance together with the clinic's own
   * numbers ("get checked now"). Clients that ignore it still show emergency guidance.
   */
  care: Care;
}

export type AskResponse = AnswerResponse | FallbackResponse | EmergencyResponse;

// ---- GET /api/config -----------------------------------------------------

/** When the clinic's team answers the phone (`openingHours` in clinic.yaml), declared with the knowledge base format. */
export type { OpeningHours } from '../../knowledge/load/schemas.ts';
import type { OpeningHours } from '../../knowledge/load/schemas.ts';

export interface ClinicInfo {
  name: string;
  phone: string;
  /** The hours as people write them ("Monday to Friday, 8 am to 5 pm"). */
  hours: string;
  afterHoursPhone: string;
  /** Present when clinic.yaml gives structured hours: the widget then says what happens after hours. */
  openingHours?: OpeningHours;
}

export interface ConfigResponse {
  clinic: ClinicInfo;
  greeting: string;
  starters: string[];
  languages: Lang[];
}

// ---- POST /api/callback --------------------------------------------------

export interface CallbackRequest {
  name: string;
  phone: string;
  preferredTime?: string;
  message?: string;
  consent: true;
  /** The widget's interface language, so staff know which language to call in. */
  lang?: Lang;
  /**
   * The questions asked in this chat, sent only when the visitor ticked
   * "share my questions with the clinic" (unticked by default). At most
   * `SHARED_QUESTIONS.maxCount`, each up to `SHARED_QUESTIONS.maxLength`.
   */
  questions?: string[];
  /** Honeypot: real visitors never see or fill it. */
  website?: string;
}

/** Retries send the same `Idempotency-Key` header and get the same id back. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export interface CallbackCreated {
  id: string;
  /** Short reference for people ("K7-4Q2"): shown to the visitor, and to staff beside the request. */
  ref: string;
}

// ---- POST /api/feedback --------------------------------------------------

/** Longest "what was missing?" note after a No, in characters (the widget's box and the server's check). */
export const FEEDBACK_NOTE_MAX_LENGTH = 200;

export interface FeedbackRequest {
  entryId: string;
  helpful: boolean;
  /** Only with `helpful: false`: what the answer lacked, in the visitor's words (filed, redacted, with the unanswered questions). */
  missing?: string;
}

// ---- Errors (every non-2xx) ------------------------------------------------

export interface ApiError {
  error: string;
  /** For 400s: the offending field names, each with a short human reason. */
  fields?: Record<string, string>;
}

// ---- Staff endpoints (Authorization: Bearer ADMIN_TOKEN) -------------------

export type CallbackStatus = 'new' | 'contacted' | 'closed';

export interface CallbackStatusChange {
  at: string;
  /** The staff member's email, or "ADMIN_TOKEN" for scripts. */
  by: string;
  status: CallbackStatus;
}

export interface CallbackRecord {
  id: string;
  /** The short reference the visitor was given ("K7-4Q2"). */
  ref: string;
  createdAt: string;
  name: string;
  phone: string;
  preferredTime: string | null;
  message: string | null;
  status: CallbackStatus;
  lang: Lang | null;
  /** The visitor's questions in that chat, only when they agreed to share them. */
  questions: string[] | null;
  /** Every status change, oldest first. */
  history: CallbackStatusChange[];
}

export interface UnansweredQuestion {
  /** Normalised wording used to group repeats. */
  key: string;
  count: number;
  example: string;
  lastAskedAt: string;
  /** For a note left after "Was this helpful? No": the answer it was about (newest in the group); else null. */
  entryId: string | null;
  /** The language it was asked in (newest in the group); null for older rows. */
  lang: Lang | null;
}

export interface FeedbackSummary {
  entryId: string;
  helpful: number;
  notHelpful: number;
}

export interface DailyStat {
  day: string;
  questions: number;
  callbacks: number;
}

// ---- Staff accounts and sessions -------------------------------------------

export type StaffRole = 'frontdesk' | 'editor' | 'admin';
export const STAFF_ROLES: readonly StaffRole[] = ['frontdesk', 'editor', 'admin'];

export interface LoginRequest {
  email: string;
  password: string;
  /** The 6-digit authenticator code, for accounts with a second factor. */
  code?: string;
}

/** `GET /api/admin/me` and a successful login. */
export interface StaffMe {
  /** The account's email, or "ADMIN_TOKEN" for the bearer token. */
  who: string;
  role: StaffRole;
  /** Minutes without activity before the session ends. */
  idleMinutes: number;
}

export interface StaffAccountSummary {
  email: string;
  role: StaffRole;
  totp: boolean;
  createdAt: string;
}

// ---- Audit trail -------------------------------------------------------------

export interface AuditEntry {
  id: number;
  at: string;
  /** Email, "ADMIN_TOKEN", or (for a failed sign-in) the address tried. */
  who: string;
  role: StaffRole | null;
  /** e.g. callback.view, callback.export, callback.status, entry.save, entry.restore, auth.sign-in */
  action: string;
  target: string | null;
  detail: string | null;
  /** The client's address. */
  address: string;
}

// ---- Answers edited in the browser ---------------------------------------------

/** `PUT /api/admin/entries/:id` body (the contract's shape). */
export interface EntryInput {
  title: string;
  questions: string[];
  body: string;
  tags?: string[];
  related?: string[];
  sources: Source[];
}

export interface EntrySummary extends EntryInput {
  id: string;
  tags: string[];
  related: string[];
  reviewed: string | null;
  helpful: number;
  notHelpful: number;
}

export interface EntryRevision {
  id: number;
  at: string;
  who: string;
  /** What the save did: created, saved, restored from #n, added a phrasing. */
  note: string;
}

export interface EntryCheck {
  ok: boolean;
  /** Field (`title`, `questions`, `body`, `related`, `sources`, `tags`) -> staff-worded reason. */
  fields: Record<string, string>;
}

export interface KbProblem {
  file: string;
  field?: string;
  reason: string;
}

export interface KbStatus {
  /** When the served version was last (re)built, and from where. */
  lastReload: { at: string; ok: boolean; entries: number } | null;
  /** True when the folder on disk is broken and the last good copy is served. */
  servingLastGood: boolean;
  /** What stops the folder on disk from going live, in staff wording. */
  problems: KbProblem[];
  /** Things that do not block but are probably mistakes (e.g. a file that is not read). */
  warnings: KbProblem[];
  placeholders: Array<{ name: string; value: string }>;
}

// ---- POST /api/admin/explain (staff) -----------------------------------------

/** The decision in brief: which way it went, which entry or rule, how sure. */
export interface DecisionSummary {
  kind: 'answer' | 'urgent' | 'refused' | 'not-found' | 'small-talk';
  entryId?: string;
  confidence?: number;
  rule?: { id: string; label: string; words: string[] };
}

/** "Why did this answer win": the reply, the decision, and what each stage of the engine saw. */
export interface ExplainResponse {
  response: AskResponse;
  decision: DecisionSummary;
  trace: Trace;
}

/** `POST /api/admin/entries/:id/phrasings`: the question's trace before and after it was added. */
export interface PhrasingAdded {
  entry: EntrySummary;
  before: ExplainResponse;
  after: ExplainResponse;
}
