import {
  AppSetting,
  Country,
  CustomerTier,
  Industry,
  JoinedVia,
  Language,
  Timezone,
  User,
  UserCompanyRole,
  UserCompanyStatus,
  UserInvitationStatus,
  UserRole,
  UserStatus,
  ValidationRule,
  referenceTables,
} from '@eventlead/models';
import type { EntitySchema } from '@mikro-orm/core';
import { includeDeleted } from '../soft-delete';
import { describeEachDatabase } from '../testing';
import { countryRows, languageRows } from './iso-rows';
import { APP_SETTING, USER_STATUS } from './reference-codes';
import * as rows from './reference-rows';
import { seedReferenceData, type SeededTable } from './seed-reference-data';
import { DISABLED_PASSWORD_HASH, SYSTEM_ACTOR_EMAIL, SystemActorMissingError, findSystemActorId } from './system-actor';

describe('seed data (no database)', () => {
  test('249 ISO 3166-1 countries, with Kosovo’s user-assigned XK left out', () => {
    const countries = countryRows();
    expect(countries).toHaveLength(249);
    expect(countries.find((c) => c.code === 'AU')).toEqual({
      code: 'AU',
      alpha3: 'AUS',
      numericCode: '036',
      phonePrefix: '+61',
      name: 'Australia',
      sortOrder: 0,
    });
    expect(countries.find((c) => c.code === 'NZ')).toMatchObject({ alpha3: 'NZL', numericCode: '554', phonePrefix: '+64' });
    expect(countries.find((c) => c.code === 'AQ')).toMatchObject({ name: 'Antarctica', phonePrefix: null });
    expect(countries.map((c) => c.code)).not.toContain('XK');
    expect(new Set(countries.map((c) => c.alpha3)).size).toBe(249);
  });

  test('ISO 639-1 languages with English and native names', () => {
    const languages = languageRows();
    expect(languages.length).toBeGreaterThanOrEqual(180);
    expect(languages.find((l) => l.code === 'en')).toEqual({ code: 'en', name: 'English', nativeName: 'English', sortOrder: 0 });
    expect(languages.find((l) => l.code === 'de')).toMatchObject({ name: 'German', nativeName: 'Deutsch' });
  });

  test('the 19 ANZSIC 2006 divisions A–S', () => {
    expect(rows.anzsicDivisions.map((d) => d.code).join('')).toBe('ABCDEFGHIJKLMNOPQRS');
    expect(rows.anzsicDivisions.find((d) => d.code === 'M')?.name).toBe('Professional, Scientific and Technical Services');
  });

  test.each(rows.australianTimezones.map((tz) => [tz.code, tz.utcOffset]))(
    '%s is a real IANA zone whose standard (July) offset is %s',
    (zone, offset) => {
      const july = new Intl.DateTimeFormat('en-AU', { timeZone: zone, timeZoneName: 'longOffset' })
        .formatToParts(new Date('2025-07-01T00:00:00Z'))
        .find((part) => part.type === 'timeZoneName')?.value;
      expect(july).toBe(`GMT${offset}`);
    },
  );

  test.each(referenceTables.map(({ table }) => [table]))('ref.%s: seed rows exist, with unique codes', (table) => {
    const seeded = rows.referenceRowsByTable[table]();
    expect(seeded.length).toBeGreaterThan(0);
    expect(new Set(seeded.map((row) => row.code)).size).toBe(seeded.length);
  });
});

describeEachDatabase('seedReferenceData', (getDb) => {
  /** Every row of every seeded table, audit columns included, for before/after comparisons. */
  async function dump(): Promise<unknown[]> {
    const em = getDb().em();
    const out: unknown[] = [];
    for (const { entity } of referenceTables) {
      out.push(await em.find(entity, {}, { ...includeDeleted(), orderBy: { code: 'asc' } }));
    }
    out.push(await em.find(AppSetting, {}, { ...includeDeleted(), orderBy: { settingKey: 'asc' } }));
    out.push(await em.find(ValidationRule, {}, { ...includeDeleted(), orderBy: { id: 'asc' } }));
    out.push(await em.find(User, {}, { ...includeDeleted(), orderBy: { id: 'asc' } }));
    return JSON.parse(JSON.stringify(out)) as unknown[];
  }

  test('fills every table, and a second run changes nothing', async () => {
    const first = await seedReferenceData(getDb().orm);
    expect(first['ref.Country']).toEqual({ inserted: 249, updated: 0, total: 249 });
    expect(first['ref.Industry']).toEqual({ inserted: 19, updated: 0, total: 19 });
    expect(first['ref.Timezone']).toEqual({ inserted: 12, updated: 0, total: 12 });
    expect(first['config.AppSetting']).toEqual({ inserted: 8, updated: 0, total: 8 });
    expect(first['dbo.User']).toEqual({ inserted: 1, updated: 0, total: 1 });
    expect(Object.keys(first).sort()).toEqual(
      [...referenceTables.map(({ table }) => `ref.${table}`), 'config.AppSetting', 'config.ValidationRule', 'dbo.User'].sort(),
    );
    for (const [table, count] of Object.entries(first)) {
      expect({ table, empty: count.total === 0 }).toEqual({ table, empty: false });
    }
    const before = await dump();

    const second = await seedReferenceData(getDb().orm);
    for (const [table, count] of Object.entries(second)) {
      expect({ table, ...count }).toEqual({ table, inserted: 0, updated: 0, total: first[table as SeededTable].total });
    }
    expect(await dump()).toEqual(before);
  });

  test('reference rows hold their exact values', async () => {
    await seedReferenceData(getDb().orm);
    const em = getDb().em();
    expect(await em.findOneOrFail(Country, { code: 'AU' })).toMatchObject({
      name: 'Australia',
      alpha3: 'AUS',
      numericCode: '036',
      phonePrefix: '+61',
      isActive: true,
      isDeleted: false,
    });
    expect(await em.count(Country)).toBe(249);
    expect((await em.find(Industry, {}, { orderBy: { code: 'asc' } })).map((i) => `${i.code} ${i.name}`)).toEqual(
      rows.anzsicDivisions.map((d) => `${d.code} ${d.name}`),
    );
    expect(await em.findOneOrFail(Timezone, { code: 'Australia/Lord_Howe' })).toMatchObject({ utcOffset: '+10:30' });
    expect(await em.findOneOrFail(Language, { code: 'ja' })).toMatchObject({ name: 'Japanese', nativeName: '日本語' });
    const codes = async (entity: EntitySchema<{ code: string; sortOrder: number }>) =>
      (await em.find(entity, {}, { orderBy: { sortOrder: 'asc' } })).map((row) => row.code);
    expect(await codes(UserStatus as never)).toEqual(['pending_verification', 'active', 'locked', 'suspended', 'deactivated']);
    expect(await codes(UserInvitationStatus as never)).toEqual(['pending', 'accepted', 'declined', 'expired', 'revoked']);
    expect(await codes(UserRole as never)).toEqual(['system_admin', 'user']);
    expect(await codes(UserCompanyRole as never)).toEqual(['owner', 'admin', 'manager', 'member', 'viewer']);
    expect(await codes(UserCompanyStatus as never)).toEqual(['active', 'suspended']);
    expect(await codes(JoinedVia as never)).toEqual(['signup', 'invitation', 'admin']);
    expect(await codes(CustomerTier as never)).toEqual(['free', 'standard', 'professional', 'enterprise']);
  });

  test('default settings and validation rules', async () => {
    await seedReferenceData(getDb().orm);
    const em = getDb().em();
    const settings = await em.find(AppSetting, {}, { populate: ['settingType', 'settingCategory'] });
    expect(Object.fromEntries(settings.map((s) => [s.settingKey, s.settingValue]))).toEqual({
      'security.password.minLength': '8',
      'security.login.maxAttempts': '5',
      'security.login.lockoutMinutes': '15',
      'auth.accessToken.lifetimeMinutes': '15',
      'auth.refreshToken.lifetimeDays': '30',
      'auth.emailVerification.lifetimeHours': '24',
      'auth.passwordReset.lifetimeMinutes': '60',
      'auth.invitation.lifetimeDays': '7',
    });
    expect(settings.every((s) => s.settingType.code === 'integer' && s.defaultValue === s.settingValue)).toBe(true);
    const phone = await em.findOneOrFail(ValidationRule, { ruleName: 'phone' }, { populate: ['country', 'ruleType'] });
    expect(phone).toMatchObject({ ruleValue: '^\\+61[2-478]\\d{8}$', country: { code: 'AU' }, ruleType: { code: 'regex' } });
    expect(new RegExp(phone.ruleValue).test('+61412345678')).toBe(true);
    expect(new RegExp(phone.ruleValue).test('+6441234567')).toBe(false);
    const password = await em.findOneOrFail(ValidationRule, { ruleName: 'password' }, { populate: ['ruleType'] });
    expect(password).toMatchObject({ ruleValue: '8', ruleType: { code: 'min_length' }, country: null });
    expect(await em.count(ValidationRule)).toBe(rows.validationRules.length);
  });

  test('the platform operator account: active, verified, and no password can match it', async () => {
    await expect(findSystemActorId(getDb().em())).rejects.toBeInstanceOf(SystemActorMissingError);
    await seedReferenceData(getDb().orm);
    const em = getDb().em();
    const user = await em.findOneOrFail(User, { email: SYSTEM_ACTOR_EMAIL }, { populate: ['status'] });
    expect(user).toMatchObject({ isEmailVerified: true, status: { code: USER_STATUS.active }, passwordHash: DISABLED_PASSWORD_HASH });
    expect(user.passwordHash).not.toMatch(/^\$2[aby]\$/);
    expect(await findSystemActorId(getDb().em())).toBe(user.id);
  });

  test('operators own values and IsActive; the seed corrects what it owns and never resurrects deleted rows', async () => {
    await seedReferenceData(getDb().orm);
    const em = getDb().em();
    const setting = await em.findOneOrFail(AppSetting, { settingKey: APP_SETTING.passwordMinLength });
    setting.settingValue = '12';
    const fiji = await em.findOneOrFail(Country, { code: 'FJ' });
    fiji.isActive = false;
    const au = await em.findOneOrFail(Country, { code: 'AU' });
    au.name = 'Straya';
    em.remove(await em.findOneOrFail(Country, { code: 'NZ' }));
    const admin = await em.findOneOrFail(User, { email: SYSTEM_ACTOR_EMAIL });
    admin.passwordHash = '$2b$12$someoneSetARealPasswordHashOnTheOperatorAccount';
    await em.flush();

    const counts = await seedReferenceData(getDb().orm);
    expect(counts['ref.Country']).toEqual({ inserted: 0, updated: 1, total: 249 });
    expect(counts['config.AppSetting']).toEqual({ inserted: 0, updated: 0, total: 8 });
    expect(counts['dbo.User']).toEqual({ inserted: 0, updated: 1, total: 1 });
    const after = getDb().em();
    expect((await after.findOneOrFail(AppSetting, { settingKey: APP_SETTING.passwordMinLength })).settingValue).toBe('12');
    expect((await after.findOneOrFail(Country, { code: 'FJ' })).isActive).toBe(false);
    expect((await after.findOneOrFail(Country, { code: 'AU' })).name).toBe('Australia');
    expect(await after.findOne(Country, { code: 'NZ' })).toBeNull();
    expect((await after.findOneOrFail(User, { email: SYSTEM_ACTOR_EMAIL })).passwordHash).toBe(DISABLED_PASSWORD_HASH);
  });
});
