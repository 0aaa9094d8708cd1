import { tokenHashMatcher } from '@eventlead/security';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError, UnauthorizedError } from '../errors';
import { clientAddress } from '../client-address';
import { clientKey } from './rate-limit';

declare module 'fastify' {
  interface FastifyInstance {
    /** `onRequest` hook for routes that serve personal data: admin bearer token or 401. */
    requireAdmin: onRequestHookHandler;
  }
  interface FastifyRequest {
    /** Who the request authenticated as: `'admin'` once `requireAdmin` accepted its token; otherwise undefined. */
    readonly principal: Principal | undefined;
  }
}

/** Whom a request can authenticate as: the admin token (which acts as the platform operator account). */
export type Principal = 'admin';

/** Options of {@link authPlugin}. */
export interface AuthPluginOptions {
  /** SHA-256 (hex) of the admin token. Absent: every protected route answers 401 (never open). */
  adminTokenSha256: string | undefined;
  /** Failed authentications per client per minute; beyond, 429 whatever the token (`AUTH_FAILURE_LIMIT_MAX`). */
  authFailureLimitMax: number;
}

// RFC 9110 §11.1: the scheme is case-insensitive; one space, then the RFC 6750 token68.
const BEARER = /^bearer ([A-Za-z0-9._~+/=-]{1,512})$/i;

/** Too many failed authentications from this client: answered 429 until its window ends. */
export class TooManyAuthFailuresError extends HttpError {
  constructor() {
    super(429, 'TOO_MANY_AUTH_FAILURES', 'Too many failed authentications; try again later.');
  }
}

/**
 * Admin bearer-token authentication. Only the token's SHA-256 is configured; the presented token is
 * hashed and compared in constant time, so neither the comparison's timing nor the configuration
 * reveals the token.
 *
 * Failed attempts (an `Authorization` header that is refused) have their own budget per client (`authFailureLimitMax` a minute, in the rate
 * limiter's store: Redis when configured, so replicas share it). Once it is spent, every request of
 * that client to a protected route answers 429 before its token is looked at, the right token
 * included: the answer never tells a guesser which token was right.
 */
export const authPlugin = fp<AuthPluginOptions>(
  (app: FastifyInstance, { adminTokenSha256, authFailureLimitMax }, done) => {
    const failures = app.rateLimiters.create(authFailureLimitMax, 60_000);
    // The requests requireAdmin accepted (a getter reads it, so requests of other routes pay nothing).
    const admins = new WeakSet<FastifyRequest>();
    // The configured hash decoded once; each request hashes the presented token once (constant-time compare).
    const isAdminToken = adminTokenSha256 === undefined ? undefined : tokenHashMatcher(adminTokenSha256);
    // Not an async function: with the in-memory store the check runs synchronously, without promises.
    const requireAdmin: onRequestHookHandler = function requireAdmin(request, reply, done) {
      // The general limit's key: an IPv6 client stands for its /64, so rotating addresses inside it guesses on one budget.
      // Keyed by a valid address only: junk in X-Forwarded-For must not become a Redis key.
      const client = clientKey(clientAddress(request) ?? 'unknown');
      const key = `auth-failure:${client}`;
      failures.peek(key, (spent, ttlMs) => {
        if (spent >= failures.max) {
          void reply.header('retry-after', String(Math.ceil(ttlMs / 1000)));
          done(new TooManyAuthFailuresError());
          return;
        }
        const header = request.headers.authorization;
        const presented = BEARER.exec(header ?? '')?.[1];
        if (isAdminToken !== undefined && presented !== undefined && isAdminToken(presented)) {
          admins.add(request);
          done();
          return;
        }
        const refuse = (): void => {
          void reply.header('www-authenticate', 'Bearer');
          done(new UnauthorizedError());
        };
        // A guess is a credential presented and refused; a request without one guesses nothing (the
        // general limit still counts it). Counted before the 401 goes out.
        if (header === undefined) {
          refuse();
          return;
        }
        failures.hit(key, (count) => {
          // Once a window, when this guess spends the budget: someone may be guessing the token. The
          // client is named by the limiter's key (its address, an IPv6 client's /64); never the token.
          if (count === failures.max) {
            request.log.warn(
              { authFailureClient: client, authFailureLimitMax: failures.max },
              `Admin authentication refused ${failures.max} times within a minute for one client; its requests to protected routes answer 429 until the minute is over (AUTH_FAILURE_LIMIT_MAX).`,
            );
          }
          refuse();
        });
      });
    };
    app.decorate('requireAdmin', requireAdmin);
    app.decorateRequest('principal', {
      getter(this: FastifyRequest): Principal | undefined {
        return admins.has(this) ? 'admin' : undefined;
      },
    });
    done();
  },
  { name: 'eventlead-auth', dependencies: ['eventlead-security'], fastify: '5.x' },
);
