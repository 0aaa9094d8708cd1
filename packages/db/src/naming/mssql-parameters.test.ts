import { UnicodeString } from '@mikro-orm/mssql';
import { createOrmConfig } from '../config';
import { createORM, type Orm } from '../orm';

interface SentParameter {
  readonly name: string;
  readonly type: string;
  readonly value: unknown;
}

/** What the connection's knex client hands tedious for one binding (`request.addParameter(name, type, value)`). */
function sentParameter(orm: Orm, type: 'read' | 'write', value: unknown): SentParameter | undefined {
  const client = orm.em.getConnection(type).getKnex().client as { _setReqInput(request: object, index: number, value: unknown): void };
  let sent: SentParameter | undefined;
  const request = {
    addParameter(name: string, tediousType: { name: string }, bound: unknown) {
      sent = { name, type: tediousType.name, value: bound };
    },
  };
  client._setReqInput(request, 0, value);
  return sent;
}

describe('SQL Server parameters (knex mssql client built from createOrmConfig, no server)', () => {
  let orm: Orm;
  beforeAll(async () => {
    orm = await createORM(
      createOrmConfig(
        { DATABASE_URL: 'mssql://sa:unused@db.invalid:1433/EventLead', DATABASE_REPLICA_URLS: 'mssql://ro:unused@replica.invalid:1433/EventLead' },
        { connect: false },
      ),
    );
  });
  afterAll(async () => {
    await orm.close(true);
  });

  const when = new Date('2026-03-04T05:06:07.891Z');
  test.each([
    ['a Date as datetime2 (knex alone: datetime, 1/300 s)', when, 'DateTime2', when],
    ["MikroORM's UnicodeString as its plain string, nvarchar", new UnicodeString("O'Brien ? @p0"), 'NVarChar', "O'Brien ? @p0"],
    ['a plain string as nvarchar', 'abc', 'NVarChar', 'abc'],
    ['an integer as int', 7, 'Int', 7],
    ['an integer beyond int as bigint', 2 ** 40, 'BigInt', 2 ** 40],
    ['a boolean as bit', true, 'Bit', true],
    ['a Buffer as varbinary', Buffer.from('x'), 'VarBinary', Buffer.from('x')],
    ['null as a typed null', null, 'NVarChar', null],
  ])('binds %s, on the primary and on a replica', (_label, value, type, sent) => {
    for (const side of ['write', 'read'] as const) {
      expect({ side, parameter: sentParameter(orm, side, value) }).toEqual({ side, parameter: { name: 'p0', type, value: sent } });
    }
  });
});
