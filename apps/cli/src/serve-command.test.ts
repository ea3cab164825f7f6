import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  cliEntry,
  ensureCliBuilt,
  runbookFlags,
  runbookQuery,
  runFinops,
  seedReferenceDatabase,
  spawnFinops,
  useTempDir,
} from './_cli.js';
import { oracleSprints, reportBody } from '@finops/oracle';

/** A port nothing listens on right now. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  baseUrl: string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `finops serve` and resolves once it says where it listens (at most 15 s). */
function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [cliEntry, 'serve', ...args], {
    env: { PATH: process.env['PATH'], ...env },
  });
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`finops serve did not start: ${stderr}`));
    }, 15_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /finops API on (http:\/\/127\.0\.0\.1:\d+) /.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, baseUrl: match[1], stderr: () => stderr, exited });
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`finops serve exited before listening: ${stderr}`));
    });
  });
}

function get(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });
}

describe('finops serve', () => {
  const temp = useTempDir('serve');
  let db = '';
  const started: ServeProcess[] = [];

  async function serve(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
    const server = await startServe(
      ['--db', db, '--port', String(await findFreePort()), ...args],
      env,
    );
    started.push(server);
    return server;
  }

  beforeAll(async () => {
    ensureCliBuilt();
    db = join(temp.dir, 'ref.db');
    await seedReferenceDatabase(db);
  });
  afterEach(async () => {
    for (const server of started.splice(0)) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    }
  });

  it('answers /healthz and the sprints route with the CLI JSON, then exits 0 promptly on SIGTERM', async () => {
    const server = await serve();

    const health = await get(`${server.baseUrl}/healthz`);
    const sprints = await get(
      `${server.baseUrl}/api/v1/telemetry/finops/sprints?${new URLSearchParams(
        runbookQuery,
      ).toString()}`,
    );
    const cli = await runFinops(['report', 'sprints', '--db', db, ...runbookFlags]);

    expect(await health.json()).toEqual({ status: 'ok', version: '0.1.0' });
    expect(sprints.status).toBe(200);
    expect(await sprints.text()).toBe(cli.stdout);
    expect(cli.stdout).toBe(reportBody(oracleSprints));

    const stoppedAt = Date.now();
    server.child.kill('SIGTERM');
    const exit = await server.exited;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect(server.stderr()).toContain('SIGTERM: finishing open requests\n');
    expect(server.stderr()).not.toMatch(/\n\s+at /);
  });

  it('listens on 127.0.0.1 and logs each request on stderr without colour codes', async () => {
    const server = await serve();

    await (await get(`${server.baseUrl}/healthz`)).text();
    server.child.kill('SIGINT');
    const exit = await server.exited;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.stderr()).toMatch(
      /^finops API on http:\/\/127\.0\.0\.1:\d+ \(database .+\); Ctrl-C stops it\n/,
    );
    expect(server.stderr()).toContain('GET /healthz');
    expect(server.stderr()).not.toContain('\u001b[');
  });

  it('has no ingest route without FINOPS_API_TOKEN', async () => {
    const server = await serve();

    const response = await get(`${server.baseUrl}/api/v1/telemetry/events`, {
      method: 'POST',
      body: '[]',
    });

    expect(response.status).toBe(404);
  });

  it('ingests over HTTP with the FINOPS_API_TOKEN bearer token', async () => {
    const server = await serve([], { FINOPS_API_TOKEN: 'serve-test-token' });
    const url = `${server.baseUrl}/api/v1/telemetry/events`;
    const body = JSON.stringify([
      { provider_id: 'claude', tool: 'opus', ts: '2025-10-22T10:00:00Z' },
    ]);

    const refused = await get(url, { method: 'POST', body });
    const accepted = await get(url, {
      method: 'POST',
      body,
      headers: { authorization: 'Bearer serve-test-token' },
    });

    expect(refused.status).toBe(401);
    expect(await accepted.json()).toEqual({
      inserted: 1,
      duplicates: 0,
      rejected: 0,
      rejections: [],
    });
  });

  it('exits 1 in one line when the port is taken', async () => {
    const server = await serve();
    const port = new URL(server.baseUrl).port;

    const run = await spawnFinops(['serve', '--db', db, '--port', port], { timeoutMs: 15_000 });

    expect(run).toEqual({
      code: 1,
      signal: null,
      stdout: '',
      stderr: `finops: cannot listen on 127.0.0.1:${port}: EADDRINUSE\n`,
    });
  });

  it.each(['abc', '-1', '65536', '80.5'])('refuses --port %s in one line', async (port) => {
    const run = await runFinops(['serve', '--db', db, '--port', port]);

    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `finops: --port must be a whole number 0-65535, got "${port}"\n`,
    });
  });
});
