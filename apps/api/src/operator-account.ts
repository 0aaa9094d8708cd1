import { findSystemActorId, SystemActorMissingError, type ActorId, type Orm } from '@eventlead/db';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { OperatorAccountError } from './errors';

// The operator account's id per ORM (that is, per database), looked up once and shared by every request.
const operatorIds = new WeakMap<Orm, Promise<ActorId | undefined>>();

/**
 * The platform operator account the admin token acts as (the seed's system actor). Without the
 * reference seed there is none: writes are then recorded without an actor and the log says once how to
 * fix it, rather than every admin write failing. Any other failure is not remembered: the next call
 * asks again.
 */
export function operatorAccountId(orm: Orm, log: FastifyBaseLogger): Promise<ActorId | undefined> {
  let cached = operatorIds.get(orm);
  if (cached === undefined) {
    cached = findSystemActorId(orm.em.fork()).catch((error: unknown) => {
      if (!(error instanceof SystemActorMissingError)) {
        operatorIds.delete(orm);
        throw error;
      }
      log.warn(error.message);
      return undefined;
    });
    operatorIds.set(orm, cached);
  }
  return cached;
}

/**
 * Refuses a request aimed at the platform operator account: the admin token acts as that account, so
 * changing or deleting it through the API would rewrite or remove the identity every audit row credits.
 * @throws {OperatorAccountError} 409 when `userId` is the operator's
 */
export async function refuseOperatorAccount(
  request: FastifyRequest,
  userId: number,
  refused: ConstructorParameters<typeof OperatorAccountError>[0],
): Promise<void> {
  const operator = await operatorAccountId(request.server.orm, request.log);
  if (operator !== undefined && String(operator) === String(userId)) throw new OperatorAccountError(refused);
}
