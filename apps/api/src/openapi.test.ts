import { validate } from '@readme/openapi-parser';
import { openStore } from '@finops/store';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';

const app = createApp({ store: openStore(':memory:'), ingestToken: 'token', version: '1.2.3' });

async function loadDocument() {
  const response = await app.request('/openapi.json');
  return { status: response.status, document: (await response.json()) as Record<string, any> };
}

describe('GET /openapi.json', () => {
  it('validates as an OpenAPI 3.1 document', async () => {
    const { status, document } = await loadDocument();

    expect(status).toBe(200);
    expect(document['openapi']).toBe('3.1.0');
    expect(document['info']).toMatchObject({ title: 'FinOps telemetry API', version: '1.2.3' });
    await expect(
      validate(structuredClone(document) as Parameters<typeof validate>[0]),
    ).resolves.toMatchObject({ valid: true });
  });

  it('lists every route the app serves', async () => {
    const { document } = await loadDocument();
    const documented = Object.entries(document['paths'] as Record<string, object>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path}`);

    expect(new Set(documented)).toEqual(new Set(served));
  });

  it('describes report parameters from their schemas', async () => {
    const { document } = await loadDocument();
    const parameters = document['paths']['/api/v1/telemetry/finops/sprints'].get.parameters as {
      name: string;
      schema: object;
    }[];

    expect(parameters.map((parameter) => parameter.name)).toEqual([
      'start',
      'end',
      'provider_id',
      'lane',
      'route',
      'window_days',
      'limit',
      'locale',
      'attention_threshold',
      'regression_threshold',
    ]);
    expect(parameters.find((parameter) => parameter.name === 'lane')?.schema).toEqual({
      type: 'string',
      enum: ['economy', 'balanced', 'turbo'],
    });
    expect(parameters.find((parameter) => parameter.name === 'window_days')?.schema).toEqual({
      type: 'string',
      pattern: '^\\d+$',
      default: '7',
    });
  });

  it('documents the error body on every operation', async () => {
    const { document } = await loadDocument();
    const operations = Object.values(
      document['paths'] as Record<string, Record<string, any>>,
    ).flatMap(Object.values);

    for (const operation of operations) {
      expect(operation.responses['500'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/Error',
      });
    }
    expect(document['components'].schemas.Error.properties.error.required).toEqual([
      'code',
      'message',
      'parameter',
    ]);
  });
});
