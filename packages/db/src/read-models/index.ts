/**
 * Read models: the hot reads of the API as plain objects, built from entity metadata and the ORM's
 * filters once per dialect, run as named prepared statements on PostgreSQL.
 */
export { companyReadModelStatements, readCompaniesPage, readCompanyDetail, type CompanyDetail, type CompanyMembership, type CompanySummary } from './company-read-models';
export { DetailReadModel, PageReadModel, type CompiledStatement, type Page, type PageRequest } from './read-model';
export type { Shape } from './entity-graph';
export { readUserDetail, readUsersPage, userReadModelStatements, type UserDetail, type UserMembership, type UserSummary } from './user-read-models';
