import { ApiRequest, Company } from '@eventlead/models';
import { describeEachDatabase } from './testing';

// MikroORM inlines values into the SQL it sends; on PGlite a `;` in a value used to be taken for a
// statement separator (patched in @harryplusplus/knex-pglite, see patches/).
const awkward = [
  "Acme; Pty Ltd",
  "O'Brien & Sons; 'quoted'; \"double\"",
  'semi;colon -- not a comment /* nor this */',
  'dollar $$ quoting; $tag$ inside $tag$',
];

describeEachDatabase('text values with statement punctuation', (getDb) => {
  test.each(awkward)('round-trips %j through insert, update and select', async (text) => {
    const em = getDb().em();
    const company = em.create(Company, { companyName: text, abn: '51824753556', gstRegistered: false, isActive: true });
    const request = em.create(ApiRequest, { requestId: 'r1', method: 'GET', path: `/x/${text}`, statusCode: 200, durationMs: 1 });
    await em.flush();

    company.tradingName = `${text};${text}`;
    await em.flush();

    const fresh = getDb().em();
    await expect(fresh.findOneOrFail(Company, company.id)).resolves.toMatchObject({ companyName: text, tradingName: `${text};${text}` });
    await expect(fresh.findOneOrFail(ApiRequest, request.id)).resolves.toMatchObject({ path: `/x/${text}` });
    expect(await fresh.count(Company, { companyName: text })).toBe(1);
  });
});
