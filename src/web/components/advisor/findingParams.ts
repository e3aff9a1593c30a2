import { type FindingFilter, FindingFilterQuery } from '../../../shared/api/advisor';

/** The URL keys of the results page's filters and sort (one schema with the API's query). */
const FILTER_KEYS = ['service', 'category', 'severity', 'status', 'region', 'q', 'sort'] as const;

export type FindingsView = 'groups' | 'flat';

/** The filter the URL says; a key that does not parse falls back to its default alone. */
export function filterFromParams(params: URLSearchParams): FindingFilter {
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value && FindingFilterQuery.shape[key].safeParse(value).success) raw[key] = value;
  }
  return FindingFilterQuery.parse(raw);
}

export const viewFromParams = (params: URLSearchParams): FindingsView =>
  params.get('view') === 'flat' ? 'flat' : 'groups';

/** 0-based page of the flat view (`page` in the URL is 1-based, as people read it). */
export const pageFromParams = (params: URLSearchParams): number => {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 1 ? page - 1 : 0;
};

/**
 * `params` with `changes` applied: defaults and empty values leave the URL, and any change of
 * filter or view sends the flat view back to its first page.
 */
export function withChanges(
  params: URLSearchParams,
  changes: Partial<Record<(typeof FILTER_KEYS)[number] | 'view' | 'page', string | undefined>>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const defaults = FindingFilterQuery.parse({});
  for (const [key, value] of Object.entries(changes)) {
    const isDefault =
      value === undefined ||
      value === '' ||
      (key === 'status' && value === defaults.status) ||
      (key === 'sort' && value === defaults.sort) ||
      (key === 'view' && value === 'groups') ||
      (key === 'page' && value === '1');
    if (isDefault) next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}

/** Every filter back to its default (the run and the view stay). */
export function clearedFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of [...FILTER_KEYS, 'page']) next.delete(key);
  return next;
}
