import { jsonKeyProblems } from './json-keys';

const twice = (path: string) => ({ path, message: `${path} appears more than once in the body: send each field once.` });

describe('jsonKeyProblems', () => {
  test.each([
    '{}',
    '[]',
    '"a string"',
    '{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}',
    '{"a":"\\"a\\":1,\\"a\\":2"}',
    '{"a\\\\":1,"a":2}',
    '{"a":"x\\\\","a\\\\":2}',
    '{"constructor":1,"prototype":{"constructor":2}}',
    '{"a":{"constructor":{"x":1}},"b":{"prototype":1}}',
  ])('finds nothing in %s', (text) => {
    expect(jsonKeyProblems(text)).toEqual([]);
  });

  test.each([
    ['{"a":1,"a":2}', [twice('a')]],
    ['{ "a" : 1 ,\n "a"\t: 2 }', [twice('a')]],
    ['{"a":1,"\\u0061":2}', [twice('a')]],
    ['{"a":1,"b":2,"a":3,"b":4,"a":5}', [twice('a'), twice('b')]],
    ['{"x":{"y":[1,{"z":1,"z":2}]}}', [twice('x.y[1].z')]],
    ['[{"a":1},[{"b":1,"b":2}]]', [twice('[1][0].b')]],
    ['{"a\\"b":1,"a\\"b":2}', [twice('a"b')]],
  ])('finds the repeated key in %s', (text, problems) => {
    expect(jsonKeyProblems(text)).toEqual(problems);
  });

  test.each([
    ['{"__proto__":{}}', '__proto__', '__proto__ is a reserved name'],
    ['{"a":[{"\\u005f\\u005fproto__":1}]}', 'a[0].__proto__', '__proto__ is a reserved name'],
    ['{"constructor":{"prototype":{}}}', 'constructor.prototype', 'prototype inside constructor is reserved'],
    ['{"a":{"constructor":{"b":1,"prototype":1}}}', 'a.constructor.prototype', 'prototype inside constructor is reserved'],
  ])('refuses the reserved key in %s', (text, path, reason) => {
    expect(jsonKeyProblems(text)).toEqual([{ path, message: `${path} is not allowed: ${reason} in JavaScript objects; remove the field.` }]);
  });

  test('gives messages to the first problems only, and counts the rest', () => {
    const problems = jsonKeyProblems('{"a":1,"a":2,"b":1,"b":2,"c":1,"c":2}', 2);
    expect(problems).toEqual([twice('a'), twice('b'), { path: '', message: '' }]);
  });

  test('deep nesting does not exhaust the stack', () => {
    const depth = 200_000;
    expect(jsonKeyProblems(`${'{"a":'.repeat(depth)}{"b":1,"b":2}${'}'.repeat(depth)}`)).toHaveLength(1);
    expect(jsonKeyProblems(`${'['.repeat(depth)}${']'.repeat(depth)}`)).toEqual([]);
  });

  test.each(['{"a":', '{"a', '"\\', '{"a":1,"a"', '{"\\u":1}'])('ends on text that is not JSON: %s', (text) => {
    expect(Array.isArray(jsonKeyProblems(text))).toBe(true);
  });
});
