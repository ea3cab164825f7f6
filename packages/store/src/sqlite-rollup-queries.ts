import type Database from 'better-sqlite3';
import type { DailyProviderTotal, EventFilter } from './contract.js';
import type { SqlCondition } from './sql-filter.js';
import { readTotals } from './sqlite-queries.js';
import { StatementCache } from './statement-cache.js';

/** Rollup totals of one day (and provider). */
export interface RollupTotal extends Omit<DailyProviderTotal, 'day'> {
  day: number;
}

/** The WHERE clause over `daily_rollups` for whole days [first, last] and a filter's scope. */
function rollupCondition(filter: EventFilter, first: number, last: number): SqlCondition {
  const parts = ['day BETWEEN ? AND ?'];
  const params: unknown[] = [first, last];
  if (filter.providerIds !== undefined) {
    parts.push(`provider_id IN (${filter.providerIds.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...filter.providerIds);
  }
  if (filter.route !== undefined) {
    parts.push(filter.route === 'default' ? "route_key IN ('default', '')" : 'route_key = ?');
    if (filter.route !== 'default') params.push(filter.route);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

/** One row of `daily_rollups`, read back. */
export interface RollupRow extends Omit<DailyProviderTotal, 'day'> {
  day: number;
  route: string | null;
  latest_ts: number;
  latest_seq: number;
}

/** SQL over `daily_rollups`: the whole-day half of every report query. */
export class SqliteRollupQueries {
  private readonly exact: StatementCache;

  constructor(db: Database.Database) {
    this.exact = new StatementCache(db, true);
  }

  /** Rollup rows inside whole days [first, last] matching the filter's providers and route. */
  rollupRows(filter: EventFilter, first: number, last: number): RollupRow[] {
    const where = rollupCondition(filter, first, last);
    const sql = `SELECT * FROM daily_rollups ${where.sql} ORDER BY day, provider_id, route_key`;
    return this.exact.all(sql, where.params).map((row) => ({
      day: Number(row['day']),
      provider_id: String(row['provider_id']),
      route: row['route_key'] === '' ? null : String(row['route_key']),
      ...readTotals(row),
      latest_ts: Number(row['latest_ts']),
      latest_seq: Number(row['latest_seq']),
    }));
  }

  /** Rollup totals inside whole days, summed per day (and per provider when asked). */
  rollupTotals(
    filter: EventFilter,
    first: number,
    last: number,
    byProvider: boolean,
  ): RollupTotal[] {
    const where = rollupCondition(filter, first, last);
    const keys = byProvider ? 'day, provider_id' : 'day';
    const sql = `SELECT ${keys}, SUM(run_count) AS run_count, SUM(success_count) AS success_count,
        SUM(tokens_in) AS tokens_in, SUM(tokens_out) AS tokens_out, SUM(latency_sum_ms) AS latency_sum_ms,
        SUM(cost_usd_part) AS cost_usd_part, SUM(cost_nanos_part) AS cost_nanos_part,
        SUM(unpriced_events) AS unpriced_events
      FROM daily_rollups ${where.sql} GROUP BY ${keys} ORDER BY ${keys}`;
    return this.exact.all(sql, where.params).map((row) => ({
      day: Number(row['day']),
      provider_id: byProvider ? String(row['provider_id']) : '',
      ...readTotals(row),
    }));
  }

  /** First and last day with rollups inside whole days, and how many events they hold. */
  rollupSpan(
    filter: EventFilter,
    first: number,
    last: number,
  ): { first: number; last: number; count: number } | null {
    const where = rollupCondition(filter, first, last);
    const row = this.exact.get(
      `SELECT MIN(day) AS first, MAX(day) AS last, SUM(run_count) AS count FROM daily_rollups ${where.sql}`,
      where.params,
    );
    if (row?.['first'] === null || row?.['first'] === undefined) return null;
    return { first: Number(row['first']), last: Number(row['last']), count: Number(row['count']) };
  }
}
