import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { collect, eventsOf, sampleEvents } from './_test-events.js';
import { renderCsv } from './csv-document.js';
import { exportColumns, toExportRow } from './export-row.js';

const HEADER =
  'timestamp,provider_id,tool,route,status,tokens_in,tokens_out,duration_ms,' +
  'cost_estimated_usd,experiment_cohort,experiment_tag,metadata,source_file\r\n';

const S = '<script>alert(1)</script>';
const A = '""" onmouseover=""x"';
const AJ = '""\\"" onmouseover=\\""x""';

const expectedLines = [
  '2025-10-21T14:00:00Z,glm46,glm-4.6,,success,1200,340,950,9.6,,,' +
    '"{""consumer"":""atlas"",""project"":""finops""}",logs/glm46/2025-10-21.jsonl',
  "2025-10-21T14:00:00.123Z,'=SUM(A1),'+1,'-2,'@x,1000,2000,250,1.234568," +
    `'\tcohort,"'\rtag",{},'-rf.jsonl`,
  '2025-10-21T15:00:00Z,codex,"say ""hi"", bye","line1\nline2","a\rb",0,0,0,,' +
    '"x\r\ny",plain,"{""note"":""a,b""}",',
  '2025-10-21T16:00:00Z,gêmini-ção,模型 🚀,rota/ação,success,5,7,12,0,,👩‍💻,' +
    '"{""emoji"":""🎉"",""texto"":""ação""}",dados/ção.jsonl',
  `2025-10-21T17:00:00Z,${S},${S},${S},${S},0,0,0,0.5,${S},${S},` +
    `"{""${S}"":""${S}"",""note"":""${S}""}",${S}`,
  `2025-10-21T18:00:00Z,${A},${A},${A},${A},0,0,0,0.0025,${A},${A},` +
    `"{${AJ}:${AJ},""note"":${AJ}}",${A}`,
];

describe('renderCsv', () => {
  it('writes the header, then one CRLF record per event, quoting and guarding cells', async () => {
    const csv = await collect(renderCsv(eventsOf(sampleEvents)));

    expect(csv).toBe(HEADER + expectedLines.map((line) => `${line}\r\n`).join(''));
  });

  it('writes only the header for an empty result', async () => {
    expect(await collect(renderCsv(eventsOf([])))).toBe(HEADER);
  });

  it('parses back to the original values once the formula guard is removed', async () => {
    const csv = await collect(renderCsv(eventsOf(sampleEvents)));
    const [header, ...records] = parse(csv, { record_delimiter: '\r\n' }) as string[][];

    expect(header).toEqual([...exportColumns]);
    const expected = sampleEvents.map((event) => {
      const row = toExportRow(event);
      return exportColumns.map((column) => (row[column] === null ? '' : String(row[column])));
    });
    const unguarded = records.map((record) =>
      record.map((cell) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)),
    );
    expect(unguarded).toEqual(expected);
  });

  it('keeps number cells as written and leaves an unpriced cost blank, never 0', async () => {
    const csv = await collect(renderCsv(eventsOf(sampleEvents)));
    const records = parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<
      string,
      string
    >[];

    expect(records.map((record) => record.cost_estimated_usd)).toEqual([
      '9.6',
      '1.234568',
      '',
      '0',
      '0.5',
      '0.0025',
    ]);
  });

  it('writes the UTF-8 BOM exactly once, at the start', async () => {
    const chunks: string[] = [];
    for await (const chunk of renderCsv(eventsOf(sampleEvents), { bom: true })) chunks.push(chunk);
    const bytes = Buffer.from(chunks.join(''), 'utf8');

    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.indexOf(Buffer.from([0xef, 0xbb, 0xbf]), 1)).toBe(-1);
    expect(chunks.join('').slice(1)).toBe(await collect(renderCsv(eventsOf(sampleEvents))));
  });

  it('writes the BOM before the header of an empty result', async () => {
    expect(await collect(renderCsv(eventsOf([]), { bom: true }))).toBe(`\uFEFF${HEADER}`);
  });
});
