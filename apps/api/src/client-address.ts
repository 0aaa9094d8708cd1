import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/**
 * The client address of a request, as the audit trail, the request log, the access log and the rate
 * limiters know it: the farthest address the trusted hops (`TRUST_PROXY`) vouch for, read from the
 * socket's peer outwards, and always a valid IP address (`net.isIP`).
 *
 * `request.ip` alone would take whatever text stands in X-Forwarded-For at the farthest trusted hop
 * (`<script>`, a SQL fragment, 300 characters): a trusted proxy appends its peer's address, but passes
 * on what the client wrote before it unchecked. So the walk stops at the first entry that is not an
 * address, and the hop before it answers: the proxy that saw the junk arrive (behind a balancer, the
 * client's real address), or the socket's peer when the junk is the first forwarded entry.
 * `undefined` only when the socket is already gone.
 * @example clientAddress(request) // '203.0.113.7' for X-Forwarded-For `<script>, 203.0.113.7` via a trusted balancer
 */
export function clientAddress(request: FastifyRequest): string | undefined {
  // `ips` (socket peer first, then each trusted hop outwards) exists only with TRUST_PROXY; without it
  // the socket's peer is the client.
  const hops = (request.ips as readonly (string | undefined)[] | undefined) ?? [request.ip];
  let address: string | undefined;
  for (const hop of hops) {
    if (hop === undefined || isIP(hop) === 0) break;
    address = hop;
  }
  return address;
}
