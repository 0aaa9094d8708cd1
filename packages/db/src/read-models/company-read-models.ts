import type { EntityManager } from '@mikro-orm/knex';
import { Company } from '@eventlead/models';
import { DetailReadModel, PageReadModel, type CompiledStatement, type Page, type PageRequest } from './read-model';

/** A company as the list and detail read models return them (property names, the ORM's types). */
export interface CompanySummary {
  /** `CompanyID`. */
  id: number;
  /** The registered company name. */
  companyName: string;
  /** Australian Business Number, 11 digits without spaces; null when not recorded. */
  abn: string | null;
  /** Australian Company Number, 9 digits without spaces; null when not recorded. */
  acn: string | null;
  /** The name the company trades under; null when none is recorded. */
  tradingName: string | null;
  /** Whether the company is registered for GST (default false). */
  gstRegistered: boolean;
  /** Whether the company is active. */
  isActive: boolean;
  /** When the row was created. */
  createdDate: Date;
  /** When the row was last updated. */
  updatedDate: Date;
}

/** A live member of a company: the user, role and status. */
export interface CompanyMembership {
  /** `UserCompanyID`. */
  id: number;
  /** Whether this is the member's default company. */
  isDefaultCompany: boolean;
  /** The member: id, e-mail address and name (null parts when not given). */
  user: { id: number; email: string; firstName: string | null; lastName: string | null };
  /** The member's `ref.UserCompanyRole`: id, code and display name. */
  role: { id: number; code: string; name: string };
  /** The membership's `ref.UserCompanyStatus`: id and code. */
  status: { id: number; code: string };
}

/** A company with its live members, sorted by user id. */
export interface CompanyDetail extends CompanySummary {
  /** The live memberships, sorted by user id. */
  userCompanies: CompanyMembership[];
}

const COMPANY_FIELDS = ['companyName', 'abn', 'acn', 'tradingName', 'gstRegistered', 'isActive', 'createdDate', 'updatedDate'];

const companyDetail = new DetailReadModel<CompanyDetail>('company_detail', Company, {
  fields: COMPANY_FIELDS,
  relations: {
    userCompanies: {
      fields: ['isDefaultCompany'],
      sortBy: 'user.id',
      relations: { user: { fields: ['email', 'firstName', 'lastName'] }, role: { fields: ['code', 'name'] }, status: { fields: ['code'] } },
    },
  },
});

const companiesPage = new PageReadModel<CompanySummary, Company>('companies_page', Company, { fields: COMPANY_FIELDS });

/**
 * `GET /companies/:id`: a live company with its live members (user, role, status), or `undefined`.
 * Soft delete as the ORM applies it: a membership is listed when it and its user, company, role,
 * status and joined-via rows are live.
 */
export function readCompanyDetail(em: EntityManager, id: number): Promise<CompanyDetail | undefined> {
  return companyDetail.read(em, id);
}

/** `GET /companies`: one page of live companies matching `where`, and the total. */
export function readCompaniesPage(em: EntityManager, request: PageRequest<Company>): Promise<Page<CompanySummary>> {
  return companiesPage.read(em, request);
}

/** The statements of the company read models on `em`'s dialect (detail, then the unfiltered page by id and its count). */
export async function companyReadModelStatements(em: EntityManager): Promise<CompiledStatement[]> {
  return [await companyDetail.statement(em), ...(await companiesPage.statements(em, { orderBy: { id: 'asc' }, limit: 20, offset: 0 }))];
}
