import { afterEach, describe, expect, it } from 'vitest';
import { oracleSprints, reportBody } from '@finops/oracle';
import { createTestApp, runbookWindow, withQuery } from './_reference.js';
import { startServer, type RunningServer } from './server.js';

describe('startServer', () => {
  let server: RunningServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('listens on loopback on a free port when given port 0', async () => {
    const { app } = await createTestApp({ seed: false });

    server = await startServer(app, { port: 0 });

    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    const response = await fetch(`http://127.0.0.1:${server.port}/healthz`, {
      signal: AbortSignal.timeout(5_000),
    });
    expect(await response.json()).toEqual({ status: 'ok', version: null });
  });

  it('serves the same report bytes as app.request', async () => {
    const { app } = await createTestApp();
    server = await startServer(app, { port: 0 });
    const path = withQuery('/api/v1/telemetry/finops/sprints', runbookWindow);

    const response = await fetch(`http://127.0.0.1:${server.port}${path}`, {
      signal: AbortSignal.timeout(5_000),
    });

    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.text()).toBe(reportBody(oracleSprints));
  });

  it('streams a CSV export over HTTP with its download headers', async () => {
    const { app } = await createTestApp();
    server = await startServer(app, { port: 0 });

    const response = await fetch(
      `http://127.0.0.1:${server.port}/api/v1/telemetry/export?format=csv`,
      {
        signal: AbortSignal.timeout(5_000),
      },
    );
    const text = await response.text();

    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="telemetry_export_2025-10-22.csv"',
    );
    expect(text.split('\r\n')).toHaveLength(44);
  });

  it('rejects when the port is taken', async () => {
    const { app } = await createTestApp({ seed: false });
    server = await startServer(app, { port: 0 });

    await expect(startServer(app, { port: server.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });

  it('stops accepting connections once closed', async () => {
    const { app } = await createTestApp({ seed: false });
    const running = await startServer(app, { port: 0 });

    await running.close();

    await expect(
      fetch(`http://127.0.0.1:${running.port}/healthz`, { signal: AbortSignal.timeout(5_000) }),
    ).rejects.toThrow();
  });
});
