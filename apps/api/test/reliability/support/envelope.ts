/**
 * Why an error answer is not in the ErrorResponse envelope `{ error, details: { field, message }[] }`
 * (exactly those keys, JSON), or undefined when it is. 304 and 204 carry no body and are not errors.
 */
export function checkErrorEnvelope(status: number, body: string, headers: Record<string, unknown>): string | undefined {
  if (status < 400) return undefined;
  const type = headers['content-type'];
  if (typeof type !== 'string' || !type.startsWith('application/json')) return `content-type ${String(type)}`;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return `body is not JSON: ${body.slice(0, 80)}`;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'body is not an object';
  const keys = Object.keys(json).sort().join(',');
  if (keys !== 'details,error') return `keys ${keys}`;
  const { error, details } = json as { error: unknown; details: unknown };
  if (typeof error !== 'string' || error === '') return 'error is not a message';
  if (!Array.isArray(details)) return 'details is not an array';
  for (const d of details as unknown[]) {
    const detail = d as { field?: unknown; message?: unknown } | null;
    if (typeof detail?.field !== 'string' || typeof detail.message !== 'string') return `bad detail ${JSON.stringify(d)}`;
  }
  return undefined;
}
