const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/**
 * The shared lint config: `strictTypeChecked` and `stylisticTypeChecked` from typescript-eslint,
 * type information from each package's own tsconfig.
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
    {
      files: ['**/*.test.ts', 'test/**/*.ts'],
      rules: {
        // jest's expect().rejects / mocks return loosely typed values; tests assert on them directly.
        '@typescript-eslint/no-non-null-assertion': 'off',
      },
    },
  );
}

module.exports = { config };
