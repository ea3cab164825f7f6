import { createHash } from 'node:crypto';
import {
  loadPullRequestReports,
  loadSprintReports,
  parseReportQuery,
  renderReportJson,
  resolveEventFilter,
  toReportDocument,
  type ReportParams,
} from '@finops/reports';
import { identityKey, type EventFilter, type ReportSource } from '@finops/store';
import { renderExport } from './render-export.js';
import { renderReportPage } from './report-page.js';

/** Everything the evidence documents are computed from. */
export interface EvidenceContext {
  source: ReportSource;
  params: ReportParams;
  filter: EventFilter;
}

/** One document of an evidence bundle, rendered as a stream of text chunks. */
export interface EvidenceDocument {
  fileName: string;
  render(context: EvidenceContext): AsyncIterable<string>;
}

async function* once(text: Promise<string>): AsyncIterable<string> {
  yield await text;
}

/** The documents of a bundle in the order they are written (the runbook's four files first). */
export const evidenceDocuments: readonly EvidenceDocument[] = [
  {
    fileName: 'telemetry_finops_sprints.json',
    render: ({ source, params }) =>
      once(
        loadSprintReports(source, params).then((items) =>
          renderReportJson(toReportDocument(items)),
        ),
      ),
  },
  {
    fileName: 'telemetry_finops_pull_requests.json',
    render: ({ source, params }) =>
      once(
        loadPullRequestReports(source, params).then((items) =>
          renderReportJson(toReportDocument(items)),
        ),
      ),
  },
  {
    fileName: 'telemetry_export.csv',
    render: ({ source, filter }) => renderExport('csv', source.iterateEvents(filter)),
  },
  {
    fileName: 'telemetry_export.html',
    render: ({ source, filter }) =>
      renderExport('html', source.iterateEvents(filter), { filters: filter }),
  },
  {
    fileName: 'telemetry_report.html',
    render: ({ source, params }) => renderReportPage(source, params),
  },
];

/**
 * Builds the evidence context from the report query recorded in a manifest (or given by the
 * user), so writing and verifying compute the very same documents.
 *
 * @throws ReportError `REPORT_INVALID_PARAMETER` / `REPORT_INVALID_WINDOW` naming the parameter.
 */
export async function createEvidenceContext(
  source: ReportSource,
  query: Record<string, string | undefined>,
): Promise<EvidenceContext> {
  const params = parseReportQuery(query);
  return { source, params, filter: await resolveEventFilter(source, params) };
}

/** What {@link fingerprintEvents} found: the count, digest and instants of first and last event. */
export interface EventSetFingerprint {
  count: number;
  sha256: string;
  first: number | null;
  last: number | null;
}

/**
 * SHA-256 over the stored content of every filtered event in export order, leaving out
 * provenance: two stores holding the same events have the same fingerprint.
 */
export async function fingerprintEvents(
  source: ReportSource,
  filter: EventFilter,
): Promise<EventSetFingerprint> {
  const hash = createHash('sha256');
  let count = 0;
  let first: number | null = null;
  let last: number | null = null;
  for await (const event of source.iterateEvents(filter)) {
    count += 1;
    first ??= event.ts;
    last = event.ts;
    // An event's identity covers its content; the cost it carries now may have been re-priced.
    const cost = event.cost_nanos === null ? '-' : event.cost_nanos.toString();
    hash.update(`${identityKey(event).toString('hex')} ${cost}\n`);
  }
  return { count, sha256: hash.digest('hex'), first, last };
}
