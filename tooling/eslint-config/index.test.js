const assert = require('node:assert/strict');
const { test } = require('node:test');
const { Linter } = require('eslint');
const tseslint = require('typescript-eslint');
const { tsdocRequired } = require('./index');

/** Lints `code` as the file `filename` of a package with the TSDoc rules only (no type information). */
function missingDocs(code, filename = 'src/example.ts') {
  const linter = new Linter({ cwd: __dirname });
  const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, tsdocRequired], {
    filename: `${__dirname}/${filename}`,
  });
  return messages.map((m) => `${m.line}:${m.ruleId ?? m.message}`);
}

const cases = [
  ['an exported function', 'export function f(): void {}'],
  ['an exported class', 'export class C {}'],
  ['an exported interface', 'export interface I { x: number }'],
  ['an exported type alias', 'export type T = string;'],
  ['an exported enum', 'export enum E { A }'],
  ['an exported const', 'export const x = 1;'],
];

for (const [what, code] of cases) {
  test(`${what} needs a doc comment`, () => {
    assert.deepEqual(missingDocs(code), ['1:jsdoc/require-jsdoc']);
    assert.deepEqual(missingDocs(`/** What it is for. */\n${code}`), []);
  });
}

test('a comment of tags alone is not enough', () => {
  assert.deepEqual(missingDocs('/** @returns one */\nexport function f(): number { return 1; }'), ['1:jsdoc/require-description']);
});

test('public methods of an exported class need one; private, protected, #private, constructors and overrides do not', () => {
  const code = [
    '/** A class. */',
    'export class C extends Base {',
    '  constructor() { super(); }',
    '  run(): void {}',
    '  get size(): number { return 1; }',
    '  private hidden(): void {}',
    '  protected forSubclasses(): void {}',
    '  #secret(): void {}',
    '  override inherited(): void {}',
    '}',
  ].join('\n');
  assert.deepEqual(missingDocs(code), ['4:jsdoc/require-jsdoc', '5:jsdoc/require-jsdoc']);
});

test('local declarations, tests and files outside src are left alone', () => {
  assert.deepEqual(missingDocs('function local(): void {}\nconst y = 2;\nclass L { m(): void {} }'), []);
  assert.deepEqual(missingDocs('/** Exported. */\nexport function f(): void {\n  function inner(): void {}\n  inner();\n}'), []);
  assert.deepEqual(missingDocs('export function f(): void {}', 'src/example.test.ts'), []);
  assert.deepEqual(missingDocs('export function f(): void {}', 'test/helpers.ts'), []);
});
