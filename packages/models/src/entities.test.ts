import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  EntitySchema,
  ReferenceKind,
  defineEntity,
  p,
  type EntityDTO,
  type EntityMetadata,
  type EntityProperty,
} from '@mikro-orm/core';
import { discoverMetadata } from '../test/discover-metadata';
import {
  CURRENT_TIMESTAMP_DEFAULT,
  auditColumns,
  auditProperties,
  auditPropertyNames,
  isSoftDeletable,
  mutableRowAuditColumns,
} from './columns/audit-columns';
import { entities, entitiesBySchema, softDeletableEntities } from './entities';
import { ABRSearch, AppSetting, AuthEvent, Country, User, UserAudit, type UserRefreshToken } from './index';
import { PASCAL_CASE, solomonName, solomonNamePatterns } from './naming/solomon-name';

/** className → [schema, table], the whole database at a glance. */
const expectedTables: Record<string, [string, string]> = {
  Country: ['ref', 'Country'],
  Language: ['ref', 'Language'],
  Industry: ['ref', 'Industry'],
  Timezone: ['ref', 'Timezone'],
  UserStatus: ['ref', 'UserStatus'],
  UserInvitationStatus: ['ref', 'UserInvitationStatus'],
  UserRole: ['ref', 'UserRole'],
  UserCompanyRole: ['ref', 'UserCompanyRole'],
  UserCompanyStatus: ['ref', 'UserCompanyStatus'],
  SettingCategory: ['ref', 'SettingCategory'],
  SettingType: ['ref', 'SettingType'],
  RuleType: ['ref', 'RuleType'],
  CustomerTier: ['ref', 'CustomerTier'],
  JoinedVia: ['ref', 'JoinedVia'],
  User: ['dbo', 'User'],
  Company: ['dbo', 'Company'],
  UserCompany: ['dbo', 'UserCompany'],
  UserRefreshToken: ['dbo', 'UserRefreshToken'],
  CompanyCustomerDetails: ['dbo', 'CompanyCustomerDetails'],
  CompanyBillingDetails: ['dbo', 'CompanyBillingDetails'],
  CompanyOrganizerDetails: ['dbo', 'CompanyOrganizerDetails'],
  UserInvitation: ['dbo', 'UserInvitation'],
  UserEmailVerificationToken: ['dbo', 'UserEmailVerificationToken'],
  UserPasswordResetToken: ['dbo', 'UserPasswordResetToken'],
  AppSetting: ['config', 'AppSetting'],
  ValidationRule: ['config', 'ValidationRule'],
  ActivityLog: ['audit', 'ActivityLog'],
  UserAudit: ['audit', 'User'],
  CompanyAudit: ['audit', 'Company'],
  RoleAudit: ['audit', 'Role'],
  ApiRequest: ['log', 'ApiRequest'],
  AuthEvent: ['log', 'AuthEvent'],
  ApplicationError: ['log', 'ApplicationError'],
  EmailDelivery: ['log', 'EmailDelivery'],
  ABRSearch: ['cache', 'ABRSearch'],
};

/** Every foreign key: [table, column, referenced table, constraint name]. */
const expectedForeignKeys: [string, string, string, string][] = [
  ['User', 'StatusID', 'UserStatus', 'FK_User_UserStatus'],
  ['UserCompany', 'UserID', 'User', 'FK_UserCompany_UserID'],
  ['UserCompany', 'CompanyID', 'Company', 'FK_UserCompany_Company'],
  ['UserCompany', 'UserCompanyRoleID', 'UserCompanyRole', 'FK_UserCompany_UserCompanyRole'],
  ['UserCompany', 'UserCompanyStatusID', 'UserCompanyStatus', 'FK_UserCompany_UserCompanyStatus'],
  ['UserCompany', 'JoinedVia', 'JoinedVia', 'FK_UserCompany_JoinedVia'],
  ['UserCompany', 'InvitedBy', 'User', 'FK_UserCompany_InvitedBy'],
  ['UserRefreshToken', 'UserID', 'User', 'FK_UserRefreshToken_User'],
  ['UserEmailVerificationToken', 'UserID', 'User', 'FK_UserEmailVerificationToken_User'],
  ['UserPasswordResetToken', 'UserID', 'User', 'FK_UserPasswordResetToken_User'],
  ['UserInvitation', 'CompanyID', 'Company', 'FK_UserInvitation_Company'],
  ['UserInvitation', 'UserCompanyRoleID', 'UserCompanyRole', 'FK_UserInvitation_UserCompanyRole'],
  ['UserInvitation', 'InvitedBy', 'User', 'FK_UserInvitation_User'],
  ['UserInvitation', 'UserInvitationStatusID', 'UserInvitationStatus', 'FK_UserInvitation_UserInvitationStatus'],
  ['CompanyCustomerDetails', 'CompanyID', 'Company', 'FK_CompanyCustomerDetails_Company'],
  ['CompanyCustomerDetails', 'CustomerTierID', 'CustomerTier', 'FK_CompanyCustomerDetails_CustomerTier'],
  ['CompanyCustomerDetails', 'IndustryID', 'Industry', 'FK_CompanyCustomerDetails_Industry'],
  ['CompanyBillingDetails', 'CompanyID', 'Company', 'FK_CompanyBillingDetails_Company'],
  ['CompanyBillingDetails', 'CountryID', 'Country', 'FK_CompanyBillingDetails_Country'],
  ['CompanyOrganizerDetails', 'CompanyID', 'Company', 'FK_CompanyOrganizerDetails_Company'],
  ['CompanyOrganizerDetails', 'TimezoneID', 'Timezone', 'FK_CompanyOrganizerDetails_Timezone'],
  ['CompanyOrganizerDetails', 'LanguageID', 'Language', 'FK_CompanyOrganizerDetails_Language'],
  ['AppSetting', 'SettingCategoryID', 'SettingCategory', 'FK_AppSetting_SettingCategory'],
  ['AppSetting', 'SettingTypeID', 'SettingType', 'FK_AppSetting_SettingType'],
  ['ValidationRule', 'RuleTypeID', 'RuleType', 'FK_ValidationRule_RuleType'],
  ['ValidationRule', 'CountryID', 'Country', 'FK_ValidationRule_Country'],
];

/** Foreign-key columns whose names the seed fixed, outside the `[Role][ReferencedTable]ID` pattern. */
const seedNamedForeignKeyColumns = ['User.StatusID', 'UserCompany.JoinedVia', 'UserCompany.InvitedBy', 'UserInvitation.InvitedBy'];

/** The relationships the seed asks to navigate: [entity, property, kind, target, mappedBy]. */
const expectedInverseSides: [string, string, string, string, string][] = [
  ['User', 'userCompanies', '1:m', 'UserCompany', 'user'],
  ['User', 'sentInvitations', '1:m', 'UserInvitation', 'invitedBy'],
  ['User', 'emailVerificationTokens', '1:m', 'UserEmailVerificationToken', 'user'],
  ['User', 'passwordResetTokens', '1:m', 'UserPasswordResetToken', 'user'],
  ['User', 'refreshTokens', '1:m', 'UserRefreshToken', 'user'],
  ['Company', 'userCompanies', '1:m', 'UserCompany', 'company'],
  ['Company', 'invitations', '1:m', 'UserInvitation', 'company'],
  ['Company', 'customerDetails', '1:1', 'CompanyCustomerDetails', 'company'],
  ['Company', 'billingDetails', '1:1', 'CompanyBillingDetails', 'company'],
  ['Company', 'organizerDetails', '1:1', 'CompanyOrganizerDetails', 'company'],
];

/** Columns that hold secrets: [table, column]. */
const secretColumns = [
  ['User', 'PasswordHash'],
  ['UserRefreshToken', 'TokenHash'],
  ['UserEmailVerificationToken', 'TokenHash'],
  ['UserPasswordResetToken', 'TokenHash'],
  ['UserInvitation', 'TokenHash'],
];

let metadata: Map<string, EntityMetadata>;

beforeAll(async () => {
  metadata = await discoverMetadata(entities);
});

function meta(className: string): EntityMetadata {
  const found = metadata.get(className);
  if (!found) {
    throw new Error(`No metadata for ${className}`);
  }
  return found;
}

function allMeta(): EntityMetadata[] {
  return entities.map((entity) => meta(entity.meta.className));
}

/** True for properties that own columns in the entity's table (scalars, m:1, owning 1:1). */
function ownsColumn(prop: EntityProperty): boolean {
  return (
    prop.persist !== false &&
    (prop.kind === ReferenceKind.SCALAR ||
      prop.kind === ReferenceKind.MANY_TO_ONE ||
      (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner))
  );
}

function columnProps(m: EntityMetadata): EntityProperty[] {
  return m.props.filter(ownsColumn);
}

function columns(m: EntityMetadata): string[] {
  return columnProps(m).flatMap((prop) => prop.fieldNames);
}

function column(m: EntityMetadata, name: string): EntityProperty {
  const prop = columnProps(m).find((candidate) => candidate.fieldNames.includes(name));
  if (!prop) {
    throw new Error(`${m.className} has no column ${name}`);
  }
  return prop;
}

function foreignKeyProps(m: EntityMetadata): EntityProperty[] {
  return columnProps(m).filter((prop) => prop.kind !== ReferenceKind.SCALAR);
}

/** A property by name, or undefined (`EntityMetadata<any>` does not index by plain strings). */
function propertyOf(m: EntityMetadata, name: string): EntityProperty | undefined {
  return m.props.find((prop) => prop.name === name);
}

function fieldNamesOf(m: EntityMetadata, properties: string | string[] | undefined): string[] {
  return [properties ?? []].flat().flatMap((name) => propertyOf(m, name)?.fieldNames ?? [`<unknown ${name}>`]);
}

interface DeclaredIndex {
  kind: 'index' | 'unique';
  name: unknown;
  columns: string[];
}

function declaredIndexes(m: EntityMetadata): DeclaredIndex[] {
  const fromProps = columnProps(m).flatMap((prop): DeclaredIndex[] => [
    ...(prop.index ? [{ kind: 'index' as const, name: prop.index, columns: prop.fieldNames }] : []),
    ...(prop.unique ? [{ kind: 'unique' as const, name: prop.unique, columns: prop.fieldNames }] : []),
  ]);
  const fromEntity = [
    ...m.indexes.map((index) => ({ kind: 'index' as const, name: index.name, columns: fieldNamesOf(m, index.properties) })),
    ...m.uniques.map((index) => ({ kind: 'unique' as const, name: index.name, columns: fieldNamesOf(m, index.properties) })),
  ];
  return [...fromProps, ...fromEntity];
}

describe('registration', () => {
  test('exactly the 35 tables of the seed register, each once, without import cycles', () => {
    expect(entities).toHaveLength(35);
    expect(entities.every((entity) => entity instanceof EntitySchema)).toBe(true);
    expect(entities.map((entity) => entity.meta.className).sort()).toEqual(Object.keys(expectedTables).sort());
    expect([...metadata.keys()].sort()).toEqual(Object.keys(expectedTables).sort());
  });

  test.each(Object.entries(entitiesBySchema))('the %s group holds exactly that schema', (schema, group) => {
    const expected = Object.entries(expectedTables)
      .filter(([, [expectedSchema]]) => expectedSchema === schema)
      .map(([className]) => className);
    expect(group.map((entity) => entity.meta.className).sort()).toEqual(expected.sort());
  });

  const entityFiles = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.entity.ts'))
    .sort();

  test('one file per entity', () => {
    expect(entityFiles).toHaveLength(35);
  });

  test.each(entityFiles)('loading %s first still resolves every relation of every entity', async (file) => {
    await jest.isolateModulesAsync(async () => {
      // the fresh registry has its own copy of @mikro-orm/core, hence the class-name checks
      const isSchema = (value: unknown): value is EntitySchema =>
        (value as { constructor?: { name?: string } } | null)?.constructor?.name === 'EntitySchema';
      const loaded = (await import(join(__dirname, file))) as Record<string, unknown>;
      expect(Object.values(loaded).filter(isSchema)).toHaveLength(1);
      const registry = (await import(join(__dirname, 'entities.ts'))) as { entities: EntitySchema[] };
      // before discovery, a scalar's options carry no `kind` at all
      const relations = registry.entities.flatMap((entity) =>
        Object.values<{ kind?: string; entity?: unknown }>(entity.meta.properties).filter(
          (prop) => prop.kind !== undefined && prop.kind !== 'scalar',
        ),
      );
      expect(relations).toHaveLength(allMeta().reduce((sum, m) => sum + m.relations.length, 0));
      for (const prop of relations) {
        // a relation written without its arrow function captures `undefined` when its module is
        // evaluated in the middle of an import cycle
        expect(isSchema((prop.entity as () => unknown)())).toBe(true);
      }
    });
  });
});

describe('tables', () => {
  test.each(Object.entries(expectedTables))('%s is %j', (className, [schema, table]) => {
    const m = meta(className);
    expect([m.schema, m.tableName]).toEqual([schema, table]);
    expect(m.tableName).toMatch(PASCAL_CASE);
  });

  test.each(Object.keys(expectedTables))('%s: columns PascalCase, properties camelCase and matching', (className) => {
    const m = meta(className);
    for (const prop of columnProps(m)) {
      expect(prop.name).toMatch(/^[a-z][A-Za-z0-9]*$/);
      for (const fieldName of prop.fieldNames) {
        expect(fieldName).toMatch(PASCAL_CASE);
      }
      if (prop.kind === ReferenceKind.SCALAR && !prop.primary) {
        // a scalar's property is its column in camelCase (`ipAddress` ↔ `IPAddress`), so typos show up here
        expect(prop.name.toLowerCase()).toBe(prop.fieldNames[0]?.toLowerCase());
      }
    }
  });

  test.each(Object.keys(expectedTables))('%s: primary key `id` ↔ [Entity]ID, numeric identity', (className) => {
    const m = meta(className);
    expect(m.primaryKeys).toEqual(['id']);
    const id = m.properties.id!;
    // [Table]ID; audit.User/Company/Role are keyed by their entity name, since their [Table]ID
    // (UserID, CompanyID) is the column pointing at the audited row.
    expect(id.fieldNames).toEqual([`${className}ID`]);
    if (className === m.tableName) {
      expect(id.fieldNames).toEqual([`${m.tableName}ID`]);
    }
    expect(id.autoincrement).toBe(true);
    expect(id.runtimeType).toBe('number');
    expect(id.columnTypes).toEqual([m.schema === 'ref' ? 'int' : 'bigint']);
  });

  test('every bigint column reaches JS as a number', () => {
    const bigintColumns = allMeta().flatMap((m) =>
      columnProps(m).filter((prop) => prop.kind === ReferenceKind.SCALAR && prop.columnTypes[0] === 'bigint'),
    );
    expect(bigintColumns.length).toBeGreaterThan(35);
    for (const prop of bigintColumns) {
      expect(prop.runtimeType).toBe('number');
    }
  });
});

describe('audit columns', () => {
  const soft = Object.entries(expectedTables).filter(([, [schema]]) => ['dbo', 'config', 'ref'].includes(schema));
  const appendOnly = Object.entries(expectedTables).filter(([, [schema]]) => ['audit', 'log'].includes(schema));

  test.each(soft)('%s (%j) has all seven, defined the same way', (className) => {
    const m = meta(className);
    for (const [property, fieldName] of Object.entries(auditColumns)) {
      expect(propertyOf(m, property)?.fieldNames).toEqual([fieldName]);
    }
    const [createdDate, updatedDate, isDeleted, createdBy, updatedBy, deletedDate, deletedBy] = [
      'createdDate',
      'updatedDate',
      'isDeleted',
      'createdBy',
      'updatedBy',
      'deletedDate',
      'deletedBy',
    ].map((property) => propertyOf(m, property));
    for (const stamp of [createdDate, updatedDate]) {
      expect(stamp?.nullable).toBeFalsy();
      expect(stamp).toMatchObject({ defaultRaw: CURRENT_TIMESTAMP_DEFAULT, runtimeType: 'Date' });
      // the column type is left to the platform (timestamptz on PostgreSQL, datetime2 on SQL Server)
      expect(stamp?.columnTypes).toEqual(['datetime']);
      expect(stamp?.onCreate?.({}, undefined as never)).toBeInstanceOf(Date);
    }
    expect(updatedDate?.onUpdate?.({}, undefined as never)).toBeInstanceOf(Date);
    expect(isDeleted?.nullable).toBeFalsy();
    expect(isDeleted).toMatchObject({ default: false, runtimeType: 'boolean' });
    for (const actor of [createdBy, updatedBy, deletedBy]) {
      expect(actor).toMatchObject({ nullable: true, kind: ReferenceKind.SCALAR, runtimeType: 'number' });
      expect(actor?.columnTypes).toEqual(['bigint']);
    }
    expect(deletedDate).toMatchObject({ nullable: true, runtimeType: 'Date' });
  });

  test.each(appendOnly)('%s (%j) is append-only: CreatedDate, no update or delete columns', (className) => {
    const m = meta(className);
    const createdDate = column(m, 'CreatedDate');
    expect(createdDate.nullable).toBeFalsy();
    expect(createdDate).toMatchObject({ defaultRaw: CURRENT_TIMESTAMP_DEFAULT, runtimeType: 'Date' });
    for (const name of mutableRowAuditColumns) {
      expect(columns(m)).not.toContain(name);
    }
  });

  test('soft-deletable entities are exactly the ones with IsDeleted', () => {
    const withIsDeleted = allMeta()
      .filter((m) => columns(m).includes('IsDeleted'))
      .map((m) => m.className);
    expect(softDeletableEntities.map((entity) => entity.meta.className).sort()).toEqual(withIsDeleted.sort());
    expect(withIsDeleted).toHaveLength(26);
  });

  test('auditPropertyNames names each audit property as itself', () => {
    expect(Object.keys(auditPropertyNames)).toEqual(Object.keys(auditColumns));
    expect(Object.keys(auditProperties())).toEqual(Object.keys(auditColumns));
    for (const [name, value] of Object.entries(auditPropertyNames)) {
      expect(value).toBe(name);
    }
  });

  test.each([
    ['User', true, User],
    ['Country', true, Country],
    ['AppSetting', true, AppSetting],
    ['AuthEvent', false, AuthEvent],
    ['UserAudit', false, UserAudit],
    ['ABRSearch', false, ABRSearch],
  ] as const)('isSoftDeletable: %s is %s, as its schema and as discovered metadata', (className, expected, entity) => {
    expect(isSoftDeletable(entity)).toBe(expected);
    expect(isSoftDeletable(meta(className))).toBe(expected);
  });

  test('isSoftDeletable reads the metadata, so it holds for entities defined elsewhere too', () => {
    const withAudit = defineEntity({ name: 'Fixture', properties: { id: p.integer().primary(), ...auditProperties() } });
    const withoutAudit = defineEntity({ name: 'Plain', properties: { id: p.integer().primary() } });
    expect(isSoftDeletable(withAudit)).toBe(true);
    expect(isSoftDeletable(withoutAudit)).toBe(false);
    expect(isSoftDeletable(undefined)).toBe(false);
  });
});

describe('foreign keys', () => {
  test('exactly the expected foreign keys, with their Solomon names', () => {
    const actual = allMeta().flatMap((m) =>
      foreignKeyProps(m).map((prop) => [m.tableName, prop.fieldNames[0], prop.targetMeta?.tableName, prop.foreignKeyName]),
    );
    expect(actual.sort()).toEqual([...expectedForeignKeys].sort());
  });

  test.each(expectedForeignKeys)('%s.%s → %s', (table, columnName, referenced, name) => {
    const m = allMeta().find((candidate) => candidate.tableName === table && candidate.schema !== 'audit')!;
    const prop = column(m, columnName);
    expect(name).toMatch(solomonNamePatterns.foreignKey);
    const sameTarget = foreignKeyProps(m).filter((other) => other.targetMeta?.tableName === referenced);
    // FK_Table_ReferencedTable, or FK_Table_Column when two keys point at the same table
    expect(prop.foreignKeyName).toBe(
      solomonName.foreignKey(table, sameTarget.length > 1 ? columnName : referenced),
    );
    expect(prop.referencedColumnNames).toEqual([`${referenced}ID`]);
    if (!seedNamedForeignKeyColumns.includes(`${table}.${columnName}`)) {
      expect(columnName).toMatch(new RegExp(`^([A-Z][A-Za-z0-9]*)?${referenced}ID$`));
    }
    // no cascades anywhere: SQL Server rejects multiple cascade paths (error 1785), and rows are soft-deleted
    expect([prop.deleteRule, prop.updateRule]).toEqual(['no action', 'no action']);
    // SQL Server does not index foreign keys by itself; a single-column unique constraint is an index too
    const covering = declaredIndexes(m).filter((index) => index.columns.join() === columnName);
    expect(covering.map((index) => index.name)).toContainEqual(
      expect.stringMatching(new RegExp(`^(IX|UQ)_${table}_${columnName}$`)),
    );
  });

  test('audit, log and cache tables hold plain ids, never foreign keys', () => {
    const appendOnly = allMeta().filter((m) => ['audit', 'log', 'cache'].includes(m.schema ?? ''));
    expect(appendOnly).toHaveLength(9);
    for (const m of appendOnly) {
      expect(m.relations).toEqual([]);
    }
    expect(column(meta('UserAudit'), 'UserID').index).toBe('IX_User_UserID');
    expect(column(meta('ApiRequest'), 'CompanyID').index).toBe('IX_ApiRequest_CompanyID');
  });

  test.each(expectedInverseSides)('%s.%s is the %s side to %s.%s', (className, property, kind, target, mappedBy) => {
    expect(propertyOf(meta(className), property)).toMatchObject({ kind, type: target, mappedBy });
  });

  test('the 1:1 details rows own a unique CompanyID', () => {
    for (const className of ['CompanyCustomerDetails', 'CompanyBillingDetails', 'CompanyOrganizerDetails']) {
      const prop = column(meta(className), 'CompanyID');
      expect(prop).toMatchObject({ kind: ReferenceKind.ONE_TO_ONE, owner: true, unique: `UQ_${className}_CompanyID` });
    }
    expect(propertyOf(meta('Company'), 'billingDetails')?.nullable).toBe(true);
  });
});

describe('indexes, unique and check constraints', () => {
  test.each(Object.keys(expectedTables))('%s: every index and unique constraint has its standard name', (className) => {
    const m = meta(className);
    for (const index of declaredIndexes(m)) {
      const [first, ...rest] = index.columns;
      expect(first).toBeDefined();
      expect(index.name).toBe(solomonName[index.kind](m.tableName, first!, ...rest));
      expect(index.name).toMatch(solomonNamePatterns[index.kind]);
    }
  });

  test.each(Object.keys(expectedTables))('%s: every check has its standard name and real columns', (className) => {
    const m = meta(className);
    for (const check of m.checks) {
      expect(check.name).toMatch(solomonNamePatterns.check);
      expect(check.name).toMatch(new RegExp(`^CK_${m.tableName}_`));
      expect(typeof check.expression).toBe('string');
      const referenced = [...String(check.expression).matchAll(/"([^"]+)"/g)].map((match) => match[1]);
      expect(referenced.length).toBeGreaterThan(0);
      for (const name of referenced) {
        expect(columns(m)).toContain(name);
      }
    }
  });

  test('the checks are exactly the real rules', () => {
    const names = allMeta().flatMap((m) => m.checks.map((check) => check.name));
    const expected = [
      ...entitiesBySchema.ref.map((entity) => `CK_${entity.meta.className}_SortOrder`),
      'CK_AppSetting_SortOrder',
      'CK_ValidationRule_SortOrder',
      'CK_User_AccessTokenVersion',
      'CK_UserRefreshToken_ExpiresDate',
      'CK_UserEmailVerificationToken_ExpiresDate',
      'CK_UserPasswordResetToken_ExpiresDate',
      'CK_UserInvitation_ExpiresDate',
      'CK_CompanyOrganizerDetails_EventsPerYear',
      'CK_CompanyOrganizerDetails_TypicalAttendeeCount',
      'CK_ApiRequest_StatusCode',
      'CK_ApiRequest_DurationMs',
      'CK_EmailDelivery_AttemptNumber',
      'CK_ABRSearch_ResultCount',
      'CK_ABRSearch_ExpiresDate',
    ];
    expect(names.sort()).toEqual(expected.sort());
  });

  test.each([
    ['UserRefreshToken', 'TokenHash', 'UQ_UserRefreshToken_TokenHash'],
    ['UserEmailVerificationToken', 'TokenHash', 'UQ_UserEmailVerificationToken_TokenHash'],
    ['UserPasswordResetToken', 'TokenHash', 'UQ_UserPasswordResetToken_TokenHash'],
    ['UserInvitation', 'TokenHash', 'UQ_UserInvitation_TokenHash'],
    ['AppSetting', 'SettingKey', 'UQ_AppSetting_SettingKey'],
    ...entitiesBySchema.ref.map((entity) => [entity.meta.className, 'Code', `UQ_${entity.meta.className}_Code`]),
  ])('%s.%s is unique (%s)', (className, columnName, name) => {
    expect(column(meta(className), columnName).unique).toBe(name);
  });

  test('User.Email is unique among live users only (UQ_User_Email, filtered on IsDeleted)', () => {
    const user = meta('User');
    expect(column(user, 'Email').unique).toBeFalsy();
    expect(user.uniques).toEqual([{ name: 'UQ_User_Email', properties: ['email'], expression: expect.any(Function) as unknown }]);
    const [unique] = user.uniques;
    const rendered = (unique?.expression as unknown as (table: { name: string; schema?: string }) => { sql: string; params: unknown[] })({ name: 'User', schema: 'dbo' });
    expect(rendered).toMatchObject({ sql: 'create unique index ?? on ?? (??) where ?? = ?', params: ['UQ_User_Email', 'dbo.User', 'Email', 'IsDeleted', false] });
  });

  test('composite keys: one membership per user and company, one cache row per search', () => {
    expect(meta('UserCompany').uniques).toEqual([
      { name: 'UQ_UserCompany_UserID_CompanyID', properties: ['user', 'company'] },
    ]);
    expect(meta('ABRSearch').uniques).toEqual([
      { name: 'UQ_ABRSearch_SearchType_SearchValue', properties: ['searchType', 'searchValue'] },
    ]);
  });

  test('no two constraints or indexes share a name within a schema', () => {
    const bySchema = new Map<string, string[]>();
    for (const m of allMeta()) {
      const names = [
        solomonName.primaryKey(m.tableName),
        ...foreignKeyProps(m).map((prop) => String(prop.foreignKeyName)),
        ...declaredIndexes(m).map((index) => String(index.name)),
        ...m.checks.map((check) => String(check.name)),
        ...columnProps(m)
          .filter((prop) => prop.default !== undefined || prop.defaultRaw !== undefined)
          .map((prop) => solomonName.default(m.tableName, prop.fieldNames[0]!)),
      ];
      bySchema.set(m.schema ?? '', [...(bySchema.get(m.schema ?? '') ?? []), ...names]);
    }
    for (const names of bySchema.values()) {
      expect(names.length).toBeGreaterThan(0);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe('secrets', () => {
  test.each(secretColumns)('%s.%s is hidden from serialisation', (table, columnName) => {
    const m = allMeta().find((candidate) => candidate.tableName === table && candidate.schema === 'dbo')!;
    expect(column(m, columnName).hidden).toBe(true);
  });

  test('no other column looks like a secret', () => {
    const lookalikes = allMeta().flatMap((m) =>
      columns(m)
        .filter((name) => /(Hash|Password|Secret|ApiKey)$/.test(name))
        .map((name) => [m.tableName, name]),
    );
    expect(lookalikes.sort()).toEqual([...secretColumns].sort());
  });

  test('serialised entity types drop the secrets (checked by `pnpm typecheck`)', () => {
    // EntityDTO is what toObject()/serialize() return; the Hidden brand removes the property from it
    const passwordLeaks: 'passwordHash' extends keyof EntityDTO<User> ? true : false = false;
    const tokenLeaks: 'tokenHash' extends keyof EntityDTO<UserRefreshToken> ? true : false = false;
    const emailKept: 'email' extends keyof EntityDTO<User> ? true : false = true;
    expect([passwordLeaks, tokenLeaks, emailKept]).toEqual([false, false, true]);
  });
});
