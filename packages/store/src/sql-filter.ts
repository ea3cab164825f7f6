import type { EventFilter, RunsCursor } from './contract.js';
import { StoreError } from './errors.js';

/** A WHERE clause and its parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * Translates an {@link EventFilter} into a WHERE clause over `events`.
 *
 * @throws StoreError `STORE_INVALID_INPUT` naming the filter field that is not what it should be.
 */
export function filterCondition(filter: EventFilter): SqlCondition {
  checkFilter(filter);
  const parts: string[] = [];
  const params: unknown[] = [];

  if (filter.start !== undefined) {
    parts.push('ts >= ?');
    params.push(filter.start);
  }
  if (filter.end !== undefined) {
    parts.push('ts <= ?');
    params.push(filter.end);
  }
  if (filter.providerIds !== undefined) {
    if (filter.providerIds.length === 0) parts.push('0');
    else {
      parts.push(`provider_id IN (${filter.providerIds.map(() => '?').join(', ')})`);
      params.push(...filter.providerIds);
    }
  }
  if (filter.route !== undefined) {
    parts.push(filter.route === 'default' ? "(route = 'default' OR route IS NULL)" : 'route = ?');
    if (filter.route !== 'default') params.push(filter.route);
  }

  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Appends a condition to a clause made by {@link filterCondition}. */
export function andCondition(base: SqlCondition, sql: string, params: unknown[]): SqlCondition {
  const joined = base.sql === '' ? `WHERE ${sql}` : `${base.sql} AND ${sql}`;
  return { sql: joined, params: [...base.params, ...params] };
}

/**
 * Checks the page size and cursor of a runs listing.
 *
 * @throws StoreError `STORE_INVALID_INPUT` naming `limit` or `after`.
 */
export function checkRunsPage(limit: number, after: RunsCursor | undefined): void {
  if (!Number.isSafeInteger(limit) || limit < 1) invalid('limit', 'a positive whole number', limit);
  if (after !== undefined && !(Number.isFinite(after.ts) && Number.isSafeInteger(after.seq))) {
    invalid('after', 'a cursor { ts, seq } of numbers', after);
  }
}

// Without these checks a NaN bound is bound as NULL and silently matches nothing.
function checkFilter(filter: EventFilter): void {
  for (const bound of ['start', 'end'] as const) {
    const value = filter[bound];
    if (value !== undefined && !Number.isFinite(value)) invalid(bound, 'epoch milliseconds', value);
  }
  const ids = filter.providerIds;
  if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => typeof id === 'string'))) {
    invalid('providerIds', 'an array of provider ids', ids);
  }
  const route: unknown = filter.route;
  if (route !== undefined && typeof route !== 'string') invalid('route', 'text', route);
}

function invalid(field: string, expected: string, received: unknown): never {
  const shown = typeof received === 'number' ? String(received) : JSON.stringify(received);
  throw new StoreError('STORE_INVALID_INPUT', `${field} must be ${expected}, got ${shown}`, {
    field,
  });
}
