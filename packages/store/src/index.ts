export type {
  DailyProviderTotal,
  DailyTotal,
  DataSpan,
  EventFilter,
  Nanos,
  PagedRows,
  PriceBook,
  ReportSource,
  RouteTotal,
  RunsCursor,
  StoredEvent,
} from './contract.js';
export type {
  EventInsert,
  InsertOutcome,
  ReportSnapshot,
  TelemetryStore,
} from './telemetry-store.js';
export { StoreError, isStoreError, type StoreErrorCode } from './errors.js';
export { openStore, type OpenStoreOptions } from './sqlite-store.js';
export { migrate, schemaVersion } from './schema.js';
export {
  normalizeEventRecord,
  fieldSynonyms,
  type NormalizedEvent,
  type NormalizeOptions,
  type NormalizeResult,
  type RecordProblem,
} from './event-record.js';
export { normalizeStatus } from './status.js';
export { identityKey } from './identity.js';
export { canonicalJson } from './canonical-json.js';
export {
  parseInstant,
  formatInstant,
  formatDay,
  dayStartMs,
  dayEndMs,
  addDays,
  DAY_MS,
  type InstantResult,
} from './instant.js';
export { usdToNanos, nanosToUsd, divideRounded, decimalToScaled, NANOS_PER_USD } from './money.js';
export {
  priceEntryInputSchema,
  samplePriceEntries,
  type PriceEntry,
  type PriceEntryInput,
} from './price-entry.js';
export { validatePriceEntry } from './sqlite-prices.js';
export { priceEvent, type PricingSubject } from './pricing.js';
export {
  createProviderDirectory,
  defaultProvidersManifest,
  deriveLane,
  laneSchema,
  lanes,
  providersManifestSchema,
  type Lane,
  type Provider,
  type ProviderDirectory,
  type ProvidersManifest,
} from './providers.js';
export {
  emptyIngestResult,
  mergeIngestResults,
  type IngestOptions,
  type IngestProgress,
  type IngestRejection,
  type IngestResult,
  type SourceRecord,
} from './ingest-result.js';
export { ingestRecords } from './ingest-records.js';
export { readRecords, valueRecords } from './record-reader.js';
export { ingestPath, ingestStream, ingestText, ingestValue } from './ingest-sources.js';
export { usesParsingWorker, PARSING_WORKER_MIN_BYTES } from './ingest-parallel.js';
export { seedDataset } from './seed.js';
export { ingestResultSchema } from './ingest-result-schema.js';
