import { parseBcryptHash, toNodeBcryptHash } from './bcrypt-hash';

// The 53 characters after the cost: 22 of salt and 31 of digest (PHP manual's password_verify example).
const BODY = 'BCryptRequires22Chrcte/VlQH0piJtjXl.0t1XkA8pw9dMXTpOq';

describe('parseBcryptHash', () => {
  test.each([
    [`$2a$05$${BODY}`, { variant: '2a', cost: 5 }],
    [`$2b$12$${BODY}`, { variant: '2b', cost: 12 }],
    [`$2y$07$${BODY}`, { variant: '2y', cost: 7 }],
    [`$2b$04$${BODY}`, { variant: '2b', cost: 4 }],
    [`$2b$31$${BODY}`, { variant: '2b', cost: 31 }],
  ])('reads %s', (hash, expected) => {
    expect(parseBcryptHash(hash)).toEqual(expected);
  });

  test.each([
    ['an empty string', ''],
    ['a non-string', 42],
    ['undefined', undefined],
    ['plain text', 'not a hash'],
    ['the buggy $2x$ variant', `$2x$05$${BODY}`],
    ['the original $2$ variant', `$2$05$${BODY}`],
    ['an unknown variant', `$2c$05$${BODY}`],
    ['a cost below 4', `$2b$03$${BODY}`],
    ['a cost above 31', `$2b$32$${BODY}`],
    ['a one-digit cost', `$2b$5$${BODY}`],
    ['a truncated hash', `$2b$12$${BODY.slice(0, -1)}`],
    ['trailing data', `$2b$12$${BODY}x`],
    ['a character outside the bcrypt alphabet', `$2b$12$${BODY.slice(0, -1)}+`],
    [
      'an argon2 hash',
      '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG',
    ],
  ])('rejects %s', (_label, hash) => {
    expect(parseBcryptHash(hash)).toBeUndefined();
  });
});

describe('toNodeBcryptHash', () => {
  test.each([
    [`$2y$07$${BODY}`, `$2b$07$${BODY}`],
    [`$2a$07$${BODY}`, `$2a$07$${BODY}`],
    [`$2b$07$${BODY}`, `$2b$07$${BODY}`],
  ])('maps %s to %s', (hash, expected) => {
    const info = parseBcryptHash(hash);
    expect(info).toBeDefined();
    expect(toNodeBcryptHash(hash, info!)).toBe(expected);
  });
});
