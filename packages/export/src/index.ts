export { renderCsv, type RenderCsvOptions } from './csv-document.js';
export {
  ExportError,
  isExportError,
  type ExportErrorCode,
  type ExportErrorOptions,
} from './export-error.js';
export {
  exportContentType,
  exportFileName,
  exportFormats,
  isExportFormat,
  parseExportFormat,
  type ExportFormat,
} from './export-format.js';
export {
  exportColumns,
  toExportJsonRow,
  toExportRow,
  type ExportColumn,
  type ExportJsonRow,
  type ExportRow,
} from './export-row.js';
export { renderHtml, type RenderHtmlOptions } from './html-document.js';
export { renderJson } from './json-document.js';
export { buildCostChart, type CostChart, type CostChartSeries } from './cost-chart.js';
export { loadReportPage, renderReportHtml, renderReportPage } from './report-page.js';
export type { ReportPageData } from './report-page-view.js';
export { renderExport, type RenderExportOptions } from './render-export.js';
export { writeExport, type WriteExportOptions, type WriteExportResult } from './write-export.js';
export {
  createEvidenceContext,
  evidenceDocuments,
  fingerprintEvents,
  type EventSetFingerprint,
  type EvidenceContext,
  type EvidenceDocument,
} from './evidence-documents.js';
export {
  MANIFEST_FILE,
  evidenceFileSchema,
  evidenceManifestSchema,
  type EvidenceFile,
  type EvidenceManifest,
} from './evidence-manifest.js';
export { describeParameters } from './report-parameters.js';
export {
  buildManifest,
  writeEvidenceBundle,
  type WriteEvidenceOptions,
} from './evidence-bundle.js';
export {
  verifyEvidenceBundle,
  type EvidenceProblem,
  type EvidenceVerification,
} from './evidence-verify.js';
