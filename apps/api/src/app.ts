import type { TelemetryStore } from '@finops/store';
import { Hono, type Context } from 'hono';
import { logger } from 'hono/logger';
import { requestId } from 'hono/request-id';
import { eventsRoute } from './events-route.js';
import { exportRoute } from './export-route.js';
import { ApiError, toErrorResponse } from './http-errors.js';
import { buildOpenApiDocument } from './openapi.js';
import { reportPageRoute } from './report-page-route.js';
import { reportRoutes } from './report-routes.js';

/** Options of {@link createApp}. */
export interface CreateAppOptions {
  store: TelemetryStore;
  /** Token for `POST /api/v1/telemetry/events`; the route is absent without one. */
  ingestToken?: string;
  /** Largest ingest body in bytes (default 10 MiB). */
  maxBodyBytes?: number;
  /** Receives one line per request; no request logging without it. */
  log?: (line: string) => void;
  /** Receives unexpected failures (answered as 500) for diagnosis. */
  onInternalError?: (error: unknown) => void;
  /** Clock (epoch ms) for dated download names and `ingested_at`. */
  now?: () => number;
  version?: string;
}

/**
 * Builds the HTTP API: reports, exports and ingestion under `/api/v1`, `/healthz`. Every failure
 * answers `{"error": {"code", "message", "parameter"}}` with the status of its code.
 *
 * @example const app = createApp({ store: openStore(':memory:') }); await app.request('/healthz');
 */
export function createApp(options: CreateAppOptions): Hono {
  const now = options.now ?? Date.now;
  const app = new Hono();

  app.use('*', requestId());
  if (options.log) app.use('*', logger(options.log));

  app.get('/healthz', (c) => c.json({ status: 'ok', version: options.version ?? null }));
  const openApi = buildOpenApiDocument(options.version ?? '0.0.0');
  app.get('/openapi.json', (c) => c.json(openApi));

  const api = new Hono();
  api.route('/', reportRoutes(options.store));
  api.route('/', reportPageRoute(options.store));
  api.route('/', exportRoute(options.store, now));
  if (options.ingestToken) {
    api.route(
      '/',
      eventsRoute(options.store, {
        token: options.ingestToken,
        maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
        now,
      }),
    );
  }
  app.route('/api/v1', api);

  const answerError = (error: unknown, c: Context) => {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) options.onInternalError?.(error);
    return c.json(body, status);
  };
  app.notFound((c) =>
    answerError(new ApiError('API_NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`), c),
  );
  app.onError(answerError);

  return app;
}
