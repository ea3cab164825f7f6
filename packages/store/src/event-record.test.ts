import { describe, expect, it } from 'vitest';
import {
  normalizeEventRecord,
  type NormalizedEvent,
  type NormalizeOptions,
} from './event-record.js';

const base = { provider_id: 'codex', tool: 'codex.cli', ts: '2025-10-21T14:00:00Z' };
const TS = 1761055200000;

function normalized(raw: Record<string, unknown>, options?: NormalizeOptions): NormalizedEvent {
  const result = normalizeEventRecord(raw, options);
  if (!result.ok) throw new Error(`unexpected rejection of ${result.field}: ${result.reason}`);
  return result.event;
}

function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

describe('normalizeEventRecord', () => {
  it('normalizes a complete record', () => {
    const event = normalized({
      provider_id: 'gemini',
      tool: 'gemini.chat',
      route: 'balanced',
      tokens_in: 4200,
      tokens_out: 1900,
      duration_ms: 890,
      status: 'success',
      cost_estimated_usd: 9.6,
      ts: '2025-10-08T13:00:00+00:00',
      metadata: { trace_id: 'gem-000', consumer: 'growth-team' },
      experiment_cohort: 'canary',
      experiment_tag: 'prompt-v3',
    });

    expect(event).toEqual({
      ts: 1759928400000,
      provider_id: 'gemini',
      tool: 'gemini.chat',
      route: 'balanced',
      tokens_in: 4200,
      tokens_out: 1900,
      duration_ms: 890,
      status: 'success',
      cost_estimated_usd: 9.6,
      metadata: '{"consumer":"growth-team","trace_id":"gem-000"}',
      experiment_cohort: 'canary',
      experiment_tag: 'prompt-v3',
      event_id: null,
      cache_read_tokens: 0,
      cache_write_tokens: 0,
    });
  });

  it('fills the defaults of a minimal record', () => {
    expect(normalized(base)).toEqual({
      ts: TS,
      provider_id: 'codex',
      tool: 'codex.cli',
      route: null,
      tokens_in: 0,
      tokens_out: 0,
      duration_ms: 0,
      status: 'unknown',
      cost_estimated_usd: null,
      metadata: '{}',
      experiment_cohort: null,
      experiment_tag: null,
      event_id: null,
      cache_read_tokens: 0,
      cache_write_tokens: 0,
    });
  });
});

describe('normalizeEventRecord key synonyms', () => {
  it.each([
    ['ts', 'ts', '2025-10-21T11:00:00-03:00', TS],
    ['ts', 'timestamp', '2025-10-21T11:00:00-03:00', TS],
    ['ts', 'time', '2025-10-21T11:00:00-03:00', TS],
    ['ts', 'created_at', '2025-10-21T11:00:00-03:00', TS],
    ['ts', 'logged_at', '2025-10-21T11:00:00-03:00', TS],
    ['tool', 'tool', 'o4-mini', 'o4-mini'],
    ['tool', 'model', 'o4-mini', 'o4-mini'],
    ['tool', 'name', 'o4-mini', 'o4-mini'],
    ['tool', 'service', 'o4-mini', 'o4-mini'],
    ['tool', 'target', 'o4-mini', 'o4-mini'],
    ['route', 'route', 'economy', 'economy'],
    ['route', 'profile', 'economy', 'economy'],
    ['route', 'target_route', 'economy', 'economy'],
    ['route', 'route_id', 'economy', 'economy'],
    ['status', 'status', 'Passed', 'success'],
    ['status', 'state', 'Passed', 'success'],
    ['status', 'result', 'Passed', 'success'],
    ['tokens_in', 'tokens_in', 128, 128],
    ['tokens_in', 'input_tokens', 128, 128],
    ['tokens_in', 'prompt_tokens', 128, 128],
    ['tokens_in', 'request_tokens', 128, 128],
    ['tokens_out', 'tokens_out', 64, 64],
    ['tokens_out', 'output_tokens', 64, 64],
    ['tokens_out', 'completion_tokens', 64, 64],
    ['tokens_out', 'response_tokens', 64, 64],
    ['duration_ms', 'duration_ms', 250, 250],
    ['duration_ms', 'latency_ms', 250, 250],
    ['duration_ms', 'latencyMs', 250, 250],
    ['duration_ms', 'elapsed_ms', 250, 250],
    ['duration_ms', 'elapsedMs', 250, 250],
    ['cost_estimated_usd', 'cost_estimated_usd', 0.42, 0.42],
    ['cost_estimated_usd', 'cost_usd', 0.42, 0.42],
    ['cost_estimated_usd', 'estimated_cost_usd', 0.42, 0.42],
    ['cost_estimated_usd', 'total_cost_usd', 0.42, 0.42],
    ['cost_estimated_usd', 'price_usd', 0.42, 0.42],
    ['metadata', 'metadata', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['metadata', 'details', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['metadata', 'extra', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['metadata', 'info', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['experiment_cohort', 'experiment_cohort', 'canary', 'canary'],
    ['experiment_cohort', 'cohort', 'canary', 'canary'],
    ['experiment_cohort', 'experimentCohort', 'canary', 'canary'],
    ['experiment_cohort', 'experiment_cohort_id', 'canary', 'canary'],
    ['experiment_tag', 'experiment_tag', 'v3', 'v3'],
    ['experiment_tag', 'tag', 'v3', 'v3'],
    ['experiment_tag', 'variant', 'v3', 'v3'],
    ['experiment_tag', 'experimentVariant', 'v3', 'v3'],
  ])('reads %s from the key %s', (field, key, value, expected) => {
    const raw = { ...without(base, field), [key]: value };

    expect(normalized(raw)[field as keyof NormalizedEvent]).toEqual(expected);
  });

  it.each([
    [
      'ts',
      ['ts', 'timestamp', 'time', 'created_at', 'logged_at'],
      (i: number) => `2025-10-2${i}T00:00:00Z`,
      1761004800000,
    ],
    ['tool', ['tool', 'model', 'name', 'service', 'target'], (i: number) => `tool-${i}`, 'tool-1'],
    [
      'route',
      ['route', 'profile', 'target_route', 'route_id'],
      (i: number) => `route-${i}`,
      'route-1',
    ],
    ['status', ['status', 'state', 'result'], (i: number) => `state-${i}`, 'state-1'],
    [
      'tokens_in',
      ['tokens_in', 'input_tokens', 'prompt_tokens', 'request_tokens'],
      (i: number) => i,
      1,
    ],
    [
      'tokens_out',
      ['tokens_out', 'output_tokens', 'completion_tokens', 'response_tokens'],
      (i: number) => i,
      1,
    ],
    [
      'duration_ms',
      ['duration_ms', 'latency_ms', 'latencyMs', 'elapsed_ms', 'elapsedMs'],
      (i: number) => i,
      1,
    ],
    [
      'cost_estimated_usd',
      ['cost_estimated_usd', 'cost_usd', 'estimated_cost_usd', 'total_cost_usd', 'price_usd'],
      (i: number) => i,
      1,
    ],
    ['metadata', ['metadata', 'details', 'extra', 'info'], (i: number) => ({ n: i }), '{"n":1}'],
    [
      'experiment_cohort',
      ['experiment_cohort', 'cohort', 'experimentCohort', 'experiment_cohort_id'],
      (i: number) => `c${i}`,
      'c1',
    ],
    [
      'experiment_tag',
      ['experiment_tag', 'tag', 'variant', 'experimentVariant'],
      (i: number) => `t${i}`,
      't1',
    ],
  ])('takes %s from the first present key of %j', (field, keys, valueOf, expected) => {
    const raw: Record<string, unknown> = { provider_id: 'codex', tool: 'codex.cli', ts: base.ts };
    if (field === 'tool' || field === 'ts') delete raw[field];
    // Written in reverse, so the spec's order wins and not the order of the keys in the text.
    [...keys].reverse().forEach((key) => {
      raw[key] = valueOf(keys.indexOf(key) + 1);
    });

    expect(normalized(raw)[field as keyof NormalizedEvent]).toEqual(expected);
  });

  it('skips a null synonym and takes the next present one', () => {
    const event = normalized({
      ...base,
      tool: null,
      model: 'o4',
      cost_estimated_usd: null,
      cost_usd: 0.5,
    });

    expect([event.tool, event.cost_estimated_usd]).toEqual(['o4', 0.5]);
  });

  it('takes the first metadata synonym whose value is an object', () => {
    const event = normalized({
      ...base,
      metadata: 'text',
      details: ['x'],
      extra: { project: 'atlas' },
      info: { a: 1 },
    });

    expect(event.metadata).toBe('{"project":"atlas"}');
  });
});

describe('normalizeEventRecord experiment lookup', () => {
  it.each([
    ['experiment', 'experiment_cohort'],
    ['experiment', 'cohort'],
    ['experiment', 'experimentCohort'],
    ['experiment', 'experiment_cohort_id'],
    ['experiment_context', 'experiment_cohort'],
    ['experiment_context', 'cohort'],
    ['experiment_context', 'experimentCohort'],
    ['experiment_context', 'experiment_cohort_id'],
    ['experimentMetadata', 'experiment_cohort'],
    ['experimentMetadata', 'cohort'],
    ['experimentMetadata', 'experimentCohort'],
    ['experimentMetadata', 'experiment_cohort_id'],
  ])('reads the cohort from %s.%s before the top level and metadata', (container, key) => {
    const event = normalized({
      ...base,
      [container]: { [key]: 'from-container' },
      experiment_cohort: 'from-top',
      metadata: { experiment_cohort: 'from-metadata' },
    });

    expect(event.experiment_cohort).toBe('from-container');
  });

  it.each([
    ['experiment', 'experiment_tag'],
    ['experiment', 'tag'],
    ['experiment', 'variant'],
    ['experiment', 'experimentVariant'],
    ['experiment_context', 'tag'],
    ['experimentMetadata', 'variant'],
  ])('reads the tag from %s.%s before the top level and metadata', (container, key) => {
    const event = normalized({
      ...base,
      [container]: { [key]: 'from-container' },
      tag: 'from-top',
      metadata: { variant: 'from-metadata' },
    });

    expect(event.experiment_tag).toBe('from-container');
  });

  it.each([
    [
      {
        experiment: { cohort: 'a' },
        experiment_context: { cohort: 'b' },
        experimentMetadata: { cohort: 'c' },
      },
      'a',
    ],
    [{ experiment_context: { cohort: 'b' }, experimentMetadata: { cohort: 'c' } }, 'b'],
    [{ experiment: { tag: 'x' }, experiment_context: { cohort: 'b' } }, 'b'],
    [{ experiment: 'not-an-object', experimentMetadata: { cohort: 'c' } }, 'c'],
    [{ experiment: {}, cohort: 'top', metadata: { cohort: 'meta' } }, 'top'],
    [{ metadata: { experimentCohort: 'meta' } }, 'meta'],
    [{ experiment: { cohort: null }, experiment_cohort_id: 'top' }, 'top'],
  ])(
    'looks the cohort up in the containers in order, then top level, then metadata: %j',
    (extra, cohort) => {
      expect(normalized({ ...base, ...extra }).experiment_cohort).toBe(cohort);
    },
  );

  it('reads cohort and tag independently of each other', () => {
    const event = normalized({
      ...base,
      experiment: { cohort: 'canary' },
      metadata: { tag: 'v2' },
    });

    expect([event.experiment_cohort, event.experiment_tag]).toEqual(['canary', 'v2']);
  });
});

describe('normalizeEventRecord status', () => {
  it.each([
    ['ok', 'success'],
    ['completed', 'success'],
    ['success', 'success'],
    ['succeeded', 'success'],
    ['pass', 'success'],
    ['passed', 'success'],
    ['failed', 'error'],
    ['failure', 'error'],
    ['error', 'error'],
    ['exception', 'error'],
    ['denied', 'denied'],
    ['blocked', 'denied'],
    ['', 'unknown'],
    ['  ', 'unknown'],
    ['Retry', 'retry'],
    [' TIMEOUT ', 'timeout'],
  ])('stores the status %j as %j', (status, expected) => {
    expect(normalized({ ...base, status }).status).toBe(expected);
  });

  it.each([
    [{}, undefined, 'unknown'],
    [{ status: null }, undefined, 'unknown'],
    [{}, 'success', 'success'],
    [{ status: 'failed' }, 'success', 'error'],
    [{ status: '' }, 'success', 'unknown'],
  ])('completes %j with the default status %j as %j', (extra, defaultStatus, expected) => {
    expect(normalized({ ...base, ...extra }, { defaultStatus }).status).toBe(expected);
  });
});

describe('normalizeEventRecord values', () => {
  it.each([
    ['tokens_in', '128', 128],
    ['tokens_in', ' 128 ', 128],
    ['tokens_in', 1e3, 1000],
    ['tokens_in', 9007199254740991, 9007199254740991],
    ['tokens_out', '9007199254740991', 9007199254740991],
    ['duration_ms', 250.7, 250],
    ['duration_ms', '250.7', 250],
    ['cost_estimated_usd', '9.6', 9.6],
    ['cost_estimated_usd', 0, 0],
    ['route', '', null],
    ['route', 7, '7'],
  ])('reads %s %j as %j', (field, value, expected) => {
    expect(normalized({ ...base, [field]: value })[field as keyof NormalizedEvent]).toEqual(
      expected,
    );
  });

  it('takes the provider from the options when the record has none', () => {
    expect(normalized(without(base, 'provider_id'), { providerId: 'glm46' }).provider_id).toBe(
      'glm46',
    );
  });

  it('keeps the provider of the record over the one of the options', () => {
    expect(normalized(base, { providerId: 'glm46' }).provider_id).toBe('codex');
  });
});

describe('normalizeEventRecord rejections', () => {
  it.each([
    [null, null, 'expected a JSON object, got null'],
    [[1, 2], null, 'expected a JSON object, got [1,2]'],
    [42, null, 'expected a JSON object, got 42'],
    ['x', null, 'expected a JSON object, got "x"'],
  ])('refuses %j as a whole', (raw, field, reason) => {
    expect(normalizeEventRecord(raw)).toEqual({ ok: false, field, reason });
  });

  it.each([
    [{ ts: undefined }, 'ts', 'is required'],
    [{ ts: 1761055200000 }, 'ts', 'expected an ISO 8601 text, got 1761055200000'],
    [{ ts: '2025-02-30T00:00:00Z' }, 'ts', 'impossible date 2025-02-30'],
    [{ ts: '1969-12-31T23:59:59Z' }, 'ts', 'is before 1970-01-01: "1969-12-31T23:59:59Z"'],
    [{ provider_id: undefined }, 'provider_id', 'is required'],
    [{ provider_id: ' ' }, 'provider_id', 'must not be empty'],
    [{ provider_id: 'p'.repeat(129) }, 'provider_id', 'must be at most 128 characters'],
    [{ provider_id: 7 }, 'provider_id', 'expected text, got 7'],
    [{ tool: undefined }, 'tool', 'is required'],
    [{ tool: 't'.repeat(257) }, 'tool', 'must be at most 256 characters'],
    [{ route: {} }, 'route', 'expected text, got {}'],
    [{ tokens_in: -1 }, 'tokens_in', 'must not be negative, got -1'],
    [{ tokens_in: 1.5 }, 'tokens_in', 'must be a whole number, got 1.5'],
    [{ tokens_in: '12a' }, 'tokens_in', 'expected a whole number, got "12a"'],
    [{ tokens_in: '-3' }, 'tokens_in', 'expected a whole number, got "-3"'],
    [{ tokens_in: true }, 'tokens_in', 'expected a whole number, got true'],
    [{ tokens_out: 9007199254740992 }, 'tokens_out', '9007199254740992 exceeds 2^53−1'],
    [{ tokens_out: '9007199254740993' }, 'tokens_out', '9007199254740993 exceeds 2^53−1'],
    [{ duration_ms: -5 }, 'duration_ms', 'must not be negative, got -5'],
    [
      { duration_ms: 'slow' },
      'duration_ms',
      'expected a finite number of milliseconds, got "slow"',
    ],
    [{ status: {} }, 'status', 'expected text, got {}'],
    [{ cost_estimated_usd: -0.5 }, 'cost_estimated_usd', 'must not be negative, got -0.5'],
    [{ cost_estimated_usd: Infinity }, 'cost_estimated_usd', 'must be finite, got Infinity'],
    [{ cost_estimated_usd: 'free' }, 'cost_estimated_usd', 'expected a number, got "free"'],
    [
      { cost_estimated_usd: 1e300 },
      'cost_estimated_usd',
      '1e+300 exceeds the largest storable cost, 9223372036.854775807',
    ],
    [{ experiment: { cohort: true } }, 'experiment_cohort', 'expected text, got true'],
    [{ tag: ['a'] }, 'experiment_tag', 'expected text, got ["a"]'],
  ])('refuses %j naming the field %s', (extra, field, reason) => {
    expect(normalizeEventRecord({ ...base, ...extra })).toEqual({ ok: false, field, reason });
  });
});
