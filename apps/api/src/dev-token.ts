import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findWorkspaceRoot } from '@eventlead/db';
import { generateSecureToken, hashToken } from '@eventlead/security';

/** Where `pnpm start` keeps the local development admin token. */
export function devTokenPath(): string {
  return join(findWorkspaceRoot(), '.data', 'dev-admin-token');
}

/**
 * The local development admin token for the embedded database: read from `.data/dev-admin-token`,
 * or created there (mode 600) on first start. Returns the token's SHA-256 for the auth plugin; the
 * token itself is never logged — the developer reads it from the file.
 */
export function ensureDevAdminToken(path = devTokenPath()): string {
  let token: string;
  try {
    token = readFileSync(path, 'utf8').trim();
  } catch {
    token = '';
  }
  if (token.length < 32) {
    token = generateSecureToken();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${token}\n`, { mode: 0o600 });
  }
  return hashToken(token);
}
