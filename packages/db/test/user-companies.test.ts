import type { EntityManager } from '@mikro-orm/knex';
import { Company, JoinedVia, User, UserCompany, UserCompanyRole, UserCompanyStatus, UserStatus } from '@eventlead/models';
import { JOINED_VIA, USER_COMPANY_ROLE, USER_COMPANY_STATUS, USER_STATUS, findCompanyUsers, findUserCompanies } from '../src';
import { describeEachDatabase } from '../src/testing';

/** Runs `fn` and returns what it returned with the number of SQL statements it sent. */
async function counting<T>(em: EntityManager, fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const knex = em.getConnection().getKnex();
  let queries = 0;
  const onQuery = () => {
    queries += 1;
  };
  knex.on('query', onQuery);
  try {
    return { result: await fn(), queries };
  } finally {
    knex.off('query', onQuery);
  }
}

describeEachDatabase(
  'user.companies and company.users',
  (getDb) => {
    /**
     * alice belongs to Default (her default company), Beta, and to five companies that must not show:
     * one soft-deleted, one through a soft-deleted membership, and three whose membership's role, status or
     * joined-via reference row is soft-deleted. Default also has bob (soft-deleted user) and carol.
     */
    async function arrange() {
      const em = getDb().em();
      // The few reference rows this needs (seeding all of them would cost seconds per database).
      const ref = {
        userActive: em.create(UserStatus, { code: USER_STATUS.active, name: 'Active' }),
        owner: em.create(UserCompanyRole, { code: USER_COMPANY_ROLE.owner, name: 'Owner' }),
        active: em.create(UserCompanyStatus, { code: USER_COMPANY_STATUS.active, name: 'Active' }),
        signup: em.create(JoinedVia, { code: JOINED_VIA.signup, name: 'Sign-up' }),
      };
      const retiredRole = em.create(UserCompanyRole, { code: 'retired-role', name: 'Retired role' });
      const retiredStatus = em.create(UserCompanyStatus, { code: 'retired-status', name: 'Retired status' });
      const retiredJoinedVia = em.create(JoinedVia, { code: 'retired-via', name: 'Retired joined-via' });
      const user = (email: string) => em.create(User, { email, passwordHash: 'x'.repeat(60), status: ref.userActive });
      const company = (companyName: string) => em.create(Company, { companyName });
      const member = (u: User, c: Company, extra: Partial<Pick<UserCompany, 'isDefaultCompany' | 'role' | 'status' | 'joinedVia'>> = {}) =>
        em.create(UserCompany, { user: u, company: c, role: ref.owner, status: ref.active, joinedVia: ref.signup, ...extra });

      const [alice, bob, carol] = [user('alice@example.com'), user('bob@example.com'), user('carol@example.com')];
      const names = ['Zeta Default', 'Beta', 'Deleted company', 'Deleted membership', 'Deleted role', 'Deleted status', 'Deleted joined-via'];
      const [home, beta, deletedCompany, viaDeletedMembership, viaRole, viaStatus, viaJoined] = names.map(company) as [
        Company, Company, Company, Company, Company, Company, Company,
      ];
      member(alice, home, { isDefaultCompany: true });
      member(alice, beta);
      member(alice, deletedCompany);
      const deletedMembership = member(alice, viaDeletedMembership);
      member(alice, viaRole, { role: retiredRole });
      member(alice, viaStatus, { status: retiredStatus });
      member(alice, viaJoined, { joinedVia: retiredJoinedVia });
      member(bob, home);
      member(carol, home);
      member(bob, beta);
      await em.flush();

      // Soft delete (the SoftDeleteSubscriber turns these removals into UPDATEs of IsDeleted).
      em.remove([deletedCompany, deletedMembership, retiredRole, retiredStatus, retiredJoinedVia, bob]);
      await em.flush();
      return { alice, bob, carol, home, beta, deletedCompany };
    }

    let fixture: Awaited<ReturnType<typeof arrange>>;
    beforeAll(async () => {
      fixture = await arrange();
    }, 60_000);

    test('user.companies: only live companies through live memberships with live role, status and joined-via, default first, in one query', async () => {
      const { alice } = fixture;
      const em = getDb().em();
      const { result, queries } = await counting(em, () => findUserCompanies(em, alice.id));
      expect(result.map((c) => c.companyName)).toEqual(['Zeta Default', 'Beta']);
      expect(queries).toBe(1);

      // The rows are really there: lifting the filter shows all seven memberships.
      expect(await getDb().em().count(UserCompany, { user: alice.id }, { filters: { softDelete: false } })).toBe(7);
    });

    test('company.users: only live users through live memberships, by email, in one query', async () => {
      const { home, beta, deletedCompany } = fixture;
      const em = getDb().em();
      const { result, queries } = await counting(em, () => findCompanyUsers(em, home));
      expect(result.map((u) => u.email)).toEqual(['alice@example.com', 'carol@example.com']);
      expect(queries).toBe(1);
      expect((await findCompanyUsers(getDb().em(), beta.id)).map((u) => u.email)).toEqual(['alice@example.com']);
      expect(await findCompanyUsers(getDb().em(), deletedCompany.id)).toEqual([]);
    });

    test('a soft-deleted user has no companies; an unknown id has none either', async () => {
      const { bob } = fixture;
      expect(await findUserCompanies(getDb().em(), bob.id)).toEqual([]);
      expect(await findUserCompanies(getDb().em(), 987_654)).toEqual([]);
    });
  },
  { resetAfterEach: false },
);
