import { describe, expect, it } from 'vitest';
import { collect, eventsOf, sampleEvents } from './_test-events.js';
import { toExportJsonRow } from './export-row.js';
import { renderJson } from './json-document.js';

const firstEventDocument = `[
  {
    "timestamp": "2025-10-21T14:00:00Z",
    "provider_id": "glm46",
    "tool": "glm-4.6",
    "route": null,
    "status": "success",
    "tokens_in": 1200,
    "tokens_out": 340,
    "duration_ms": 950,
    "cost_estimated_usd": 9.6,
    "experiment_cohort": null,
    "experiment_tag": null,
    "metadata": {
      "consumer": "atlas",
      "project": "finops"
    },
    "source_file": "logs/glm46/2025-10-21.jsonl",
    "line_number": 3,
    "ingested_at": "2025-10-22T02:26:40Z"
  }
]
`;

describe('renderJson', () => {
  it('writes an event as a 2-space-indented object inside an array', async () => {
    const first = sampleEvents.slice(0, 1);

    expect(await collect(renderJson(eventsOf(first)))).toBe(firstEventDocument);
  });

  it('writes the same bytes as JSON.stringify of the whole array', async () => {
    const rows = sampleEvents.map(toExportJsonRow);
    const json = await collect(renderJson(eventsOf(sampleEvents)));

    expect(json).toBe(`${JSON.stringify(rows, null, 2)}\n`);
  });

  it('parses back to the original values', async () => {
    const parsed = JSON.parse(await collect(renderJson(eventsOf(sampleEvents)))) as Record<
      string,
      unknown
    >[];

    const costs = parsed.map((row) => row.cost_estimated_usd);
    expect(costs).toEqual([9.6, 1.234568, null, 0, 0.5, 0.0025]);
    expect(parsed.map((row) => row.provider_id)).toEqual(sampleEvents.map((e) => e.provider_id));
    expect(parsed.map((row) => row.route)).toEqual(sampleEvents.map((e) => e.route));
    expect(parsed.map((row) => row.experiment_tag)).toEqual(
      sampleEvents.map((e) => e.experiment_tag),
    );
    expect(parsed.map((row) => row.metadata)).toEqual(
      sampleEvents.map((e) => JSON.parse(e.metadata)),
    );
    expect(parsed[1]?.timestamp).toBe('2025-10-21T14:00:00.123Z');
  });

  it('writes one chunk per batch of 256 events between the brackets', async () => {
    const events = Array.from({ length: 600 }, (_, index) => ({
      ...sampleEvents[0]!,
      seq: index + 1,
    }));
    const chunks: string[] = [];
    for await (const chunk of renderJson(eventsOf(events))) chunks.push(chunk);

    expect(chunks).toHaveLength(4);
    expect(chunks[0]?.startsWith('[\n  {\n')).toBe(true);
    expect(chunks[1]?.startsWith(',\n  {\n')).toBe(true);
    expect(chunks.at(-1)).toBe('\n]\n');
    expect(chunks.join('')).toBe(`${JSON.stringify(events.map(toExportJsonRow), null, 2)}\n`);
  });

  it('writes an empty array for an empty result', async () => {
    expect(await collect(renderJson(eventsOf([])))).toBe('[]\n');
  });
});
