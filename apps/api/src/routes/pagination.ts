/** Validated list parameters (see `paginationParams` in @eventlead/schemas). */
interface PageQuery {
  page: number;
  pageSize: number;
  sortBy: string;
  sortOrder: 'asc' | 'desc';
}

/**
 * `findAndCount` options for one page: the whitelisted sort column, then the id so that rows with
 * equal sort values keep one order and pages never overlap.
 */
export function pageOptions(query: PageQuery): { orderBy: Record<string, 'asc' | 'desc'>; limit: number; offset: number } {
  const orderBy: Record<string, 'asc' | 'desc'> = { [query.sortBy]: query.sortOrder, ...(query.sortBy === 'id' ? {} : { id: 'asc' }) };
  return { orderBy, limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

/** A list answer in the PaginatedResponse envelope. */
export function pageOf<D>(items: D[], total: number, query: PageQuery) {
  return { success: true, message: 'ok', data: { items, total, page: query.page, pageSize: query.pageSize } };
}
