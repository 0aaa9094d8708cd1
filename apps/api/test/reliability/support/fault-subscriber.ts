import type { EntityName, EventArgs, EventSubscriber, FlushEventArgs } from '@mikro-orm/core';

/** Where {@link FaultSubscriber} throws. */
export type FaultPoint = 'onFlush' | 'afterCreate' | 'afterUpdate';

/** The error an armed {@link FaultSubscriber} throws. */
export class InjectedFault extends Error {
  constructor(readonly point: FaultPoint, readonly entity: string) {
    super(`injected fault in ${point} of ${entity}`);
    this.name = 'InjectedFault';
  }
}

/**
 * A MikroORM subscriber that throws once, at a chosen point of a flush, for a chosen entity: the
 * middle of a multi-row write, after some rows (and their audit rows) were written in the same
 * transaction. Registered after the ORM's own subscribers, so their work for that entity is done.
 */
export class FaultSubscriber implements EventSubscriber {
  private armed: { point: FaultPoint; entity: string; before?: (args: EventArgs<object>) => Promise<void> } | undefined;
  /** Faults thrown so far. */
  fired = 0;

  getSubscribedEntities(): EntityName<object>[] {
    return [];
  }

  /** Throws at `point` for the next flush that reaches it with `entity`; `before` runs first (inside the transaction). */
  arm(point: FaultPoint, entity: string, before?: (args: EventArgs<object>) => Promise<void>): void {
    this.armed = { point, entity, ...(before ? { before } : {}) };
  }

  disarm(): void {
    this.armed = undefined;
  }

  onFlush(args: FlushEventArgs): void {
    const armed = this.armed;
    if (armed?.point !== 'onFlush') return;
    if (args.uow.getChangeSets().some((cs) => cs.meta.className === armed.entity)) this.fire();
  }

  async afterCreate(args: EventArgs<object>): Promise<void> {
    await this.maybeFire('afterCreate', args);
  }

  async afterUpdate(args: EventArgs<object>): Promise<void> {
    await this.maybeFire('afterUpdate', args);
  }

  private async maybeFire(point: FaultPoint, args: EventArgs<object>): Promise<void> {
    const armed = this.armed;
    if (armed?.point !== point || args.meta.className !== armed.entity) return;
    await armed.before?.(args);
    this.fire();
  }

  private fire(): never {
    const armed = this.armed;
    this.armed = undefined;
    this.fired += 1;
    throw new InjectedFault(armed?.point ?? 'onFlush', armed?.entity ?? '?');
  }
}
