/**
 * Column values as raw statements return them, per driver: PostgreSQL (`pg`) gives `bigint` as a string
 * and `timestamptz` as a string, PGlite gives numbers and `Date`s, SQL Server (tedious) gives `bigint`
 * as a string and `datetime2` as a `Date`. These turn each into what the DTOs carry.
 */

/** A `bigint`/`int` column value (number, numeric string or bigint) as a JS number. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
  }
  throw new TypeError(`Expected a numeric column value, got ${typeof value}`);
}

/** A string column that is NOT NULL. */
export function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  throw new TypeError(`Expected a text column value, got ${value === null ? 'null' : typeof value}`);
}

/** A string column that may be NULL. */
export function toNullableString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return toText(value);
}

/** A `bit`/`boolean` column value (boolean, 0/1, '0'/'1', 't'/'f'). */
export function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 't' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'f' || value === 'false') return false;
  throw new TypeError(`Expected a boolean column value, got ${String(value)}`);
}

// `2026-11-27 10:11:12.345678+00` (fraction optional): PostgreSQL's text form of a UTC timestamptz.
const PG_UTC = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;
// An explicit zone at the end: `Z`, `+00`, `+10:00`, `-0530`.
const HAS_ZONE = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * A timestamp column value as an ISO-8601 UTC string (`toISOString()`), millisecond precision as the
 * ORM's `Date`s have. Strings without a zone are UTC, as the ORM reads them (`forceUtcTimezone`).
 */
export function toIsoTimestamp(value: unknown): string {
  let date: Date;
  if (value instanceof Date) date = value;
  else if (typeof value === 'string') {
    // What node-postgres returns on the ORM's UTC sessions, written straight into ISO form.
    const utc = PG_UTC.exec(value);
    if (utc !== null) return `${utc[1] ?? ''}T${utc[2] ?? ''}.${((utc[3] ?? '') + '000').slice(0, 3)}Z`;
    // ISO form: `T` between date and time, `±hh:mm` offsets (pg writes `+00` and `+0530` too).
    const text = value
      .trim()
      .replace(' ', 'T')
      .replace(/([+-]\d{2})(\d{2})?$/, (_m, hours: string, minutes: string | undefined) => `${hours}:${minutes ?? '00'}`);
    date = new Date(HAS_ZONE.test(text) ? text : `${text}Z`);
  } else throw new TypeError(`Expected a timestamp column value, got ${typeof value}`);
  if (Number.isNaN(date.getTime())) throw new TypeError(`Not a timestamp: ${String(value)}`);
  return date.toISOString();
}
