const js = require('@eslint/js');
const jsdoc = require('eslint-plugin-jsdoc');
const tseslint = require('typescript-eslint');

/**
 * What a package exports from a source file, as a user of the package meets it in their editor:
 * - `export function`, `export class`, `export interface`, `export type`, `export enum`, `export const`;
 * - the public methods, getters, setters and fields of an exported class, including public constructor
 *   parameter properties (`constructor(readonly code: string)`);
 * - the properties and methods of an exported interface, and of the object type an exported type alias
 *   names (also when it is one part of an intersection, `Base & { extra: string }`, or of a union of
 *   object types, `{ ok: true; value: T } | { ok: false; error: string }`).
 * Private, protected and `#private` members, constructors (the class comment covers them) and
 * `override`s (the base documents them) are left out, and so are members of object types nested deeper
 * (inside a property's or a parameter's type): the comment of the property or function covers them.
 * Local export lists (`export { x }`) are not allowed in `src/` (see `exportListsBanned`), so that every
 * export is one of the declarations above.
 */
const exportedDeclarations = [
  'FunctionDeclaration',
  'TSDeclareFunction',
  'ClassDeclaration',
  'TSInterfaceDeclaration',
  'TSTypeAliasDeclaration',
  'TSEnumDeclaration',
  'TSModuleDeclaration',
].flatMap((kind) => [`ExportNamedDeclaration > ${kind}`, `ExportDefaultDeclaration > ${kind}`]);
const notHidden = ':not([accessibility="private"]):not([accessibility="protected"])';
const publicMember = `${notHidden}:not([key.type="PrivateIdentifier"]):not([kind="constructor"]):not([override=true])`;
const exportedClassBody = [
  'ExportNamedDeclaration > ClassDeclaration > ClassBody',
  'ExportDefaultDeclaration > ClassDeclaration > ClassBody',
];
const classMembers = exportedClassBody.flatMap((body) => [
  ...['MethodDefinition', 'TSAbstractMethodDefinition', 'PropertyDefinition', 'TSAbstractPropertyDefinition', 'AccessorProperty'].map(
    (kind) => `${body} > ${kind}${publicMember}`,
  ),
  `${body} > MethodDefinition[kind="constructor"] > FunctionExpression > TSParameterProperty${notHidden}:not([override=true])`,
]);
const objectTypes = [
  'ExportNamedDeclaration > TSInterfaceDeclaration > TSInterfaceBody',
  'ExportNamedDeclaration > TSTypeAliasDeclaration > TSTypeLiteral',
  'ExportNamedDeclaration > TSTypeAliasDeclaration > TSIntersectionType > TSTypeLiteral',
  // A union of object types only (a result type, a message type); a union that also admits a name or a
  // primitive (`string | { meta: … }`) describes an argument, which the alias's comment covers.
  'ExportNamedDeclaration > TSTypeAliasDeclaration > TSUnionType:not(:has(> :not(TSTypeLiteral))) > TSTypeLiteral',
];
const typeMembers = objectTypes.flatMap((type) => [`${type} > TSPropertySignature`, `${type} > TSMethodSignature`]);
const publicSurface = [
  ...exportedDeclarations,
  // The comment of `export const x = …` sits before `export`, so the export itself is the node.
  'ExportNamedDeclaration[declaration.type="VariableDeclaration"]',
  ...classMembers,
  ...typeMembers,
];

/**
 * `export { x }` and `export default x` of a local name: the declaration they export carries no `export`
 * of its own, so the selectors above would not see it. Re-exports from another module
 * (`export { x } from './x'`) stay allowed: `./x` declares them with `export`.
 */
const exportListsBanned = [
  {
    selector: 'ExportNamedDeclaration[source=null][declaration=null]',
    message: 'Export the declaration itself (`export function x …`), so that the TSDoc rule sees it.',
  },
  {
    selector: 'ExportDefaultDeclaration > Identifier',
    message: 'Export the declaration itself (`export default function x …`), so that the TSDoc rule sees it.',
  },
];

/**
 * TSDoc on the public surface: every export of `src/` (tests excluded) and every public member of one
 * (`publicSurface`) needs a doc comment, and the comment needs a description (a block of tags alone says
 * nothing). Local export lists are refused, so that no export escapes the check.
 */
const tsdocRequired = {
  files: ['src/**/*.ts'],
  ignores: ['src/**/*.test.ts'],
  plugins: { jsdoc },
  rules: {
    'jsdoc/require-jsdoc': [
      'error',
      {
        // Only the selectors below: the defaults would also ask for every local function.
        require: {
          ArrowFunctionExpression: false,
          ClassDeclaration: false,
          ClassExpression: false,
          FunctionDeclaration: false,
          FunctionExpression: false,
          MethodDefinition: false,
        },
        checkConstructors: false,
        contexts: publicSurface,
        // The fixer writes empty `/** */` stubs, which would pass the rule and say nothing.
        enableFixer: false,
      },
    ],
    'jsdoc/require-description': ['error', { contexts: publicSurface }],
    'no-restricted-syntax': ['error', ...exportListsBanned],
  },
};

/**
 * The shared lint config: `strictTypeChecked` and `stylisticTypeChecked` from typescript-eslint,
 * type information from each package's own tsconfig, and TSDoc on every export of `src/` and on its
 * public members (tests excluded): a comment that says what the member is for.
 * @param {string} tsconfigRootDir the package folder (pass `__dirname`)
 */
function config(tsconfigRootDir) {
  return tseslint.config(
    { ignores: ['dist/**', 'coverage/**', '*.config.js', 'jest.config.js', 'eslint.config.js'] },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    ...tseslint.configs.stylisticTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        // Template literals with numbers are how log lines and messages are written here; the rule
        // still forbids objects, nullish values and anything without a meaningful toString.
        '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      },
    },
    tsdocRequired,
    {
      files: ['**/*.test.ts', 'test/**/*.ts'],
      rules: {
        // jest's expect().rejects / mocks return loosely typed values; tests assert on them directly.
        '@typescript-eslint/no-non-null-assertion': 'off',
      },
    },
  );
}

module.exports = { config, tsdocRequired };
