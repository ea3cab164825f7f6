import type { Lane, ReportSource } from '@finops/store';
import { describe, expect, it } from 'vitest';
import { parseFilterQuery, resolveEventFilter } from './event-filter.js';

// Only the lane lookup is consulted when a filter is resolved.
const source = {
  providersInLane: async (lane: Lane) => (lane === 'balanced' ? ['codex', 'gemini'] : []),
} as unknown as ReportSource;

describe('resolveEventFilter', () => {
  it('passes instants and route through', async () => {
    expect(await resolveEventFilter(source, { start: 1, end: 2, route: 'default' })).toEqual({
      start: 1,
      end: 2,
      route: 'default',
    });
  });

  it('restricts to the given provider', async () => {
    expect(await resolveEventFilter(source, { providerId: 'glm46' })).toEqual({
      providerIds: ['glm46'],
    });
  });

  it('restricts to the providers of the lane', async () => {
    expect(await resolveEventFilter(source, { lane: 'balanced' })).toEqual({
      providerIds: ['codex', 'gemini'],
    });
  });

  it('intersects provider and lane, even when nothing is left', async () => {
    expect(await resolveEventFilter(source, { lane: 'balanced', providerId: 'gemini' })).toEqual({
      providerIds: ['gemini'],
    });
    expect(await resolveEventFilter(source, { lane: 'balanced', providerId: 'glm46' })).toEqual({
      providerIds: [],
    });
  });
});

describe('parseFilterQuery', () => {
  it('reads only the filter keys and leaves absent ones out', () => {
    expect(parseFilterQuery({ provider_id: 'codex', format: 'csv' })).toStrictEqual({
      providerId: 'codex',
    });
  });

  it('rejects start after end naming start', () => {
    const query = { start: '2025-10-22T00:00:00Z', end: '2025-10-21T00:00:00Z' };

    expect(() => parseFilterQuery(query)).toThrow(
      expect.objectContaining({ code: 'REPORT_INVALID_WINDOW', parameter: 'start' }),
    );
  });
});
