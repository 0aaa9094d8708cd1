import type { EntityManager } from '@mikro-orm/core';

/** Request details written next to each audit row (all optional). */
export interface AuditContext {
  /** Correlates the audit rows with `log.ApiRequest` and the request log. */
  readonly requestId?: string;
  /** The client's IP address as the API saw it (after the trusted-proxy setting); column `IPAddress`. */
  readonly ipAddress?: string;
  /** The client's `User-Agent` header; column `UserAgent`. */
  readonly userAgent?: string;
  /** Why the change was made, when the caller knows (e.g. `password reset`). */
  readonly reason?: string;
}

/**
 * Stored like the actor (see `setActor`): as a filter parameter of the EntityManager fork, which
 * MikroORM copies into every fork made from it, including transaction forks, and hands to flush
 * subscribers. No filter has this name, so no query changes.
 */
const AUDIT_CONTEXT_PARAM = 'eventlead:audit-context';

/**
 * Records request details for the audit trail of changes flushed through `em` and its later forks.
 * Set it on a request's fork next to `setActor`, never on the global `orm.em`.
 * @example
 * setActor(em, session.userId);
 * setAuditContext(em, { requestId: request.id, ipAddress: request.ip, userAgent: request.headers['user-agent'] });
 */
export function setAuditContext(em: EntityManager, context: AuditContext): void {
  em.setFilterParams(AUDIT_CONTEXT_PARAM, { ...context });
}

/** The audit context recorded on `em` by {@link setAuditContext}; empty when none was set. */
export function getAuditContext(em: EntityManager): AuditContext {
  // Undefined until setAuditContext() ran on this fork or an ancestor.
  const context = em.getFilterParams<AuditContext>(AUDIT_CONTEXT_PARAM) as AuditContext | undefined;
  return { ...context };
}
