import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from './io.js';
import { runCli } from './run-cli.js';

const datasetPath = new URL('../../../../shared/data/finops_events.json', import.meta.url).pathname;
let dir: string;

function collector() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function finops(...argv: string[]) {
  const out = collector();
  const err = collector();
  const io: CommandIo = { out: out.stream, err: err.stream, env: {}, exitCode: 0 };
  const code = await runCli(argv, io);
  return { code, stdout: out.text(), stderr: err.text() };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'finops-check-'));
  const flat = {
    events: Array.from({ length: 14 }, (_, index) => ({
      provider_id: 'codex',
      tool: 'codex.cli',
      route: 'economy',
      tokens_in: 1000,
      tokens_out: 500,
      cost_estimated_usd: 2.5,
      ts: `2025-10-${String(8 + index).padStart(2, '0')}T12:00:00Z`,
    })),
  };
  writeFileSync(join(dir, 'flat.json'), JSON.stringify(flat));
  expect((await finops('seed', '--dataset', datasetPath, '--db', join(dir, 'ref.db'))).code).toBe(
    0,
  );
  expect(
    (await finops('seed', '--dataset', join(dir, 'flat.json'), '--db', join(dir, 'flat.db'))).code,
  ).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('finops check', () => {
  it('exits 1 when the latest window regresses', async () => {
    const result = await finops('check', '--db', join(dir, 'ref.db'));

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FinOps check FAILED (fail on regression)');
    expect(result.stdout).toContain('  FAIL pull_request glm46:default: regression\n');
  });

  it('exits 0 when nothing regresses', async () => {
    const result = await finops('check', '--db', join(dir, 'flat.db'), '--fail-on', 'attention');

    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('FinOps check PASSED (fail on attention)');
  });

  it('prints Markdown tables ready for a pull-request comment', async () => {
    const result = await finops('check', '--db', join(dir, 'ref.db'), '--format', 'markdown');

    expect(result.stdout.split('\n').slice(0, 6)).toEqual([
      '## FinOps check: ❌ failed (1 at or past regression)',
      '',
      '### Sprint reports',
      '',
      '| Status | Sprint | Period | Cost (USD) | Previous (USD) | Δ cost | Runs |',
      '| --- | --- | --- | ---: | ---: | ---: | ---: |',
    ]);
  });

  it('fails on days without events only with --require-coverage', async () => {
    const window = ['--start', '2025-10-06T00:00:00Z', '--end', '2025-10-21T23:59:59Z'];
    const lenient = await finops(
      'check',
      '--db',
      join(dir, 'flat.db'),
      ...window,
      '--format',
      'json',
    );
    const strict = await finops(
      'check',
      '--db',
      join(dir, 'flat.db'),
      ...window,
      '--require-coverage',
    );

    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout).missing_days).toEqual(['2025-10-06', '2025-10-07']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('  FAIL coverage 2025-10-06,2025-10-07: missing_days\n');
  });

  it('reads thresholds and the fail level from a config file, flags winning', async () => {
    const config = join(dir, 'strict.json');
    writeFileSync(
      config,
      JSON.stringify({ fail_on: 'attention', regression_threshold: 0.5, attention_threshold: 0.2 }),
    );

    const fromConfig = await finops(
      'check',
      '--db',
      join(dir, 'ref.db'),
      '--config',
      config,
      '--format',
      'json',
    );
    const overridden = await finops(
      'check',
      '--db',
      join(dir, 'ref.db'),
      '--config',
      config,
      '--attention-threshold',
      '0.1',
    );

    expect(fromConfig.code).toBe(0);
    expect(
      JSON.parse(fromConfig.stdout).pull_requests.map((r: { status: string }) => r.status),
    ).toEqual(['on_track', 'on_track', 'on_track']);
    expect(overridden.code).toBe(1);
    expect(overridden.stdout).toContain('  FAIL pull_request glm46:default: attention\n');
  });

  it('names the bad key of a config file', async () => {
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ fail_on: 'sometimes' }));

    const result = await finops('check', '--db', join(dir, 'ref.db'), '--config', config);

    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/^finops: .*bad\.json: fail_on: /);
    expect(readFileSync(config, 'utf8')).toBe('{"fail_on":"sometimes"}');
  });
});
