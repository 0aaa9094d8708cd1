import { object } from 'yup';
import { acnSchema, checkAcn, normalizeAcn } from './acn';
import { FieldValidationError } from './field-check';

function offByOne(acn: string): string {
  const last = Number(acn.slice(-1));
  return `${acn.slice(0, -1)}${(last + 1) % 10}`;
}

// ASIC's "Australian Company Number digit check" page: its worked example and every example it
// lists. (005 000 001 and 010 000 004 are not on that list, and fail ASIC's algorithm.)
const ASIC_EXAMPLES = [
  '004 085 616',
  '000 000 019',
  '000 250 000',
  '000 500 005',
  '000 750 005',
  '001 000 004',
  '001 250 004',
  '001 500 009',
  '001 749 999',
  '001 999 999',
  '002 249 998',
  '002 499 998',
  '002 749 993',
  '002 999 993',
  '003 249 992',
  '003 499 992',
  '003 749 988',
  '003 999 988',
  '004 249 987',
  '004 499 987',
  '004 749 982',
  '004 999 982',
  '005 249 981',
  '005 499 981',
  '005 749 986',
  '005 999 977',
  '006 249 976',
  '006 499 976',
  '006 749 980',
  '006 999 980',
  '007 249 989',
  '007 499 989',
  '007 749 975',
  '007 999 975',
  '008 249 974',
  '008 499 974',
  '008 749 979',
  '008 999 979',
  '009 249 969',
  '009 499 969',
  '009 749 964',
  '009 999 964',
  '010 249 966',
  '010 499 966',
  '010 749 961',
];

// A company's ABN is two check digits followed by its ACN, so these come from the ABNs in abn.test.ts.
const COMPANY_ACNS = [
  ['Telstra', '051 775 556'],
  ['BHP', '004 028 077'],
  ['Commonwealth Bank', '123 123 124'],
  ['Qantas', '009 661 901'],
] as const;

describe('checkAcn', () => {
  test.each(ASIC_EXAMPLES)('accepts ASIC example %s', (acn) => {
    expect(checkAcn(acn)).toEqual({ ok: true, value: acn.replace(/ /g, '') });
  });

  test.each(ASIC_EXAMPLES)('refuses the off-by-one twin of %s', (acn) => {
    expect(checkAcn(offByOne(acn))).toMatchObject({ ok: false, code: 'ACN_CHECKSUM' });
  });

  test.each(COMPANY_ACNS)('accepts the ACN of %s (%s)', (_name, acn) => {
    expect(checkAcn(acn)).toEqual({ ok: true, value: acn.replace(/ /g, '') });
  });

  test.each(COMPANY_ACNS)('refuses the off-by-one twin of %s (%s)', (_name, acn) => {
    expect(checkAcn(offByOne(acn))).toMatchObject({ ok: false, code: 'ACN_CHECKSUM' });
  });

  test.each([
    ['8 digits', '00408561'],
    ['10 digits', '0040856160'],
    ['an ABN', '51 824 753 556'],
    ['a letter', '004 085 61b'],
    ['an empty string', ''],
  ])('refuses %s as a format error', (_label, input) => {
    const result = checkAcn(input);
    expect(result).toMatchObject({ ok: false, code: 'ACN_FORMAT' });
    expect(result.ok ? undefined : result.message).toMatch(/9 digits/);
  });

  test('format and checksum failures have different messages', () => {
    const format = checkAcn('1234');
    const checksum = checkAcn('004 085 617');
    expect(format.ok || checksum.ok).toBe(false);
    expect(!format.ok && !checksum.ok && format.message !== checksum.message).toBe(true);
  });
});

describe('normalizeAcn and acnSchema', () => {
  test('normalizeAcn returns 9 digits or throws FieldValidationError', () => {
    expect(normalizeAcn('004 085 616')).toBe('004085616');
    expect(() => normalizeAcn('004 085 617')).toThrow(FieldValidationError);
  });

  test('acnSchema casts to 9 digits and refuses a bad check digit', async () => {
    const schema = object({ acn: acnSchema().required() });
    await expect(schema.validate({ acn: '004 085 616' })).resolves.toEqual({ acn: '004085616' });
    await expect(schema.validate({ acn: '004 085 617' })).rejects.toThrow(
      /check digit does not match/,
    );
  });
});
