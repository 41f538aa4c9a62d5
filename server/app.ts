import { Hono } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { MAX_BODY_BYTES, MAX_ENTRY_BYTES } from './api/limits.ts';
import type { AppDeps } from './deps.ts';
import { clientKey } from './http/client-ip.ts';
import { HttpError, jsonError } from './http/json-error.ts';
import { ownOrigins } from './http/own-origin.ts';
import { accessLog } from './middleware/access-log/index.ts';
import { bodyLimit } from './middleware/body-limit/index.ts';
import { contentType } from './middleware/content-type/index.ts';
import { cors, DEFAULT_ORIGINS } from './middleware/cors/index.ts';
import { describeOrigins } from './startup-notes.ts';
import { rateLimit } from './middleware/rate-limit/index.ts';
import { sameOrigin } from './middleware/same-origin/index.ts';
import { secureHeaders } from './middleware/secure-headers/index.ts';
import { adminApi } from './routes/admin-api.ts';
import { callbackApi } from './routes/callback.ts';
import { pages } from './routes/pages.ts';
import { publicApi } from './routes/public-api.ts';
import { staffLoginApi } from './routes/staff-session.ts';
import { widgetFiles } from './routes/widget-files.ts';
import { StorageUnavailableError } from './storage/errors.ts';
import { oneLine, throttledLog } from './throttled-log.ts';

const BODY_METHODS = ['POST', 'PATCH', 'PUT'];

/** The whole HTTP surface. `main.ts` serves it; tests start it on port 0. */
export function createApp(deps: AppDeps): Hono {
  const { config } = deps;
  const logError = throttledLog({ write: deps.logError ?? ((m: string) => console.error(m)) });
  const keyOf = clientKey(config.trustProxy);
  const limitStore = deps.limitStore ? { store: deps.limitStore } : {};
  const app = new Hono();

  app.use(accessLog({ ...(deps.logRequest ? { write: deps.logRequest } : {}), ...(deps.worker ? { worker: deps.worker } : {}) }));
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

  // A load balancer's probe: 503 takes this instance out of rotation while it cannot store requests.
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    const storage = await deps.storage.health();
    return storage.ok ? c.json({ ok: true }) : c.json({ ok: false, error: 'cannot store callback requests', reason: storage.reason }, 503);
  });
  app.route('/', pages(config.pagesDir));
  app.route('/', widgetFiles(config.widgetDir));

  app.use(
    '/api/*',
    cors({
      origins: config.allowedOrigins ?? DEFAULT_ORIGINS,
      ownOrigins: (c) => ownOrigins(c, config),
      onRefused: (origin, method, path) =>
        logError(`cors:${origin}`, `CORS: refused ${method} ${path} from ${origin}: add it to ALLOWED_ORIGINS to let that site use the chat (${describeOrigins(config.allowedOrigins)})`),
    }),
    // A zero limit turns every rate limit off (the contract's switch for RATE_LIMIT_PER_MINUTE).
    rateLimit({ limit: config.rateLimitPerMinute, key: keyOf, ...limitStore }),
    bodyLimit({ maxSize: (c) => (c.req.path.startsWith('/api/admin/entries/') ? MAX_ENTRY_BYTES : MAX_BODY_BYTES), methods: BODY_METHODS }),
    contentType({ methods: BODY_METHODS }),
  );
  app.use(
    '/api/callback',
    rateLimit({
      limit: config.rateLimitPerMinute === 0 ? 0 : config.callbackLimitPer10Minutes,
      windowMs: 10 * 60_000,
      key: keyOf,
      // Stored requests count; a 400 for a mistyped phone number does not.
      count: 'successful',
      ...limitStore,
    }),
  );
  app.route('/', publicApi(deps));
  app.route('/', callbackApi(deps));
  // Staff changes come only from the staff page (or a script with the bearer token).
  // A request with neither Origin nor Sec-Fetch-Site is no browser's, so it cannot be forged;
  // only a cookie-less one passes, so an old browser riding a session never does.
  app.use(
    '/api/admin/*',
    sameOrigin({
      origins: [new URL(config.publicUrl).origin],
      allowWithoutOrigin: (c) => c.req.header('authorization') !== undefined || c.req.header('cookie') === undefined,
    }),
  );
  app.route('/', staffLoginApi(deps));
  app.route('/', adminApi(deps));

  app.notFound((c) => jsonError(c, 404, 'not found'));
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(error.body, error.status);
    // Details to our own stderr only, one line each, throttled; the client learns nothing about internals.
    const where = `${c.req.method} ${c.req.path.slice(0, 200)}`;
    if (error instanceof StorageUnavailableError) {
      logError(`storage:${error.reason}`, `${where}: refused, ${oneLine(error)}`);
      c.header('Retry-After', '30');
      return jsonError(c, 503, 'cannot store or read requests right now; please call the clinic instead');
    }
    logError(`error:${error.name}:${error.message.slice(0, 100)}`, `${where} failed: ${oneLine(error)}`);
    return jsonError(c, 500, 'internal error');
  });
  return app;
}
