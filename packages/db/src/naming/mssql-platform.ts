import { MsSqlPlatform } from '@mikro-orm/mssql';
import { bareTableName } from './solomon-names';
import { SolomonMsSqlSchemaHelper } from './mssql-schema-helper';

/**
 * SQL Server platform with Solomon constraint names. MikroORM leaves a primary key inline and
 * unnamed (`int identity(1,1) primary key`, which SQL Server names `PK__User__1A2B3C`) unless the
 * platform supports custom names and the key's name differs from the platform default; this
 * platform declares SQL Server's generated pattern as that default, so `constraint [PK_User]
 * primary key (...)` is always emitted.
 */
export class SolomonMsSqlPlatform extends MsSqlPlatform {
  protected override readonly schemaHelper: SolomonMsSqlSchemaHelper = new SolomonMsSqlSchemaHelper(this);

  override supportsCustomPrimaryKeyNames(): boolean {
    return true;
  }

  override getDefaultPrimaryName(tableName: string, _columns: string[]): string {
    return `PK__${bareTableName(tableName)}__`;
  }

  /**
   * Long text is `nvarchar(max)`: SQL Server's `text` type is deprecated, cannot be compared or
   * sorted, and is not Unicode (names and messages here are).
   */
  override getTextTypeDeclarationSQL(_column: { length?: number }): string {
    return 'nvarchar(max)';
  }
}
