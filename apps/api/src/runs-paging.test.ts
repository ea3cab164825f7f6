import { describe, expect, it } from 'vitest';
import { createTestApp } from './_reference.js';

describe('GET /api/v1/telemetry/runs paging', () => {
  it('visits all 42 reference events exactly once with limit=5', async () => {
    const { app } = await createTestApp();
    const seen: number[] = [];
    const pages: number[] = [];
    let cursor: string | null = null;

    do {
      const query = new URLSearchParams({ limit: '5', ...(cursor ? { cursor } : {}) });
      const response = await app.request(`/api/v1/telemetry/runs?${query.toString()}`);
      const body = (await response.json()) as {
        items: { id: number; ts: string }[];
        next_cursor: string | null;
      };
      expect(response.status).toBe(200);
      pages.push(body.items.length);
      seen.push(...body.items.map((item) => item.id));
      cursor = body.next_cursor;
    } while (cursor !== null && pages.length < 20);

    expect(pages).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 2]);
    expect(new Set(seen).size).toBe(42);
    expect([...seen].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 42 }, (_, index) => index + 1),
    );
  });

  it('answers 400 naming cursor for a cursor it did not hand out', async () => {
    const { app } = await createTestApp();

    const response = await app.request('/api/v1/telemetry/runs?cursor=not-a-cursor');

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { parameter: string } }).error.parameter).toBe(
      'cursor',
    );
  });
});
