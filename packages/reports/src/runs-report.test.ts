import type { Provider, StoredEvent } from '@finops/store';
import { describe, expect, it } from 'vitest';
import { encodeRunsCursor } from './runs-cursor.js';
import { computeRunsPage } from './runs-report.js';

const providers: Provider[] = [{ id: 'glm46', name: 'GLM-4.6', lane: 'turbo' }];

function storedEvent(seq: number, costNanos: bigint | null): StoredEvent {
  return {
    seq,
    ts: Date.parse('2025-10-21T14:00:00Z') - seq * 60_000,
    provider_id: 'glm46',
    tool: 'glm46.chat',
    route: 'default',
    tokens_in: 3_840,
    tokens_out: 1_600,
    duration_ms: 960,
    status: 'success',
    cost_estimated_usd: null,
    cost_nanos: costNanos,
    metadata: '{"project":"atlas"}',
    experiment_cohort: 'baseline',
    experiment_tag: 'route-a',
    source_file: null,
    line_number: null,
    ingested_at: 0,
  };
}

describe('computeRunsPage', () => {
  it('shapes each run with its provider, instant, priced cost and parsed metadata', () => {
    expect(computeRunsPage([storedEvent(0, 8_700_000_000n)], providers, 20)).toEqual({
      items: [
        {
          id: 0,
          provider_id: 'glm46',
          provider_name: 'GLM-4.6',
          route: 'default',
          lane: 'turbo',
          ts: '2025-10-21T14:00:00Z',
          tokens_in: 3_840,
          tokens_out: 1_600,
          duration_ms: 960,
          status: 'success',
          cost_usd: 8.7,
          metadata: { project: 'atlas' },
          experiment_cohort: 'baseline',
          experiment_tag: 'route-a',
        },
      ],
      next_cursor: null,
    });
  });

  it('shows an unpriced run with a null cost', () => {
    expect(computeRunsPage([storedEvent(3, null)], providers, 20).items[0]?.cost_usd).toBeNull();
  });

  it('hands out a cursor at the last item when one more event exists', () => {
    const events = [storedEvent(1, 0n), storedEvent(2, 0n), storedEvent(3, 0n)];

    const page = computeRunsPage(events, providers, 2);

    expect(page.items.map((run) => run.id)).toEqual([1, 2]);
    expect(page.next_cursor).toBe(encodeRunsCursor({ ts: events[1]?.ts ?? 0, seq: 2 }));
  });

  it('has no cursor on the last page', () => {
    expect(
      computeRunsPage([storedEvent(1, 0n), storedEvent(2, 0n)], providers, 2).next_cursor,
    ).toBeNull();
  });
});
