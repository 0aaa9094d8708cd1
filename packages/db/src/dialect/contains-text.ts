import { raw, type Platform } from '@mikro-orm/core';
import { sqlDialectOf } from '../ddl/sql-dialect';
import { UnicodeString } from '@mikro-orm/mssql';

/** The escape character of every pattern {@link containsText} renders (`ESCAPE '\'` in the SQL). */
export const LIKE_ESCAPE = '\\';

/**
 * The collation SQL Server compares a {@link containsText} search under: case-insensitive and
 * accent-sensitive, whatever the database or column collation is (the explicit collation on the
 * pattern wins over the column's implicit one). Pinned rather than left to the database default, so a
 * database created with a case-sensitive collation still searches case-insensitively.
 */
export const MSSQL_SEARCH_COLLATION = 'Latin1_General_100_CI_AS';

/**
 * `term` as a `%term%` LIKE pattern that matches it literally. PostgreSQL's only wildcards are `%` and
 * `_`; SQL Server's LIKE also reads `[` as the start of a character class (`[a-c]`), so it is escaped
 * there too. The escape character itself is always escaped.
 * @example likeContainsPattern('mssql', '50%[x]') // '%50\\%\\[x]%'
 */
export function likeContainsPattern(dialect: 'postgresql' | 'mssql', term: string): string {
  const special = dialect === 'mssql' ? /[\\%_[]/g : /[\\%_]/g;
  return `%${term.replace(special, (c) => `${LIKE_ESCAPE}${c}`)}%`;
}

/**
 * A case-insensitive "contains" condition on one text property, for a MikroORM FilterQuery, in the
 * SQL of the platform's dialect. The term matches literally (its wildcards are escaped) and is bound
 * as a parameter.
 *
 * - PostgreSQL and PGlite: `"FirstName" ilike ? escape '\'`
 * - SQL Server (which has no ILIKE): `[FirstName] like ? collate Latin1_General_100_CI_AS escape '\'`
 *   (see {@link MSSQL_SEARCH_COLLATION})
 * @example
 * em.find(User, { firstName: containsText(em.getPlatform(), 'ann') })
 */
export function containsText(platform: Platform, term: string): { $ilike: string } | { $like: string } {
  const dialect = sqlDialectOf(platform);
  const pattern = likeContainsPattern(dialect, term);
  // The raw fragment is the operand of LIKE: the bound pattern plus the clauses MikroORM has no option for.
  if (dialect === 'mssql') {
    // Unicode (N'…' or nvarchar): a varchar pattern would turn letters outside the code page into '?'.
    return { $like: raw(`? collate ${MSSQL_SEARCH_COLLATION} escape '${LIKE_ESCAPE}'`, [new UnicodeString(pattern)]) };
  }
  return { $ilike: raw(`? escape '${LIKE_ESCAPE}'`, [pattern]) };
}
