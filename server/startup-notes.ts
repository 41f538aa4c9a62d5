/**
 * What the server says when it starts, besides "listening": the settings a
 * newcomer trips on (which sites may embed the chat; whether the staff page
 * is open), each with how to change it.
 */
import { DEFAULT_ORIGINS } from './middleware/cors/index.ts';
import type { ServerConfig } from './config.ts';

/** The allow-list as the log shows it, e.g. "now: https://www.example-clinic.com". */
export function describeOrigins(allowed: string[] | null): string {
  return allowed === null
    ? `now: this server's own pages and ${DEFAULT_ORIGINS.join(', ')}, the default`
    : `now: this server's own pages and ${allowed.join(', ')}`;
}

/**
 * @example
 * for (const line of startupNotes(config, running.url)) console.log(line);
 */
export function startupNotes(config: Pick<ServerConfig, 'allowedOrigins' | 'adminToken'>, url: string): string[] {
  const notes = [`sites allowed to embed the chat (ALLOWED_ORIGINS), ${describeOrigins(config.allowedOrigins)}`];
  if (config.adminToken === null) {
    notes.push(`staff page ${url}/admin is closed: ADMIN_TOKEN is not set. To open it, start with ADMIN_TOKEN=$(openssl rand -hex 24) npm start`);
  } else {
    notes.push(`staff page: ${url}/admin (sign in with ADMIN_TOKEN)`);
  }
  return notes;
}
