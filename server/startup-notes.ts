/**
 * What the server says when it starts, besides "listening": the settings a
 * newcomer trips on (which sites may embed the chat; how staff sign in), each
 * with how to change it.
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
  notes.push(
    `staff page ${url}/admin: staff sign in with their own accounts; make the first with ` +
      `"npm run staff -- add you@clinic.example --role admin" (the password is read from standard input)`,
  );
  notes.push(
    config.adminToken === null
      ? 'ADMIN_TOKEN is not set, so scripts cannot call the staff API with a bearer token'
      : 'scripts may call the staff API with Authorization: Bearer ADMIN_TOKEN (audited as the token)',
  );
  return notes;
}
