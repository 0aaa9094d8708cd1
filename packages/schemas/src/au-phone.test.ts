import { object } from 'yup';
import { auPhoneSchema, checkAuPhone, normalizeAuPhone } from './au-phone';
import type { FieldValidationError } from './field-check';

describe('checkAuPhone: written forms → E.164', () => {
  test.each([
    ['0412 345 678', '+61412345678'],
    ['+61 412 345 678', '+61412345678'],
    ['(02) 1234 5678', '+61212345678'],
    ['04 1234 5678', '+61412345678'],
    ['0412345678', '+61412345678'],
    ['0412-345-678', '+61412345678'],
    ['0412.345.678', '+61412345678'],
    ['+61412345678', '+61412345678'],
    ['61 412 345 678', '+61412345678'],
    ['+61 (0)412 345 678', '+61412345678'],
    ['  0491 570 156  ', '+61491570156'],
    ['02 5550 1234', '+61255501234'],
    ['(03) 9123 4567', '+61391234567'],
    ['(08) 8123 4567', '+61881234567'],
    ['1800 020 504', '+611800020504'],
    // Christmas Island shares the +61 plan.
    ['+61 8 9164 1234', '+61891641234'],
    // Full-width digits, as some phone keyboards produce them.
    ['０４１２ ３４５ ６７８', '+61412345678'],
  ])('%s → %s', (input, expected) => {
    expect(checkAuPhone(input)).toEqual({ ok: true, value: expected });
  });
});

describe('checkAuPhone: refusals', () => {
  test.each([
    ['a US number', '+1 212 555 0123'],
    ['a New Zealand mobile', '+64 21 123 4567'],
    ['a UK number', '+44 20 7946 0958'],
    ['a UK number dialled from Australia', '0011 44 20 7946 0958'],
  ])('%s is not Australian', (_label, input) => {
    expect(checkAuPhone(input)).toMatchObject({ ok: false, code: 'PHONE_NOT_AUSTRALIAN' });
  });

  test.each([
    ['a mobile one digit short', '0412 345 67'],
    ['a mobile one digit long', '0412 345 6789'],
    ['a landline one digit short', '(02) 1234 567'],
    ['a truncated international form', '+61 4123'],
    // 044[1-3], 0445-0446 and 0471 are not allocated mobile ranges.
    ['the unallocated 0441 mobile range', '0441 000 000'],
    ['the unallocated 0442 mobile range', '0442 123 456'],
    ['the unallocated 0446 mobile range', '0446 999 999'],
    ['the unallocated 0471 mobile range', '0471 123 456'],
    ['an 05 number', '0500 000 000'],
    ['an 01 number', '0100 000 000'],
  ])('%s is invalid', (_label, input) => {
    expect(checkAuPhone(input)).toMatchObject({ ok: false, code: 'PHONE_INVALID' });
  });

  test.each([
    ['trailing words', '0412 345 678 abc'],
    ['leading words', 'call 0412 345 678'],
    ['an extension', '+61 412 345 678 x 5'],
    ['a tel: URI', 'tel:+61412345678'],
    ['letters', 'abc'],
    ['a lone plus sign', '+'],
    ['an empty string', ''],
    ['only spaces', '   '],
  ])('%s is refused rather than picked apart', (_label, input) => {
    expect(checkAuPhone(input)).toMatchObject({ ok: false, code: 'PHONE_INVALID' });
  });

  test('foreign, malformed and impossible numbers get different messages', () => {
    const messages = ['+1 212 555 0123', 'abc', '0441 000 000'].map((input) => {
      const result = checkAuPhone(input);
      return result.ok ? undefined : result.message;
    });
    expect(new Set(messages).size).toBe(3);
  });
});

describe('normalizeAuPhone and auPhoneSchema', () => {
  test('normalizeAuPhone returns E.164 or throws FieldValidationError', () => {
    expect(normalizeAuPhone('(02) 5550 1234')).toBe('+61255501234');
    expect(() => normalizeAuPhone('+1 212 555 0123')).toThrow(
      expect.objectContaining({
        code: 'PHONE_NOT_AUSTRALIAN',
        statusCode: 400,
      }) as FieldValidationError,
    );
  });

  test('the schema casts to E.164, refuses foreign numbers and stays nullable when asked', async () => {
    const schema = object({ phone: auPhoneSchema().nullable() });
    await expect(schema.validate({ phone: '0491 570 156' })).resolves.toEqual({
      phone: '+61491570156',
    });
    await expect(schema.validate({ phone: null })).resolves.toEqual({ phone: null });
    await expect(schema.validate({ phone: '+1 212 555 0123' })).rejects.toThrow(/Australian/);
  });
});
