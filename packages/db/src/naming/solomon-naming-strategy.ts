import { AbstractNamingStrategy } from '@mikro-orm/core';
import { constraintName } from './solomon-names';

type IndexType = 'primary' | 'foreign' | 'unique' | 'index' | 'sequence' | 'check';

/** `firstName` → `FirstName`, `userId` → `UserID` (the Solomon `[Table]ID` key pattern). */
function pascalColumn(name: string): string {
  const pascal = name.charAt(0).toUpperCase() + name.slice(1);
  return pascal.replace(/Id$/, 'ID');
}

/**
 * MikroORM naming strategy for the Solomon standard. Entities name their tables and columns
 * explicitly; this strategy supplies constraint and index names (`PK_User`, `FK_UserCompany_UserID`,
 * `UQ_User_Email`, `IX_User_Email`, `CK_...`) and, as a fallback for anything left unnamed,
 * PascalCase tables and columns (`firstName` → `FirstName`, relation `user` → `UserID`).
 *
 * Sequence names keep PostgreSQL's own `Table_Column_seq` so MikroORM finds the sequences that
 * `serial`/identity columns create.
 */
export class SolomonNamingStrategy extends AbstractNamingStrategy {
  override indexName(tableName: string, columns: string[], type: IndexType): string {
    if (type === 'sequence') {
      return super.indexName(tableName, columns, type);
    }
    return constraintName(type, tableName, columns);
  }

  /**
   * SQL Server default constraint name, `DF_Table_Column` (not part of MikroORM's interface; used by
   * {@link SolomonMsSqlSchemaHelper}).
   */
  defaultConstraintName(tableName: string, column: string): string {
    return constraintName('default', tableName, [column]);
  }

  /** Fallback table name: the entity name as it is (`User` → `User`). */
  classToTableName(entityName: string): string {
    return entityName;
  }

  /** Fallback column name: PascalCase, `Id` suffix as `ID` (`userId` → `UserID`). */
  propertyToColumnName(propertyName: string): string {
    return pascalColumn(propertyName);
  }

  /** Foreign key column of a relation: `user` → `UserID`. */
  joinColumnName(propertyName: string): string {
    return pascalColumn(`${propertyName}Id`);
  }

  /**
   * Foreign key column of a pivot table: the referenced key's name (`UserID`), numbered for the two sides
   * of a self-reference.
   */
  joinKeyColumnName(entityName: string, referencedColumnName?: string): string {
    // Solomon foreign keys repeat the referenced key's name (`UserID`), which already names the table.
    // MikroORM passes `User_1`/`User_2` for the two sides of a self-referencing pivot: keep them apart.
    const side = /_(\d)$/.exec(entityName)?.[1] ?? '';
    const base = entityName.replace(/_\d$/, '');
    return referencedColumnName && referencedColumnName !== this.referenceColumnName()
      ? `${referencedColumnName}${side}`
      : `${base}ID${side}`;
  }

  /** Pivot table of a many-to-many relation: the two entity names joined (`UserCompany`). */
  joinTableName(sourceEntity: string, targetEntity: string, _propertyName?: string): string {
    return `${sourceEntity}${targetEntity}`;
  }

  /** The primary key property every entity uses (`id`, column `[Table]ID`). */
  referenceColumnName(): string {
    return 'id';
  }
}
