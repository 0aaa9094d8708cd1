import { isCommonPassword } from './common-passwords';

describe('isCommonPassword', () => {
  test.each(['123456', 'password', 'Password', 'PASSWORD', 'qwerty123', 'letmein', 'iloveyou', ' monkey '])(
    '%p is common',
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  test.each(['correct horse battery staple', 'a perfectly fine passphrase', 'Zq8!vT3#pL', ''])('%p is not', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});
