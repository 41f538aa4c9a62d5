import type { KnowledgeService } from '../knowledge/index.ts';
import type { Clock } from './clock.ts';
import type { ServerConfig } from './config.ts';
import type { Notifier } from './notify/notifier.ts';
import type { QuestionLog } from './question-log.ts';
import type { Storage } from './storage/types.ts';

/** Everything the HTTP app needs, passed in so tests can start it with a temp database. */
export interface AppDeps {
  config: ServerConfig;
  knowledge: KnowledgeService;
  storage: Storage;
  notifier: Notifier;
  clock: Clock;
  questions: QuestionLog;
  /** Access log sink, one JSON line per request. Default stdout. */
  logRequest?: (line: string) => void;
  /** Unexpected errors. Default stderr. */
  logError?: (message: string) => void;
}
