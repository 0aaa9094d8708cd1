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
  ['an exported interface', 'export interface I { /** What x is. */ x: number }'],
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

test('public fields of an exported class need one, also as constructor parameter properties; hidden ones do not', () => {
  const code = [
    '/** An error. */',
    'export class E extends Error {',
    '  constructor(',
    '    readonly code: string,',
    '    /** Documented. */ public readonly statusCode: number,',
    '    private readonly hidden: number,',
    '    protected readonly forSubclasses: number,',
    '  ) { super(); }',
    '  static readonly kind = "e";',
    '  /** Documented. */',
    '  readonly detail = 1;',
    '  private cache = 2;',
    '  protected shared = 3;',
    '  #secret = 4;',
    '  override name = "E";',
    '  accessor level = 5;',
    '}',
  ].join('\n');
  assert.deepEqual(missingDocs(code), ['4:jsdoc/require-jsdoc', '9:jsdoc/require-jsdoc', '16:jsdoc/require-jsdoc']);
});

test('members of an exported abstract or default class need one too', () => {
  assert.deepEqual(missingDocs('/** A. */\nexport abstract class A {\n  abstract run(): void;\n  abstract size: number;\n}'), [
    '3:jsdoc/require-jsdoc',
    '4:jsdoc/require-jsdoc',
  ]);
  assert.deepEqual(missingDocs('/** D. */\nexport default class D {\n  x = 1;\n  m(): void {}\n}'), ['3:jsdoc/require-jsdoc', '4:jsdoc/require-jsdoc']);
});

test('properties and methods of an exported interface need one', () => {
  const code = ['/** Options. */', 'export interface Options {', '  timeoutMs: number;', '  /** Documented. */', '  retries?: number;', '  log(line: string): void;', '}'].join('\n');
  assert.deepEqual(missingDocs(code), ['3:jsdoc/require-jsdoc', '6:jsdoc/require-jsdoc']);
});

test('members of the object type an exported type alias names need one, also inside a union or intersection', () => {
  assert.deepEqual(missingDocs('/** A DTO. */\nexport type Dto = {\n  id: number;\n  /** Documented. */\n  name: string;\n};'), ['3:jsdoc/require-jsdoc']);
  assert.deepEqual(missingDocs('/** More. */\nexport type More = Base & {\n  extra: string;\n};'), ['3:jsdoc/require-jsdoc']);
  assert.deepEqual(missingDocs('/** Either. */\nexport type Either = { ok: true } | { ok: false };'), ['2:jsdoc/require-jsdoc', '2:jsdoc/require-jsdoc']);
  assert.deepEqual(missingDocs('/** Docs. */\nexport type T = {\n  /** What. */\n  what: string;\n};'), []);
  assert.deepEqual(missingDocs('/** An entity or its name. */\nexport type Entity = string | { meta: { className: string } };'), []);
});

test('a member comment of tags alone is not enough', () => {
  assert.deepEqual(missingDocs('/** I. */\nexport interface I {\n  /** @default 1 */\n  x: number;\n}'), ['3:jsdoc/require-description']);
});

test('members of local types, nested object types and hidden members are left alone', () => {
  assert.deepEqual(missingDocs('interface Local { x: number }\ntype L = { y: number };\nclass K { z = 1; }'), []);
  assert.deepEqual(missingDocs('/** I. */\nexport interface I {\n  /** Nested. */\n  nested: { inner: number };\n}'), []);
  assert.deepEqual(missingDocs('/** F. */\nexport function f(options: { a: number }): void {}'), []);
  assert.deepEqual(missingDocs('/** T. */\nexport type Fn = (options: { a: number }) => void;'), []);
});

test('local export lists and default exports of a name are not allowed; re-exports are', () => {
  assert.deepEqual(missingDocs('/** X. */\nconst x = 1;\nexport { x };'), ['3:no-restricted-syntax']);
  assert.deepEqual(missingDocs('/** X. */\nconst x = 1;\nexport default x;'), ['3:no-restricted-syntax']);
  assert.deepEqual(missingDocs("export { x } from './x';\nexport type { T } from './t';\nexport * from './all';"), []);
});

test('local declarations, tests and files outside src are left alone', () => {
  assert.deepEqual(missingDocs('function local(): void {}\nconst y = 2;\nclass L { m(): void {} }'), []);
  assert.deepEqual(missingDocs('/** Exported. */\nexport function f(): void {\n  function inner(): void {}\n  inner();\n}'), []);
  assert.deepEqual(missingDocs('export function f(): void {}', 'src/example.test.ts'), []);
  assert.deepEqual(missingDocs('export function f(): void {}', 'test/helpers.ts'), []);
});
