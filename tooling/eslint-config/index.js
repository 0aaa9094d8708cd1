const js = require('@eslint/js');
const jsdoc = require('eslint-plugin-jsdoc');
const tseslint = require('typescript-eslint');

/**
 * What a package exports from a source file: `export function`, `export class`, `export interface`,
 * `export type`, `export enum`, `export const`, and the public methods, getters and setters of an exported
 * class. Private, protected and `#private` members, constructors (the class comment covers them) and
 * `override`s (the base documents them) are left out.
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
const publicMember =
  ':not([accessibility="private"]):not([accessibility="protected"]):not([key.type="PrivateIdentifier"])' +
  ':not([kind="constructor"]):not([override=true])';
const publicSurface = [
  ...exportedDeclarations,
  // The comment of `export const x = …` sits before `export`, so the export itself is the node.
  'ExportNamedDeclaration[declaration.type="VariableDeclaration"]',
  `ExportNamedDeclaration > ClassDeclaration > ClassBody > MethodDefinition${publicMember}`,
  `ExportNamedDeclaration > ClassDeclaration > ClassBody > TSAbstractMethodDefinition${publicMember}`,
];

/**
 * TSDoc on the public surface: every export of `src/` (tests excluded) needs a doc comment, and the
 * comment needs a description (a block of tags alone says nothing).
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
  },
};

/**
 * The shared lint config: `strictTypeChecked` and `stylisticTypeChecked` from typescript-eslint,
 * type information from each package's own tsconfig, and TSDoc on every export of `src/` (tests
 * excluded): a comment that says what the member is for.
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
