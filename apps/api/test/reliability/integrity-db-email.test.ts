import { adminAuth, describeReliability } from './support/harness';

/**
 * Issue 12: `UQ_User_Email` counted soft-deleted users, so a deleted user's email could never register
 * again (and there is no restore). It now counts live users only, on every dialect; two live users still
 * cannot share an email, whatever case the second one is typed in.
 */
describeReliability('integrity: email of a deleted user', (get) => {
  async function createUser(email: string) {
    return get().call({ method: 'POST', url: '/users', headers: adminAuth, payload: { email, password: 'a long enough passphrase' } });
  }

  test('POST /users, DELETE it, POST the same email again: 201, a new user', async () => {
    const c = get();
    const first = await createUser('comeback@example.com');
    expect(first.statusCode).toBe(201);
    const id = first.json<{ data: { id: number } }>().data.id;
    expect((await c.call({ method: 'DELETE', url: `/users/${id}`, headers: adminAuth })).statusCode).toBe(204);

    const again = await createUser('comeback@example.com');
    expect(again.statusCode).toBe(201);
    expect(again.json<{ data: { id: number; email: string } }>().data).toMatchObject({ email: 'comeback@example.com' });
    expect(again.json<{ data: { id: number } }>().data.id).not.toBe(id);
  });

  test('two live users with one email (in any case): the second gets 409 EMAIL_TAKEN', async () => {
    expect((await createUser('only.once@example.com')).statusCode).toBe(201);
    const twice = await createUser('Only.Once@Example.com');
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ error: string }>().error).toBe('A user with this email address already exists.');
  });
});
