import { createHash, timingSafeEqual } from 'node:crypto';
import { ingestText, type TelemetryStore } from '@finops/store';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './http-errors.js';

/** Options of the ingest route. */
export interface EventsRouteOptions {
  /** Bearer token callers must present; without one the route does not exist. */
  token: string;
  /** Largest accepted body in bytes. */
  maxBodyBytes: number;
  now: () => number;
}

/**
 * `POST /telemetry/events`: ingests a JSON array, a dataset document or NDJSON and answers the
 * ingest result. Requires `Authorization: Bearer <token>`.
 */
export function eventsRoute(store: TelemetryStore, options: EventsRouteOptions): Hono {
  const routes = new Hono();
  const expected = digest(options.token);

  routes.post(
    '/telemetry/events',
    async (c, next) => {
      const header = c.req.header('authorization') ?? '';
      const presented = /^Bearer\s+(.+)$/i.exec(header)?.[1] ?? '';
      if (!timingSafeEqual(digest(presented), expected)) {
        throw new ApiError(
          'API_UNAUTHORIZED',
          'a valid "Authorization: Bearer <token>" header is required',
          'authorization',
        );
      }
      await next();
    },
    bodyLimit({
      maxSize: options.maxBodyBytes,
      onError: () => {
        throw new ApiError(
          'API_BODY_TOO_LARGE',
          `request body exceeds ${options.maxBodyBytes} bytes`,
          'body',
        );
      },
    }),
    async (c) => {
      const text = await c.req.text();
      if (text.trim() === '')
        throw new ApiError('API_INVALID_BODY', 'the request body is empty', 'body');

      const result = await ingestText(store, text, { source: 'api', now: options.now });
      return c.json(result, 200);
    },
  );

  return routes;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
