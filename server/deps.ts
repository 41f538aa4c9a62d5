import type { KnowledgeService } from '../knowledge/index.ts';
import type { AuditTrail } from './audit/audit-trail.ts';
import type { FailureLimiter } from './auth/failure-limiter.ts';
import type { StaffSessions } from './auth/sessions.ts';
import type { Clock } from './clock.ts';
import type { ServerConfig } from './config.ts';
import type { KnowledgeAdmin } from './knowledge-admin/live-knowledge.ts';
import type { Notifier } from './notify/notifier.ts';
import type { QuestionLog } from './question-log.ts';
import type { LimitStore, Storage } from './storage/types.ts';

/** Staff sign-in, sessions and the audit trail. */
export interface StaffServices {
  sessions: StaffSessions;
  /** Failed sign-ins per account and per address. */
  limiter: FailureLimiter;
  audit: AuditTrail;
}

/** Everything the HTTP app needs, passed in so tests can start it with a temp database. */
export interface AppDeps {
  config: ServerConfig;
  knowledge: KnowledgeService;
  /** The knowledge base as staff edit it: status, saves, last good copy. */
  kb: KnowledgeAdmin;
  storage: Storage;
  /** Where rate limits are counted when they must hold across processes; default this process's memory. */
  limitStore?: LimitStore;
  notifier: Notifier;
  /** Told about each new callback request (e.g. the email notice); never given its details. */
  onNewCallback: () => void;
  clock: Clock;
  questions: QuestionLog;
  staff: StaffServices;
  /** Access log sink, one JSON line per request. Default stdout. */
  logRequest?: (line: string) => void;
  /** The cluster worker's number, added to each access log line; unset for a single process. */
  worker?: number;
  /** Unexpected errors. Default stderr. */
  logError?: (message: string) => void;
}
