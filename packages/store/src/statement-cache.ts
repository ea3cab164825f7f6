import type Database from 'better-sqlite3';

/** A result row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>;

/**
 * Prepares each SQL text once and reuses the statement. With `safeIntegers`, integers come back
 * as bigints (exact sums); without, as plain numbers (fast event rows).
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly safeIntegers: boolean,
  ) {}

  all(sql: string, params: readonly unknown[]): Row[] {
    return this.prepare(sql).all(...params) as Row[];
  }

  get(sql: string, params: readonly unknown[]): Row | undefined {
    return this.prepare(sql).get(...params) as Row | undefined;
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql).safeIntegers(this.safeIntegers);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
