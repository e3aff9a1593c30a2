import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { OrgAccountsQuery, OrgUnitIdSchema } from '../../../shared/api/orgs';

export const ORG_PAGE_SIZE = 50;
const ROLE_STATES = ['ok', 'failed', 'skipped', 'unchecked'] as const;
const STATUSES = ['ACTIVE', 'SUSPENDED'] as const;
export type RoleFilter = (typeof ROLE_STATES)[number];
export type StatusFilter = (typeof STATUSES)[number];

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.find((item) => item === value);

/**
 * The accounts view's filters and page, kept in the URL (?ou=&q=&status=&role=&page=&limit=) so a
 * link or a reload shows the same page. Anything the API would refuse is ignored rather than sent.
 */
export function useOrgFilters() {
  const [params, setParams] = useSearchParams();
  const ouParsed = OrgUnitIdSchema.safeParse(params.get('ou'));
  const ou = ouParsed.success ? ouParsed.data : undefined;
  const q = params.get('q')?.trim() || undefined;
  const status = pick(STATUSES, params.get('status'));
  const role = pick(ROLE_STATES, params.get('role'));
  const limitParsed = OrgAccountsQuery.shape.limit.safeParse(params.get('limit') ?? undefined);
  const limit = limitParsed.success ? limitParsed.data : ORG_PAGE_SIZE;
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '1', 10) - 1 || 0);

  /** Changes some filters; any change but the page itself goes back to the first page. */
  const update = useCallback(
    (changes: Record<string, string | undefined>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: 'q' in changes },
      ),
    [setParams],
  );

  return {
    ou,
    q,
    status,
    role,
    limit,
    page,
    update,
    roleStates: ROLE_STATES,
    statuses: STATUSES,
    query: {
      offset: page * limit,
      limit,
      ...(ou ? { ou } : {}),
      ...(q ? { q } : {}),
      ...(status ? { status } : {}),
      ...(role ? { role } : {}),
    },
  };
}
export type OrgFilters = ReturnType<typeof useOrgFilters>;
