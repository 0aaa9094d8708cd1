import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUpTestTemplates } from '@eventlead/db/testing';
import { RUN_DIR_ENV } from './report';

/**
 * Jest global setup: a fresh folder where every reliability test file leaves its figures, and the
 * run's database templates (every test database is a copy of one migrated once; see setUpTestTemplates).
 */
export default function globalSetup(): void {
  setUpTestTemplates();
  // Workers are started after the global setup and inherit this environment.
  process.env[RUN_DIR_ENV] = mkdtempSync(join(tmpdir(), 'eventlead-reliability-'));
}
