export { ActivityLog } from './activity-log.entity';
export { CompanyAudit } from './company-audit.entity';
export { RoleAudit } from './role-audit.entity';
export { UserAudit } from './user-audit.entity';
