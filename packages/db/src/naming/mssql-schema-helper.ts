import type { CheckDef, Column, DatabaseTable, Dictionary, Knex } from '@mikro-orm/knex';
import { MsSqlSchemaHelper } from '@mikro-orm/mssql';
import { constraintName } from './solomon-names';
import { isUtcNow, toUtcDefault } from './utc-default';

/**
 * SQL Server schema helper emitting Solomon DDL: every column default becomes a named constraint
 * `constraint [DF_Table_Column] default ...`, and current-time defaults become `GETUTCDATE()`.
 *
 * Knex only learns a default constraint's name through `defaultTo(value, { constraintName })`, and
 * MikroORM's `configureColumnDefault` does not get the table, so the table of each column builder
 * is remembered when the column is created.
 */
export class SolomonMsSqlSchemaHelper extends MsSqlSchemaHelper {
  private readonly columnTables = new WeakMap<Knex.ColumnBuilder, string>();

  override createTableColumn(
    table: Knex.TableBuilder,
    column: Column,
    fromTable: DatabaseTable,
    changedProperties?: Set<string>,
    alter?: boolean,
  ): Knex.ColumnBuilder | undefined {
    const col = super.createTableColumn(table, column, fromTable, changedProperties, alter);
    if (col) {
      this.columnTables.set(col, fromTable.name);
    }
    return col;
  }

  override configureColumnDefault(
    column: Column,
    col: Knex.ColumnBuilder,
    knex: Knex,
    changedProperties?: Set<string>,
  ): Knex.ColumnBuilder {
    const table = this.columnTables.get(col);
    if (table === undefined) {
      return super.configureColumnDefault(column, col, knex, changedProperties);
    }
    const options = { constraintName: constraintName('default', table, [column.name]) };
    const declared = column.default;
    if (changedProperties) {
      if (changedProperties.has('default')) {
        col.defaultTo(declared == null ? null : knex.raw(toUtcDefault(declared)), options);
      }
    } else if (declared != null && declared !== 'null') {
      col.defaultTo(knex.raw(toUtcDefault(declared)), options);
    }
    return col;
  }

  /** Check names quoted like every other constraint name (MikroORM hands them to knex bare). */
  override createCheck(table: Knex.CreateTableBuilder, check: CheckDef): void {
    table.check(check.expression as string, {}, this.platform.quoteIdentifier(check.name));
  }

  override normalizeDefaultValue(
    defaultValue: string,
    length: number,
    defaultValues?: Dictionary<string[]>,
    stripQuotes?: boolean,
  ): string | number {
    const normalized = super.normalizeDefaultValue(defaultValue, length, defaultValues, stripQuotes);
    // Read back from the catalog as `(getutcdate())`; entities declare `current_timestamp`.
    return typeof normalized === 'string' && isUtcNow(normalized) ? 'current_timestamp' : normalized;
  }
}
