import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  fixturePath,
  importedFields,
  importFixture,
  openPricedStore,
  readEvents,
} from './_testing.js';
import { ingestFormat } from './ingest-format.js';

const sonnetPrice = {
  provider_id: 'anthropic',
  model: 'claude-sonnet-4-5-20250929',
  input_cost_per_1k: 0.003,
  output_cost_per_1k: 0.015,
  cache_read_cost_per_1k: 0.0003,
  cache_write_cost_per_1k: 0.00375,
};

const session = {
  session_id: '3f2a9c1e-0000-4000-8000-00000000a001',
  cwd: '/home/dev/shop-api',
  git_branch: 'feature/invoice-tests',
  version: '2.1.0',
  is_sidechain: false,
  service_tier: 'standard',
};

describe('readClaudeCodeRecords', () => {
  it('yields one event per call with the final counts of lines that repeat its usage', async () => {
    const store = await openPricedStore([sonnetPrice]);

    const result = await importFixture(store, 'claude-code', 'claude-code-session.jsonl');

    expect(result).toEqual({
      format: 'claude-code',
      inserted: 2,
      duplicates: 0,
      rejected: 0,
      rejections: [],
      skipped: {
        'claude-code: user line': 3,
        'claude-code: summary line': 1,
        'claude-code: file-history-snapshot line': 1,
        'claude-code: system line': 1,
        'claude-code: synthetic model': 1,
      },
    });
    expect(await readEvents(store)).toEqual([
      {
        ...importedFields,
        seq: 1,
        ts: '2025-03-10T11:00:04.210Z',
        provider_id: 'anthropic',
        tool: 'claude-sonnet-4-5-20250929',
        route: 'shop-api',
        // 3 uncached + 2,048 cache writes + 18,000 cache reads; output 92, not the placeholder 1
        tokens_in: 20_051,
        tokens_out: 92,
        duration_ms: 0,
        status: 'success',
        cost_estimated_usd: null,
        // (3 × 0.003 + 18,000 × 0.0003 + 2,048 × 0.00375 + 92 × 0.015) / 1000, where pricing
        // every input token as fresh would give 0.061533
        cost_nanos: 14_469_000n,
        metadata: {
          ...session,
          request_id: 'req_fixture0001',
          message_id: 'msg_fixture0001',
          input_tokens: 3,
          cache_read_tokens: 18_000,
          cache_write_tokens: 2048,
          cache_write_5m_tokens: 2048,
          tool_uses: ['Read'],
        },
        source_file: 'claude-code-session.jsonl',
        line_number: 4,
      },
      {
        ...importedFields,
        seq: 2,
        ts: '2025-03-10T11:00:07Z',
        provider_id: 'anthropic',
        tool: 'claude-sonnet-4-5-20250929',
        route: 'shop-api',
        tokens_in: 20_565,
        tokens_out: 310,
        duration_ms: 0,
        status: 'success',
        cost_estimated_usd: null,
        cost_nanos: 12_599_400n,
        metadata: {
          ...session,
          request_id: 'req_fixture0002',
          message_id: 'msg_fixture0002',
          input_tokens: 5,
          cache_read_tokens: 20_048,
          cache_write_tokens: 512,
          cache_write_5m_tokens: 512,
          tool_uses: ['Edit', 'Bash'],
        },
        source_file: 'claude-code-session.jsonl',
        line_number: 7,
      },
    ]);
  });

  it('adds only the new calls when a session file that grew is imported again', async () => {
    const store = await openPricedStore();
    const lines = readFileSync(fixturePath('claude-code-session.jsonl'), 'utf8').split('\n');
    const importText = (text: string) =>
      ingestFormat(store, Readable.from([text]), { format: 'claude-code', source: 'session' });

    const first = await importText(lines.slice(0, 5).join('\n'));
    const grown = await importText(lines.join('\n'));
    const again = await importText(lines.join('\n'));

    expect([first, grown, again].map(({ inserted, duplicates }) => [inserted, duplicates])).toEqual(
      [
        [1, 0],
        [1, 1],
        [0, 2],
      ],
    );
  });
});
