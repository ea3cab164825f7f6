import type Database from 'better-sqlite3';
import type { EventInsert } from './telemetry-store.js';

const DAY = 86_400_000;
const NANOS_PER_USD = 1_000_000_000n;

/**
 * Daily totals per provider route, kept in step with `events` at every write, so reports cost
 * O(days × routes) instead of O(events). A missing route is keyed as the empty string (ingestion
 * never stores an empty route). Costs are kept as whole dollars plus leftover nanos, like the
 * event sums, so no 64-bit sum overflows.
 */
export const rollupSchema = `CREATE TABLE daily_rollups (
    day INTEGER NOT NULL,
    provider_id TEXT NOT NULL,
    route_key TEXT NOT NULL,
    run_count INTEGER NOT NULL,
    success_count INTEGER NOT NULL,
    tokens_in INTEGER NOT NULL,
    tokens_out INTEGER NOT NULL,
    latency_sum_ms INTEGER NOT NULL,
    cost_usd_part INTEGER NOT NULL,
    cost_nanos_part INTEGER NOT NULL,
    unpriced_events INTEGER NOT NULL,
    latest_ts INTEGER NOT NULL,
    latest_seq INTEGER NOT NULL,
    PRIMARY KEY (day, provider_id, route_key)
  ) WITHOUT ROWID;`;

/** Rebuilds the rollups from `events`, for every provider or for one. */
export function rebuildRollups(db: Database.Database, providerId?: string): void {
  const only = providerId === undefined ? '' : 'WHERE provider_id = @provider';
  const params = providerId === undefined ? {} : { provider: providerId };
  db.prepare(`DELETE FROM daily_rollups ${only}`).run(params);
  db.prepare(
    `INSERT INTO daily_rollups
     SELECT ts / ${DAY}, provider_id, COALESCE(route, ''), COUNT(*), SUM(status = 'success'),
       SUM(tokens_in), SUM(tokens_out), SUM(duration_ms),
       COALESCE(SUM(cost_nanos / ${NANOS_PER_USD}), 0), COALESCE(SUM(cost_nanos % ${NANOS_PER_USD}), 0),
       SUM(cost_nanos IS NULL), MAX(ts), 0
     FROM events ${only} GROUP BY 1, 2, 3`,
  ).run(params);
  db.prepare(
    `UPDATE daily_rollups SET latest_seq = (
       SELECT MAX(seq) FROM events e WHERE e.ts = daily_rollups.latest_ts
         AND e.provider_id = daily_rollups.provider_id AND COALESCE(e.route, '') = daily_rollups.route_key
     ) ${only}`,
  ).run(params);
}

interface Pending {
  day: number;
  provider_id: string;
  route_key: string;
  run_count: number;
  success_count: number;
  tokens_in: number;
  tokens_out: number;
  latency_sum_ms: number;
  cost_usd_part: bigint;
  cost_nanos_part: bigint;
  unpriced_events: number;
  latest_ts: number;
  latest_seq: number;
}

/** Collects the totals of one write transaction and adds them to the rollups at its end. */
export class RollupAccumulator {
  private readonly pending = new Map<string, Pending>();
  private readonly upsert: Database.Statement;

  constructor(db: Database.Database) {
    this.upsert = db.prepare(
      `INSERT INTO daily_rollups VALUES (@day, @provider_id, @route_key, @run_count, @success_count,
         @tokens_in, @tokens_out, @latency_sum_ms, @cost_usd_part, @cost_nanos_part, @unpriced_events,
         @latest_ts, @latest_seq)
       ON CONFLICT (day, provider_id, route_key) DO UPDATE SET
         run_count = run_count + excluded.run_count,
         success_count = success_count + excluded.success_count,
         tokens_in = tokens_in + excluded.tokens_in,
         tokens_out = tokens_out + excluded.tokens_out,
         latency_sum_ms = latency_sum_ms + excluded.latency_sum_ms,
         cost_usd_part = cost_usd_part + excluded.cost_usd_part,
         cost_nanos_part = cost_nanos_part + excluded.cost_nanos_part,
         unpriced_events = unpriced_events + excluded.unpriced_events,
         latest_seq = CASE WHEN (excluded.latest_ts, excluded.latest_seq) > (latest_ts, latest_seq)
           THEN excluded.latest_seq ELSE latest_seq END,
         latest_ts = MAX(latest_ts, excluded.latest_ts)`,
    );
  }

  /** Counts one stored event. */
  add(event: EventInsert, seq: number, cost: bigint | null): void {
    const day = Math.floor(event.ts / DAY);
    const routeKey = event.route ?? '';
    const key = `${day}\u0000${event.provider_id}\u0000${routeKey}`;
    let entry = this.pending.get(key);
    if (!entry) {
      entry = {
        day,
        provider_id: event.provider_id,
        route_key: routeKey,
        run_count: 0,
        success_count: 0,
        tokens_in: 0,
        tokens_out: 0,
        latency_sum_ms: 0,
        cost_usd_part: 0n,
        cost_nanos_part: 0n,
        unpriced_events: 0,
        latest_ts: event.ts,
        latest_seq: seq,
      };
      this.pending.set(key, entry);
    }
    entry.run_count += 1;
    entry.success_count += event.status === 'success' ? 1 : 0;
    entry.tokens_in += event.tokens_in;
    entry.tokens_out += event.tokens_out;
    entry.latency_sum_ms += event.duration_ms;
    if (cost === null) entry.unpriced_events += 1;
    else {
      entry.cost_usd_part += cost / NANOS_PER_USD;
      entry.cost_nanos_part += cost % NANOS_PER_USD;
    }
    if (event.ts > entry.latest_ts || (event.ts === entry.latest_ts && seq > entry.latest_seq)) {
      entry.latest_ts = event.ts;
      entry.latest_seq = seq;
    }
  }

  /** Writes the collected totals; call inside the transaction that stored the events. */
  flush(): void {
    for (const entry of this.pending.values()) this.upsert.run(entry);
    this.pending.clear();
  }

  /** Forgets collected totals after a failed transaction. */
  discard(): void {
    this.pending.clear();
  }
}
