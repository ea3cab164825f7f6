import type Database from 'better-sqlite3';
import { StoreError } from './errors.js';
import { parseInstant } from './instant.js';
import { priceEntryInputSchema, type PriceEntry, type PriceEntryInput } from './price-entry.js';
import { priceEvent } from './pricing.js';
import { rebuildRollups } from './sqlite-rollups.js';

type PriceRow = Omit<PriceEntry, never>;

/** The price table of the SQLite store; every change re-prices the events it affects. */
export class SqlitePrices {
  constructor(private readonly db: Database.Database) {}

  list(): PriceEntry[] {
    return this.db
      .prepare(
        `SELECT id, provider_id, model, input_cost_per_1k, output_cost_per_1k, cache_read_cost_per_1k,
           cache_write_cost_per_1k, effective_at
         FROM prices ORDER BY id`,
      )
      .all() as PriceRow[];
  }

  add(input: PriceEntryInput): PriceEntry {
    const entry = validatePriceEntry(input);
    const insert = this.db.transaction(() => {
      const info = this.db
        .prepare(
          `INSERT INTO prices (provider_id, model, input_cost_per_1k, output_cost_per_1k,
             cache_read_cost_per_1k, cache_write_cost_per_1k, effective_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          entry.provider_id,
          entry.model,
          entry.input_cost_per_1k,
          entry.output_cost_per_1k,
          entry.cache_read_cost_per_1k,
          entry.cache_write_cost_per_1k,
          entry.effective_at,
        );
      this.reprice(entry.provider_id);
      return { id: Number(info.lastInsertRowid), ...entry };
    });
    return insert.immediate();
  }

  remove(id: number): boolean {
    if (!Number.isSafeInteger(id) || id < 1) {
      throw new StoreError(
        'STORE_INVALID_PRICE',
        `price id must be a positive whole number, got ${id}`,
        { field: 'id' },
      );
    }
    const remove = this.db.transaction(() => {
      const row = this.db.prepare('SELECT provider_id FROM prices WHERE id = ?').get(id) as
        { provider_id: string } | undefined;
      if (!row) return false;
      this.db.prepare('DELETE FROM prices WHERE id = ?').run(id);
      this.reprice(row.provider_id);
      return true;
    });
    return remove.immediate();
  }

  /** Recomputes the cost of every event of a provider that has no reported cost. */
  private reprice(providerId: string): void {
    const entries = this.list();
    const events = this.db
      .prepare(
        `SELECT seq, ts, provider_id, tool, tokens_in, tokens_out, cache_read_tokens,
           cache_write_tokens FROM events WHERE provider_id = ? AND cost_reported IS NULL`,
      )
      .all(providerId) as {
      seq: number;
      ts: number;
      provider_id: string;
      tool: string;
      tokens_in: number;
      tokens_out: number;
      cache_read_tokens: number;
      cache_write_tokens: number;
    }[];
    const update = this.db.prepare('UPDATE events SET cost_nanos = ? WHERE seq = ?');
    for (const event of events) update.run(priceEvent(event, entries), event.seq);
    rebuildRollups(this.db, providerId);
  }
}

/**
 * Checks a price entry and converts `effective_at` to epoch milliseconds.
 *
 * @throws StoreError `STORE_INVALID_PRICE` naming the field at fault.
 */
export function validatePriceEntry(input: PriceEntryInput): Omit<PriceEntry, 'id'> {
  const parsed = priceEntryInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const field = unknownKey ?? (issue?.path.join('.') || 'price');
    const reason = unknownKey ? 'is not a price entry field' : (issue?.message ?? 'is invalid');
    throw new StoreError('STORE_INVALID_PRICE', `invalid price entry: ${field}: ${reason}`, {
      field,
      cause: parsed.error,
    });
  }

  const { id: _ignored, effective_at: effectiveText, ...rest } = parsed.data;
  if (effectiveText === null) return { ...rest, effective_at: null };
  const effective = parseInstant(effectiveText);
  if (!effective.ok) {
    throw new StoreError(
      'STORE_INVALID_PRICE',
      `invalid price entry: effective_at: ${effective.reason}`,
      {
        field: 'effective_at',
      },
    );
  }
  return { ...rest, effective_at: effective.ms };
}
