import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgFilters } from './useOrgFilters';

const SEARCH_DELAY_MS = 300;

/** Search (debounced: the URL and the request follow once typing pauses), status and role filters. */
export function OrgAccountFilters({ filters }: { filters: OrgFilters }) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.q ?? '');
  const { update } = filters;
  const applied = filters.q ?? '';

  // Back/forward or a link changes q: the box follows.
  useEffect(() => setText(applied), [applied]);
  useEffect(() => {
    if (text.trim() === applied) return;
    const timer = setTimeout(() => update({ q: text.trim() || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, applied, update]);

  return (
    <search className="row g-2 mb-3">
      <div className="col-12 col-md-6">
        <label htmlFor="org-search" className="form-label small fw-medium mb-1">
          {t('orgs.search')}
        </label>
        <input
          id="org-search"
          type="search"
          className="form-control form-control-sm"
          placeholder={t('orgs.searchPlaceholder')}
          value={text}
          maxLength={100}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="col-6 col-md-3">
        <label htmlFor="org-status" className="form-label small fw-medium mb-1">
          {t('orgs.status')}
        </label>
        <select
          id="org-status"
          className="form-select form-select-sm"
          value={filters.status ?? ''}
          onChange={(event) => update({ status: event.target.value || undefined })}
        >
          <option value="">{t('orgs.any')}</option>
          {filters.statuses.map((status) => (
            <option key={status} value={status}>
              {t(`orgs.statuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="col-6 col-md-3">
        <label htmlFor="org-role" className="form-label small fw-medium mb-1">
          {t('orgs.role')}
        </label>
        <select
          id="org-role"
          className="form-select form-select-sm"
          value={filters.role ?? ''}
          onChange={(event) => update({ role: event.target.value || undefined })}
        >
          <option value="">{t('orgs.any')}</option>
          {filters.roleStates.map((role) => (
            <option key={role} value={role}>
              {t(`orgs.roleStates.${role}`)}
            </option>
          ))}
        </select>
      </div>
    </search>
  );
}
