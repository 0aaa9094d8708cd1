import { Company, CompanyAudit, User, UserAudit, UserStatus } from '@eventlead/models';
import type { EntityManager } from '@mikro-orm/knex';
import { setActor } from '../actor';
import { describeEachDatabase } from '../testing';
import { transactional } from '../transaction';
import { setAuditContext } from './audit-context';
import { REDACTED } from './audit-trail-subscriber';

const ACTOR = 42;
const HASH = '$2b$12$abcdefghijklmnopqrstuuO5hKWQGcXFrxXwrz9PmZ8gVSpTmCuXy';
const NEW_HASH = '$2b$12$zyxwvutsrqponmlkjihgfeC1C3lW2Xq3n8r1XO5Gx0e7g1hGqYwTq';

interface AuditRow {
  changeType: string;
  fieldName: string | null;
  oldValue: string | null;
  newValue: string | null;
  changedBy: number | null;
  requestId: string | null;
}

function toRow(row: Partial<Record<keyof AuditRow, unknown>>): AuditRow {
  return {
    changeType: row.changeType as string,
    fieldName: (row.fieldName ?? null) as string | null,
    oldValue: (row.oldValue ?? null) as string | null,
    newValue: (row.newValue ?? null) as string | null,
    changedBy: (row.changedBy ?? null) as number | null,
    requestId: (row.requestId ?? null) as string | null,
  };
}

describeEachDatabase('audit trail of dbo.User and dbo.Company', (getDb) => {
  let activeId: number;
  let suspendedId: number;

  beforeEach(async () => {
    const em = getDb().em();
    const active = em.create(UserStatus, { code: 'active', name: 'Active', sortOrder: 1 });
    const suspended = em.create(UserStatus, { code: 'suspended', name: 'Suspended', sortOrder: 2 });
    await em.flush();
    activeId = active.id;
    suspendedId = suspended.id;
  });

  function actingEm(): EntityManager {
    const em = getDb().em();
    setActor(em, ACTOR);
    return em;
  }

  async function userHistory(userId: number): Promise<AuditRow[]> {
    return (await getDb().em().find(UserAudit, { userId }, { orderBy: { id: 'asc' } })).map(toRow);
  }

  async function companyHistory(companyId: number): Promise<AuditRow[]> {
    return (await getDb().em().find(CompanyAudit, { companyId }, { orderBy: { id: 'asc' } })).map(toRow);
  }

  async function createUser(em = actingEm()): Promise<number> {
    const user = em.create(User, { email: 'ada@example.com', passwordHash: HASH, firstName: 'Ada', status: activeId });
    await em.flush();
    return user.id;
  }

  test('creating a user writes one INSERT row per column with a value, by the acting user', async () => {
    const id = await createUser();
    const rows = await userHistory(id);
    const byField = Object.fromEntries(rows.map((row) => [row.fieldName ?? '', row]));
    expect(byField.Email).toEqual({ changeType: 'INSERT', fieldName: 'Email', oldValue: null, newValue: 'ada@example.com', changedBy: ACTOR, requestId: null });
    expect(byField.FirstName?.newValue).toBe('Ada');
    expect(byField.StatusID?.newValue).toBe(String(activeId));
    expect(rows.every((row) => row.changeType === 'INSERT' && row.changedBy === ACTOR)).toBe(true);
    expect(Object.keys(byField)).not.toEqual(expect.arrayContaining(['LastName', 'CreatedDate', 'UpdatedBy', 'UserID']));
  });

  test('secrets are recorded as changed, never with their values', async () => {
    const id = await createUser();
    const em = actingEm();
    const user = await em.findOneOrFail(User, id);
    user.passwordHash = NEW_HASH;
    await em.flush();
    const rows = await userHistory(id);
    expect(rows.filter((row) => row.fieldName === 'PasswordHash')).toEqual([
      { changeType: 'INSERT', fieldName: 'PasswordHash', oldValue: null, newValue: REDACTED, changedBy: ACTOR, requestId: null },
      { changeType: 'UPDATE', fieldName: 'PasswordHash', oldValue: REDACTED, newValue: REDACTED, changedBy: ACTOR, requestId: null },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/\$2b\$/);
  });

  test('an update writes one UPDATE row per changed column with old and new values, and the request context', async () => {
    const id = await createUser();
    const em = actingEm();
    setAuditContext(em, { requestId: 'req-123', ipAddress: '203.0.113.9', userAgent: 'jest', reason: 'profile edit' });
    const user = await em.findOneOrFail(User, id);
    user.email = 'ada.lovelace@example.com';
    user.status = em.getReference(UserStatus, suspendedId);
    user.lastLogin = new Date('2025-03-04T05:06:07.000Z');
    await em.flush();
    const updates = (await userHistory(id)).filter((row) => row.changeType === 'UPDATE');
    expect(updates).toEqual(
      expect.arrayContaining([
        { changeType: 'UPDATE', fieldName: 'Email', oldValue: 'ada@example.com', newValue: 'ada.lovelace@example.com', changedBy: ACTOR, requestId: 'req-123' },
        { changeType: 'UPDATE', fieldName: 'StatusID', oldValue: String(activeId), newValue: String(suspendedId), changedBy: ACTOR, requestId: 'req-123' },
        { changeType: 'UPDATE', fieldName: 'LastLogin', oldValue: null, newValue: '2025-03-04T05:06:07.000Z', changedBy: ACTOR, requestId: 'req-123' },
      ]),
    );
    expect(updates).toHaveLength(3);
    const full = await getDb().em().findOneOrFail(UserAudit, { userId: id, fieldName: 'Email', changeType: 'UPDATE' });
    expect(full).toMatchObject({ ipAddress: '203.0.113.9', userAgent: 'jest', reason: 'profile edit' });
  });

  test('a flush that changes nothing audited writes nothing', async () => {
    const id = await createUser();
    const before = await userHistory(id);
    const em = actingEm();
    const user = await em.findOneOrFail(User, id);
    user.email = 'ada@example.com';
    await em.flush();
    expect(await userHistory(id)).toEqual(before);
  });

  test('a soft delete is a DELETE by the actor, and undoing it a RESTORE', async () => {
    const id = await createUser();
    const em = actingEm();
    em.remove(await em.findOneOrFail(User, id));
    await em.flush();
    const restoreEm = actingEm();
    const deleted = await restoreEm.findOneOrFail(User, id, { filters: { softDelete: false } });
    deleted.isDeleted = false;
    await restoreEm.flush();
    const rows = (await userHistory(id)).filter((row) => row.changeType !== 'INSERT');
    expect(rows).toEqual([
      { changeType: 'DELETE', fieldName: 'IsDeleted', oldValue: 'false', newValue: 'true', changedBy: ACTOR, requestId: null },
      { changeType: 'RESTORE', fieldName: 'IsDeleted', oldValue: 'true', newValue: 'false', changedBy: ACTOR, requestId: null },
    ]);
  });

  test('companies: insert, update and soft delete', async () => {
    const em = actingEm();
    const company = em.create(Company, { companyName: 'Acme Events Pty Ltd', abn: '51824753556' });
    await em.flush();
    company.tradingName = 'Acme Events';
    await em.flush();
    em.remove(company);
    await em.flush();
    const rows = await companyHistory(company.id);
    expect(rows.filter((row) => row.changeType === 'INSERT').map((row) => row.fieldName)).toEqual(
      expect.arrayContaining(['CompanyName', 'ABN', 'GSTRegistered', 'IsActive']),
    );
    expect(rows.filter((row) => row.changeType !== 'INSERT')).toEqual([
      { changeType: 'UPDATE', fieldName: 'TradingName', oldValue: null, newValue: 'Acme Events', changedBy: ACTOR, requestId: null },
      { changeType: 'DELETE', fieldName: 'IsDeleted', oldValue: 'false', newValue: 'true', changedBy: ACTOR, requestId: null },
    ]);
  });

  test('without an actor, ChangedBy is null', async () => {
    const id = await createUser(getDb().em());
    const rows = await userHistory(id);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.changedBy === null)).toBe(true);
  });

  test('rolled back with the change: no user, no company, no history', async () => {
    const em = actingEm();
    await expect(
      transactional(em, async (tx) => {
        tx.create(User, { email: 'ghost@example.com', passwordHash: HASH, status: activeId });
        tx.create(Company, { companyName: 'Ghost Pty Ltd' });
        await tx.flush();
        throw new Error('abort after the flush');
      }),
    ).rejects.toThrow('abort after the flush');
    const check = getDb().em();
    expect(await check.count(User, {}, { filters: false })).toBe(0);
    expect(await check.count(UserAudit)).toBe(0);
    expect(await check.count(CompanyAudit)).toBe(0);
  });

  test('an update rolled back with its transaction leaves no history either', async () => {
    const id = await createUser();
    const before = await userHistory(id);
    await expect(
      transactional(actingEm(), async (tx) => {
        const user = await tx.findOneOrFail(User, id);
        user.firstName = 'Augusta';
        await tx.flush();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await userHistory(id)).toEqual(before);
  });
});
