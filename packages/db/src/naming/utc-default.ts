/**
 * Current-time defaults the entities may declare (`current_timestamp`, `current_timestamp(7)`,
 * `now()`, `getdate()`, `sysdatetime()`). On SQL Server these all read the server's local clock;
 * Solomon timestamps are UTC, so they become `GETUTCDATE()`.
 */
const LOCAL_NOW = /^\s*(?:current_timestamp(?:\s*\(\s*\d*\s*\))?|now\s*\(\s*\)|getdate\s*\(\s*\)|sysdatetime\s*\(\s*\))\s*$/i;
const UTC_NOW = /^\s*getutcdate\s*\(\s*\)\s*$/i;

/** The SQL Server default for a declared default expression: current-time defaults become `GETUTCDATE()`. */
export function toUtcDefault(expression: string): string {
  return LOCAL_NOW.test(expression) ? 'GETUTCDATE()' : expression;
}

/** True for `getutcdate()` as SQL Server reports it back, so schema diffs see no change. */
export function isUtcNow(expression: string): boolean {
  return UTC_NOW.test(expression);
}
