import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createTestApp, withQuery } from './_reference.js';

const EXPORT = '/api/v1/telemetry/export';
const CSV_HEADER =
  'timestamp,provider_id,tool,route,status,tokens_in,tokens_out,duration_ms,cost_estimated_usd,' +
  'experiment_cohort,experiment_tag,metadata,source_file';
const FIRST_CSV_ROW =
  '2025-10-08T13:00:00Z,gemini,gemini.chat,balanced,success,4200,1900,890,9.6,canary,prompt-v3,' +
  '"{""consumer"":""growth-team"",""trace_id"":""gem-000""}",dataset';

/** The rows between `<tbody>` and `</tbody>` of an HTML export. */
function bodyRows(html: string): string[] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return body.split('\n').filter((line) => line.startsWith('<tr>'));
}

describe('export route', () => {
  let app: Hono;

  beforeAll(async () => {
    ({ app } = await createTestApp());
  });

  it.each([
    ['csv', 'text/csv; charset=utf-8', 'telemetry_export_2025-10-22.csv'],
    ['html', 'text/html; charset=utf-8', 'telemetry_export_2025-10-22.html'],
    ['json', 'application/json', 'telemetry_export_2025-10-22.json'],
  ])('answers format %s as %s named after the UTC day', async (format, contentType, fileName) => {
    const response = await app.request(withQuery(EXPORT, { format }));
    await response.arrayBuffer();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${fileName}"`);
  });

  it('answers CSV when no format is given', async () => {
    const response = await app.request(EXPORT);

    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await response.text()).startsWith(`${CSV_HEADER}\r\n`)).toBe(true);
  });

  it('writes a header and 42 CRLF rows of CSV', async () => {
    const text = await (await app.request(withQuery(EXPORT, { format: 'csv' }))).text();
    const lines = text.split('\r\n');

    expect(text.endsWith('\r\n')).toBe(true);
    expect(lines).toHaveLength(44);
    expect(lines.slice(0, 2)).toEqual([CSV_HEADER, FIRST_CSV_ROW]);
    expect(lines[43]).toBe('');
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it.each([
    ['1', true],
    ['true', true],
    ['0', false],
    ['false', false],
  ])('starts the CSV with a BOM exactly when bom=%s asks for it', async (bom, expected) => {
    const bytes = Buffer.from(
      await (await app.request(withQuery(EXPORT, { format: 'csv', bom }))).arrayBuffer(),
    );
    const text = bytes.toString('utf8');

    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(expected);
    expect(text.split('\uFEFF')).toHaveLength(expected ? 2 : 1);
    expect(text.replace(/^\uFEFF/, '').startsWith(`${CSV_HEADER}\r\n`)).toBe(true);
  });

  it('writes an HTML table of 42 body rows under the 13 spec headers', async () => {
    const html = await (await app.request(withQuery(EXPORT, { format: 'html' }))).text();

    expect(html).toContain('<title>Telemetry Export</title>');
    expect(html).toContain('<h1>Telemetry Export</h1>');
    expect(html.match(/<th scope="col">[^<]*<\/th>/g)).toEqual(
      [
        'Timestamp',
        'Provider',
        'Tool',
        'Route',
        'Status',
        'Tokens In',
        'Tokens Out',
        'Duration (ms)',
        'Cost (USD)',
        'Experiment Cohort',
        'Experiment Tag',
        'Metadata',
        'Source',
      ].map((name) => `<th scope="col">${name}</th>`),
    );
    expect(bodyRows(html)).toHaveLength(42);
    expect(html).not.toContain('class="filters"');
  });

  it('writes a JSON array of the 42 events in instant order', async () => {
    const rows = (await (
      await app.request(withQuery(EXPORT, { format: 'json' }))
    ).json()) as Record<string, unknown>[];

    expect(rows).toHaveLength(42);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'timestamp',
      'provider_id',
      'tool',
      'route',
      'status',
      'tokens_in',
      'tokens_out',
      'duration_ms',
      'cost_estimated_usd',
      'experiment_cohort',
      'experiment_tag',
      'metadata',
      'source_file',
      'line_number',
      'ingested_at',
    ]);
    expect(rows[0]).toMatchObject({
      timestamp: '2025-10-08T13:00:00Z',
      provider_id: 'gemini',
      metadata: { consumer: 'growth-team', trace_id: 'gem-000' },
      source_file: 'dataset',
      line_number: 1,
    });
  });

  it('exports only the filtered events', async () => {
    const query = { format: 'csv', provider_id: 'glm46', start: '2025-10-15T00:00:00Z' };

    const text = await (await app.request(withQuery(EXPORT, query))).text();
    const rows = text.split('\r\n').slice(1, -1);

    expect(rows).toHaveLength(7);
    expect(rows.every((row) => row.split(',')[1] === 'glm46' && row >= '2025-10-15')).toBe(true);
  });

  it('names the filters in the HTML document', async () => {
    const html = await (
      await app.request(withQuery(EXPORT, { format: 'html', provider_id: 'codex' }))
    ).text();

    expect(html).toContain('<p class="filters">');
    expect(bodyRows(html)).toHaveLength(14);
  });

  it('answers the same bytes when asked twice', async () => {
    const first = await (await app.request(withQuery(EXPORT, { format: 'html' }))).text();
    const second = await (await app.request(withQuery(EXPORT, { format: 'html' }))).text();

    expect(second).toBe(first);
  });
});

describe('export route on an empty database', () => {
  let app: Hono;

  beforeAll(async () => {
    ({ app } = await createTestApp({ seed: false }));
  });

  it('answers a CSV holding the header only', async () => {
    expect(await (await app.request(EXPORT)).text()).toBe(`${CSV_HEADER}\r\n`);
  });

  it('answers an empty JSON array', async () => {
    expect(await (await app.request(withQuery(EXPORT, { format: 'json' }))).json()).toEqual([]);
  });

  it('answers an HTML table with the placeholder row', async () => {
    const html = await (await app.request(withQuery(EXPORT, { format: 'html' }))).text();

    expect(bodyRows(html)).toEqual([
      '<tr><td class="empty" colspan="13">No telemetry events found.</td></tr>',
    ]);
  });
});
