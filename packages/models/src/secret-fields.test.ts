import { entities } from './entities';
import { isSecretProperty, secretFieldNames } from './secret-fields';

describe('secret fields', () => {
  test('hidden properties and *Hash properties are secrets; others are not', () => {
    expect(isSecretProperty({ name: 'passwordHash', hidden: true })).toBe(true);
    expect(isSecretProperty({ name: 'tokenHash' })).toBe(true);
    expect(isSecretProperty({ name: 'apiKey', hidden: true })).toBe(true);
    expect(isSecretProperty({ name: 'email' })).toBe(false);
    expect(isSecretProperty({ name: 'hashtag' })).toBe(false);
  });

  test('the password hash and the token hashes, by property and by column', () => {
    expect(secretFieldNames).toEqual(['PasswordHash', 'TokenHash', 'passwordHash', 'tokenHash']);
  });

  test('every secret property names its column, so loggers can redact the column too', () => {
    const unnamed = entities.flatMap((entity) =>
      Object.entries(entity.meta.properties as Record<string, { hidden?: boolean; fieldName?: string }>)
        .filter(([name, prop]) => isSecretProperty({ name, hidden: prop.hidden }) && prop.fieldName === undefined)
        .map(([name]) => `${entity.meta.className}.${name}`),
    );
    expect(unnamed).toEqual([]);
  });
});
