/** The body every report answers with: `{"items": [...]}`. */
export interface ReportDocument<T> {
  items: T[];
}

/**
 * Wraps report items in the document the API returns and the fixture files hold.
 *
 * @example toReportDocument([]) // { items: [] }
 */
export function toReportDocument<T>(items: readonly T[]): ReportDocument<T> {
  return { items: [...items] };
}

/**
 * The one JSON serializer of reports: 2-space indent and a trailing newline, so the API, the CLI
 * and fixture files give the same bytes for the same body.
 *
 * @example renderReportJson({ items: [] }) // '{\n  "items": []\n}\n'
 */
export function renderReportJson(body: object): string {
  return `${JSON.stringify(body, null, 2)}\n`;
}
