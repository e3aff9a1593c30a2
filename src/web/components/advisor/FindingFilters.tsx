import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATEGORIES,
  type Category,
  FINDING_STATUSES,
  type FindingStatus,
  SEVERITIES,
  type ServiceId,
  type Severity,
} from '../../../core/services';
import type { FindingDto } from '../../../shared/api/advisor';

export interface Filters {
  service: ServiceId | '';
  category: Category | '';
  severity: Severity | '';
  /** `open` = failing and warning findings (the default view). */
  status: FindingStatus | 'open' | '';
  text: string;
}

export const EMPTY_FILTERS: Filters = { service: '', category: '', severity: '', status: 'open', text: '' };

/** Pure so the grouping and the counts always agree with what the filters show. */
export function applyFilters(
  findings: readonly FindingDto[],
  filters: Filters,
  titleOf: (checkId: string) => string,
): FindingDto[] {
  const text = filters.text.trim().toLowerCase();
  return findings.filter((f) => {
    if (filters.service && f.service !== filters.service) return false;
    if (filters.category && f.category !== filters.category) return false;
    if (filters.severity && f.severity !== filters.severity) return false;
    if (filters.status === 'open' && f.status !== 'fail' && f.status !== 'warning') return false;
    if (filters.status && filters.status !== 'open' && f.status !== filters.status) return false;
    if (!text) return true;
    return [
      f.resourceId,
      f.resourceName ?? '',
      f.checkId,
      titleOf(f.checkId),
      f.message.ko,
      f.message.en,
      f.region,
    ]
      .join('\n')
      .toLowerCase()
      .includes(text);
  });
}

export function FindingFilters({
  filters,
  services,
  onChange,
}: {
  filters: Filters;
  services: readonly ServiceId[];
  onChange: (filters: Filters) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  const select = (
    key: 'service' | 'category' | 'severity' | 'status',
    label: string,
    options: readonly { value: string; label: string }[],
  ) => (
    <div className="col-6 col-md-3 col-lg-2">
      <label className="form-label small mb-1" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <select
        id={`${id}-${key}`}
        className="form-select form-select-sm"
        value={filters[key]}
        onChange={(e) => set(key, e.target.value as Filters[typeof key])}
      >
        {key !== 'status' && <option value="">{t('advisor.filters.all')}</option>}
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
      {select('status', t('advisor.filters.status'), [
        { value: 'open', label: t('advisor.filters.open') },
        { value: '', label: t('advisor.filters.all') },
        ...FINDING_STATUSES.map((s) => ({ value: s, label: t(`advisor.statuses.${s}`) })),
      ])}
      <div className="col-12 col-md-8 col-lg-3">
        <label className="form-label small mb-1" htmlFor={`${id}-text`}>
          {t('advisor.filters.text')}
        </label>
        <input
          id={`${id}-text`}
          type="search"
          className="form-control form-control-sm"
          placeholder={t('advisor.filters.textPlaceholder')}
          value={filters.text}
          onChange={(e) => set('text', e.target.value)}
        />
      </div>
      <div className="col-auto">
        <button type="button" className="btn btn-sm btn-link" onClick={() => onChange(EMPTY_FILTERS)}>
          {t('advisor.filters.clear')}
        </button>
      </div>
    </search>
  );
}
