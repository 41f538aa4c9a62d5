import { Hono, type Context } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { AppDeps } from './deps.ts';
import { addressKey, clientAddress } from './http/client-ip.ts';
import { HttpError, jsonError } from './http/json-error.ts';
import { accessLog } from './middleware/access-log/index.ts';
import { bodyLimit } from './middleware/body-limit/index.ts';
import { contentType } from './middleware/content-type/index.ts';
import { cors, DEFAULT_ORIGINS } from './middleware/cors/index.ts';
import { describeOrigins } from './startup-notes.ts';
import { rateLimit } from './middleware/rate-limit/index.ts';
import { secureHeaders } from './middleware/secure-headers/index.ts';
import { adminApi } from './routes/admin-api.ts';
import { callbackApi } from './routes/callback.ts';
import { pages } from './routes/pages.ts';
import { publicApi } from './routes/public-api.ts';
import { widgetFiles } from './routes/widget-files.ts';

/** Largest JSON body any endpoint needs (a callback with a 500-character message is ~3 KB). */
const MAX_BODY_BYTES = 8 * 1024;
const BODY_METHODS = ['POST', 'PATCH'];

/** The whole HTTP surface. `main.ts` serves it; tests start it on port 0. */
export function createApp(deps: AppDeps): Hono {
  const { config } = deps;
  const logError = deps.logError ?? ((m: string) => console.error(m));
  const clientKey = (c: Context) => addressKey(clientAddress(c, config.trustProxy));
  const app = new Hono();

  app.use(accessLog(deps.logRequest ? { write: deps.logRequest } : {}));
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        c.header('Allow', methods.join(', '));
        return jsonError(c, 405, 'method not allowed', { allow: methods });
      },
    }),
  );
  app.use(secureHeaders());

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/', pages(config.pagesDir));
  app.route('/', widgetFiles(config.widgetDir));

  app.use(
    '/api/*',
    cors({
      origins: config.allowedOrigins ?? DEFAULT_ORIGINS,
      onRefused: (origin, method, path) =>
        logError(`CORS: refused ${method} ${path} from ${origin}: add it to ALLOWED_ORIGINS to let that site use the chat (${describeOrigins(config.allowedOrigins)})`),
    }),
    // A zero limit turns every rate limit off (the contract's switch for RATE_LIMIT_PER_MINUTE).
    rateLimit({ limit: config.rateLimitPerMinute, key: clientKey }),
    bodyLimit({ maxSize: MAX_BODY_BYTES, methods: BODY_METHODS }),
    contentType({ methods: BODY_METHODS }),
  );
  app.use(
    '/api/callback',
    rateLimit({
      limit: config.rateLimitPerMinute === 0 ? 0 : config.callbackLimitPer10Minutes,
      windowMs: 10 * 60_000,
      key: clientKey,
      // Stored requests count; a 400 for a mistyped phone number does not.
      count: 'successful',
    }),
  );
  app.route('/', publicApi(deps));
  app.route('/', callbackApi(deps));
  app.route('/', adminApi(deps));

  app.notFound((c) => jsonError(c, 404, 'not found'));
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(error.body, error.status);
    // Stack to our own stderr only; the client learns nothing about internals.
    logError(`${c.req.method} ${c.req.path} failed: ${error.stack ?? error.message}`);
    return jsonError(c, 500, 'internal error');
  });
  return app;
}
