import type { EntitySchema } from '@mikro-orm/core';
import { Company } from '../dbo/company.entity';
import { User } from '../dbo/user.entity';
import { CompanyAudit } from './company-audit.entity';
import { UserAudit } from './user-audit.entity';

/** An entity whose every change is recorded field by field, and where (see {@link changeHistories}). */
export interface ChangeHistory {
  /** The entity whose changes are recorded (`User`). */
  readonly entity: EntitySchema;
  /** The history entity the changes go to (`UserAudit`, table `audit.User`), shaped by `fieldChangeHistoryProperties()`. */
  readonly history: EntitySchema;
  /** The history's property that holds the changed row's key (`userId`). */
  readonly key: string;
}

function changeHistory<H>(entity: EntitySchema, history: EntitySchema<H>, key: keyof H & string): ChangeHistory {
  return { entity, history, key };
}

/**
 * The entities that keep a field-level change history, each with its history entity. The db package's
 * audit-trail subscriber records changes of exactly these, so keeping the history of another table is one
 * entry here (and its history entity).
 * @example
 * changeHistories.find((h) => h.entity === User)?.history // UserAudit
 */
export const changeHistories: readonly ChangeHistory[] = [
  changeHistory(User, UserAudit, 'userId'),
  changeHistory(Company, CompanyAudit, 'companyId'),
];
