import { defineEntity, p, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import { CURRENT_TIMESTAMP_DEFAULT, createdDateProperty } from '../columns/audit-columns';
import { checks } from '../naming/check-constraint';
import { solomonName } from '../naming/solomon-name';

const table = 'ABRSearch';

const ABRSearchSchema = defineEntity({
  name: 'ABRSearch',
  schema: 'cache',
  tableName: table,
  properties: {
    id: p.bigint('number').primary().autoincrement().fieldName('ABRSearchID'),
    searchType: p.string().length(10).fieldName('SearchType'),
    searchValue: p.string().length(200).fieldName('SearchValue'),
    resultJson: p.json<unknown>().fieldName('ResultJson'),
    resultCount: p.integer().fieldName('ResultCount').default(0),
    expiresDate: p.datetime().fieldName('ExpiresDate').index(solomonName.index(table, 'ExpiresDate')),
    createdDate: createdDateProperty(),
    updatedDate: p
      .datetime()
      .fieldName('UpdatedDate')
      .defaultRaw(CURRENT_TIMESTAMP_DEFAULT)
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  uniques: [
    {
      name: solomonName.unique(table, 'SearchType', 'SearchValue'),
      properties: ['searchType', 'searchValue'],
    },
  ],
  checks: [checks.nonNegative(table, 'ResultCount'), checks.expiresAfterCreated(table)],
});

/** A `cache.ABRSearch` row, typed from its definition. */
export interface ABRSearch extends InferEntity<typeof ABRSearchSchema> {}

/**
 * `cache.ABRSearch`: cached answers from the Australian Business Register, so repeated ABN/ACN/name lookups
 * during sign-up do not hit the ABR web service. One row per search (`SearchType` = `ABN`, `ACN` or `NAME`,
 * plus the normalised `SearchValue`; unique together), holding the response as JSON (`ResultJson`), how many
 * matches it had (`ResultCount`) and when it goes stale (`ExpiresDate`, later than `CreatedDate`; indexed for
 * the purge job).
 *
 * A cache, not a record: refreshing a search overwrites the row (`UpdatedDate`), expired rows are deleted
 * outright, so there are no soft-delete columns.
 */
export const ABRSearch: EntitySchema<ABRSearch> = ABRSearchSchema;
