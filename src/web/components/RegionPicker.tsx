import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../api/hooks';
import { currentLang } from '../i18n';
import {
  groupRegions,
  initialRegions,
  type RegionOption,
  type RegionSelection,
  toggleRegions,
} from './regionChoices';
import { ErrorAlert, Loading } from './States';

/**
 * The one region picker of the collection, advisor and schedule forms: every enabled region, or a
 * chosen list where the account's enabled regions come first (the home region on top and proposed
 * until the user picks), the rest of its partition apart and not selectable, with a filter by id or
 * place name in either language, select all / clear and a count.
 */
export function RegionPicker({
  connectionId,
  value,
  onChange,
  idPrefix,
  error,
  className,
}: {
  /** Whose account's regions; undefined: the user's default connection. */
  connectionId?: string | undefined;
  /** null until anything is chosen: the home region is then proposed once the regions load. */
  value: RegionSelection | null;
  onChange: (value: RegionSelection) => void;
  /** Ids inside are `${idPrefix}-…`, checkboxes `${idPrefix}-${region}`. */
  idPrefix: string;
  error?: string | undefined;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  const regions = useRegions(connectionId);
  const [query, setQuery] = useState('');
  // The list chosen before "all enabled" was picked, so switching back restores it.
  const lastChosen = useRef<string[] | null>(null);
  if (Array.isArray(value)) lastChosen.current = value;

  const answer = regions.data;
  useEffect(() => {
    if (value === null && answer) onChange(initialRegions(answer));
  }, [value, answer, onChange]);

  const chosenMode = value !== 'all-enabled';
  const selected = Array.isArray(value) ? value : [];
  const groups = answer ? groupRegions(answer, lang, query) : { enabled: [], other: [] };
  const total = answer?.regions.filter((r) => r.enabled).length ?? 0;
  const toggle = (names: string[], on: boolean) =>
    answer && onChange(toggleRegions(answer, selected, names, on));
  const errorId = `${idPrefix}-error`;

  return (
    <fieldset className={className} aria-describedby={error ? errorId : undefined}>
      <legend className="form-label fw-semibold fs-6">{t('regionPicker.legend')}</legend>
      {(['all', 'chosen'] as const).map((mode) => (
        <div className={mode === 'all' ? 'form-check' : 'form-check mt-2'} key={mode}>
          <input
            className="form-check-input"
            type="radio"
            name={`${idPrefix}-mode`}
            id={`${idPrefix}-mode-${mode}`}
            checked={mode === 'chosen' ? chosenMode : !chosenMode}
            onChange={() =>
              onChange(
                mode === 'all'
                  ? 'all-enabled'
                  : (lastChosen.current ?? (answer ? initialRegions(answer) : [])),
              )
            }
            aria-describedby={mode === 'all' ? `${idPrefix}-mode-all-help` : undefined}
          />
          <label className="form-check-label" htmlFor={`${idPrefix}-mode-${mode}`}>
            {t(mode === 'all' ? 'regionPicker.allEnabled' : 'regionPicker.chosen')}
          </label>
          {mode === 'all' && (
            <div id={`${idPrefix}-mode-all-help`} className="form-text mt-0">
              {t('regionPicker.allEnabledHelp')}
            </div>
          )}
        </div>
      ))}
      {error && (
        <div id={errorId} className="invalid-feedback d-block">
          {error}
        </div>
      )}
      {chosenMode && (
        <div className="region-picker mt-2 ms-4">
          {regions.isPending && <Loading />}
          {regions.isError && <ErrorAlert error={regions.error} onRetry={() => void regions.refetch()} />}
          {answer?.source === 'fallback' && (
            <p className="small text-body-secondary">{t('regionPicker.fallback')}</p>
          )}
          {answer && (
            <>
              <div className="d-flex flex-wrap align-items-end gap-2 mb-2">
                <div className="flex-grow-1" style={{ minWidth: '12rem', maxWidth: '20rem' }}>
                  <label className="form-label small mb-1" htmlFor={`${idPrefix}-filter`}>
                    {t('regionPicker.filter')}
                  </label>
                  <input
                    id={`${idPrefix}-filter`}
                    type="search"
                    className="form-control form-control-sm"
                    value={query}
                    placeholder={t('regionPicker.filterPlaceholder')}
                    onChange={(event) => setQuery(event.target.value)}
                  />
                </div>
                <button
                  type="button"
                  className="btn btn-sm btn-outline-dark"
                  onClick={() =>
                    toggle(
                      groups.enabled.map((o) => o.name),
                      true,
                    )
                  }
                >
                  {t('regionPicker.selectAll')}
                </button>
                <button type="button" className="btn btn-sm btn-outline-dark" onClick={() => onChange([])}>
                  {t('regionPicker.clear')}
                </button>
              </div>
              <p
                className="small text-body-secondary mb-2"
                aria-live="polite"
                data-testid={`${idPrefix}-count`}
              >
                {t('regionPicker.count', { selected: selected.length, total })}
              </p>
              {groups.enabled.length + groups.other.length === 0 && (
                <p className="small mb-0">{t('regionPicker.noMatch', { query: query.trim() })}</p>
              )}
              <div className="region-picker-list">
                {(['enabledGroup', 'otherGroup'] as const).map((group) => (
                  <RegionGroup
                    key={group}
                    legend={t(`regionPicker.${group}`)}
                    options={group === 'enabledGroup' ? groups.enabled : groups.other}
                    selected={selected}
                    idPrefix={idPrefix}
                    homeLabel={t('regionPicker.home')}
                    onToggle={(name, on) => toggle([name], on)}
                  />
                ))}
              </div>
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}

function RegionGroup({
  legend,
  options,
  selected,
  idPrefix,
  homeLabel,
  onToggle,
}: {
  legend: string;
  options: RegionOption[];
  selected: readonly string[];
  idPrefix: string;
  homeLabel: string;
  onToggle: (name: string, on: boolean) => void;
}) {
  if (options.length === 0) return null;
  return (
    <fieldset className="mb-2" data-testid={`${idPrefix}-group`}>
      <legend className="small fw-semibold text-body-secondary mb-1 fs-6">{legend}</legend>
      <div className="region-picker-grid">
        {options.map((o) => (
          <div className="form-check" key={o.name}>
            <input
              className="form-check-input"
              type="checkbox"
              id={`${idPrefix}-${o.name}`}
              checked={o.enabled && selected.includes(o.name)}
              disabled={!o.enabled}
              onChange={(event) => onToggle(o.name, event.target.checked)}
            />
            <label className="form-check-label" htmlFor={`${idPrefix}-${o.name}`}>
              <span className="font-monospace">{o.name}</span>
              {o.place && ` — ${o.place}`}
              {o.home && <span className="badge text-bg-light border ms-1">{homeLabel}</span>}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
