import {
  filterQuerySchema,
  laneCostSchema,
  paretoEntrySchema,
  pullRequestReportSchema,
  reportDocumentSchema,
  reportQuerySchema,
  runsPageSchema,
  runsQuerySchema,
  sprintReportSchema,
  timeseriesPointSchema,
} from '@finops/reports';
import { ingestResultSchema } from '@finops/store';
import { z } from 'zod';
import { errorBodySchema } from './http-errors.js';

/** One documented route: what it takes and what it answers. */
interface RouteDoc {
  method: 'get' | 'post';
  path: string;
  summary: string;
  query?: z.ZodType;
  /** Extra query parameters that are not part of a shared schema. */
  extraQuery?: Record<string, z.ZodType>;
  ok: { description: string; content: Record<string, z.ZodType | null> };
  errors: number[];
  security?: boolean;
  body?: Record<string, z.ZodType>;
}

const json = (schema: z.ZodType) => ({ 'application/json': schema });

/** Every route of the API, documented from the zod schemas its handlers use. */
export const routeDocs: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness',
    ok: {
      description: 'The service is up',
      content: json(z.object({ status: z.literal('ok'), version: z.string().nullable() })),
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    ok: { description: 'OpenAPI 3.1 document', content: { 'application/json': null } },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/telemetry/finops/sprints',
    summary: 'Sprint reports, newest first',
    query: reportQuerySchema,
    ok: { description: 'Sprint reports', content: json(reportDocumentSchema(sprintReportSchema)) },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/telemetry/finops/pull-requests',
    summary: 'Pull-request reports per provider route, highest cost first',
    query: reportQuerySchema,
    ok: {
      description: 'Pull-request reports',
      content: json(reportDocumentSchema(pullRequestReportSchema)),
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/telemetry/finops/report.html',
    summary: 'FinOps report page: sprint and pull-request reports and a daily cost chart',
    query: reportQuerySchema,
    ok: {
      description: 'One self-contained UTF-8 HTML page: no script, no external resource',
      content: { 'text/html': z.string() },
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/telemetry/timeseries',
    summary: 'Totals per UTC day and provider',
    query: filterQuerySchema,
    ok: { description: 'Daily points', content: json(reportDocumentSchema(timeseriesPointSchema)) },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/telemetry/pareto',
    summary: 'Provider routes, highest cost first',
    query: filterQuerySchema,
    ok: { description: 'Routes by cost', content: json(reportDocumentSchema(paretoEntrySchema)) },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/telemetry/runs',
    summary: 'Events newest first, cursor paging',
    query: runsQuerySchema,
    ok: { description: 'One page of runs', content: json(runsPageSchema) },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/telemetry/lane-costs',
    summary: 'Totals per lane',
    query: filterQuerySchema,
    ok: { description: 'Lane totals', content: json(reportDocumentSchema(laneCostSchema)) },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/telemetry/export',
    summary: 'The filtered events as a CSV, HTML or JSON download',
    query: filterQuerySchema,
    extraQuery: {
      format: z.enum(['csv', 'html', 'json']).default('csv'),
      bom: z
        .enum(['1', '0', 'true', 'false'])
        .meta({ description: 'CSV only: start with a UTF-8 BOM' }),
    },
    ok: {
      description: 'The export document (Content-Disposition: attachment)',
      content: {
        'text/csv': z.string(),
        'text/html': z.string(),
        'application/json': z.array(z.record(z.string(), z.unknown())),
      },
    },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/v1/telemetry/events',
    summary:
      'Ingest events (JSON array, dataset document or NDJSON); absent unless FINOPS_API_TOKEN is set',
    body: { 'application/json': z.unknown(), 'application/x-ndjson': z.string() },
    ok: { description: 'The ingest result', content: json(ingestResultSchema) },
    errors: [400, 401, 404, 413],
    security: true,
  },
];

const errorDescriptions: Record<number, string> = {
  400: 'Invalid parameter or body; `parameter` names it',
  401: 'Missing or wrong bearer token',
  404: 'No such route (the ingest route is absent without a configured token)',
  413: 'Request body too large',
};

/** Builds the OpenAPI 3.1 document of the API from {@link routeDocs}. */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeDocs) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'FinOps telemetry API',
      version,
      description: 'Reports, exports and ingestion of LLM/tool call telemetry.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: schemaOf(errorBodySchema) },
    },
  };
}

function operation(route: RouteDoc) {
  const responses: Record<string, unknown> = {
    200: {
      description: route.ok.description,
      content: Object.fromEntries(
        Object.entries(route.ok.content).map(([type, schema]) => [
          type,
          schema ? { schema: schemaOf(schema) } : {},
        ]),
      ),
    },
  };
  for (const status of [...route.errors, 500]) {
    responses[status] = {
      description: errorDescriptions[status] ?? 'Unexpected failure',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    summary: route.summary,
    operationId: `${route.method}${route.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    parameters: queryParameters(route),
    ...(route.body && {
      requestBody: {
        required: true,
        content: Object.fromEntries(
          Object.entries(route.body).map(([t, s]) => [t, { schema: schemaOf(s) }]),
        ),
      },
    }),
    ...(route.security && { security: [{ bearer: [] }] }),
    responses,
  };
}

function queryParameters(route: RouteDoc) {
  const properties: Record<string, Record<string, unknown>> = {};
  if (route.query) Object.assign(properties, schemaOf(route.query)['properties'] as object);
  for (const [name, schema] of Object.entries(route.extraQuery ?? {}))
    properties[name] = schemaOf(schema);

  return Object.entries(properties).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return {
      name,
      in: 'query',
      required: false,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function schemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}
