import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { SolomonPostgreSqlSchemaHelper } from './postgres-schema-helper';

/**
 * PostgreSQL platform with Solomon DDL (shared by the PostgreSQL and PGlite drivers). Primary keys
 * need nothing here: the naming strategy's `PK_Table` differs from PostgreSQL's default `Table_pkey`,
 * which is what makes MikroORM emit `constraint "PK_Table" primary key (...)`.
 */
export class SolomonPostgreSqlPlatform extends PostgreSqlPlatform {
  protected override readonly schemaHelper: SolomonPostgreSqlSchemaHelper = new SolomonPostgreSqlSchemaHelper(this);
}
