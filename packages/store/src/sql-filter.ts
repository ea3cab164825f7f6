import type { EventFilter } from './contract.js';

/** A WHERE clause and its parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** Translates an {@link EventFilter} into a WHERE clause over `events`. */
export function filterCondition(filter: EventFilter): SqlCondition {
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
