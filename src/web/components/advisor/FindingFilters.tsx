import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, FINDING_STATUSES, SEVERITIES, type ServiceId } from '../../../core/services';
import { FINDING_SORTS, type FindingFilter } from '../../../shared/api/advisor';

/** Typing pause before the search text goes to the URL (and the server). */
const TEXT_DEBOUNCE_MS = 250;

type SelectKey = 'service' | 'category' | 'severity' | 'status' | 'region' | 'sort';

/**
 * The results page's filters and sort. The parent keeps them in the URL: every change is a
 * history entry (the back button undoes it), except typing, which replaces the entry.
 */
export function FindingFilters({
  filter,
  services,
  regions,
  onChange,
  onClear,
}: {
  filter: FindingFilter;
  services: readonly ServiceId[];
  regions: readonly string[];
  onChange: (key: SelectKey | 'q', value: string, options?: { replace: boolean }) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(filter.q ?? '');
  // The URL changed by itself (back button, cleared filters): the box follows it.
  useEffect(() => setText(filter.q ?? ''), [filter.q]);
  useEffect(() => {
    if (text === (filter.q ?? '')) return;
    const timer = setTimeout(() => onChange('q', text, { replace: true }), TEXT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filter.q, onChange]);

  const select = (
    key: SelectKey,
    label: string,
    options: readonly { value: string; label: string }[],
    withAll = true,
  ) => (
    <div className="col-6 col-md-4 col-lg-2">
      <label className="form-label small mb-1" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <select
        id={`${id}-${key}`}
        className="form-select form-select-sm"
        value={filter[key] ?? ''}
        onChange={(e) => onChange(key, e.target.value)}
      >
        {withAll && <option value="">{t('advisor.filters.all')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <search className="row g-2 align-items-end mb-3" aria-label={t('advisor.filters.title')}>
      {select(
        'service',
        t('advisor.filters.service'),
        services.map((s) => ({ value: s, label: t(`advisor.services.${s}`) })),
      )}
      {select(
        'category',
        t('advisor.filters.category'),
        CATEGORIES.map((c) => ({ value: c, label: t(`advisor.categories.${c}`) })),
      )}
      {select(
        'severity',
        t('advisor.filters.severity'),
        SEVERITIES.map((s) => ({ value: s, label: t(`advisor.severities.${s}`) })),
      )}
      {select(
        'status',
        t('advisor.filters.status'),
        [
          { value: 'open', label: t('advisor.filters.open') },
          { value: 'all', label: t('advisor.filters.all') },
          ...FINDING_STATUSES.map((s) => ({ value: s, label: t(`advisor.statuses.${s}`) })),
          { value: 'muted', label: t('advisor.filters.muted') },
        ],
        false,
      )}
      {select(
        'region',
        t('advisor.filters.region'),
        regions.map((r) => ({ value: r, label: r })),
      )}
      {select(
        'sort',
        t('advisor.filters.sort'),
        FINDING_SORTS.map((s) => ({ value: s, label: t(`advisor.filters.sortBy.${s}`) })),
        false,
      )}
      <div className="col-12 col-md-8 col-lg-4">
        <label className="form-label small mb-1" htmlFor={`${id}-text`}>
          {t('advisor.filters.text')}
        </label>
        <input
          id={`${id}-text`}
          type="search"
          className="form-control form-control-sm"
          placeholder={t('advisor.filters.textPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="col-auto">
        <button type="button" className="btn btn-sm btn-link" onClick={onClear}>
          {t('advisor.filters.clear')}
        </button>
      </div>
    </search>
  );
}
