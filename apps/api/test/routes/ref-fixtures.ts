import type { TestDatabase } from '@eventlead/db/testing';
import { Country, JoinedVia, UserCompanyRole, UserCompanyStatus, UserStatus } from '@eventlead/models';

/**
 * The few reference rows the route tests rely on (the harness truncates every table after each test,
 * so call it in `beforeEach`; in `beforeAll` in a suite with `resetAfterEach: false`). Country holds
 * an inactive row and rows whose SortOrder and Name order differ, for the /ref ordering tests.
 */
export async function insertReferenceRows(db: TestDatabase): Promise<void> {
  const em = db.em();
  em.create(UserStatus, { code: 'active', name: 'Active', sortOrder: 1 });
  em.create(UserStatus, { code: 'suspended', name: 'Suspended', sortOrder: 2 });
  em.create(UserCompanyRole, { code: 'owner', name: 'Owner', sortOrder: 1 });
  em.create(UserCompanyRole, { code: 'member', name: 'Member', sortOrder: 2 });
  em.create(UserCompanyStatus, { code: 'active', name: 'Active', sortOrder: 1 });
  em.create(JoinedVia, { code: 'admin', name: 'Admin', sortOrder: 1 });
  em.create(Country, { code: 'NZ', alpha3: 'NZL', name: 'New Zealand', sortOrder: 2 });
  em.create(Country, { code: 'AU', alpha3: 'AUS', name: 'Australia', sortOrder: 1, description: 'Home' });
  em.create(Country, { code: 'FJ', alpha3: 'FJI', name: 'Fiji', sortOrder: 2 });
  em.create(Country, { code: 'XX', alpha3: 'XXX', name: 'Retired', sortOrder: 0, isActive: false });
  await em.flush();
}

/** Fails when a response body carries a password hash or its column name. */
export function expectNoSecrets(body: string): void {
  expect(body).not.toMatch(/passwordHash|PasswordHash|\$2[aby]\$/);
}
