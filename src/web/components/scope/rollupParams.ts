import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { AccountRollupQuery } from '../../../shared/api/rollup';
import { type Scope, scopeParam } from '../../../shared/api/scope';

export const ROLLUP_PAGE = 50;
export const ROLLUP_SORTS = AccountRollupQuery.shape.sort.unwrap().options;
export type RollupSort = (typeof ROLLUP_SORTS)[number];

/**
 * The roll-up's sort and page, kept in the dashboard's URL (`?sort=&page=`, 1-based; the defaults
 * leave it) so a link or a reload shows the same page; anything else reads as the default.
 */
export function useRollupParams() {
  const [params, setParams] = useSearchParams();
  const sort = ROLLUP_SORTS.find((s) => s === params.get('sort')) ?? 'risk';
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '1', 10) - 1 || 0);
  const update = useCallback(
    (next: { sort?: RollupSort; page?: number }) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        if (next.sort !== undefined) {
          if (next.sort === 'risk') updated.delete('sort');
          else updated.set('sort', next.sort);
        }
        const page = next.page ?? 0; // a new sort starts on the first page
        if (page === 0) updated.delete('page');
        else updated.set('page', String(page + 1));
        return updated;
      }),
    [setParams],
  );
  return { sort, page, offset: page * ROLLUP_PAGE, update };
}

/** Where an account of the roll-up drills into: its dashboard, or its advisor results of one category. */
export function drillUrl(account: { connectionId: string; accountId: string }, category?: string): string {
  const scope: Scope = { kind: 'account', connectionId: account.connectionId, accountId: account.accountId };
  const param = `scope=${encodeURIComponent(scopeParam(scope) ?? '')}`;
  return category ? `/advisor?${param}&category=${encodeURIComponent(category)}` : `/?${param}`;
}
