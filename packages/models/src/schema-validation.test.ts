import { ReferenceKind, type EntityMetadata } from '@mikro-orm/core';
import { discoverMetadata } from '../test/discover-metadata';
import { entities } from './entities';

/**
 * The seed's Task 13: column names that once drifted between models, services and the database
 * (EmailVerified vs IsEmailVerified, IsActive/UserStatusID vs StatusID, Action/TableName vs ChangeType,
 * EventStatus/Details vs EventType/Reason). Each is asserted both ways, and the exact column lists pin
 * the tables the seed describes.
 */

const audit = ['CreatedDate', 'CreatedBy', 'UpdatedDate', 'UpdatedBy', 'IsDeleted', 'DeletedDate', 'DeletedBy'];

let metadata: Map<string, EntityMetadata>;

beforeAll(async () => {
  metadata = await discoverMetadata(entities);
});

/** The columns of an entity's table, in declaration order. */
function columnsOf(className: string): string[] {
  const m = metadata.get(className);
  if (!m) {
    throw new Error(`No metadata for ${className}`);
  }
  return m.props
    .filter(
      (prop) =>
        prop.kind === ReferenceKind.SCALAR ||
        prop.kind === ReferenceKind.MANY_TO_ONE ||
        (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner),
    )
    .flatMap((prop) => prop.fieldNames);
}

describe('dbo.User', () => {
  test.each([
    ['IsEmailVerified', 'EmailVerified'],
    ['StatusID', 'IsActive'],
    ['StatusID', 'UserStatusID'],
  ])('has %s, not %s', (present, absent) => {
    expect(columnsOf('User')).toContain(present);
    expect(columnsOf('User')).not.toContain(absent);
  });

  test('has exactly the seed columns plus the audit columns', () => {
    expect(columnsOf('User').sort()).toEqual(
      [
        'UserID',
        'Email',
        'PasswordHash',
        'FirstName',
        'LastName',
        'Phone',
        'RoleTitle',
        'IsEmailVerified',
        'EmailVerifiedDate',
        'OnboardingComplete',
        'LastLogin',
        'AccessTokenVersion',
        'StatusID',
        ...audit,
      ].sort(),
    );
  });

  test('StatusID references ref.UserStatus', () => {
    const status = metadata.get('User')?.properties.status;
    expect(status?.fieldNames).toEqual(['StatusID']);
    expect(status?.targetMeta?.schema).toBe('ref');
    expect(status?.targetMeta?.tableName).toBe('UserStatus');
    expect(status?.referencedColumnNames).toEqual(['UserStatusID']);
  });
});

describe('audit.User', () => {
  test.each([
    ['ChangeType', 'Action'],
    ['ChangeType', 'TableName'],
    ['ChangedBy', 'ChangedByUserID'],
  ])('has %s, not %s', (present, absent) => {
    expect(columnsOf('UserAudit')).toContain(present);
    expect(columnsOf('UserAudit')).not.toContain(absent);
  });

  test('has exactly 13 columns', () => {
    expect(columnsOf('UserAudit')).toEqual([
      'UserAuditID',
      'UserID',
      'ChangeType',
      'FieldName',
      'OldValue',
      'NewValue',
      'ChangedBy',
      'ChangedDate',
      'IPAddress',
      'UserAgent',
      'RequestID',
      'Reason',
      'CreatedDate',
    ]);
  });

  test('audit.Company is shaped the same way, around CompanyID', () => {
    expect(columnsOf('CompanyAudit')).toEqual(
      columnsOf('UserAudit').map((name) => name.replace(/^User(Audit)?ID$/, 'Company$1ID')),
    );
  });
});

describe('log.AuthEvent', () => {
  test.each([
    ['EventType', 'EventStatus'],
    ['Reason', 'Details'],
  ])('has %s, not %s', (present, absent) => {
    expect(columnsOf('AuthEvent')).toContain(present);
    expect(columnsOf('AuthEvent')).not.toContain(absent);
  });

  test('has exactly 9 columns', () => {
    expect(columnsOf('AuthEvent')).toEqual([
      'AuthEventID',
      'UserID',
      'Email',
      'EventType',
      'Reason',
      'IPAddress',
      'UserAgent',
      'RequestID',
      'CreatedDate',
    ]);
  });
});

describe('dbo.Company and dbo.UserCompany', () => {
  test('Company has exactly the seed columns plus the audit columns', () => {
    expect(columnsOf('Company').sort()).toEqual(
      [
        'CompanyID',
        'CompanyName',
        'ABN',
        'ACN',
        'TradingName',
        'EntityTypeCode',
        'EntityTypeName',
        'GSTRegistered',
        'IsActive',
        ...audit,
      ].sort(),
    );
  });

  test('UserCompany has exactly the seed columns plus the audit columns', () => {
    expect(columnsOf('UserCompany').sort()).toEqual(
      [
        'UserCompanyID',
        'UserID',
        'CompanyID',
        'UserCompanyRoleID',
        'UserCompanyStatusID',
        'IsDefaultCompany',
        'JoinedVia',
        'InvitedBy',
        ...audit,
      ].sort(),
    );
  });

  test.each([
    ['joinedVia', 'JoinedVia', 'ref', 'JoinedVia', 'JoinedViaID'],
    ['invitedBy', 'InvitedBy', 'dbo', 'User', 'UserID'],
  ])('UserCompany.%s is column %s → %s.%s(%s)', (property, columnName, schema, table, referenced) => {
    const prop = metadata.get('UserCompany')?.props.find((candidate) => candidate.name === property);
    expect(prop?.fieldNames).toEqual([columnName]);
    expect([prop?.targetMeta?.schema, prop?.targetMeta?.tableName]).toEqual([schema, table]);
    expect(prop?.referencedColumnNames).toEqual([referenced]);
  });
});
