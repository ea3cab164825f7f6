import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface ApiMeasurement {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  seconds: number;
}

const RUNBOOK_QUERY = 'start=2025-10-08T00:00:00Z&end=2025-10-21T23:59:59Z&window_days=7';

/**
 * Serves the given database with `finops serve` on 127.0.0.1 and loads the sprints route for a
 * bounded time with autocannon from this process.
 */
export async function measureApi(
  cliPath: string,
  dbPath: string,
  seconds: number,
  logPath: string,
): Promise<ApiMeasurement> {
  // The request log goes to a file, as a deployed server's would, not through this process,
  // which must keep its CPU for the load generator.
  const log = openSync(logPath, 'w');
  const server = spawn(
    process.execPath,
    [cliPath, 'serve', '--db', dbPath, '--port', '0', '--host', '127.0.0.1'],
    {
      stdio: ['ignore', 'ignore', log],
    },
  );
  closeSync(log);
  try {
    const port = await waitForListening(logPath);
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/api/v1/telemetry/finops/sprints?${RUNBOOK_QUERY}`,
      connections: 10,
      duration: seconds,
    });
    return {
      requestsPerSecond: result.requests.average,
      p99Ms: result.latency.p99,
      errors: result.errors + result.non2xx,
      seconds,
    };
  } finally {
    server.kill('SIGTERM');
  }
}

/** Resolves with the port once the server's log says where it listens. */
async function waitForListening(logPath: string): Promise<number> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const match = /finops API on http:\/\/127\.0\.0\.1:(\d+)/.exec(readFileSync(logPath, 'utf8'));
    if (match) return Number(match[1]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('finops serve did not start within 10 s');
}
