import { object, string, type ValidationError } from 'yup';
import { toJsonSchema } from './json-schema';
import { MUST_NOT_BE_EMPTY, requiredText, textProblem } from './text';

describe('textProblem', () => {
  test.each([
    '',
    'plain',
    'Zoë',
    '日本語',
    '😀 (a surrogate pair)',
    '\ud83d\ude00',
    'tab\tline\nreturn\r',
    'שלום עולם',
    'U+200E\u200e, a left-to-right mark',
    'Ünïcödé Çafé Ærøskøbing',
    '\u00A0no-break space and \u00AD soft hyphen (U+00A0, U+00AD: above the C1 range)',
    // Emoji joined by U+200D: the family (man, woman, girl), the rainbow flag, a woman technologist.
    'The \u{1F468}\u200D\u{1F469}\u200D\u{1F467} family',
    '\u{1F3F3}\uFE0F\u200D\u{1F308}',
    'Dev \u{1F469}\u{1F3FD}\u200D\u{1F4BB}',
    // Persian "I want" (U+200C between two letters), Malayalam and Devanagari with U+200D inside a word.
    '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645',
    '\u0D28\u0D4D\u200D\u0D28',
    '\u0915\u094D\u200D\u0937',
  ])('accepts %j', (value) => {
    expect(textProblem(value)).toBeUndefined();
  });

  test('refuses the NUL character', () => {
    expect(textProblem('a\u0000b')).toBe('must not contain the NUL character.');
  });

  test.each(['\ud800', 'a\udfffb', '\ude00\ud83d', 'end\ud83d'])('refuses the lone surrogate in %j', (value) => {
    expect(textProblem(value)).toBe('must be well-formed Unicode: it contains a lone surrogate (a \\ud800–\\udfff escape without its pair).');
  });

  test.each([
    ['\u0001', 'U+0001'],
    ['bell\u0007', 'U+0007'],
    ['back\bspace', 'U+0008'],
    ['vertical\u000Btab', 'U+000B'],
    ['form\ffeed', 'U+000C'],
    ['\u001b[31mred', 'U+001B'],
    ['unit\u001Fseparator', 'U+001F'],
    ['delete\u007F', 'U+007F'],
    ['C1 \u0080 first', 'U+0080'],
    ['next line\u0085', 'U+0085'],
    ['\u009B31mCSI', 'U+009B'],
    ['last \u009F', 'U+009F'],
  ])('refuses the control character in %j, naming it', (value, codePoint) => {
    expect(textProblem(value)).toBe(`must not contain control characters (found ${codePoint}); only tab, line feed and carriage return are allowed: remove it.`);
  });

  test.each([
    ['\u202A', 'U+202A'],
    ['Acme\u202Etxt.exe', 'U+202E'],
    ['\u2066isolate', 'U+2066'],
    ['pop\u2069', 'U+2069'],
  ])('refuses the bidirectional control in %j, naming it', (value, codePoint) => {
    expect(textProblem(value)).toBe(
      `must not contain bidirectional text control characters (found ${codePoint}, one of U+202A–U+202E and U+2066–U+2069), which make text display differently from what it is: remove it.`,
    );
  });

  test.each([
    ['\u2028', 'U+2028'],
    ['first\u2029second', 'U+2029'],
  ])('refuses the line or paragraph separator in %j, naming it', (value, codePoint) => {
    expect(textProblem(value)).toBe(`must not contain line or paragraph separators (found ${codePoint}, one of U+2028 and U+2029): remove it, or use a line feed for a line break.`);
  });

  test.each([
    ['Ac\u200Bme', 'U+200B'],
    ['word\u2060joiner', 'U+2060'],
    ['\uFEFFAcme', 'U+FEFF'],
    ['Acme\uFEFF', 'U+FEFF'],
    // Beside emoji, where U+200D would be allowed, these still hide.
    ['\u{1F600}\u200B\u{1F600}', 'U+200B'],
  ])('refuses the invisible character in %j, naming it', (value, codePoint) => {
    expect(textProblem(value)).toBe(`must not contain invisible characters (found ${codePoint}, one of U+200B, U+2060 and U+FEFF), which make text look like other text: remove it.`);
  });

  test.each([
    ['Ac\u200Dme', 'U+200D'],
    ['Ac\u200Cme', 'U+200C'],
    ['\u200DAcme', 'U+200D'],
    ['Acme\u200C', 'U+200C'],
    ['\u200D', 'U+200D'],
    ['\u{1F468}\u200D', 'U+200D'],
    ['\u{1F468}\u200D \u{1F469}', 'U+200D'],
    ['1\u200D\u{1F469}', 'U+200D'],
    ['\u{1F468}\u200D\u200D\u{1F469}', 'U+200D'],
    ['\u0645\u06CC\u200C\u200D\u062E', 'U+200C'],
  ])('refuses the zero-width joiner or non-joiner in %j, out of place, naming it', (value, codePoint) => {
    expect(textProblem(value)).toBe(
      `must not contain a zero-width joiner or non-joiner (found ${codePoint}) at the start or end, next to an ASCII character or next to another joiner; it is allowed only inside emoji sequences and inside words of scripts that use it: remove it.`,
    );
  });

  test.each(['\u202F', '\u2065', '\u206A', '\u200E', '\u200F', '\u00A0', '\u00A1'])('accepts %j, outside the refused ranges', (value) => {
    expect(textProblem(value)).toBeUndefined();
  });
});

test('MUST_NOT_BE_EMPTY names the field', () => {
  const schema = object({ companyName: string().trim().min(1, MUST_NOT_BE_EMPTY) });
  expect(() => schema.validateSync({ companyName: '  ' })).toThrow(/^companyName must not be empty\.$/);
});

describe('requiredText', () => {
  const body = object({ companyName: requiredText(string().trim().max(200)) });
  const refusal = (value: unknown): string[] => {
    try {
      body.validateSync(value, { abortEarly: false });
      return [];
    } catch (error) {
      return (error as ValidationError).errors;
    }
  };

  test.each([
    [{}, 'companyName is required.'],
    [{ companyName: null }, 'companyName is required.'],
    [{ companyName: '' }, 'companyName must not be empty.'],
    [{ companyName: '   ' }, 'companyName must not be empty.'],
  ])('%j is refused with one message: %s', (value, message) => {
    expect(refusal(value)).toEqual([message]);
  });

  test('a name is accepted, trimmed, and still held to the length limit', () => {
    expect(body.validateSync({ companyName: '  Acme Events ' })).toEqual({ companyName: 'Acme Events' });
    expect(refusal({ companyName: 'x'.repeat(201) })).toEqual(['companyName must be at most 200 characters']);
  });

  test('the OpenAPI schema marks it required and at least one character long', () => {
    expect(toJsonSchema(body)).toMatchObject({ required: ['companyName'], properties: { companyName: { type: 'string', minLength: 1, maxLength: 200 } } });
  });
});
