import { readCompaniesPage, readCompanyDetail } from '@eventlead/db';
import type { Company } from '@eventlead/models';
import type { FilterQuery } from '@mikro-orm/core';
import { NotFoundError } from '../errors';
import type { CompanyDetailDto, CompanyDto, ListCompaniesQuery } from './companies.schemas';
import { pageOf, pageOptions } from './pagination';

type Em = Parameters<typeof readCompanyDetail>[0];

/** A company as the API answers it: from a read model's row or from an entity just created. */
type CompanyRow = Pick<
  Company,
  'id' | 'companyName' | 'abn' | 'acn' | 'tradingName' | 'gstRegistered' | 'isActive' | 'createdDate' | 'updatedDate'
>;

/** The `CompanyDto` of a company row (a read model's `CompanySummary` or a created `Company`). */
export function toCompanyDto(c: CompanyRow): CompanyDto {
  return {
    id: c.id,
    companyName: c.companyName,
    abn: c.abn ?? null,
    acn: c.acn ?? null,
    tradingName: c.tradingName ?? null,
    gstRegistered: c.gstRegistered,
    isActive: c.isActive,
    createdDate: c.createdDate.toISOString(),
    updatedDate: c.updatedDate.toISOString(),
  };
}

/** `GET /companies/:id`: one company with its live members (the `@eventlead/db` read model), or a 404. */
export async function loadCompanyDetail(em: Em, id: number): Promise<CompanyDetailDto> {
  const company = await readCompanyDetail(em, id);
  if (company === undefined) throw new NotFoundError('Company');
  return {
    ...toCompanyDto(company),
    users: company.userCompanies.map((m) => ({
      userId: m.user.id,
      email: m.user.email,
      firstName: m.user.firstName,
      lastName: m.user.lastName,
      role: { code: m.role.code, name: m.role.name },
      status: m.status.code,
      isDefaultCompany: m.isDefaultCompany,
    })),
  };
}

/** `GET /companies`: one page of companies matching `where` and the total, in the list envelope. */
export async function loadCompaniesPage(em: Em, where: FilterQuery<Company>, query: ListCompaniesQuery) {
  const { items, total } = await readCompaniesPage(em, { where, ...pageOptions(query) });
  return pageOf(items.map((c) => toCompanyDto(c)), total, query);
}
