import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { BadRequest } from './corpus';
import type { ReliabilityContext } from './harness';
import { adminAuth } from './harness';

/** The inject options of a corpus request, authenticated as the admin. */
export function injectOptions(request: BadRequest): InjectOptions {
  const headers: Record<string, string> = { ...adminAuth, ...request.headers };
  if (request.raw !== undefined) {
    headers['content-type'] = request.contentType ?? 'application/json';
    return { method: request.method, url: request.url, headers, payload: request.raw };
  }
  if (request.body !== undefined) {
    headers['content-type'] = request.contentType ?? 'application/json';
    return { method: request.method, url: request.url, headers, payload: JSON.stringify(request.body) };
  }
  return { method: request.method, url: request.url, headers };
}

/** Watches for the password a body carries (whatever its type), so the secret scan looks for it. */
export function watchPassword(c: ReliabilityContext, body: unknown): void {
  if (typeof body !== 'object' || body === null || !('password' in body)) return;
  const password: unknown = body.password;
  if (typeof password === 'string' || typeof password === 'number') c.secrets.add('password', String(password));
}

/** Sends corpus requests, `concurrency` at a time, and returns each answer in order. */
export async function sendAll(c: ReliabilityContext, requests: readonly BadRequest[], concurrency = 8): Promise<LightMyRequestResponse[]> {
  const answers: LightMyRequestResponse[] = new Array<LightMyRequestResponse>(requests.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const request = requests[i];
      if (!request) continue;
      watchPassword(c, request.body);
      answers[i] = await c.call(injectOptions(request));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
  c.figures.inputsTried += requests.length;
  return answers;
}

/** Labels of the answers that are not a 4xx (refused requests must be). */
export function notRefused(requests: readonly BadRequest[], answers: readonly LightMyRequestResponse[]): string[] {
  return requests.flatMap((r, i) => {
    const status = answers[i]?.statusCode ?? 0;
    return status >= 400 && status < 500 ? [] : [`${r.label} → ${status} ${answers[i]?.body.slice(0, 160) ?? ''}`];
  });
}
