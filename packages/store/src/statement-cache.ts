import type Database from 'better-sqlite3';

/** A result row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>;

/**
 * Prepares each SQL text once and reuses the statement. With `safeIntegers`, integers come back
 * as bigints (exact sums); without, as plain numbers (fast event rows).
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly rawStatements = new Map<string, Database.Statement>();

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

  /** Rows as arrays of column values in select order: no keys to build for long row lists. */
  allRaw(sql: string, params: readonly unknown[]): unknown[][] {
    return this.prepare(sql, true).all(...params) as unknown[][];
  }

  private prepare(sql: string, raw = false): Database.Statement {
    const statements = raw ? this.rawStatements : this.statements;
    let statement = statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql).safeIntegers(this.safeIntegers).raw(raw);
      statements.set(sql, statement);
    }
    return statement;
  }
}
