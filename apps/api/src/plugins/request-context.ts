import { setActor, setAuditContext, setDeadline, type AuditContext } from '@eventlead/db';
import { UserAudit } from '@eventlead/models';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { clientAddress } from '../client-address';
import { operatorAccountId } from '../operator-account';
import { databaseAccessOf } from './orm';
import { addRouteHook } from './route-hooks';

// Widths of the audit-history tables' context columns (one column set in @eventlead/models): a longer
// value (a client's User-Agent, a forwarded address) is cut to fit rather than failing the write.
const { ipAddress, userAgent } = UserAudit.meta.properties;
const IP_ADDRESS_LENGTH = ipAddress.length ?? 45;
const USER_AGENT_LENGTH = userAgent.length ?? 500;

/**
 * The audit context of a request: its id (the `x-request-id` it answers with), the client's address
 * ({@link clientAddress}: a valid IP address, following `TRUST_PROXY`) and its `User-Agent`, cut to the
 * width of the audit columns.
 */
export function auditContextOf(request: FastifyRequest): AuditContext {
  const agent = request.headers['user-agent'];
  const address = clientAddress(request);
  return {
    requestId: request.id,
    ...(address === undefined ? {} : { ipAddress: address.slice(0, IP_ADDRESS_LENGTH) }),
    ...(agent === undefined ? {} : { userAgent: agent.slice(0, USER_AGENT_LENGTH) }),
  };
}

/**
 * Who acts and the audit context, for every request with a unit of work (`config.database:
 * 'unit-of-work'`), set on it before any handler runs, so that no handler sets them and none can
 * forget to:
 * - who acts (`setActor`): the principal the route's authentication accepted; the admin token acts
 *   as the platform operator account, whom the rows' created-, updated- and deleted-by columns and the
 *   audit trail's author then credit. A request nobody authenticated acts as nobody (NULL);
 * - the request's deadline (`setDeadline`, from `deadlinePlugin`): every `transactional` of the
 *   request honours it (server-side timeouts, rollback once it has passed);
 * - the audit context (`setAuditContext`, {@link auditContextOf}): the request id, client address and
 *   user agent of every `audit.*` row the request writes.
 *
 * Runs right after the unit of work opens (`ormPlugin`), and after the route's own `onRequest` hooks,
 * authentication among them.
 */
export const requestContextPlugin = fp(
  (app: FastifyInstance, _options, done) => {
    const setRequestContext: onRequestHookHandler = (request, _reply, next) => {
      const em = request.em;
      setAuditContext(em, auditContextOf(request));
      if (request.deadline !== undefined) setDeadline(em, request.deadline);
      if (request.principal !== 'admin') {
        next();
        return;
      }
      operatorAccountId(app.orm, request.log).then(
        (actorId) => {
          setActor(em, actorId);
          next();
        },
        (error: unknown) => {
          next(error as Error);
        },
      );
    };
    app.addHook('onRoute', (route) => {
      if (databaseAccessOf(route) !== 'unit-of-work') return;
      addRouteHook(route, 'onRequest', setRequestContext);
    });
    done();
  },
  { name: 'eventlead-request-context', dependencies: ['eventlead-deadline', 'eventlead-orm', 'eventlead-auth'], fastify: '5.x' },
);
