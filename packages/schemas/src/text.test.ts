import { object, string } from 'yup';
import { MUST_NOT_BE_EMPTY, textProblem } from './text';

describe('textProblem', () => {
  test.each(['', 'plain', 'Zoë', '日本語', '😀 (a surrogate pair)', '\ud83d\ude00', 'tab\tline\nreturn\r', 'שלום עולם', 'U+200E\u200e and U+2060\u2060'])('accepts %j', (value) => {
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

  test.each(['\u2029', '\u202F', '\u2065', '\u206A'])('accepts %j, outside the refused ranges', (value) => {
    expect(textProblem(value)).toBeUndefined();
  });
});

test('MUST_NOT_BE_EMPTY names the field', () => {
  const schema = object({ companyName: string().trim().min(1, MUST_NOT_BE_EMPTY) });
  expect(() => schema.validateSync({ companyName: '  ' })).toThrow(/^companyName must not be empty\.$/);
});
