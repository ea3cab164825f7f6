import type { StoredEvent } from '@finops/store';

/**
 * Hand-built stored events for the document tests: spreadsheet formula prefixes, CSV
 * separators, HTML that tries to break out of its cell, non-ASCII text, and the three cost
 * cases (reported, priced, unpriced). Never re-exported.
 */

const SCRIPT = '<script>alert(1)</script>';
const ATTRIBUTE = '" onmouseover="x';

const base: StoredEvent = {
  seq: 0,
  ts: 1761055200000,
  provider_id: 'glm46',
  tool: 'glm-4.6',
  route: null,
  tokens_in: 0,
  tokens_out: 0,
  duration_ms: 0,
  status: 'success',
  cost_estimated_usd: null,
  cost_nanos: null,
  metadata: '{}',
  experiment_cohort: null,
  experiment_tag: null,
  source_file: null,
  line_number: null,
  ingested_at: 1761100000000,
};

/** Every text field set to one value, for the escaping tests. */
function everyTextField(text: string): Partial<StoredEvent> {
  return {
    provider_id: text,
    tool: text,
    route: text,
    status: text,
    experiment_cohort: text,
    experiment_tag: text,
    metadata: JSON.stringify({ [text]: text, note: text }),
    source_file: text,
  };
}

/** Six events, one per hazard, in export order. */
export const sampleEvents: readonly StoredEvent[] = [
  {
    ...base,
    seq: 1,
    tool: 'glm-4.6',
    tokens_in: 1200,
    tokens_out: 340,
    duration_ms: 950,
    cost_estimated_usd: 9.6,
    cost_nanos: 9_600_000_000n,
    metadata: '{"consumer":"atlas","project":"finops"}',
    source_file: 'logs/glm46/2025-10-21.jsonl',
    line_number: 3,
  },
  {
    ...base,
    seq: 2,
    ts: 1761055200123,
    provider_id: '=SUM(A1)',
    tool: '+1',
    route: '-2',
    status: '@x',
    tokens_in: 1000,
    tokens_out: 2000,
    duration_ms: 250,
    cost_nanos: 1_234_567_890n,
    experiment_cohort: '\tcohort',
    experiment_tag: '\rtag',
    source_file: '-rf.jsonl',
    line_number: 1,
  },
  {
    ...base,
    seq: 3,
    ts: 1761058800000,
    provider_id: 'codex',
    tool: 'say "hi", bye',
    route: 'line1\nline2',
    status: 'a\rb',
    metadata: '{"note":"a,b"}',
    experiment_cohort: 'x\r\ny',
    experiment_tag: 'plain',
  },
  {
    ...base,
    seq: 4,
    ts: 1761062400000,
    provider_id: 'gêmini-ção',
    tool: '模型 🚀',
    route: 'rota/ação',
    tokens_in: 5,
    tokens_out: 7,
    duration_ms: 12,
    cost_estimated_usd: 0,
    cost_nanos: 0n,
    metadata: '{"emoji":"🎉","texto":"ação"}',
    experiment_tag: '👩‍💻',
    source_file: 'dados/ção.jsonl',
    line_number: 42,
  },
  { ...base, seq: 5, ts: 1761066000000, ...everyTextField(SCRIPT), cost_estimated_usd: 0.5 },
  { ...base, seq: 6, ts: 1761069600000, ...everyTextField(ATTRIBUTE), cost_nanos: 2_500_000n },
];

/** Yields events one at a time, as a store's `iterateEvents` would. */
export async function* eventsOf(events: readonly StoredEvent[]): AsyncGenerator<StoredEvent> {
  for (const event of events) yield event;
}

/** Joins every chunk of a rendered document. */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** A source of `total` copies of the sample events that records how far it was read. */
export function countingSource(total: number): {
  rows: AsyncGenerator<StoredEvent>;
  state: { pulled: number; closed: boolean };
} {
  const state = { pulled: 0, closed: false };
  async function* generate(): AsyncGenerator<StoredEvent> {
    try {
      for (let index = 0; index < total; index += 1) {
        state.pulled += 1;
        const event = sampleEvents[index % sampleEvents.length]!;
        yield { ...event, seq: index + 1 };
      }
    } finally {
      state.closed = true;
    }
  }
  return { rows: generate(), state };
}
