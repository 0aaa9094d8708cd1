import type { CheckDef, Knex } from '@mikro-orm/knex';
import { PostgreSqlSchemaHelper } from '@mikro-orm/postgresql';

/**
 * PostgreSQL schema helper that quotes check constraint names. MikroORM passes them to knex bare
 * (`constraint CK_User_AccessTokenVersion check (...)`), and PostgreSQL folds bare names to lower
 * case, so the catalog would say `ck_user_accesstokenversion` and schema diffs would never match.
 * Primary, unique, foreign key and index names are already quoted by knex.
 */
export class SolomonPostgreSqlSchemaHelper extends PostgreSqlSchemaHelper {
  override createCheck(table: Knex.CreateTableBuilder, check: CheckDef): void {
    table.check(check.expression as string, {}, this.platform.quoteIdentifier(check.name));
  }
}
