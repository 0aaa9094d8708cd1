import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// `pnpm db:statements` ends in this script (`conformance:update`).
const SCRIPT = join(__dirname, '../../scripts/conformance-update.sh');

/**
 * Runs the script with a PATH that has no jest on it: an argument that got past the check would reach
 * jest and fail with 127 (not found), instead of rewriting the statements file from inside a test.
 */
function run(...args: string[]) {
  return spawnSync(SCRIPT, args, { encoding: 'utf8', env: { ...process.env, PATH: '/usr/bin:/bin' } });
}

describe('pnpm db:statements', () => {
  test.each(['--bogus', '-- --bogus', 'users'])('refuses an unknown argument with a usage line and exit 2 (%s)', (line) => {
    const args = line.split(' ');
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`db:statements: unknown argument ${args.at(-1) ?? ''}`);
    expect(result.stderr).toContain('Usage: pnpm db:statements');
    expect(result.stdout).toBe('');
  });

  test('--help shows the usage and exits 0', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: pnpm db:statements');
  });
});
