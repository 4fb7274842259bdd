/** Raw SQL access beside Prisma: migrations, advisory locks and notifications need a session. */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (simple query protocol). */
  exec(sql: string): Promise<void>;
}

export interface SqlDriver {
  readonly kind: 'postgres' | 'pglite';
  /** Human-readable location with secrets masked, for messages. */
  readonly location: string;
  /** Runs `fn` on one dedicated connection (session-level advisory locks live there). */
  withSession<T>(fn: (s: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
