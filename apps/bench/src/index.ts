/**
 * @eventlead/bench: `pnpm bench` — the EventLead API against a bare Fastify + pg baseline on
 * PostgreSQL, plus CPU profiles of both servers under a scenario (`--profile`). The CLI is
 * `dist/cli.js`; these exports let a script or a test drive it.
 */
export { runBench, tasksetWorks, type BenchOutcome } from './run-bench';
export {
  BenchSettingsError,
  DEFAULT_DATABASE,
  DEFAULT_POSTGRES_URL,
  resolveSettings,
  usage,
  type BenchSettings,
  type DataSetSize,
  type ResolveContext,
} from './settings';
export { evaluateGoals } from './report/goals';
export { renderMarkdown, renderResultsFile } from './report/markdown';
export type {
  AbScenario,
  BenchResults,
  ColdStartRow,
  FloodRun,
  FloodScenario,
  Goal,
  RoundResult,
  RunMeta,
  ServerRun,
  SoakScenario,
} from './report/results';
export { renderProfileComparison, renderProfileSummary, summariseCpuProfile, type CpuProfile, type ProfileSummary } from './profile/cpu-profile';
