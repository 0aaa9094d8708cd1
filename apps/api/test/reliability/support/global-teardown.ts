import { rmSync } from 'node:fs';
import { tearDownTestTemplates } from '@eventlead/db/testing';
import { formatReport, readParts, reportPath, RUN_DIR_ENV, summarise, writeReport } from './report';
import { LONG_RUN } from './settings';

/**
 * Jest global teardown: when reliability tests ran, sums their figures into the report, prints it
 * and writes it (see `reportPath`). Removes the run's temporary folder and database templates either way.
 */
export default async function globalTeardown(): Promise<void> {
  try {
    writeReliabilityReport();
  } finally {
    await tearDownTestTemplates();
  }
}

function writeReliabilityReport(): void {
  const dir = process.env[RUN_DIR_ENV];
  if (dir === undefined || dir === '') return;
  try {
    const parts = readParts(dir);
    if (parts.length === 0) return;
    const report = summarise(parts, LONG_RUN ? 'long' : 'short');
    const path = reportPath();
    writeReport(report, path);
    process.stdout.write(formatReport(report, path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
