/**
 * The FinOps report page as one mustache template (view: `ReportPageView`, partial `chart`: the
 * cost chart SVG). Every value goes through `{{ }}` (escaped); there are no triple braces, no
 * script and no external resource, and nothing in it depends on when it is rendered.
 */

const styles = `
body { margin: 0; color: #1f2328; background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 40px; }
h1 { margin: 0 0 8px; font-size: 1.6rem; }
h2 { margin: 28px 0 8px; font-size: 1.15rem; }
p { margin: 0 0 6px; }
.parameters { color: #57606a; font-size: 0.85rem; overflow-wrap: anywhere; }
.parameters span { font: 0.8rem ui-monospace, Menlo, Consolas, monospace; }
.coverage { color: #57606a; }
.note { margin-top: 10px; padding: 8px 12px; border-left: 4px solid #d4a72c;
  background: #fff8c5; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 8px; border-bottom: 1px solid #d0d7de; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; font-size: 0.85rem; }
th.num, td.num { text-align: right; }
td.num { white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.summary { min-width: 18em; color: #424a53; }
td.empty { padding: 18px; text-align: center; color: #57606a; }
.sub { display: block; color: #57606a; font-size: 0.8rem; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 1px 8px; border: 1px solid; border-radius: 999px;
  font-size: 0.8rem; font-weight: 600; white-space: nowrap;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge-on_track { color: #116329; background: #dafbe1; border-color: #4ac26b; }
.badge-attention { color: #7d4e00; background: #fff8c5; border-color: #d4a72c; }
.badge-regression { color: #a40e26; background: #ffebe9; border-color: #ff8182; }
figure { margin: 0; }
.cost-chart { display: block; width: 100%; max-width: 960px; height: auto; }
.cost-chart text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  fill: #424a53; }
.cost-chart .tick { text-anchor: end; }
.cost-chart .day { text-anchor: middle; }
.cost-chart .axis-title { fill: #57606a; }
.cost-chart .x-axis .axis-title { text-anchor: end; }
.cost-chart .legend text { font-size: 12px; fill: #1f2328; }
.cost-chart .grid { stroke: #d8dee4; }
.cost-chart .axis { stroke: #8c959f; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 9pt; }
  main { max-width: none; padding: 0; }
  h2 { margin-top: 16px; break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  .cost-chart { max-width: 720px; }
}`;

const sprintTable = `<div class="table-wrap">
<table>
<thead>
<tr><th scope="col">Sprint</th><th scope="col">Period</th><th scope="col" class="num">Runs</th>
<th scope="col" class="num">Cost (USD)</th><th scope="col" class="num">Previous (USD)</th>
<th scope="col" class="num">Δ&nbsp;Cost</th><th scope="col" class="num">Tokens In / Out</th>
<th scope="col" class="num">Avg Latency (ms)</th><th scope="col" class="num">Success</th>
<th scope="col">Status</th><th scope="col">Summary</th></tr>
</thead>
<tbody>
{{#sprints}}
<tr><td class="nowrap">{{id}}</td><td class="nowrap">{{period}}</td><td class="num">{{runs}}</td>
<td class="num">{{cost}}</td><td class="num">{{previous}}</td><td class="num">{{delta}}</td>
<td class="num">{{tokens}}</td><td class="num">{{latency}}</td><td class="num">{{successRate}}</td>
<td><span class="badge badge-{{status}}">{{status}}</span></td>
<td class="summary" lang="{{summaryLang}}">{{summary}}</td></tr>
{{/sprints}}
{{^sprints}}
<tr><td class="empty" colspan="11">No sprint reports for these parameters.</td></tr>
{{/sprints}}
</tbody>
</table>
</div>`;

const pullRequestTable = `<div class="table-wrap">
<table>
<thead>
<tr><th scope="col">Route</th><th scope="col">Lane</th><th scope="col">Owner</th>
<th scope="col">Last Run</th><th scope="col" class="num">Cost (USD)</th>
<th scope="col" class="num">Previous (USD)</th><th scope="col" class="num">Δ&nbsp;Cost</th>
<th scope="col" class="num">Impact (USD)</th><th scope="col" class="num">Δ&nbsp;Tokens</th>
<th scope="col">Status</th></tr>
</thead>
<tbody>
{{#pullRequests}}
<tr><td>{{title}}<span class="sub">{{id}}</span></td><td>{{lane}}</td><td>{{owner}}</td>
<td class="nowrap">{{lastRun}}</td><td class="num">{{cost}}</td><td class="num">{{previous}}</td>
<td class="num">{{delta}}</td><td class="num">{{impact}}</td><td class="num">{{tokens}}</td>
<td><span class="badge badge-{{status}}">{{status}}</span></td></tr>
{{/pullRequests}}
{{^pullRequests}}
<tr><td class="empty" colspan="10">No pull-request reports for these parameters.</td></tr>
{{/pullRequests}}
</tbody>
</table>
</div>`;

/** The whole page. */
export const reportPageTemplate = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>FinOps Report</title>
<style>${styles}
</style>
</head>
<body>
<main>
<h1>FinOps Report</h1>
<p class="parameters">Parameters: <span>{{parametersText}}</span></p>
{{#coverageText}}
<p class="coverage">{{coverageText}}</p>
{{/coverageText}}
{{#unpricedText}}
<p class="note">{{unpricedText}}</p>
{{/unpricedText}}
<section>
<h2>Sprint reports</h2>
${sprintTable}
</section>
<section>
<h2>Pull-request reports</h2>
{{#pullRequestRangeText}}
<p class="coverage">{{pullRequestRangeText}}</p>
{{/pullRequestRangeText}}
${pullRequestTable}
</section>
<section>
<h2>Daily cost per provider</h2>
<figure>
{{#chart}}
{{> chart}}
{{/chart}}
{{^chart}}
<p class="coverage">No events for these parameters.</p>
{{/chart}}
</figure>
</section>
</main>
</body>
</html>
`;
