/**
 * The HTTP API's request and response shapes, shared by the server (which
 * produces them) and the widget and staff page (which consume them).
 * `../shared/contract.md` is the public promise; these types may add fields
 * but must never drop or rename the ones it names.
 */

export type Lang = 'en' | 'es';

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
}

export interface FallbackResponse {
  kind: 'fallback';
  reason: 'not-found' | 'out-of-scope';
  message: string;
  /** Up to 3 nearby questions the visitor may have meant. */
  suggestions: SuggestedQuestion[];
  callback: { offered: true; phone: string };
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
}

export type AskResponse = AnswerResponse | FallbackResponse | EmergencyResponse;

// ---- GET /api/config -----------------------------------------------------

/**
 * When the clinic's team answers the phone, from `openingHours` in clinic.yaml.
 * `week[0]` is Sunday … `week[6]` Saturday (as `Date.getDay()`), each day's
 * opening periods as [from, to) minutes after midnight in `timeZone`, in order;
 * an empty day is closed.
 */
export interface OpeningHours {
  /** IANA time zone, e.g. "America/Chicago". */
  timeZone: string;
  week: Array<Array<[number, number]>>;
}

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
}

export interface UnansweredQuestion {
  /** Normalised wording used to group repeats. */
  key: string;
  count: number;
  example: string;
  lastAskedAt: string;
  /** For a note left after "Was this helpful? No": the answer it was about (newest in the group); else null. */
  entryId: string | null;
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
