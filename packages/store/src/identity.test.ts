import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { normalizeEventRecord } from './event-record.js';
import { identityKey } from './identity.js';

function keyOf(raw: Record<string, unknown>): string {
  const result = normalizeEventRecord(raw);
  if (!result.ok) throw new Error(result.reason);
  return identityKey(result.event).toString('hex');
}

const event = {
  provider_id: 'codex',
  tool: 'codex.cli',
  route: 'economy',
  ts: '2025-10-21T14:00:00Z',
  tokens_in: 128,
  tokens_out: 64,
  duration_ms: 250,
  status: 'success',
  cost_estimated_usd: 0.1,
  metadata: { consumer: 'cli-core', trace: { id: 'a', span: 2 } },
  experiment_cohort: 'canary',
  experiment_tag: 'v2',
};

describe('identityKey', () => {
  it('is a SHA-256 digest', () => {
    expect(keyOf(event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['another offset', { ts: '2025-10-21T11:00:00-03:00' }],
    ['a naive timestamp', { ts: '2025-10-21T14:00:00' }],
    [
      'another metadata key order',
      { metadata: { trace: { span: 2, id: 'a' }, consumer: 'cli-core' } },
    ],
    ['a status synonym', { status: ' OK ' }],
    ['a numeric string count', { tokens_in: '128' }],
    ['a fractional duration', { duration_ms: 250.9 }],
  ])('is the same for the event written with %s', (_case, change) => {
    expect(keyOf({ ...event, ...change })).toBe(keyOf(event));
  });

  it.each([
    ['another instant', { ts: '2025-10-21T14:00:00.001Z' }],
    ['another provider', { provider_id: 'gemini' }],
    ['another route', { route: null }],
    ['another token count', { tokens_out: 65 }],
    ['another status', { status: 'retry' }],
    ['no reported cost', { cost_estimated_usd: null }],
    ['a zero cost', { cost_estimated_usd: 0 }],
    ['other metadata', { metadata: { consumer: 'cli-core' } }],
    ['another cohort', { experiment_cohort: 'baseline' }],
    ['another tag', { experiment_tag: null }],
  ])('differs for %s', (_case, change) => {
    expect(keyOf({ ...event, ...change })).not.toBe(keyOf(event));
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: { d: 2, c: 3 } }, '{"a":{"c":3,"d":2},"b":1}'],
    [[{ b: 1, a: 2 }], '[{"a":2,"b":1}]'],
    [{}, '{}'],
    ['text', '"text"'],
  ])('renders %j as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});
