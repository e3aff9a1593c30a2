import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert, Loading } from './States';

/**
 * What a list query shows before or instead of its rows: a spinner while loading, the error with a
 * retry, or `emptyText` when it answered with no items. Renders nothing once there are rows.
 */
export function ListQueryStatus({
  query,
  isEmpty,
  emptyText,
}: {
  query: Pick<UseQueryResult, 'isPending' | 'isError' | 'isSuccess' | 'error' | 'refetch'>;
  isEmpty: boolean;
  emptyText: string;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isSuccess && isEmpty) return <p className="text-body-secondary mb-0">{emptyText}</p>;
  return null;
}
