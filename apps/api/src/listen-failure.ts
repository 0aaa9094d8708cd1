/**
 * What to tell the operator when the server cannot listen on `HOST`:`PORT`, in place of Node's raw
 * `listen EADDRINUSE: address already in use 0.0.0.0:3000`; `undefined` for failures of other kinds.
 * @example
 * try { await app.listen({ host, port }); } catch (error) { throw new Error(explainListenFailure(error, host, port) ?? String(error)); }
 */
export function explainListenFailure(error: unknown, host: string, port: number): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${port} is already in use on ${host} (another program, perhaps another EventLead API, listens there). Stop it, or set PORT to a free port (e.g. PORT=3001 pnpm start).`;
    case 'EACCES':
      return `Port ${port} on ${host} needs privileges this process does not have. Set PORT to a port above 1023 (e.g. PORT=3000).`;
    case 'EADDRNOTAVAIL':
      return `HOST ${host} is not an address of this machine. Set HOST to one of its addresses (e.g. 127.0.0.1, or 0.0.0.0 for every interface).`;
    default:
      return undefined;
  }
}
