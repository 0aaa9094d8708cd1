import { PasswordHasher, type PasswordHasherOptions } from '../password-hasher';

/**
 * The bcrypt cost of {@link TestPasswordHasher}: 4, bcrypt's lowest, about 1/256 of the work of the
 * default cost 12. Far too cheap to protect a real password.
 */
export const TEST_BCRYPT_COST = 4;

/**
 * A {@link PasswordHasher} for test suites only: real bcrypt (`$2b$04$…` hashes that verify like any
 * other, the same queue, threads and errors), at {@link TEST_BCRYPT_COST} unless told otherwise, so
 * suites that create many users spend their time on what they test, not on hashing. The production
 * hasher refuses costs below `MIN_BCRYPT_COST` (10) and reports these hashes as needing a rehash;
 * the API's configuration has no way to choose this class.
 * @example
 * const app = await buildApp({ orm, passwordHasher: new TestPasswordHasher() });
 */
export class TestPasswordHasher extends PasswordHasher {
  /** bcrypt's own floor, 4, instead of the production floor of 10. */
  protected static override readonly minimumCost: number = TEST_BCRYPT_COST;

  constructor(options: PasswordHasherOptions = {}) {
    super({ cost: TEST_BCRYPT_COST, ...options });
  }
}
