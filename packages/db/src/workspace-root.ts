import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The nearest ancestor of `from` (inclusive) holding `pnpm-workspace.yaml`, or `from` itself when
 * there is none. Anchoring the default database there makes `pnpm start` in apps/api and
 * `pnpm db:migrate` in packages/db open the same files.
 */
export function findWorkspaceRoot(from: string = process.cwd()): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      return from;
    }
    dir = parent;
  }
}
