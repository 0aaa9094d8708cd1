#!/usr/bin/env node
import { cpus } from 'node:os';
import { findWorkspaceRoot } from '@eventlead/db';
import { renderMarkdown } from './report/markdown';
import { runBench, tasksetWorks, wasInterrupted } from './run-bench';
import { BenchSettingsError, resolveSettings, usage } from './settings';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage());
    return;
  }
  const settings = resolveSettings(argv, process.env, { workspaceRoot: findWorkspaceRoot(__dirname), canPin: tasksetWorks(), cpuCount: cpus().length });
  const outcome = await runBench(settings);
  if (outcome.results) {
    console.log('');
    console.log(renderMarkdown(outcome.results));
    console.log(`results: ${outcome.jsonPath ?? ''} and ${outcome.markdownPath ?? ''}`);
  }
}

main().catch((error: unknown) => {
  // After SIGINT/SIGTERM the bench is already cleaning up and exiting; its children dying is expected.
  if (wasInterrupted()) return;
  console.error(error instanceof BenchSettingsError ? error.message : error);
  process.exitCode = 1;
});
