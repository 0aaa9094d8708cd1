import { hashToken, safeEqual } from '@eventlead/security';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { UnauthorizedError } from '../errors';

declare module 'fastify' {
  interface FastifyInstance {
    /** `onRequest` hook for routes that serve personal data: admin bearer token or 401. */
    requireAdmin: onRequestHookHandler;
  }
}

/** Options of {@link authPlugin}. */
export interface AuthPluginOptions {
  /** SHA-256 (hex) of the admin token. Absent: every protected route answers 401 (never open). */
  adminTokenSha256: string | undefined;
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/;

/**
 * Admin bearer-token authentication. Only the token's SHA-256 is configured; the presented token is
 * hashed and compared in constant time, so neither the comparison's timing nor the configuration
 * reveals the token.
 */
export const authPlugin = fp<AuthPluginOptions>(
  (app: FastifyInstance, { adminTokenSha256 }, done) => {
    const requireAdmin: onRequestHookHandler = (request, reply, next) => {
      const presented = BEARER.exec(request.headers.authorization ?? '')?.[1];
      if (adminTokenSha256 === undefined || presented === undefined || !safeEqual(hashToken(presented), adminTokenSha256)) {
        void reply.header('www-authenticate', 'Bearer');
        next(new UnauthorizedError());
        return;
      }
      next();
    };
    app.decorate('requireAdmin', requireAdmin);
    done();
  },
  { name: 'eventlead-auth', fastify: '5.x' },
);
