/**
 * How hard the reliability suite pushes. The short variant runs in `pnpm test` (CI); the long one
 * (`pnpm --filter @eventlead/api test:reliability:long`, RELIABILITY_LONG=1) tries many more inputs.
 */
export const LONG_RUN = process.env.RELIABILITY_LONG === '1';

/** `short` in the normal run, `long` in the long variant. */
export function runs(short: number, long: number): number {
  return LONG_RUN ? long : short;
}

/** PostgreSQL server of the suites (each file creates its own database there), when configured. */
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL?.trim() ?? '';
