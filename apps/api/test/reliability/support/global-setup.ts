import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_DIR_ENV } from './report';

/** Jest global setup: a fresh folder where every reliability test file leaves its figures. */
export default function globalSetup(): void {
  // Workers are started after the global setup and inherit this environment.
  process.env[RUN_DIR_ENV] = mkdtempSync(join(tmpdir(), 'eventlead-reliability-'));
}
