import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as entry from './index';
import * as internal from './internal';
import * as testing from './testing';

const packageJson = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
  exports: Record<string, { types: string; default: string }>;
};

describe('entry points', () => {
  test('the main entry leaves the wiring to @eventlead/db/internal and the fixtures to /testing', () => {
    const entryNames = Object.keys(entry);
    expect(entryNames.filter((name) => name in internal)).toEqual([]);
    expect(entryNames.filter((name) => name in testing)).toEqual([]);
  });

  test.each(Object.entries(packageJson.exports))('%s maps to a source entry compiled to dist', (_subpath, target) => {
    const source = target.default.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
    expect(existsSync(join(__dirname, '..', source))).toBe(true);
    expect(target.types).toBe(target.default.replace(/\.js$/, '.d.ts'));
  });
});
