import { Company } from '@eventlead/models';
import { gzipSync } from 'node:zlib';
import { adminAuth, describeApp } from '../app-harness';

const json = { ...adminAuth, 'content-type': 'application/json' };
const NOT_UTF8 = { error: 'The body is not valid UTF-8: send the JSON encoded as UTF-8.', details: [] };
const COMPRESSED = { error: 'This API accepts uncompressed bodies only: send the body without a Content-Encoding header (or with Content-Encoding: identity).', details: [] };

/** `{"companyName":"<name>"}` with `bytes` (raw, not escaped) inside the name. */
function companyBody(name: string, bytes: number[]): Buffer {
  return Buffer.concat([Buffer.from(`{"companyName":"${name}`), Buffer.from(bytes), Buffer.from('"}')]);
}

describeApp('request bodies', (get) => {
  test.each([
    ['\\xff\\xfe', [0xff, 0xfe]],
    ['a lone continuation byte', [0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
  ])('a JSON body with %s (not UTF-8) is a 400 saying so, and nothing is stored', async (_label, bytes) => {
    const res = await get().app.inject({ method: 'POST', url: '/companies', headers: json, payload: companyBody('bad', bytes) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(NOT_UTF8);
    expect(await get().db.em().count(Company, { companyName: { $like: 'bad%' } })).toBe(0);
  });

  test('a JSON body in UTF-8 with multi-byte characters is stored as sent', async () => {
    const res = await get().app.inject({ method: 'POST', url: '/companies', headers: json, payload: Buffer.from('{"companyName":"Zoë 日本 😀"}', 'utf8') });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ data: { companyName: string } }>().data.companyName).toBe('Zoë 日本 😀');
  });

  test.each(['{"companyName":"x","__proto__":{"isAdmin":true}}', '{"companyName":"x","constructor":{"prototype":{"isAdmin":true}}}'])(
    'prototype poisoning is still refused: %s',
    async (payload) => {
      const res = await get().app.inject({ method: 'POST', url: '/companies', headers: json, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ details: [] });
    },
  );

  test('the body limit still applies', async () => {
    const res = await get().app.inject({ method: 'POST', url: '/companies', headers: json, payload: `{"companyName":"${'x'.repeat(2_000_000)}"}` });
    expect(res.statusCode).toBe(413);
  });

  test('an empty JSON body is still a 400', async () => {
    const res = await get().app.inject({ method: 'POST', url: '/companies', headers: json, payload: '' });
    expect(res.statusCode).toBe(400);
  });

  test.each(['gzip', 'br', 'deflate', 'GZIP', 'gzip, identity'])('a body with Content-Encoding: %s is a 415 saying to send it uncompressed', async (encoding) => {
    const res = await get().app.inject({ method: 'POST', url: '/companies', headers: { ...json, 'content-encoding': encoding }, payload: gzipSync('{"companyName":"Gzipped"}') });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual(COMPRESSED);
    expect(await get().db.em().count(Company, { companyName: 'Gzipped' })).toBe(0);
  });

  test('a PATCH with a compressed body is a 415 too', async () => {
    const res = await get().app.inject({ method: 'PATCH', url: '/companies/1', headers: { ...json, 'content-encoding': 'gzip' }, payload: gzipSync('{"companyName":"Gzipped"}') });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual(COMPRESSED);
  });

  test.each(['identity', ' Identity '])('Content-Encoding: %j is accepted', async (encoding) => {
    const res = await get().app.inject({ method: 'POST', url: '/companies', headers: { ...json, 'content-encoding': encoding }, payload: { companyName: `Plain ${encoding.trim()}` } });
    expect(res.statusCode).toBe(201);
  });
});
