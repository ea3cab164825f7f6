import { spawn } from 'node:child_process';
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
export async function measureApi(cliPath: string, dbPath: string, seconds: number): Promise<ApiMeasurement> {
  const server = spawn(process.execPath, [cliPath, 'serve', '--db', dbPath, '--port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    const port = await waitForListening(server.stderr);
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

/** Resolves with the port once the server says where it listens. */
function waitForListening(stderr: NodeJS.ReadableStream): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('finops serve did not start within 10 s')), 10_000);
    let text = '';
    stderr.on('data', (chunk: Buffer) => {
      text += String(chunk);
      const match = /finops API on http:\/\/127\.0\.0\.1:(\d+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
}
