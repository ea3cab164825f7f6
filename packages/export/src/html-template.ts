/**
 * The HTML export as mustache templates, kept in a module so the bundled package carries them.
 * The document streams in three parts — head once, a row per event, tail once — so memory does
 * not grow with the row count. Every value goes through `{{ }}` (escaped); there are no triple
 * braces, no script and no external resource.
 */

/** Document start up to the opening `<tbody>`; view: `{ filterText: string | null }`. */
export const htmlHeadTemplate = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Telemetry Export</title>
<style>
body { margin: 0; color: #1f2328; background: #fff;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { padding: 24px 28px; }
h1 { margin: 0 0 6px; font-size: 1.5rem; }
.filters { margin: 0 0 16px; color: #57606a; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 8px; border-bottom: 1px solid #d0d7de; text-align: left;
  vertical-align: top; white-space: pre-wrap; overflow-wrap: break-word; }
th { position: sticky; top: 0; background: #f6f8fa; font-weight: 600; white-space: normal; }
tbody tr:nth-child(even) { background: #f9fafb; }
td:first-child, td.num { white-space: nowrap; }
td.num { text-align: right; }
td.metadata, td:last-child { min-width: 10em; overflow-wrap: anywhere; }
td.metadata { width: 22%; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; }
td.empty { padding: 24px; text-align: center; color: #57606a; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { font-size: 7.5pt; }
  main { padding: 0; }
  th { position: static; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  tbody tr:nth-child(even) { background: none; }
  td.metadata { font-size: 7pt; }
}
</style>
</head>
<body>
<main>
<h1>Telemetry Export</h1>
{{#filterText}}
<p class="filters">Filters: {{filterText}}</p>
{{/filterText}}
<table>
<thead>
<tr>
<th scope="col">Timestamp</th>
<th scope="col">Provider</th>
<th scope="col">Tool</th>
<th scope="col">Route</th>
<th scope="col">Status</th>
<th scope="col">Tokens In</th>
<th scope="col">Tokens Out</th>
<th scope="col">Duration (ms)</th>
<th scope="col">Cost (USD)</th>
<th scope="col">Experiment Cohort</th>
<th scope="col">Experiment Tag</th>
<th scope="col">Metadata</th>
<th scope="col">Source</th>
</tr>
</thead>
<tbody>
`;

/** One event; view: an export row with every cell as text. */
export const htmlRowTemplate =
  '<tr><td>{{timestamp}}</td><td>{{provider_id}}</td><td>{{tool}}</td><td>{{route}}</td>' +
  '<td>{{status}}</td><td class="num">{{tokens_in}}</td><td class="num">{{tokens_out}}</td>' +
  '<td class="num">{{duration_ms}}</td><td class="num">{{cost_estimated_usd}}</td>' +
  '<td>{{experiment_cohort}}</td><td>{{experiment_tag}}</td>' +
  '<td class="metadata">{{metadata}}</td><td>{{source_file}}</td></tr>\n';

/** The single row shown when no event matched. */
export const htmlEmptyTemplate =
  '<tr><td class="empty" colspan="13">No telemetry events found.</td></tr>\n';

/** Document end, after the last row. */
export const htmlTailTemplate = `</tbody>
</table>
</main>
</body>
</html>
`;
