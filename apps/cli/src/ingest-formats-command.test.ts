import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runFinops, spawnFinops, useTempDir } from './_cli.js';

const session = (type: string, extra: object) =>
  JSON.stringify({ sessionId: 's-0001', cwd: '/home/dev/shop-api', type, ...extra });

/** A Claude Code session: one call written as two lines (placeholder then final usage). */
const claudeSession = [
  JSON.stringify({ type: 'summary', summary: 'Invoice tests', leafUuid: 'a-2' }),
  session('user', {
    uuid: 'u-1',
    timestamp: '2025-03-10T11:00:00.000Z',
    message: { role: 'user', content: 'hi' },
  }),
  session('assistant', {
    uuid: 'a-1',
    requestId: 'req_1',
    timestamp: '2025-03-10T11:00:04.000Z',
    message: {
      id: 'msg_1',
      model: 'claude-sonnet-4-5-20250929',
      content: [],
      usage: { input_tokens: 3, cache_read_input_tokens: 1000, output_tokens: 1 },
    },
  }),
  session('assistant', {
    uuid: 'a-2',
    requestId: 'req_1',
    timestamp: '2025-03-10T11:00:05.000Z',
    message: {
      id: 'msg_1',
      model: 'claude-sonnet-4-5-20250929',
      content: [],
      usage: { input_tokens: 3, cache_read_input_tokens: 1000, output_tokens: 40 },
    },
  }),
  session('user', {
    uuid: 'u-2',
    timestamp: '2025-03-10T11:01:00.000Z',
    message: { role: 'user', content: 'thanks' },
  }),
];

/** What the session's summary line says of its skipped lines. */
const sessionSkips = 'skipped 3 (user line 2, summary line 1)';

const openRouterCsv = [
  [
    'generation_id,created_at,cost_total,tokens_prompt,tokens_completion,model_permaslug',
    'cancelled,finish_reason_normalized,generation_time_ms,app_name',
  ].join(','),
  'gen-1,2025-03-10 10:30:00.123,0.00041,1800,120,openai/gpt-4o-mini,false,stop,1400,invoice-bot',
  'gen-2,2025-03-10 10:31:00.456,0,400,0,meta-llama/llama-3.3,true,error,0,invoice-bot',
];

const otlpLine = JSON.stringify({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'billing-agent' } }] },
      scopeSpans: [
        {
          spans: [
            {
              traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
              spanId: '00f067aa0ba902b7',
              name: 'chat gpt-4o-mini',
              startTimeUnixNano: '1741597200123999999',
              endTimeUnixNano: '1741597201523999999',
              attributes: [
                { key: 'gen_ai.provider.name', value: { stringValue: 'openai' } },
                { key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o-mini' } },
                { key: 'gen_ai.usage.input_tokens', value: { intValue: '1200' } },
              ],
            },
            {
              traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
              spanId: '1a2b3c4d5e6f7081',
              parentSpanId: '00f067aa0ba902b7',
              name: 'POST',
              startTimeUnixNano: '1741597200130000000',
              attributes: [{ key: 'http.request.method', value: { stringValue: 'POST' } }],
            },
          ],
        },
      ],
    },
  ],
});

/** LiteLLM rows of an older proxy: no `call_type`, so nothing tells the format. */
const oldLiteLlmRows = [
  JSON.stringify({
    request_id: 'r-1',
    model: 'gpt-4o',
    custom_llm_provider: 'openai',
    prompt_tokens: 10,
    completion_tokens: 2,
    spend: 0.0001,
    startTime: '2025-03-10 10:00:00',
    endTime: '2025-03-10 10:00:01',
  }),
];

describe('finops ingest of other formats', () => {
  const temp = useTempDir('ingest-formats');
  let count = 0;
  const nextDb = () => join(temp.dir, `formats-${(count += 1)}.db`);
  const write = (name: string, lines: readonly string[]) => {
    const path = join(temp.dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };

  beforeAll(() => ensureCliBuilt());

  it('detects a Claude Code session and names the format and its skips', async () => {
    const db = nextDb();
    const input = write('session.jsonl', claudeSession);

    const run = await runFinops(['ingest', input, '--db', db]);
    const again = await runFinops(['ingest', input, '--db', db]);

    expect(run).toEqual({
      code: 0,
      stdout: `format claude-code: inserted 1, duplicates 0, rejected 0, ${sessionSkips}\n`,
      stderr: '',
    });
    expect(again.stdout).toBe(
      `format claude-code: inserted 0, duplicates 1, rejected 0, ${sessionSkips}\n`,
    );
  });

  it('stores one event per call with the final token counts', async () => {
    const db = nextDb();
    await runFinops(['ingest', write('final.jsonl', claudeSession), '--db', db]);

    const runs = await runFinops(['report', 'runs', '--db', db]);

    expect((JSON.parse(runs.stdout) as { items: object[] }).items).toMatchObject([
      {
        provider_id: 'anthropic',
        route: 'shop-api',
        tokens_in: 1003,
        tokens_out: 40,
        metadata: { message_id: 'msg_1', input_tokens: 3, cache_read_tokens: 1000 },
      },
    ]);
  });

  it('detects an OpenRouter CSV by its header and OTLP by its first record', async () => {
    const db = nextDb();
    const csv = write('activity.csv', openRouterCsv);
    const otlp = write('traces.jsonl', [otlpLine]);

    const run = await runFinops(['ingest', csv, otlp, '--db', db]);

    expect(run).toEqual({
      code: 0,
      stdout: [
        'format openrouter: inserted 2, duplicates 0, rejected 0, skipped 0',
        'format otlp: inserted 1, duplicates 0, rejected 0, skipped 1 (non-GenAI span 1)',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('keeps the summary of our own events unchanged next to an imported format', async () => {
    const db = nextDb();
    const own = write('own.jsonl', [
      JSON.stringify({ provider_id: 'codex', tool: 'cli', ts: '2025-03-10T10:00:00Z' }),
    ]);

    const run = await runFinops([
      'ingest',
      own,
      write('mixed-session.jsonl', claudeSession),
      '--db',
      db,
    ]);

    expect(run.stdout).toBe(
      [
        'inserted 1, duplicates 0, rejected 0',
        `format claude-code: inserted 1, duplicates 0, rejected 0, ${sessionSkips}`,
        '',
      ].join('\n'),
    );
  });

  it('reads a format --format names when the first record does not tell', async () => {
    const db = nextDb();
    const input = write('old-litellm.jsonl', oldLiteLlmRows);

    const detected = await runFinops(['ingest', input, '--db', nextDb()]);
    const named = await runFinops(['ingest', input, '--format', 'litellm', '--db', db]);

    expect(detected).toMatchObject({ code: 3, stdout: 'inserted 0, duplicates 0, rejected 1\n' });
    expect(named).toEqual({
      code: 0,
      stdout: 'format litellm: inserted 1, duplicates 0, rejected 0, skipped 0\n',
      stderr: '',
    });
  });

  it('reads our own events with --format events, whatever is detected', async () => {
    const run = await runFinops([
      'ingest',
      write('forced.jsonl', claudeSession),
      '--format',
      'events',
      '--db',
      nextDb(),
    ]);

    expect(run.code).toBe(3);
    expect(run.stdout).toBe('inserted 0, duplicates 0, rejected 5\n');
  });

  it('imports every session file of a projects folder with --format claude-code', async () => {
    const root = join(temp.dir, 'projects');
    mkdirSync(join(root, 'shop-api'), { recursive: true });
    writeFileSync(join(root, 'shop-api', 's-0001.jsonl'), `${claudeSession.join('\n')}\n`);
    writeFileSync(join(root, 'shop-api', 'notes.txt'), 'not a session\n');

    const run = await runFinops(['ingest', root, '--format', 'claude-code', '--db', nextDb()]);

    expect(run.stdout).toBe(
      `format claude-code: inserted 1, duplicates 0, rejected 0, ${sessionSkips}\n`,
    );
  });

  it('exits 3 and names the field when an imported record is refused', async () => {
    const bad = openRouterCsv[2]?.replace('2025-03-10 10:31:00.456', '2025-02-30 10:31:00') ?? '';
    const input = write('bad-activity.csv', [openRouterCsv[0] ?? '', openRouterCsv[1] ?? '', bad]);

    const run = await runFinops(['ingest', input, '--db', nextDb()]);

    expect(run).toEqual({
      code: 3,
      stdout: 'format openrouter: inserted 1, duplicates 0, rejected 1, skipped 0\n',
      stderr: `${input}:3: record: created_at: impossible date 2025-02-30\n`,
    });
  });

  it('detects the format of standard input', async () => {
    const run = await spawnFinops(['ingest', '-', '--db', nextDb()], { input: `${otlpLine}\n` });

    expect(run).toMatchObject({
      code: 0,
      stdout: 'format otlp: inserted 1, duplicates 0, rejected 0, skipped 1 (non-GenAI span 1)\n',
      stderr: '',
    });
  });
});
