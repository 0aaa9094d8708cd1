import { MAX_IDENTIFIER_LENGTH, SolomonNameError, solomonName, solomonNamePatterns } from './solomon-name';

describe('solomonName', () => {
  test.each([
    ['primaryKey', () => solomonName.primaryKey('User'), 'PK_User'],
    ['primaryKey', () => solomonName.primaryKey('ABRSearch'), 'PK_ABRSearch'],
    ['foreignKey', () => solomonName.foreignKey('UserCompany', 'Company'), 'FK_UserCompany_Company'],
    ['foreignKey', () => solomonName.foreignKey('UserCompany', 'InvitedBy'), 'FK_UserCompany_InvitedBy'],
    ['unique', () => solomonName.unique('User', 'Email'), 'UQ_User_Email'],
    ['unique', () => solomonName.unique('UserCompany', 'UserID', 'CompanyID'), 'UQ_UserCompany_UserID_CompanyID'],
    ['index', () => solomonName.index('User', 'StatusID'), 'IX_User_StatusID'],
    ['index', () => solomonName.index('ActivityLog', 'EntityType', 'EntityID'), 'IX_ActivityLog_EntityType_EntityID'],
    ['check', () => solomonName.check('Country', 'SortOrder'), 'CK_Country_SortOrder'],
    ['default', () => solomonName.default('User', 'CreatedDate'), 'DF_User_CreatedDate'],
  ] as const)('%s builds %s', (kind, build, expected) => {
    const name = build();
    expect(name).toBe(expected);
    expect(name).toMatch(solomonNamePatterns[kind]);
  });

  test.each([
    ['a lower-case table', () => solomonName.primaryKey('user')],
    ['a snake_case column', () => solomonName.index('User', 'status_id')],
    ['an empty part', () => solomonName.unique('User', '')],
    ['a part with a space', () => solomonName.check('User', 'Sort Order')],
    ['a schema-qualified table', () => solomonName.foreignKey('dbo.User', 'UserStatus')],
  ])('rejects %s', (_case, build) => {
    expect(build).toThrow(SolomonNameError);
  });

  test('rejects a name PostgreSQL would truncate, and keeps one that fits exactly', () => {
    const fits = 'T'.repeat(MAX_IDENTIFIER_LENGTH - 'PK_'.length);
    expect(solomonName.primaryKey(fits)).toHaveLength(MAX_IDENTIFIER_LENGTH);
    expect(() => solomonName.primaryKey(`${fits}X`)).toThrow(/longer than 63/);
  });

  test('the error carries a code and the rejected parts', () => {
    let caught: unknown;
    try {
      solomonName.index('User', 'bad_column');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SolomonNameError);
    expect(caught).toMatchObject({ code: 'SOLOMON_NAME_INVALID', parts: ['User', 'bad_column'] });
  });
});

describe('solomonNamePatterns', () => {
  test.each([
    ['primaryKey', 'PK_User_Email'],
    ['foreignKey', 'FK_UserCompany'],
    ['unique', 'UQ_User'],
    ['index', 'IX_user_StatusID'],
    ['check', 'CK_Country'],
    ['default', 'DF_User_createdDate'],
  ] as const)('%s rejects %s', (kind, name) => {
    expect(name).not.toMatch(solomonNamePatterns[kind]);
  });
});
