import { object, string } from 'yup';
import { MUST_NOT_BE_EMPTY, textProblem } from './text';

describe('textProblem', () => {
  test.each(['', 'plain', 'Zoë', '日本語', '😀 (a surrogate pair)', '\ud83d\ude00'])('accepts %j', (value) => {
    expect(textProblem(value)).toBeUndefined();
  });

  test('refuses the NUL character', () => {
    expect(textProblem('a\u0000b')).toBe('must not contain the NUL character.');
  });

  test.each(['\ud800', 'a\udfffb', '\ude00\ud83d', 'end\ud83d'])('refuses the lone surrogate in %j', (value) => {
    expect(textProblem(value)).toBe('must be well-formed Unicode: it contains a lone surrogate (a \\ud800–\\udfff escape without its pair).');
  });
});

test('MUST_NOT_BE_EMPTY names the field', () => {
  const schema = object({ companyName: string().trim().min(1, MUST_NOT_BE_EMPTY) });
  expect(() => schema.validateSync({ companyName: '  ' })).toThrow(/^companyName must not be empty\.$/);
});
