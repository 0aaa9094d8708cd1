import { setUpTestTemplates } from '../src/testing/templates';

/** Jest global setup: this run's test databases are copied from templates built once (see setUpTestTemplates). */
export default function globalSetup(): void {
  setUpTestTemplates();
}
