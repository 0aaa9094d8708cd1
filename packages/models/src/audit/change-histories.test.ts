import { type EntityMetadata } from '@mikro-orm/core';
import { discoverMetadata } from '../../test/discover-metadata';
import { fieldChangeHistoryProperties } from '../columns/change-history-columns';
import { entities } from '../entities';
import { changeHistories } from './change-histories';

let metadata: Map<string, EntityMetadata>;

beforeAll(async () => {
  metadata = await discoverMetadata(entities);
});

describe('changeHistories', () => {
  test('dbo.User and dbo.Company keep a change history, in audit.User and audit.Company', () => {
    expect(changeHistories.map(({ entity, history }) => [entity.meta.className, `${history.meta.schema}.${history.meta.tableName}`])).toEqual([
      ['User', 'audit.User'],
      ['Company', 'audit.Company'],
    ]);
  });

  test.each(changeHistories.map((h) => [h.entity.meta.className, h] as const))('%s: the history is keyed by the row’s key column, and has the field-change columns', (className, h) => {
    const entity = metadata.get(className);
    const history = metadata.get(h.history.meta.className);
    const key = history?.props.find((prop) => prop.name === h.key);
    expect(key?.fieldNames).toEqual(entity?.getPrimaryProps().map((prop) => prop.fieldNames[0]));
    expect(history?.schema).toBe('audit');
    for (const name of Object.keys(fieldChangeHistoryProperties(h.history.meta.tableName))) {
      expect(history?.properties).toHaveProperty(name);
    }
  });
});
