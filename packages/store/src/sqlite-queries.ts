import type Database from 'better-sqlite3';
import type {
  DailyProviderTotal,
  DailyTotal,
  DataSpan,
  EventFilter,
  RouteTotal,
  RunsCursor,
  StoredEvent,
} from './contract.js';
import { formatDay } from './instant.js';
import { StatementCache, type Row } from './statement-cache.js';
import { andCondition, checkRunsPage, filterCondition } from './sql-filter.js';

const DAY = 86_400_000;
const NANOS_PER_USD = 1_000_000_000n;
// Costs are summed as whole dollars and leftover nanos apart: one SUM over nanos would overflow
// SQLite's 64-bit integer after two events of a few billion dollars.
const TOTALS = `COUNT(*) AS run_count, SUM(status = 'success') AS success_count,
  SUM(tokens_in) AS tokens_in, SUM(tokens_out) AS tokens_out, SUM(duration_ms) AS latency_sum_ms,
  COALESCE(SUM(cost_nanos / ${NANOS_PER_USD}), 0) AS cost_usd_part,
  COALESCE(SUM(cost_nanos % ${NANOS_PER_USD}), 0) AS cost_nanos_part,
  SUM(cost_nanos IS NULL) AS unpriced_events`;
// Event rows are read with plain numbers (BigInt conversion of every column is slow); the cost
// comes back as whole dollars and leftover nanos, each exact as a number.
const EVENT_COLUMNS = `seq, ts, provider_id, tool, route, tokens_in, tokens_out, duration_ms, status,
  cost_reported AS cost_estimated_usd, cost_nanos / ${NANOS_PER_USD} AS cost_whole,
  cost_nanos % ${NANOS_PER_USD} AS cost_part, metadata, experiment_cohort, experiment_tag,
  source_file, line_number, ingested_at`;

/** Read-side SQL of the SQLite store; every statement is prepared once and reused. */
export class SqliteQueries {
  private readonly exact: StatementCache;
  private readonly fast: StatementCache;

  constructor(db: Database.Database) {
    this.exact = new StatementCache(db, true);
    this.fast = new StatementCache(db, false);
  }

  dataSpan(filter: EventFilter): DataSpan | null {
    const where = filterCondition(filter);
    const row = this.exact.get(
      `SELECT MIN(ts) AS first, MAX(ts) AS last FROM events ${where.sql}`,
      where.params,
    );
    if (row?.['first'] === null || row?.['first'] === undefined) return null;
    return { first: formatDay(Number(row['first'])), last: formatDay(Number(row['last'])) };
  }

  dailyTotals(filter: EventFilter): DailyTotal[] {
    const where = filterCondition(filter);
    const sql = `SELECT ts / ${DAY} AS day, ${TOTALS} FROM events ${where.sql} GROUP BY 1 ORDER BY 1`;
    return this.exact.all(sql, where.params).map((row) => ({
      day: formatDay(Number(row['day']) * DAY),
      ...readTotals(row),
    }));
  }

  dailyProviderTotals(filter: EventFilter): DailyProviderTotal[] {
    const where = filterCondition(filter);
    const sql = `SELECT ts / ${DAY} AS day, provider_id, ${TOTALS} FROM events ${where.sql}
      GROUP BY 1, 2 ORDER BY 1, 2`;
    return this.exact.all(sql, where.params).map((row) => ({
      day: formatDay(Number(row['day']) * DAY),
      provider_id: String(row['provider_id']),
      ...readTotals(row),
    }));
  }

  routeTotals(filter: EventFilter): (RouteTotal & { latest_seq: number })[] {
    const where = filterCondition(filter);
    const sql = `WITH ranked AS (
        SELECT provider_id, route, ts, seq, metadata,
          ROW_NUMBER() OVER (PARTITION BY provider_id, route ORDER BY ts DESC, seq DESC) AS rank
        FROM events ${where.sql}
      ), totals AS (
        SELECT provider_id, route, ${TOTALS} FROM events ${where.sql} GROUP BY provider_id, route
      )
      SELECT totals.*, ranked.ts AS latest_ts, ranked.seq AS latest_seq,
        ranked.metadata AS latest_metadata
      FROM totals JOIN ranked ON ranked.provider_id = totals.provider_id
        AND ranked.route IS totals.route AND ranked.rank = 1
      ORDER BY totals.provider_id, totals.route`;
    return this.exact.all(sql, [...where.params, ...where.params]).map((row) => ({
      provider_id: String(row['provider_id']),
      route: row['route'] === null ? null : String(row['route']),
      ...readTotals(row),
      latest_ts: Number(row['latest_ts']),
      latest_seq: Number(row['latest_seq']),
      latest_metadata: JSON.parse(String(row['latest_metadata'])) as Record<string, unknown>,
    }));
  }

  /** One page of events in export order, strictly after the given sort key. */
  eventsPage(filter: EventFilter, after: StoredEvent | undefined, size: number): StoredEvent[] {
    const base = filterCondition(filter);
    const where = after
      ? andCondition(base, '(ts, provider_id, seq) > (?, ?, ?)', [
          after.ts,
          after.provider_id,
          after.seq,
        ])
      : base;
    const sql = `SELECT ${EVENT_COLUMNS} FROM events ${where.sql} ORDER BY ts, provider_id, seq LIMIT ?`;
    return this.fast.allRaw(sql, [...where.params, size]).map(toStoredEvent);
  }

  listRuns(filter: EventFilter, limit: number, after?: RunsCursor): StoredEvent[] {
    checkRunsPage(limit, after);
    const base = filterCondition(filter);
    const where = after ? andCondition(base, '(ts, seq) < (?, ?)', [after.ts, after.seq]) : base;
    const sql = `SELECT ${EVENT_COLUMNS} FROM events ${where.sql} ORDER BY ts DESC, seq DESC LIMIT ?`;
    return this.fast.allRaw(sql, [...where.params, limit]).map(toStoredEvent);
  }

  countEvents(filter: EventFilter): number {
    const where = filterCondition(filter);
    return Number(
      this.exact.get(`SELECT COUNT(*) AS count FROM events ${where.sql}`, where.params)?.[
        'count'
      ] ?? 0,
    );
  }

  /** `data_version` moves on another connection's commit, `total_changes()` on this one's. */
  revision(): string {
    const changes = this.exact.get('SELECT total_changes() AS changes', [])?.['changes'];
    const version = this.exact.get('PRAGMA data_version', [])?.['data_version'];
    return `${String(version)}:${String(changes)}`;
  }

  seenProviders(): string[] {
    return this.exact
      .all('SELECT provider_id FROM providers_seen ORDER BY provider_id', [])
      .map((row) => String(row['provider_id']));
  }

  /** Parsed metadata of events by sequence number. */
  metadataOf(seqs: readonly number[]): Map<number, Record<string, unknown>> {
    const found = new Map<number, Record<string, unknown>>();
    for (let index = 0; index < seqs.length; index += 500) {
      const chunk = seqs.slice(index, index + 500);
      const sql = `SELECT seq, metadata FROM events WHERE seq IN (${chunk.map(() => '?').join(', ')})`;
      for (const row of this.exact.all(sql, chunk)) {
        found.set(
          Number(row['seq']),
          JSON.parse(String(row['metadata'])) as Record<string, unknown>,
        );
      }
    }
    return found;
  }
}

/** Totals columns of a row, costs recombined from whole dollars and leftover nanos. */
export function readTotals(row: Row) {
  const dollars = BigInt(row['cost_usd_part'] as bigint);
  return {
    run_count: Number(row['run_count']),
    success_count: Number(row['success_count']),
    tokens_in: Number(row['tokens_in']),
    tokens_out: Number(row['tokens_out']),
    latency_sum_ms: Number(row['latency_sum_ms']),
    cost_nanos: dollars * NANOS_PER_USD + BigInt(row['cost_nanos_part'] as bigint),
    unpriced_events: Number(row['unpriced_events']),
  };
}

/** A row of {@link EVENT_COLUMNS}, in that order, as a stored event. */
function toStoredEvent(row: unknown[]): StoredEvent {
  const [seq, ts, provider, tool, route, tokensIn, tokensOut, duration, status, reported] = row;
  const [whole, part, metadata, cohort, tag, sourceFile, line, ingestedAt] = row.slice(10);
  return {
    seq: Number(seq),
    ts: Number(ts),
    provider_id: String(provider),
    tool: String(tool),
    route: optionalText(route),
    tokens_in: Number(tokensIn),
    tokens_out: Number(tokensOut),
    duration_ms: Number(duration),
    status: String(status),
    cost_estimated_usd: reported === null ? null : Number(reported),
    cost_nanos:
      whole === null ? null : BigInt(whole as number) * NANOS_PER_USD + BigInt(part as number),
    metadata: String(metadata),
    experiment_cohort: optionalText(cohort),
    experiment_tag: optionalText(tag),
    source_file: optionalText(sourceFile),
    line_number: line === null ? null : Number(line),
    ingested_at: Number(ingestedAt),
  };
}

function optionalText(value: unknown): string | null {
  return value === null ? null : String(value);
}
