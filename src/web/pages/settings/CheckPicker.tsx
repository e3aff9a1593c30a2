import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckCatalogueEntry } from '../../../shared/api/advisor';
import { FormField } from '../../components/FormField';
import { ErrorAlert, Loading } from '../../components/States';
import { currentLang } from '../../i18n';
import { useChecks } from '../advisor/api';

/**
 * The checks a rule of chosen checks watches: the advisor's catalogue grouped by service, titles in
 * the current language, narrowed by a search over title, id and service name.
 */
export function CheckPicker({
  selected,
  onChange,
  error,
}: {
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const checks = useChecks();
  const [query, setQuery] = useState('');
  const tx = (key: string, values?: Record<string, unknown>) => t(`settings.watch.checks.${key}`, values);
  const serviceName = (c: CheckCatalogueEntry) => t(`advisor.services.${c.service}`);
  const needle = query.trim().toLocaleLowerCase();
  const matches = (checks.data?.checks ?? []).filter(
    (c) =>
      !needle ||
      [c.title[lang], c.id, serviceName(c)].some((text) => text.toLocaleLowerCase().includes(needle)),
  );
  const byService = new Map<string, CheckCatalogueEntry[]>();
  for (const c of matches) byService.set(c.service, [...(byService.get(c.service) ?? []), c]);
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((x) => x !== id));

  return (
    <fieldset className="mb-3" aria-describedby={error ? 'rule-checks-error' : undefined}>
      <legend className="form-label fw-medium fs-6">{tx('legend')}</legend>
      <FormField
        id="rule-check-search"
        label={tx('search')}
        type="search"
        value={query}
        onChange={setQuery}
      />
      <p className="small text-body-secondary mb-2" aria-live="polite">
        {tx('chosen', { count: selected.length })}
      </p>
      {error && (
        <div id="rule-checks-error" className="text-danger small mb-2">
          {error}
        </div>
      )}
      {checks.isPending && <Loading />}
      {checks.isError && <ErrorAlert error={checks.error} />}
      <div
        className="border rounded p-2 overflow-auto"
        style={{ maxHeight: '16rem' }}
        data-testid="check-picker"
      >
        {[...byService].map(([service, list]) => (
          <fieldset key={service} className="mb-2">
            <legend className="fw-medium small text-body-secondary fs-6 mb-1">
              {list[0] ? serviceName(list[0]) : service}
            </legend>
            {list.map((c) => (
              <div className="form-check" key={c.id}>
                <input
                  className="form-check-input"
                  type="checkbox"
                  id={`rule-check-${c.id}`}
                  checked={selected.includes(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
                <label className="form-check-label" htmlFor={`rule-check-${c.id}`}>
                  {c.title[lang]}
                </label>
              </div>
            ))}
          </fieldset>
        ))}
        {checks.data && matches.length === 0 && <p className="mb-0">{tx('noMatch')}</p>}
      </div>
    </fieldset>
  );
}
