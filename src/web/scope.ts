import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseScope, type Scope, scopeParam } from '../shared/api/scope';

/** `url` with the scope's `scope` parameter added (unchanged for all accounts). */
export function withScopeParam(url: string, scope: Scope): string {
  const param = scopeParam(scope);
  if (!param) return url;
  return `${url}${url.includes('?') ? '&' : '?'}scope=${encodeURIComponent(param)}`;
}

/**
 * The page's account scope, kept in the URL's `scope` parameter (a malformed one reads as all
 * accounts). `search` is what links keep when moving between pages.
 */
export function useScope() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('scope');
  const scope = parseScope(raw) ?? { kind: 'all' as const };
  const param = scopeParam(scope);
  const setScope = useCallback(
    (next: Scope) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        const value = scopeParam(next);
        if (value) updated.set('scope', value);
        else updated.delete('scope');
        return updated;
      }),
    [setParams],
  );
  return { scope, param, search: param ? `?scope=${encodeURIComponent(param)}` : '', setScope };
}
